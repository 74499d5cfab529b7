package io.github.netlink4j.internal.codec;

import io.github.netlink4j.internal.codec.genl.TcpMetricsCodec;
import io.github.netlink4j.internal.codec.genl.MptcpCodec;
import io.github.netlink4j.address.Address;
import io.github.netlink4j.address.AddressSpec;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.codec.tc.ClassCodec;
import io.github.netlink4j.internal.codec.tc.QdiscCodec;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.Messages;
import io.github.netlink4j.internal.wire.NlError;
import io.github.netlink4j.internal.wire.Nlmsg;
import io.github.netlink4j.internal.wire.ReplyReader;
import io.github.netlink4j.internal.wire.uapi.Netlink;
import io.github.netlink4j.internal.wire.uapi.Rtnetlink;
import io.github.netlink4j.testing.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seeded fuzzing of every decoder with random, truncated and bit-flipped variants of real kernel
 * replies. Only {@link ProtocolException} may escape; each case runs in a native segment sized to
 * the input exactly, so any read past it would throw IndexOutOfBoundsException and fail the test, and
 * again in heap arrays (the path the socket uses), which must give the same outcome.
 */
public class DecoderFuzzTest {
    private static final List<String> SEEDS = List.of("dump/links", "dump/addrs", "dump/routes", "dump/neigh",
            "dump/routes-multipath", "dump/nsids", "error/dummy-unknown-kind", "error/veth-exists", "link/veth-add",
            "link/vxlan-add", "addr/v6-add", "addr/peer-lifetimes", "route/multipath", "neigh/add", "dump/bridge-port", "dump/bridge-link", "dump/rules",
            "dump/nexthops", "dump/qdiscs", "dump/classes", "tc/htb-class-full", "tc/tbf-peakrate", "tc/netem", "tc/fq-codel", "tc/prio-priomap",
            "tc/sfq", "tc/htb-options", "error/tc-unknown-kind", "mptcp/endpoint-reply", "mptcp/endpoint-v6-reply", "mptcp/limits-reply");
    static final int CASES = 120_000;
    private static final int[] HOSTILE = {Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE - 1, Integer.MAX_VALUE - 3,
            -1, -4095, -4096, 1, 0x8000_0010, 0xffff, 0x10000};

    /**
     * Decodes every message of a datagram the way the client would (the subscription's decoder), and
     * then hands every message to every decoder whatever its type, so that a mutated type field does not
     * hide a message from the decoders it no longer names. Returns the messages the subscription decoded.
     */
    static int decodeAll(MemorySegment s, long len) throws ProtocolException {
        int decoded = EventCodec.decode(s, (int) len).size();
        Messages m = new Messages().reset(s, len);
        while (m.next()) {
            long off = m.offset();
            int l = m.length();
            for (int d = 0; d < 15; d++) {
                try {
                    switch (d) {
                        case 0 -> LinkCodec.decode(s, off, l).unknown().size(); // split the lazy list too
                        case 1 -> AddressCodec.decode(s, off, l);
                        case 2 -> RouteCodec.decode(s, off, l);
                        case 3 -> NeighbourCodec.decode(s, off, l);
                        case 4 -> NsidCodec.decode(s, off, l);
                        case 5 -> RuleCodec.decode(s, off, l);
                        case 6 -> NexthopCodec.decode(s, off, l);
                        case 7 -> BridgeCodec.decodePort(s, off, l);
                        case 8 -> BridgeCodec.decodeVlans(s, off, l, v -> { });
                        case 9 -> QdiscCodec.decode(s, off, l).toString(); // toString prints every option, as a caller's log would
                        case 10 -> ClassCodec.decode(s, off, l).toString();
                        case 11 -> MptcpCodec.decodeEndpoint(s, off, l);
                        case 12 -> MptcpCodec.decodeLimits(s, off, l);
                        case 13 -> TcpMetricsCodec.decode(s, off, l);
                        default -> {
                            // The error path end to end: decoded, named, described, turned into the exception users see.
                            NlError e = NlError.decode(s, off, l);
                            io.github.netlink4j.error.Errno.name(e.errno());
                            io.github.netlink4j.error.Errno.describe(e.errno());
                            new io.github.netlink4j.error.KernelException(e.errno(), "fuzz", e.message(), e.offset(), null).getMessage();
                        }
                    }
                } catch (ProtocolException expected) {
                    // each decoder may refuse what it cannot read; nothing else may escape
                }
            }
        }
        new ReplyReader().expect(0, 0).feed(s, len, (seg, off, l) -> { });
        return decoded;
    }

    /** "decoded N" or the ProtocolException's message; anything else fails the test. */
    private static String outcome(MemorySegment s, byte[] b, int i) {
        try {
            return "decoded " + decodeAll(s, b.length);
        } catch (ProtocolException expected) {
            return expected.getMessage();
        } catch (RuntimeException | Error e) {
            throw new AssertionError("case " + i + " escaped with " + e + " (" + (s.isNative() ? "native" : "heap") + ")\n" + Golden.dump(b), e);
        }
    }

