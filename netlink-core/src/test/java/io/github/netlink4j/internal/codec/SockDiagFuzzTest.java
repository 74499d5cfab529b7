package io.github.netlink4j.internal.codec;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.Messages;
import io.github.netlink4j.sockdiag.SocketProtocol;
import io.github.netlink4j.testing.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Seeded fuzzing of the sock_diag decoders with truncated, bit-flipped and corrupted variants of the
 * kernel's replies to ss (golden/sockdiag), as {@link DecoderFuzzTest} does for rtnetlink: only
 * {@link ProtocolException} may escape, and a native segment sized to the input and a heap array give
 * the same outcome.
 */
class SockDiagFuzzTest {
    private static final List<String> SEEDS = List.of("sockdiag/tcp-dump", "sockdiag/tcp6-dump", "sockdiag/udp-dump", "sockdiag/unix-dump");
    // a quarter of the rtnetlink fuzz: four seeds, two decoders each, and it must finish on a loaded two-core machine
    private static final int CASES = 12_000;

    private static String outcome(MemorySegment s, long len) {
        StringBuilder sb = new StringBuilder();
        Messages m = new Messages();
        try {
            m.reset(s, len);
            while (m.next()) {
                for (int d = 0; d < 2; d++) {
                    try {
                        sb.append(d == 0 ? SockDiagCodec.decodeInet(s, m.offset(), m.length(), SocketProtocol.TCP)
                                : SockDiagCodec.decodeUnix(s, m.offset(), m.length())).append('\n');
                    } catch (ProtocolException e) {
                        sb.append("refused: ").append(e.getMessage()).append('\n');
                    }
                }
            }
        } catch (ProtocolException e) {
            sb.append("framing: ").append(e.getMessage());
        }
        return sb.toString();
    }

    @Test
    @Timeout(120)
    void onlyProtocolExceptionsEscapeAndHeapAndNativeAgree() {
        Random r = new Random(0x50c6d1a6L);
        for (int i = 0; i < CASES; i++) {
            byte[] seed = Golden.bytes(SEEDS.get(i % SEEDS.size()));
            byte[] b = DecoderFuzzTest.mutate(seed, r);
            String heap, nat;
            try (Arena a = Arena.ofConfined()) {
                MemorySegment n = a.allocate(Math.max(1, b.length)).asSlice(0, b.length);
                n.copyFrom(MemorySegment.ofArray(b));
                try {
                    heap = outcome(MemorySegment.ofArray(b), b.length);
                    nat = outcome(n, b.length);
                } catch (RuntimeException | Error e) {
                    throw new AssertionError("case " + i + " escaped with " + e + "\n" + Golden.dump(b), e);
                }
            }
            assertEquals(heap, nat, "case " + i);
        }
    }
}
