package io.github.netlink4j.internal.wire;

import io.github.netlink4j.testing.Written;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The writer's fast paths (packed stores, optimistic ASCII) against what they must produce. */
class MessageWriterTest {
    private static String roundTrip(String s) throws Exception {
        MessageWriter w = new MessageWriter(16); // small: forces growth too
        int m = w.beginMessage(16, 1);
        w.ifinfomsg(0, 0, 7, 0, 0);
        w.attrString(3, s);
        w.attrU8(17, 1);
        w.endMessage(m);
        Attrs a = new Attrs().reset(w.segment(), 32, w.size(), "test");
        a.next();
        String got = a.string();
        a.next();
        int bytes = s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        assertEquals(32 + Nlmsg.align(4 + bytes + 1), a.payloadOffset() - 4, "the next attribute starts after the padding");
        assertEquals(17, a.type());
        assertEquals(1, a.u8());
        assertEquals(w.size(), Nlmsg.len(w.segment(), 0));
        assertEquals(7, Nlmsg.s32(w.segment(), 20));
        return got;
    }

    @Test
    void stringsOfEveryLengthAndEncoding() throws Exception {
        for (String s : new String[]{"", "a", "veth0", "veth0:web", "fifteen-bytes-x", "sixteen-chars-xy", "grüße", "日本語", "€uro-and-more-than-8"}) {
            assertEquals(s, roundTrip(s), s);
        }
    }

    /** The attribute built by hand: header, UTF-8 bytes, NUL, zero padding. */
    private static byte[] expected(int type, String s) {
        byte[] u = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int len = 4 + u.length + 1;
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(Nlmsg.align(len)).order(java.nio.ByteOrder.nativeOrder());
        b.putShort((short) len).putShort((short) type).put(u);
        return b.array();
    }

    @Test
    void everyLengthAndEveryPositionOfANonAsciiCharacter() {
        // Each length, and a non-ASCII character at each position (the point where the ASCII loop
        // hands over to UTF-8), must come out as UTF-8. U+0141 and U+0100 have ASCII/NUL low bytes,
        // which a truncating copy would let through as 'A' and NUL; a NUL itself is refused.
        MessageWriter w = new MessageWriter(16);
        for (int n = 0; n <= 20; n++) {
            String plain = "abcdefghijklmnopqrstuvwxyz".substring(0, n);
            w.reset().attrString(9, plain);
            assertArrayEquals(expected(9, plain), Written.bytes(w), plain);
            for (int i = 0; i < n; i++) {
                String nul = plain.substring(0, i) + '\u0000' + plain.substring(i + 1);
                assertThrows(IllegalArgumentException.class, () -> w.reset().attrString(9, nul), "NUL at " + i);
                for (char bad : new char[]{'\u00e9', '\u0141', '\u0100', '\u007f'}) {
                    String s = plain.substring(0, i) + bad + plain.substring(i + 1);
                    for (int k = 0; k < 64; k++) w.reset().attrU64(1, -1L); // dirty the buffer
                    w.reset().attrString(9, s);
                    assertArrayEquals(expected(9, s), Written.bytes(w), s);
                }
            }
        }
    }

    /** An attribute built by hand: header (length, type in host order), payload, zero padding. */
    private static byte[] attr(int type, byte[] payload) {
        int len = 4 + payload.length;
        java.nio.ByteBuffer bb = java.nio.ByteBuffer.allocate((len + 3) & ~3).order(java.nio.ByteOrder.nativeOrder());
        bb.putShort((short) len).putShort((short) type).put(payload);
        return bb.array();
    }

    @Test
    void stringsAreWrittenAsUtf8WithOrWithoutTheirNul() {
        // In a buffer dirtied by earlier requests and grown from its smallest size, ASCII (the loop that
        // allocates nothing) and everything else (rewritten as UTF-8) must both come out exact.
        String[] samples = {"", "a", "veth0", "veth0:web", "fifteen-bytes-x", "sixteen-chars-xy", "grüße", "日本語",
                "ö-fourteen-xyz", "€uro-and-more-than-8", "x".repeat(300), "\ud83d\ude00-pair", "ascii-then-ü"};
        for (String s : samples) {
            byte[] utf8 = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            MessageWriter w = new MessageWriter(16);
            for (int k = 0; k < 64; k++) w.reset().attrU64(1, -1L);
            w.reset().attrString(9, s);
            w.attrStringNoNul(10, s);
            w.attrU8(2, 7);
            java.io.ByteArrayOutputStream want = new java.io.ByteArrayOutputStream();
            want.writeBytes(attr(9, java.util.Arrays.copyOf(utf8, utf8.length + 1)));
            want.writeBytes(attr(10, utf8));
            want.writeBytes(attr(2, new byte[] {7}));
            assertArrayEquals(want.toByteArray(), Written.bytes(w), s);
        }
    }

    @Test
    void stringsTheKernelWouldMisreadAreRefused() {
        MessageWriter w = new MessageWriter(64);
        assertThrows(IllegalArgumentException.class, () -> w.attrString(3, "veth\u00000"));
        assertThrows(IllegalArgumentException.class, () -> w.attrStringNoNul(3, "\u0000"));
    }

