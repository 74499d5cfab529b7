package io.github.netlink4j.internal.transport;

import io.github.netlink4j.internal.sys.MallocArena;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Opening, closing and use after close, which need no privilege: a netlink socket in the calling
 * thread's namespace only reads, and nothing here sends a request that changes anything.
 */
class ChannelLifecycleTest {
    @Test
    void tenThousandOpenCloseCyclesLeakNoFd() throws Exception {
        List<String> before = fds();
        for (int i = 0; i < 10_000; i++) {
            RequestSocket s = RequestSocket.open();
            assertNotEquals(0, s.portId());
            s.close();
            s.close(); // idempotent
        }
        assertEquals(before, fds());
    }

    @Test
    void useAfterCloseIsAnIllegalState() throws Exception {
        RequestSocket s = RequestSocket.open();
        s.close();
        assertThrows(IllegalStateException.class, () -> s.request(w -> { }, null, Target.of("x", "x")));
        assertThrows(IllegalStateException.class, () -> s.get(w -> { }, null, Target.of("x", "x")));
        // The buffers are freed at close: every path that would touch them must refuse, not read freed memory.
        assertThrows(IllegalStateException.class, () -> s.dump(w -> { }, -1, (seg, off, len) -> { }, () -> { }, "x"));
        assertThrows(IllegalStateException.class, () -> s.batch(1, (w, i) -> { }, null, i -> Target.of("x", "x")));
        EventSocket e = SocketFactory.here().events(1 << 16);
        e.close();
        e.close(); // idempotent
        assertThrows(IllegalStateException.class, e::receive);
        assertThrows(IllegalStateException.class, e::drain);
        assertThrows(IllegalStateException.class, () -> e.joinGroup(1));
        assertThrows(IllegalStateException.class, () -> e.setReceiveTimeoutMillis(100));
        assertThrows(IllegalStateException.class, () -> e.received(16));
    }

    @Test
    void mallocArenaSegmentsAreUsableUntilClose() {
        MallocArena a = new MallocArena();
        MemorySegment m = a.allocate(4096, 8);
        assertEquals(4096, m.byteSize());
        assertEquals(0, m.address() % 16, "calloc alignment");
        for (int i = 0; i < 4096; i++) assertEquals(0, m.get(ValueLayout.JAVA_BYTE, i), "zeroed");
        m.set(ValueLayout.JAVA_LONG, 4088, -1L);
        assertEquals(-1L, m.get(ValueLayout.JAVA_LONG, 4088));
        assertThrows(IndexOutOfBoundsException.class, () -> m.get(ValueLayout.JAVA_BYTE, 4096));
        assertThrows(IllegalArgumentException.class, () -> a.allocate(64, 64));
        a.close();
        a.close(); // idempotent
        assertThrows(IllegalStateException.class, () -> a.allocate(8, 8));
    }

    private static List<String> fds() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
