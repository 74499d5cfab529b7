package io.github.netlink4j.internal.codec;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.genl.ethtool.EthtoolEvent;
import io.github.netlink4j.genl.ethtool.LinkModes;
import io.github.netlink4j.internal.codec.genl.EthtoolEvents;
import io.github.netlink4j.internal.codec.genl.LinkModesCodec;
import io.github.netlink4j.testing.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The link modes decoder under seeded mutation of real and hand-written replies (DecoderFuzzTest's mutations: only
 * ProtocolException may escape, in an exactly sized native segment and on the heap alike), and one property: the
 * same modes sent verbose (as a get's reply) and compact (as a notification) decode to the same record.
 */
class LinkModesFuzzTest {
    private static final int CASES = 40_000;
    /** Names for bits 0 to 127, as a string set would give them. */
    private static final List<String> NAMES = java.util.stream.IntStream.range(0, 128).mapToObj(i -> "mode" + i).toList();

    /** What the get's decoder and then the notification decoder make of {@code b}; anything but a ProtocolException fails. */
    private static String outcome(MemorySegment s, byte[] b, int i) {
        try {
            return "get " + LinkModesCodec.linkModes(s, 0, b.length, NAMES);
        } catch (ProtocolException notGet) {
            return event(s, b, i);
        } catch (RuntimeException | Error e) {
            throw new AssertionError("case " + i + " escaped the get's decoder with " + e + "\n" + Golden.dump(b), e);
        }
    }

    private static String event(MemorySegment s, byte[] b, int i) {
        try {
            return "event " + EthtoolEvents.decode(s, 0, b.length, NAMES, NAMES);
        } catch (ProtocolException expected) {
            return expected.getMessage();
        } catch (RuntimeException | Error e) {
            throw new AssertionError("case " + i + " escaped the notification decoder with " + e + "\n" + Golden.dump(b), e);
        }
    }

    private static byte[] bytes(MemorySegment s) {
        return s.toArray(ValueLayout.JAVA_BYTE);
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void onlyProtocolExceptionEscapes() {
        byte[][] seeds = {Golden.bytes("ethtool/linkmodes-reply"), Golden.bytes("ethtool/linkmodes-ntf"),
                bytes(LinkModesCodecTest.reply(4, LinkModesCodecTest.VERBOSE)), bytes(LinkModesCodecTest.reply(5, LinkModesCodecTest.COMPACT))};
        Random r = new Random(0x4c4d4f44L);
        int decoded = 0, refused = 0;
        try (Arena arena = Arena.ofConfined()) {
            for (int i = 0; i < CASES; i++) {
                byte[] b = DecoderFuzzTest.mutate(seeds[r.nextInt(seeds.length)], r);
                MemorySegment s = arena.allocate(Math.max(1, b.length)).asSlice(0, b.length);
                MemorySegment.copy(b, 0, s, ValueLayout.JAVA_BYTE, 0, b.length);
                String native_ = outcome(s, b, i);
                assertEquals(native_, outcome(MemorySegment.ofArray(b.clone()), b, i), "heap, case " + i);
                if (native_.startsWith("get ") || native_.startsWith("event ")) decoded++;
                else refused++;
            }
        }
        assertTrue(decoded > CASES / 10 && refused > CASES / 10, "both outcomes: " + decoded + " decoded, " + refused + " refused");
    }

    /** An attribute: length, type, payload, padding to 4. */
    private static void attr(ByteArrayOutputStream out, int type, byte[] payload) {
        ByteBuffer h = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putShort((short) (4 + payload.length)).putShort((short) type);
        out.writeBytes(h.array());
        out.writeBytes(payload);
        out.writeBytes(new byte[(4 - payload.length % 4) % 4]);
    }

    private static byte[] u32(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(v).array();
    }

    private static byte[] words(BitSet bits, int size) {
        ByteBuffer b = ByteBuffer.allocate((size + 31) / 32 * 4).order(ByteOrder.nativeOrder());
        for (int i = bits.nextSetBit(0); i >= 0 && i < size; i = bits.nextSetBit(i + 1)) {
            int at = i / 32 * 4;
            b.putInt(at, b.getInt(at) | 1 << (i % 32));
        }
        return b.array();
    }

    /** A bitset nest: compact (SIZE, VALUE, MASK) or verbose (SIZE, BITS with INDEX, NAME and VALUE); no mask is a list. */
    private static byte[] bitset(BitSet value, BitSet mask, int size, boolean compact) {
        ByteArrayOutputStream n = new ByteArrayOutputStream();
        if (mask == null) attr(n, 1, new byte[0]);
        attr(n, 2, u32(size));
        if (compact) {
            attr(n, 4, words(value, size));
            if (mask != null) attr(n, 5, words(mask, size));
        } else {
            ByteArrayOutputStream bits = new ByteArrayOutputStream();
            BitSet listed = mask == null ? value : mask;
            for (int i = listed.nextSetBit(0); i >= 0 && i < size; i = listed.nextSetBit(i + 1)) {
                ByteArrayOutputStream bit = new ByteArrayOutputStream();
                attr(bit, 1, u32(i));
                attr(bit, 2, (NAMES.get(i) + "\0").getBytes());
                if (mask != null && value.get(i)) attr(bit, 3, new byte[0]);
                attr(bits, 1 | 0x8000, bit.toByteArray());
            }
            attr(n, 3 | 0x8000, bits.toByteArray());
        }
        return n.toByteArray();
    }

    private static MemorySegment message(int cmd, BitSet adv, BitSet sup, BitSet peer, boolean compact) {
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        attr(h, 1, u32(9));
        attr(h, 2, "eth9\0".getBytes());
        attr(a, 1 | 0x8000, h.toByteArray());
        attr(a, 2, new byte[] {1});
        attr(a, 3 | 0x8000, bitset(adv, sup, 121, compact));
        if (!peer.isEmpty()) attr(a, 4 | 0x8000, bitset(peer, null, 121, compact));
        attr(a, 5, u32(25000));
        byte[] body = a.toByteArray();
        ByteBuffer m = ByteBuffer.allocate(20 + body.length).order(ByteOrder.nativeOrder());
        m.putInt(20 + body.length).putShort((short) 0x15).putShort((short) 0).putInt(0).putInt(0).put((byte) cmd).put((byte) 1).putShort((short) 0).put(body);
        return MemorySegment.ofArray(m.array());
    }

    private static BitSet random(Random r) {
        BitSet b = new BitSet();
        for (int i = 0, k = r.nextInt(12); i < k; i++) b.set(r.nextInt(121));
        return b;
    }

    @Test
    void theSameModesVerboseAndCompactAreTheSameRecord() throws Exception {
        Random r = new Random(0x76657262L);
        for (int i = 0; i < 2_000; i++) {
            BitSet sup = random(r), adv = random(r), peer = random(r);
            MemorySegment verbose = message(4, adv, sup, peer, false), compact = message(5, adv, sup, peer, true);
            LinkModes v = LinkModesCodec.linkModes(verbose, 0, (int) verbose.byteSize(), List.of());
            LinkModes c = assertInstanceOf(EthtoolEvent.LinkModesChanged.class,
                    EthtoolEvents.decode(compact, 0, (int) compact.byteSize(), List.of(), NAMES)).linkModes();
            assertEquals(v, c, "case " + i);
            BitSet advertised = (BitSet) adv.clone();
            advertised.and(sup);
            assertEquals(names(sup), new ArrayList<>(v.supported()), "case " + i);
            assertEquals(names(advertised), new ArrayList<>(v.advertised()), "advertised within supported, case " + i);
            assertEquals(names(peer), new ArrayList<>(v.peer()), "case " + i);
        }
    }

    private static List<String> names(BitSet b) {
        return b.stream().mapToObj(NAMES::get).toList();
    }
}
