package io.github.netlink4j.internal.codec;

import io.github.netlink4j.conntrack.ConntrackEntry;
import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.Messages;
import io.github.netlink4j.testing.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seeded fuzzing of the conntrack decoders with truncated and bit-flipped variants of real replies captured
 * from conntrack-tools, as DecoderFuzzTest does for rtnetlink: only {@link ProtocolException} may escape, a
 * native segment sized to the input exactly catches any read past it, and a heap copy must give the same outcome.
 */
class ConntrackDecoderFuzzTest {
    private static final List<String> SEEDS = List.of("conntrack/entries", "conntrack/stats-cpu-reply", "conntrack/count-reply");
    private static final int CASES = 20_000; // well inside the timeout on a loaded 2-core machine

    /** Every message through every conntrack decoder; the entries printed, as a caller's log would. */
    static String decodeAll(MemorySegment s, long len) throws ProtocolException {
        StringBuilder out = new StringBuilder();
        Messages m = new Messages().reset(s, len);
        while (m.next()) {
            for (int d = 0; d < 3; d++) {
                try {
                    switch (d) {
                        case 0 -> {
                            ConntrackEntry e = ConntrackDecoder.decode(s, m.offset(), m.length());
                            out.append(e == null ? "skipped" : e.toText(true, true, Instant.EPOCH));
                        }
                        case 1 -> out.append(ConntrackDecoder.decodeCpuStats(s, m.offset(), m.length()));
                        default -> out.append(ConntrackDecoder.decodeCount(s, m.offset(), m.length()));
                    }
                } catch (ProtocolException expected) {
                    out.append("refused");
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static String outcome(byte[] b, boolean heap) {
        MemorySegment s;
        if (heap) {
            s = MemorySegment.ofArray(b);
        } else {
            s = Arena.ofAuto().allocate(Math.max(1, b.length), 8).asSlice(0, b.length);
            MemorySegment.copy(b, 0, s, ValueLayout.JAVA_BYTE, 0, b.length);
        }
        try {
            return decodeAll(s, b.length);
        } catch (ProtocolException e) {
            return "framing refused";
        }
    }

    @Test
    @Timeout(120)
    void onlyProtocolExceptionsEscapeAndHeapAgreesWithNative() {
        Random r = new Random(0xC0_77_7AC4L);
        int refused = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] seed = Golden.bytes(SEEDS.get(i % SEEDS.size()));
            byte[] b = mutate(seed, r);
            String nat = outcome(b, false);
            String heap = outcome(b, true);
            assertEquals(nat, heap, "case " + i);
            if (nat.contains("refused")) refused++;
        }
        assertTrue(refused > CASES / 10, "the mutations reached the refusals: " + refused);
    }

    /** A truncation, bit flips, or a length or type field set to a hostile value. */
    private static byte[] mutate(byte[] seed, Random r) {
        byte[] b = seed.clone();
        switch (r.nextInt(4)) {
            case 0 -> b = java.util.Arrays.copyOf(b, r.nextInt(b.length + 1));
            case 1 -> {
                for (int k = 1 + r.nextInt(4); k > 0; k--) b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
            }
            case 2 -> {
                int at = 20 + r.nextInt(Math.max(1, b.length - 21)) & ~3; // an attribute header, if one starts there
                if (at + 1 < b.length) {
                    int v = r.nextInt(0x10000);
                    b[at] = (byte) v;
                    b[at + 1] = (byte) (v >> 8);
                }
            }
            default -> {
                for (int k = 1 + r.nextInt(8); k > 0; k--) b[r.nextInt(b.length)] = (byte) r.nextInt(256);
            }
        }
        return b;
    }
}
