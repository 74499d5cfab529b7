package io.github.netlink4j.internal.transport;

import io.github.netlink4j.testing.OpenFds;
import io.github.netlink4j.internal.sys.MmapArena;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;

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
        List<String> before = OpenFds.netlinkSockets();
        for (int i = 0; i < 10_000; i++) {
            RequestSocket s = RequestSocket.open();
            assertNotEquals(0, s.portId());
            s.close();
            s.close(); // idempotent
        }
        assertEquals(before, OpenFds.netlinkSockets());
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

    /**
     * A close from another thread while the reader is blocked in recvmsg must not free the receive
     * buffer the kernel is about to write into (nor the fd number under the call): the reader frees both
     * when its call returns. The fd and the buffers are freed together, so the socket's fd shows it.
     */
    @Test
    void closeFromAnotherThreadLeavesABlockedReceiveItsBufferUntilItReturns() throws Exception {
        for (int round = 0; round < 3; round++) {
            EventSocket e = SocketFactory.here().events(1 << 16);
            e.setReceiveTimeoutMillis(1_000);
            List<String> open = OpenFds.netlinkSockets();
            java.util.concurrent.atomic.AtomicInteger got = new java.util.concurrent.atomic.AtomicInteger(1);
            Thread reader = Thread.ofPlatform().start(() -> {
                try {
                    got.set(e.receive());
                } catch (Exception ex) {
                    got.set(Integer.MIN_VALUE);
                }
            });
            awaitInRecvmsg(reader);
            e.close();
            assertEquals(open, OpenFds.netlinkSockets(), "the socket was freed under a blocked recvmsg");
            reader.join(10_000);
            assertEquals(-io.github.netlink4j.error.Errno.EAGAIN, got.get(), "the blocked receive ends at its timeout");
            assertEquals(open.size() - 1, OpenFds.netlinkSockets().size(), "the reader frees the socket when its call returns");
            assertThrows(IllegalStateException.class, e::receive);
            e.close(); // idempotent
        }
    }

    /** Waits (bounded) until {@code t} is inside the recvmsg downcall. */
    private static void awaitInRecvmsg(Thread t) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (StackTraceElement f : t.getStackTrace()) {
                if (f.getMethodName().startsWith("recvmsg")) {
                    Thread.sleep(50); // past the Java frame, into the kernel
                    return;
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the reader never reached recvmsg");
    }

    @Test
    void mmapArenaSegmentsAreUsableUntilClose() {
        MmapArena a = new MmapArena();
        MemorySegment m = a.allocate(4096, 8);
        assertEquals(4096, m.byteSize());
        assertEquals(0, m.address() % 16, "16-aligned as malloc's");
        for (int i = 0; i < 4096; i++) assertEquals(0, m.get(ValueLayout.JAVA_BYTE, i), "zeroed");
        m.set(ValueLayout.JAVA_LONG, 4088, -1L);
        assertEquals(-1L, m.get(ValueLayout.JAVA_LONG, 4088));
        assertThrows(IndexOutOfBoundsException.class, () -> m.get(ValueLayout.JAVA_BYTE, 4096));
        // small blocks share a mapping without overlapping; a large one gets its own; all zeroed
        List<MemorySegment> small = new ArrayList<>();
        for (int i = 0; i < 40; i++) small.add(a.allocate(100 + i, 4));
        for (int i = 0; i < small.size(); i++) {
            MemorySegment s = small.get(i);
            assertEquals(0, s.address() % 16);
            for (long j = 0; j < s.byteSize(); j++) assertEquals(0, s.get(ValueLayout.JAVA_BYTE, j), "zeroed");
            s.fill((byte) (i + 1));
        }
        for (int i = 0; i < small.size(); i++) {
            for (long j = 0; j < small.get(i).byteSize(); j++) assertEquals((byte) (i + 1), small.get(i).get(ValueLayout.JAVA_BYTE, j), "block " + i + " overlapped");
        }
        MemorySegment big = a.allocate(64 * 1024 + 3, 8);
        assertEquals(64 * 1024 + 3, big.byteSize());
        big.set(ValueLayout.JAVA_BYTE, big.byteSize() - 1, (byte) 7);
        assertEquals(0, a.allocate(0, 1).byteSize());
        assertThrows(IllegalArgumentException.class, () -> a.allocate(64, 3));
        assertThrows(IllegalArgumentException.class, () -> a.allocate(64, 8192));
        a.close();
        a.close(); // idempotent
        assertThrows(IllegalStateException.class, () -> a.allocate(8, 8));
    }

}