    @Test
    void growsFromTheSmallestBufferThroughManyAttributes() {
        // Capacity is checked once per attribute and the buffer doubled when short; every byte must
        // survive each growth.
        MessageWriter w = new MessageWriter(0);
        java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
        int m = w.beginMessage(16, 1);
        for (int i = 0; i < 2000; i++) {
            w.attrU32(i & 0x7fff, i);
            w.attrString(3, "n" + i);
        }
        w.endMessage(m);
        byte[] b = Written.bytes(w);
        java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.nativeOrder());
        assertEquals(b.length, bb.getInt(0));
        int p = 16;
        for (int i = 0; i < 2000; i++) {
            assertEquals(8, bb.getShort(p));
            assertEquals(i, bb.getInt(p + 4));
            p += 8;
            String n = "n" + i;
            assertEquals(4 + n.length() + 1, bb.getShort(p));
            assertEquals(n, new String(b, p + 4, n.length(), java.nio.charset.StandardCharsets.US_ASCII));
            assertEquals(0, b[p + 4 + n.length()]);
            p += Nlmsg.align(4 + n.length() + 1);
        }
        assertEquals(b.length, p);
    }

    @Test
    void sequenceNumbersForEveryMessageAndRefusalOfAnUnendedOne() {
        MessageWriter w = new MessageWriter(16);
        for (int i = 0; i < 3; i++) {
            int m = w.beginMessage(16, 1 | 4);
            w.ifinfomsg(0, 0, i, 0, 0);
            if (i == 1) w.attrString(3, "veth-with-name");
            w.endMessage(m);
        }
        w.stampSequences(-2); // wraps through 0 inside the writer; the socket never asks for that
        Messages m = new Messages();
        try {
            m.reset(w.segment(), w.size());
            int[] want = {-2, -1, 0};
            for (int i = 0; i < 3; i++) {
                assertTrue(m.next());
                assertEquals(want[i], m.seq());
                assertEquals(i, Nlmsg.s32(w.segment(), m.offset() + 20));
            }
            assertFalse(m.next());
        } catch (io.github.netlink4j.error.ProtocolException e) {
            throw new AssertionError(e);
        }
        assertEquals(5, w.flagsAt(0));
        w.reset();
        w.beginMessage(16, 1);
        w.attrU32(1, 7); // no endMessage: the header still says 16 bytes
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> w.stampSequences(1));
        assertTrue(e.getMessage().contains("not ended"), e.getMessage());
    }

    @Test
    void copyToNativeMemory() {
        MessageWriter w = new MessageWriter(16);
        int m = w.beginMessage(16, 1);
        w.attrString(3, "veth0");
        w.endMessage(m);
        try (java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofConfined()) {
            java.lang.foreign.MemorySegment dst = arena.allocate(w.size());
            w.copyTo(dst);
            assertArrayEquals(Written.bytes(w), dst.toArray(java.lang.foreign.ValueLayout.JAVA_BYTE));
        }
    }

    @Test
    void paddingIsZeroEvenInAReusedBuffer() throws Exception {
        MessageWriter w = new MessageWriter(64);
        for (int i = 0; i < 64; i++) w.attrU32(1, -1); // dirty the buffer
        w.reset();
        w.attrU8(1, 0x7f);
        w.attrString(2, "ab");
        byte[] b = Written.bytes(w);
        assertEquals(16, b.length);
        assertEquals(0, b[5]);
        assertEquals(0, b[6]);
        assertEquals(0, b[7]);
        assertEquals(0, b[14]); // NUL terminator
        assertEquals(0, b[15]); // padding
    }

    @Test
    void inetAndStringsWithoutNul() throws Exception {
        MessageWriter w = new MessageWriter(64);
        w.attrInet(1, InetAddress.ofLiteral("10.200.0.2"));
        w.attrInet(2, InetAddress.ofLiteral("fd00:200::2"));
        w.attrStringNoNul(3, "veth");
        Attrs a = new Attrs().reset(w.segment(), 0, w.size(), "t");
        a.next();
        assertEquals("10.200.0.2", InetAddress.getByAddress(a.bytes()).getHostAddress());
        a.next();
        assertEquals(InetAddress.ofLiteral("fd00:200::2"), InetAddress.getByAddress(a.bytes()));
        a.next();
        assertEquals(4, a.payloadLength());
        assertEquals("veth", a.string());
        w.attrStringNoNul(4, "vé");
        a = new Attrs().reset(w.segment(), 0, w.size(), "t");
        for (int i = 0; i < 4; i++) a.next();
        assertEquals(3, a.payloadLength(), "UTF-8, no NUL");
    }

    @Test
    void anAttributeOrNestLongerThanSixteenBitsIsRefusedNotWrapped() {
        MessageWriter w = new MessageWriter(64);
        int m = w.beginMessage(16, 0);
        w.attrBytes(1, new byte[MessageWriter.MAX_ATTR_LEN - 4]); // exactly 65,535 with its header
        assertEquals(MessageWriter.MAX_ATTR_LEN, Short.toUnsignedInt(w.segment().get(MessageWriter.U16, Nlmsg.HDRLEN)));
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class, () -> w.attrBytes(2, new byte[MessageWriter.MAX_ATTR_LEN - 3]));
        assertTrue(big.getMessage().contains("attribute 2") && big.getMessage().contains("65,536"), big.getMessage());
        w.endMessage(m);

        MessageWriter n = new MessageWriter(64);
        n.beginMessage(16, 0);
        int nest = n.beginNest(9 | 0x8000);
        for (int i = 0; i < 4_095; i++) n.attrU64(1, i); // 4 + 4,095 * 12 = 49,144: fits
        int inner = n.size();
        for (int i = 4_095; i < 5_462; i++) n.attrU64(1, i); // 65,548: does not
        IllegalArgumentException nested = assertThrows(IllegalArgumentException.class, () -> n.endNest(nest));
        assertTrue(nested.getMessage().contains("attribute 9 ") && nested.getMessage().contains("65,548"), nested.getMessage());
        assertTrue(inner < MessageWriter.MAX_ATTR_LEN);
    }
}