    public static byte[] mutate(byte[] seed, Random r) {
        byte[] b;
        switch (r.nextInt(6)) {
            case 0 -> b = java.util.Arrays.copyOf(seed, r.nextInt(seed.length + 1)); // truncate
            case 1 -> { // flip bits
                b = seed.clone();
                for (int i = 0, k = 1 + r.nextInt(8); i < k && b.length > 0; i++) b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
            }
            case 2 -> { // corrupt a 16-bit length field at a 4-aligned offset
                b = seed.clone();
                if (b.length >= 4) {
                    int at = r.nextInt(b.length / 4) * 4;
                    int v = switch (r.nextInt(4)) {
                        case 0 -> 0;
                        case 1 -> r.nextInt(4);
                        case 2 -> 0xffff;
                        default -> r.nextInt(0x10000);
                    };
                    b[at] = (byte) v;
                    b[at + 1] = (byte) (v >> 8);
                }
            }
            case 3 -> { // random bytes spliced in
                b = seed.clone();
                int from = r.nextInt(Math.max(1, b.length));
                for (int i = from; i < Math.min(b.length, from + 1 + r.nextInt(16)); i++) b[i] = (byte) r.nextInt();
            }
            case 5 -> { // a hostile 32-bit value (an error code, a length) at a 4-aligned offset
                b = seed.clone();
                if (b.length >= 4) {
                    int at = r.nextInt(b.length / 4) * 4;
                    int v = HOSTILE[r.nextInt(HOSTILE.length)];
                    for (int k = 0; k < 4; k++) b[at + k] = (byte) (v >> (8 * k));
                }
            }
            default -> { // pure noise with a plausible header
                b = new byte[r.nextInt(256)];
                r.nextBytes(b);
                if (b.length >= 16) {
                    b[0] = (byte) b.length;
                    b[1] = 0;
                    b[2] = 0;
                    b[3] = 0;
                    b[4] = (byte) (16 + r.nextInt(16));
                    b[5] = 0;
                }
            }
        }
        return b;
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a decoder that loops fails instead of hanging the build
    void onlyProtocolExceptionEscapes() throws Exception {
        Random r = new Random(0x6e6c346aL);
        byte[][] seeds = SEEDS.stream().map(Golden::bytes).toArray(byte[][]::new);
        int rejected = 0, accepted = 0;
        long t0 = System.nanoTime();
        try (Arena arena = Arena.ofConfined()) {
            for (int i = 0; i < CASES; i++) {
                byte[] b = mutate(seeds[r.nextInt(seeds.length)], r);
                MemorySegment s = arena.allocate(Math.max(1, b.length));
                MemorySegment.copy(b, 0, s, ValueLayout.JAVA_BYTE, 0, b.length);
                String nativeOutcome = outcome(s.asSlice(0, b.length), b, i);
                if (nativeOutcome.startsWith("decoded")) accepted++;
                else rejected++;
                // The same bytes as the socket hands them over, in a heap array (read with array accesses):
                // exactly sized, so an over-read throws, and as a slice at an offset of a larger array.
                assertEquals(nativeOutcome, outcome(MemorySegment.ofArray(b.clone()), b, i), "heap path, case " + i);
                byte[] wide = new byte[b.length + 12];
                System.arraycopy(b, 0, wide, 8, b.length);
                assertEquals(nativeOutcome, outcome(MemorySegment.ofArray(wide).asSlice(8, b.length), b, i), "heap slice, case " + i);
                if ((i & 0xfff) == 0) {
                    arena.allocate(1); // keep the arena from growing without bound in one go
                }
            }
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("decoder fuzz: %d cases in %d ms (%d rejected with ProtocolException, %d decoded)%n",
                CASES, ms, rejected, accepted);
        assertTrue(rejected > CASES / 10 && accepted > CASES / 10, "the mutations produce both outcomes: " + rejected + "/" + accepted);
    }

    @Test
    void everySeedDecodesWhole() throws Exception {
        // The unmutated seeds: each message the subscription decodes, with the count each fixture holds.
        Map<String, Integer> messages = Map.of("dump/links", 5, "dump/addrs", 4, "dump/neigh", 1, "dump/nsids", 2,
                "link/veth-add", 1, "addr/v6-add", 1, "route/multipath", 1, "neigh/add", 1, "dump/qdiscs", 7, "dump/classes", 3);
        for (var e : messages.entrySet()) {
            byte[] b = Golden.bytes(e.getKey());
            assertEquals(e.getValue(), decodeAll(Golden.segment(e.getKey()), b.length), e.getKey());
        }
        assertTrue(decodeAll(Golden.segment("dump/routes"), Golden.bytes("dump/routes").length) >= 8, "dump/routes");
    }

    @Test
    void addressesRoundTripThroughTheEncoder() throws Exception {
        byte[] seed = Golden.bytes("dump/addrs");
        MemorySegment s = Golden.segment("dump/addrs");
        Messages m = new Messages().reset(s, seed.length);
        int checked = 0;
        while (m.next()) {
            Address a = AddressCodec.decode(s, m.offset(), m.length());
            if (a.label().isPresent() && !a.label().get().startsWith("lo") && !a.label().get().startsWith("veth")) continue;
            AddressSpec spec = new AddressSpec("veth0", a.address(), a.prefixLength(), a.peer(), a.broadcast(),
                    a.label().filter(l -> l.startsWith("veth0")), java.util.Optional.of(a.scope()),
                    a.flags(), a.validLifetime(), a.preferredLifetime());
            MessageWriter w = new MessageWriter(64);
            AddressCodec.encodeAdd(w, spec, a.index(), false, false);
            Address again = AddressCodec.decode(w.segment(), 0, w.size());
            assertEquals(a.address(), again.address());
            assertEquals(a.prefixLength(), again.prefixLength());
            assertEquals(a.index(), again.index());
            assertEquals(a.scope(), again.scope());
            assertEquals(a.flags(), again.flags());
            assertEquals(a.broadcast(), again.broadcast());
            checked++;
        }
        assertTrue(checked >= 2, "checked " + checked);
    }
}
