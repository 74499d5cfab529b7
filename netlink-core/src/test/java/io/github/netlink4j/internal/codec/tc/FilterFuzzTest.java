package io.github.netlink4j.internal.codec.tc;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.Messages;
import io.github.netlink4j.testing.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seeded fuzzing of the filter and action decoders with truncated, bit-flipped and length-corrupted
 * variants of the kernel's dumps and tc's requests: only ProtocolException may escape, a native segment
 * sized exactly and a heap array give the same outcome, and whatever decodes survives a toString (what a
 * caller's log does with it).
 */
class FilterFuzzTest {
    private static final List<String> SEEDS = List.of("dump/filters", "dump/filters-mirred", "dump/actions", "tc/u32-actions", "tc/flower-ip",
            "tc/flower-udp-v6", "tc/flower-vlan-mac", "tc/matchall-drop", "tc/fw-classid", "tc/action-skbedit", "tc/u32-link",
            "tc/pedit-munge-ip-dst", "tc/action-pedit-ex-eth-dst", "tc/action-pedit-offset-u16");
    private static final int CASES = 30_000;

    private static String outcome(MemorySegment s, int len) {
        StringBuilder out = new StringBuilder();
        try {
            Messages m = new Messages().reset(s, len);
            while (m.next()) {
                try {
                    out.append(FilterCodec.decode(s, m.offset(), m.length())).append(';');
                } catch (ProtocolException e) {
                    out.append("refused ").append(e.getMessage()).append(';');
                }
                try {
                    out.append(ActionsCodec.decode(s, m.offset(), m.length())).append(';');
                } catch (ProtocolException e) {
                    out.append("refused ").append(e.getMessage()).append(';');
                }
            }
        } catch (ProtocolException e) {
            out.append("framing ").append(e.getMessage());
        }
        return out.toString();
    }

    private static byte[] mutate(byte[] seed, Random r) {
        byte[] b = seed.clone();
        switch (r.nextInt(4)) {
            case 0 -> b = java.util.Arrays.copyOf(seed, r.nextInt(seed.length + 1));
            case 1 -> {
                for (int i = 0, k = 1 + r.nextInt(8); i < k && b.length > 0; i++) b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
            }
            case 2 -> {
                if (b.length >= 4) {
                    int at = r.nextInt(b.length / 4) * 4;
                    int v = r.nextBoolean() ? r.nextInt(8) : r.nextInt(0x10000);
                    b[at] = (byte) v;
                    b[at + 1] = (byte) (v >> 8);
                }
            }
            default -> {
                int from = r.nextInt(Math.max(1, b.length));
                for (int i = from; i < Math.min(b.length, from + 1 + r.nextInt(16)); i++) b[i] = (byte) r.nextInt();
            }
        }
        return b;
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a decoder that loops fails instead of hanging
    void onlyProtocolExceptionEscapes() {
        Random r = new Random(0x7463L);
        byte[][] seeds = SEEDS.stream().map(Golden::bytes).toArray(byte[][]::new);
        int refused = 0, decoded = 0;
        try (Arena arena = Arena.ofConfined()) {
            for (int i = 0; i < CASES; i++) {
                byte[] b = mutate(seeds[r.nextInt(seeds.length)], r);
                MemorySegment s = arena.allocate(Math.max(1, b.length));
                MemorySegment.copy(b, 0, s, ValueLayout.JAVA_BYTE, 0, b.length);
                String nat;
                try {
                    nat = outcome(s.asSlice(0, b.length), b.length);
                    assertEquals(nat, outcome(MemorySegment.ofArray(b.clone()), b.length), "heap path, case " + i);
                } catch (RuntimeException e) {
                    throw new AssertionError("case " + i + " escaped with " + e + "\n" + Golden.dump(b), e);
                }
                // every message goes to both decoders, so one refusal is the rule: count what either read
                if (nat.contains("filter parent") || nat.contains("Action[")) decoded++;
                else refused++;
            }
        }
        assertTrue(refused > CASES / 20 && decoded > CASES / 20, "the mutations give both outcomes: " + refused + " refused, " + decoded + " decoded");
    }
}
