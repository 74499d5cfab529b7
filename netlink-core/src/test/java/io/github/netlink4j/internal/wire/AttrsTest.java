package io.github.netlink4j.internal.wire;

import io.github.netlink4j.error.ProtocolException;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The attribute cursor over bytes laid out by hand as {@code struct nlattr} (u16 nla_len, u16 nla_type
 * in host order, payload, padding to 4; linux/netlink.h), on heap arrays, heap slices that start inside
 * their array, and native memory: each must read the same.
 */
class AttrsTest {
    /** One attribute: header, payload, zero padding. */
    private static byte[] attr(int type, byte[] payload) {
        int len = 4 + payload.length;
        return ByteBuffer.allocate((len + 3) & ~3).order(ByteOrder.nativeOrder())
                .putShort((short) len).putShort((short) type).put(payload).array();
    }

    private static byte[] cat(byte[]... parts) {
        java.io.ByteArrayOutputStream o = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) o.writeBytes(p);
        return o.toByteArray();
    }

    private static byte[] hostInt(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(v).array();
    }

    /** The bytes as each kind of segment the cursor meets: heap, heap slice at offset 5, native. */
    private static List<MemorySegment> segments(byte[] b) {
        byte[] padded = new byte[b.length + 9];
        java.util.Arrays.fill(padded, (byte) 0x5a); // non-zero around the slice
        System.arraycopy(b, 0, padded, 5, b.length);
        MemorySegment nat = Arena.ofAuto().allocate(Math.max(1, b.length));
        MemorySegment.copy(b, 0, nat, ValueLayout.JAVA_BYTE, 0, b.length);
        return List.of(MemorySegment.ofArray(b.clone()), MemorySegment.ofArray(padded).asSlice(5, b.length), nat);
    }

    private static Attrs over(MemorySegment s) throws ProtocolException {
        return new Attrs().reset(s, 0, s.byteSize(), "test");
    }

    @Test
    void typedReadsOnEveryKindOfSegment() throws Exception {
        byte[] b = cat(
                attr(1, new byte[] {(byte) 0xfe}),
                attr(2, ByteBuffer.allocate(2).order(ByteOrder.nativeOrder()).putShort((short) 0xbeef).array()),
                attr(3 | 0x4000, new byte[] {0x12, 0x34}), // NLA_F_NET_BYTEORDER, port 0x1234
                attr(4, hostInt(0xdeadbeef)),
                attr(5, ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putLong(0x0123456789abcdefL).array()),
                attr(6, "veth0\0".getBytes()),
                attr(7 | 0x8000, attr(1, hostInt(9))));
        for (MemorySegment s : segments(b)) {
            Attrs a = over(s);
            assertTrue(a.next());
            assertEquals(1, a.type());
            assertEquals(0xfe, a.u8());
            assertFalse(a.nested());
            assertTrue(a.next());
            assertEquals(0xbeef, a.u16());
            assertTrue(a.next());
            assertEquals(3, a.type(), "NLA_F_NET_BYTEORDER masked off");
            assertEquals(0x1234, a.u16be());
            assertTrue(a.next());
            assertEquals(0xdeadbeef, a.u32());
            assertEquals(4, a.payloadLength());
            assertEquals(28, a.payloadOffset(), "three 8-byte attributes, then this header");
            assertTrue(a.next());
            assertEquals(0x0123456789abcdefL, a.u64());
            assertTrue(a.next());
            assertEquals("veth0", a.string());
            assertArrayEquals("veth0\0".getBytes(), a.bytes());
            assertTrue(a.next());
            assertEquals(7, a.type());
            assertTrue(a.nested());
            Attrs in = a.nestedAttrs("inner");
            assertTrue(in.next());
            assertEquals(1, in.type());
            assertEquals(9, in.u32());
            assertFalse(in.next());
            assertFalse(a.next());
            assertFalse(a.next(), "stays at the end");
        }
    }

    @Test
    void readsAtAbsoluteOffsets() throws Exception {
        byte[] b = cat(hostInt(0x11223344), ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putLong(-2L).array());
        for (MemorySegment s : segments(b)) {
            Attrs a = new Attrs().reset(s, b.length, b.length, "empty");
            assertFalse(a.next());
            assertEquals(0x11223344, a.s32At(0));
            assertEquals(b[1] & 0xff, a.u8At(1));
            assertEquals(ByteBuffer.wrap(b).order(ByteOrder.nativeOrder()).getShort(2) & 0xffff, a.u16At(2));
            assertEquals(-2L, a.u64At(4));
        }
    }

    @Test
    void aPayloadTooShortForItsTypeIsAProtocolError() throws Exception {
        byte[] b = cat(attr(1, new byte[0]), attr(2, new byte[1]), attr(3, new byte[3]), attr(4, new byte[7]));
        for (MemorySegment s : segments(b)) {
            Attrs a = over(s);
            a.next();
            assertEquals("attribute type 1 has 0 bytes, u8 needs 1 while parsing test", assertThrows(ProtocolException.class, a::u8).getMessage());
            assertEquals("", a.string());
            assertArrayEquals(new byte[0], a.bytes());
            a.next();
            assertEquals(0, a.u8());
            assertEquals("attribute type 2 has 1 bytes, u16 needs 2 while parsing test", assertThrows(ProtocolException.class, a::u16).getMessage());
            assertEquals("attribute type 2 has 1 bytes, be16 needs 2 while parsing test", assertThrows(ProtocolException.class, a::u16be).getMessage());
            a.next();
            assertEquals("attribute type 3 has 3 bytes, u32 needs 4 while parsing test", assertThrows(ProtocolException.class, a::u32).getMessage());
            a.next();
            assertEquals("attribute type 4 has 7 bytes, u64 needs 8 while parsing test", assertThrows(ProtocolException.class, a::u64).getMessage());
        }
    }

    @Test
    void malformedHeadersAreProtocolErrorsNamingTheContext() throws Exception {
        // A container of 8 bytes at offset 8 of 24: its attribute says 12, running 4 bytes past it.
        byte[] past = cat(attr(1, hostInt(1)), attr(0x8001, hostInt(2)), attr(2, hostInt(3)));
        ByteBuffer.wrap(past).order(ByteOrder.nativeOrder()).putShort(8, (short) 12);
        for (MemorySegment s : segments(past)) {
            Attrs a = new Attrs().reset(s, 8, 16, "IFLA_LINKINFO");
            ProtocolException e = assertThrows(ProtocolException.class, a::next);
            assertEquals("attribute of type 1 with length 12 runs past its container (8 bytes left) while parsing IFLA_LINKINFO", e.getMessage());
        }
        byte[] shortLen = cat(attr(1, hostInt(1)), attr(2, hostInt(2)));
        ByteBuffer.wrap(shortLen).order(ByteOrder.nativeOrder()).putShort(8, (short) 3);
        for (MemorySegment s : segments(shortLen)) {
            Attrs a = new Attrs().reset(s, 0, 16, "RTM_NEWLINK");
            assertTrue(a.next());
            assertEquals("attribute length 3 < 4 while parsing RTM_NEWLINK", assertThrows(ProtocolException.class, a::next).getMessage());
        }
        for (MemorySegment s : segments(cat(attr(1, hostInt(1)), new byte[8]))) {
            Attrs a = new Attrs().reset(s, 8, 11, "RTA_MULTIPATH");
            assertEquals("truncated attribute header (3 bytes) while parsing RTA_MULTIPATH", assertThrows(ProtocolException.class, a::next).getMessage());
            Attrs b = new Attrs().reset(s, 8, 12, null);
            assertEquals("attribute length 0 < 4 ", assertThrows(ProtocolException.class, b::next).getMessage());
        }
        // A length of exactly what is left is fine, padding or not.
        for (MemorySegment s : segments(cat(attr(1, new byte[] {1, 2, 3})))) {
            Attrs a = new Attrs().reset(s, 0, 7, "t");
            assertTrue(a.next());
            assertEquals(3, a.payloadLength());
            assertFalse(a.next());
        }
    }

    @Test
    void rangesOutsideTheSegmentAreRefused() {
        MemorySegment s = MemorySegment.ofArray(new byte[16]);
        assertEquals("attribute range [-1, 8) outside 16 bytes while parsing x",
                assertThrows(ProtocolException.class, () -> new Attrs().reset(s, -1, 8, "x")).getMessage());
        assertEquals("attribute range [0, 17) outside 16 bytes while parsing x",
                assertThrows(ProtocolException.class, () -> new Attrs().reset(s, 0, 17, "x")).getMessage());
        assertEquals("attribute range [9, 8) outside 16 bytes ",
                assertThrows(ProtocolException.class, () -> new Attrs().reset(s, 9, 8, null)).getMessage());
    }

    @Test
    void ofMessageNeedsTheWholeFixedHeader() throws Exception {
        byte[] msg = new byte[40];
        ByteBuffer.wrap(msg).order(ByteOrder.nativeOrder()).putInt(0, 40);
        System.arraycopy(attr(3, hostInt(5)), 0, msg, 32, 8);
        MemorySegment s = MemorySegment.ofArray(msg);
        Attrs a = Attrs.ofMessage(s, 0, 40, 16, "RTM_NEWLINK", "ifinfomsg");
        assertTrue(a.next());
        assertEquals(3, a.type());
        assertEquals(5, a.u32());
        assertFalse(Attrs.ofMessage(s, 0, 32, 16, "RTM_NEWLINK", "ifinfomsg").next(), "exactly the header: no attributes");
        assertEquals("RTM_NEWLINK of 31 bytes has no complete ifinfomsg",
                assertThrows(ProtocolException.class, () -> Attrs.ofMessage(s, 0, 31, 16, "RTM_NEWLINK", "ifinfomsg")).getMessage());
        assertEquals("RTM_NEWADDR of 20 bytes has no complete ifaddrmsg",
                assertThrows(ProtocolException.class, () -> Attrs.ofMessage(s, 0, 20, 8, "RTM_NEWADDR", "ifaddrmsg")).getMessage());
    }

    @Test
    void aStringWithoutNulEndsAtItsPayload() throws Exception {
        // "abcd" fills its payload exactly; the next attribute's bytes follow at once.
        byte[] b = cat(attr(1, "abcd".getBytes()), attr(0x4142, "xy".getBytes()), attr(3, "é\0junk".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        for (MemorySegment s : segments(b)) {
            Attrs a = over(s);
            a.next();
            assertEquals("abcd", a.string());
            a.next();
            assertEquals("xy", a.string());
            a.next();
            assertEquals("é", a.string());
        }
    }

    @Test
    void payloadEqualsComparesBytesAndLengths() throws Exception {
        byte[] b = cat(attr(1, new byte[] {1, 2, 3, 4}), attr(2, new byte[] {1, 2, 3, 4}), attr(3, new byte[] {1, 2, 3, 5}),
                attr(4, new byte[] {1, 2, 3}), attr(5, new byte[] {9, 2, 3, 4}), attr(6, new byte[0]), attr(7, new byte[0]));
        for (MemorySegment s : segments(b)) {
            Attrs a = over(s);
            a.next();
            long first = a.payloadOffset();
            assertTrue(a.payloadEquals(first, 4), "itself");
            a.next();
            assertTrue(a.payloadEquals(first, 4));
            assertFalse(a.payloadEquals(first, 3), "another length");
            assertFalse(a.payloadEquals(-1, 4), "no earlier payload");
            a.next();
            assertFalse(a.payloadEquals(first, 4), "last byte differs");
            a.next();
            assertFalse(a.payloadEquals(first, 4));
            assertTrue(a.payloadEquals(first, 3), "a prefix of the same length");
            a.next();
            assertFalse(a.payloadEquals(first, 4), "first byte differs");
            a.next();
            long empty = a.payloadOffset();
            a.next();
            assertTrue(a.payloadEquals(empty, 0));
            assertTrue(a.payloadEquals(0, 0), "no bytes to differ");
        }
    }

    @Test
    void copyRangeCopiesWholeAttributes() throws Exception {
        byte[] b = cat(attr(1, hostInt(7)), attr(2, "ab".getBytes()));
        for (MemorySegment s : segments(b)) {
            Attrs a = over(s);
            byte[] dst = new byte[b.length + 3];
            assertEquals(b.length, a.copyRange(0, b.length, dst, 3), "up to the very end");
            assertArrayEquals(b, java.util.Arrays.copyOfRange(dst, 3, dst.length));
            assertEquals(0, a.copyRange(8, 8, dst, 0), "an empty range");
            byte[] second = new byte[8];
            assertEquals(8, a.copyRange(8, 16, second, 0));
            assertArrayEquals(attr(2, "ab".getBytes()), second);
            assertEquals("[0, " + (b.length + 1) + ")", assertThrows(IndexOutOfBoundsException.class, () -> a.copyRange(0, b.length + 1, dst, 0)).getMessage());
            assertThrows(IndexOutOfBoundsException.class, () -> a.copyRange(-1, 4, dst, 0));
            assertThrows(IndexOutOfBoundsException.class, () -> a.copyRange(5, 4, dst, 0));
            assertEquals(s, a.segment());
        }
    }

    @Test
    void theContextOfANestNamesItsParents() throws Exception {
        byte[] inner = attr(1, attr(2, new byte[] {1}));
        byte[] b = attr(0x8012, inner);
        MemorySegment s = MemorySegment.ofArray(b);
        Attrs top = new Attrs().reset(s, 0, b.length, "RTM_NEWLINK");
        assertEquals("RTM_NEWLINK", top.context());
        top.next();
        Attrs info = top.nestedAttrs("IFLA_LINKINFO");
        assertEquals("RTM_NEWLINK › IFLA_LINKINFO", info.context());
        info.next();
        Attrs unnamed = info.nestedAttrs(null);
        assertEquals("RTM_NEWLINK › IFLA_LINKINFO", unnamed.context(), "an unnamed nest adds nothing");
        unnamed.next();
        assertEquals("attribute type 2 has 1 bytes, u16 needs 2 while parsing RTM_NEWLINK › IFLA_LINKINFO",
                assertThrows(ProtocolException.class, unnamed::u16).getMessage());
        Attrs rootless = new Attrs().reset(s, 0, b.length, null);
        assertNull(rootless.context());
        rootless.next();
        assertEquals("IFLA_LINKINFO", rootless.nestedAttrs("IFLA_LINKINFO").context());
        assertNull(rootless.nestedAttrs(null).context());
    }

    @Test
    void theFixtureBytesOfAnIflaIfname() throws Exception {
        // IFLA_IFNAME "veth0" as iproute2 sent it (golden link/veth-add, offset 32), little-endian hosts.
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) return;
        MemorySegment s = MemorySegment.ofArray(HexFormat.of().parseHex("0a0003007665746830000000"));
        Attrs a = over(s);
        assertTrue(a.next());
        assertEquals(3, a.type());
        assertEquals(6, a.payloadLength());
        assertEquals("veth0", a.string());
        assertFalse(a.next());
    }

    /**
     * A cursor reused over several segments (as a streaming view is, message after message) reads each one's
     * bytes: the array behind a heap segment is looked up again whenever the segment is another, a slice of the
     * same array or native memory included, and a nest pointed into a reused cursor reads its parent's memory.
     */
    @Test
    void aReusedCursorReadsEachSegmentItIsPointedAt() throws Exception {
        byte[] one = cat(attr(1, hostInt(11)), attr(2, cat(attr(7, hostInt(77)))));
        byte[] two = cat(new byte[8], attr(1, hostInt(22)), attr(2, cat(attr(7, hostInt(88)))));
        Attrs a = new Attrs(), nest = new Attrs();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment nat = arena.allocate(one.length);
            nat.copyFrom(MemorySegment.ofArray(two).asSlice(8));
            MemorySegment[] segs = {MemorySegment.ofArray(one), MemorySegment.ofArray(two).asSlice(8), nat, MemorySegment.ofArray(one)};
            int[][] want = {{11, 77}, {22, 88}, {22, 88}, {11, 77}};
            for (int i = 0; i < segs.length; i++) {
                a.reset(segs[i], 0, segs[i].byteSize(), "test");
                assertTrue(a.next());
                assertEquals(want[i][0], a.u32(), "segment " + i);
                assertTrue(a.next());
                assertTrue(a.nestedAttrs(nest, "nest").next());
                assertEquals(want[i][1], nest.u32(), "segment " + i);
                assertEquals("test › nest", nest.context());
            }
        }
    }
}
