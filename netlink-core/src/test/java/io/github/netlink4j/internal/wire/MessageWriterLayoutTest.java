package io.github.netlink4j.internal.wire;

import io.github.netlink4j.testing.Golden;
import io.github.netlink4j.testing.Written;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The family headers and attributes the writer lays out, against the structs of the uapi headers
 * (linux/netlink.h, rtnetlink.h, if_addr.h, neighbour.h, genetlink.h) written out field by field with a
 * ByteBuffer in host order, with every field non-zero and distinct, and against the headers iproute2 sent
 * (the golden captures). The layout cases start from a buffer dirtied with 0xff, so that a byte the writer
 * should have written and did not shows.
 */
class MessageWriterLayoutTest {
    private static ByteBuffer host(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.nativeOrder());
    }

    /** A writer whose whole buffer is filled with attributes of 0xff bytes, reset. */
    private static MessageWriter dirty() {
        MessageWriter w = new MessageWriter(256);
        while (w.size() < 256) w.attrU32(0xffff, -1);
        return w.reset();
    }

    /**
     * Bytes 4 to {@code n} of a captured request (past nlmsg_len, which counts the attributes that follow)
     * against the same bytes written.
     */
    private static void assertHeaders(String golden, int n, MessageWriter w) {
        assertArrayEquals(java.util.Arrays.copyOfRange(Golden.bytes(golden), 4, n), java.util.Arrays.copyOfRange(Written.bytes(w), 4, n), golden);
    }

    @Test
    void nlmsghdrWithZeroSequenceAndPort() {
        MessageWriter w = dirty();
        int m = w.beginMessage(0x1234, 0xfedc);
        w.endMessage(m);
        assertArrayEquals(host(16).putInt(16).putShort((short) 0x1234).putShort((short) 0xfedc).putInt(0).putInt(0).array(), Written.bytes(w));
        assertEquals(0xfedc, w.flagsAt(m));
        assertEquals(1, w.messageCount());
    }

    @Test
    void ifinfomsg() {
        MessageWriter w = dirty();
        w.ifinfomsg(10, 0x304, 0x01020304, 0x11223344, 0xa0b0c0d0);
        // struct ifinfomsg { u8 family; u8 pad; u16 type; s32 index; u32 flags; u32 change; }
        assertArrayEquals(host(16).put((byte) 10).put((byte) 0).putShort((short) 0x304).putInt(0x01020304)
                .putInt(0x11223344).putInt(0xa0b0c0d0).array(), Written.bytes(w));
        MessageWriter lo = dirty();
        int m = lo.beginMessage(16, 0x5);
        lo.ifinfomsg(0, 0, 1, 1, 1);
        lo.endMessage(m);
        assertArrayEquals(Golden.bytes("link/lo-up"), Written.bytes(lo), "ip link set lo up");
    }

    @Test
    void ifaddrmsg() {
        MessageWriter w = dirty();
        w.ifaddrmsg(10, 64, 0x80, 0xfd, 0x01020304);
        // struct ifaddrmsg { u8 family; u8 prefixlen; u8 flags; u8 scope; u32 index; }
        assertArrayEquals(host(8).put((byte) 10).put((byte) 64).put((byte) 0x80).put((byte) 0xfd).putInt(0x01020304).array(), Written.bytes(w));
        MessageWriter v4 = dirty();
        int m = v4.beginMessage(20, 0x605);
        v4.ifaddrmsg(2, 24, 0, 0, 3);
        v4.endMessage(m);
        assertHeaders("addr/v4-add", 24, v4);
    }

    @Test
    void rtmsg() {
        MessageWriter w = dirty();
        w.rtmsg(10, 64, 56, 0x10, 0xfe, 4, 0xfd, 7, 0x01020304);
        // struct rtmsg { u8 family, dst_len, src_len, tos, table, protocol, scope, type; u32 flags; }
        assertArrayEquals(host(12).put(new byte[] {10, 64, 56, 0x10, (byte) 0xfe, 4, (byte) 0xfd, 7}).putInt(0x01020304).array(), Written.bytes(w));
        MessageWriter r = dirty();
        int m = r.beginMessage(24, 0x605);
        r.rtmsg(2, 24, 0, 0, 0, 4, 0, 1, 0);
        r.endMessage(m);
        assertHeaders("route/table-metric-proto", 28, r);
    }

    @Test
    void ndmsg() {
        MessageWriter w = dirty();
        w.ndmsg(7, 0x01020304, 0x0180, 0x42, 0x33);
        // struct ndmsg { u8 family; u8 pad1; u16 pad2; s32 ifindex; u16 state; u8 flags; u8 type; }
        assertArrayEquals(host(12).put((byte) 7).put((byte) 0).putShort((short) 0).putInt(0x01020304).putShort((short) 0x180)
                .put((byte) 0x42).put((byte) 0x33).array(), Written.bytes(w));
        MessageWriter n = dirty();
        int m = n.beginMessage(28, 0x605);
        n.ndmsg(2, 3, 0x80, 0, 0);
        n.endMessage(m);
        assertHeaders("neigh/add", 28, n);
    }

    @Test
    void genlmsghdrAndRtgenmsg() {
        MessageWriter w = dirty();
        w.genlmsghdr(0x83, 0x92);
        w.rtgenmsg(0xa7);
        // struct genlmsghdr { u8 cmd; u8 version; u16 reserved; }, struct rtgenmsg { u8 family; } padded to 4
        assertArrayEquals(new byte[] {(byte) 0x83, (byte) 0x92, 0, 0, (byte) 0xa7, 0, 0, 0}, Written.bytes(w));
    }

    @Test
    void scalarAttributes() {
        MessageWriter w = dirty();
        w.attrFlag(1);
        w.attrU8(2, 0x1ab);
        w.attrU16(3, 0x1beef);
        w.attrU16Be(4, 0x1234);
        w.attrU32(5, 0x89abcdef);
        w.attrU64(6, 0x0102030405060708L);
        w.attrInet4(7, 0x0ac80001);
        ByteBuffer e = host(64);
        e.putShort((short) 4).putShort((short) 1);
        e.putShort((short) 5).putShort((short) 2).put((byte) 0xab).put(new byte[3]);
        e.putShort((short) 6).putShort((short) 3).putShort((short) 0xbeef).put(new byte[2]);
        e.putShort((short) 6).putShort((short) 4).put((byte) 0x12).put((byte) 0x34).put(new byte[2]);
        e.putShort((short) 8).putShort((short) 5).putInt(0x89abcdef);
        e.putShort((short) 12).putShort((short) 6).putLong(0x0102030405060708L);
        e.putShort((short) 8).putShort((short) 7).put(new byte[] {10, (byte) 200, 0, 1});
        assertArrayEquals(java.util.Arrays.copyOf(e.array(), e.position()), Written.bytes(w));
    }

    @Test
    void rawBytesArePaddedWithZeros() {
        MessageWriter w = dirty();
        w.raw(new byte[] {1, 2, 3, 4, 5});
        w.raw(new byte[] {6, 7, 8, 9});
        w.raw(new byte[0]);
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 0, 0, 0, 6, 7, 8, 9}, Written.bytes(w));
    }

    @Test
    void nonAsciiStringsOnADirtyBuffer() {
        // Lengths in chars and in UTF-8 bytes that differ, so that the ASCII pass and the UTF-8 pass pad
        // different words; each with and without the NUL.
        String[] samples = {"\u0080", "a\u0080", "日本a", "日本語", "éé", "ab€", "€€", "\ud83d\ude00", "x\ud83d\ude00", "ééé€", "日本語ab"};
        for (String s : samples) {
            byte[] u = s.getBytes(StandardCharsets.UTF_8);
            MessageWriter w = dirty();
            w.attrString(9, s);
            w.attrStringNoNul(10, s);
            ByteBuffer e = host(64);
            e.putShort((short) (5 + u.length)).putShort((short) 9).put(u).put((byte) 0);
            e.position(Nlmsg.align(e.position()));
            e.putShort((short) (4 + u.length)).putShort((short) 10).put(u);
            e.position(Nlmsg.align(e.position()));
            assertArrayEquals(java.util.Arrays.copyOf(e.array(), e.position()), Written.bytes(w), s);
        }
    }

    @Test
    void nestsFromTheFirstByteEmptyOrLargeAreEnded() {
        MessageWriter w = dirty();
        int outer = w.beginNest(0x8001);
        int empty = w.beginNest(2);
        w.endNest(empty);
        w.endNest(outer);
        assertArrayEquals(host(8).putShort((short) 8).putShort((short) 0x8001).putShort((short) 4).putShort((short) 2).array(), Written.bytes(w));

        // The largest nest: lengths are multiples of 4, so 65,532 bytes.
        MessageWriter big = new MessageWriter(64);
        int nest = big.beginNest(3);
        big.attrBytes(1, new byte[65_524]);
        big.endNest(nest);
        assertEquals(65_532, Short.toUnsignedInt(big.segment().get(MessageWriter.U16, 0)));

        // A small nest far into a large request: its length is counted from its own start.
        MessageWriter far = new MessageWriter(64);
        far.attrBytes(1, new byte[60_000]);
        far.attrBytes(1, new byte[60_000]);
        int late = far.beginNest(5);
        far.attrU32(1, 1);
        far.endNest(late);
        assertEquals(12, Short.toUnsignedInt(far.segment().get(MessageWriter.U16, late)));
    }

    @Test
    void offsetsOutsideWhatWasWrittenAreRefused() {
        MessageWriter w = new MessageWriter(64);
        int m = w.beginMessage(16, 0);
        w.attrU32(1, 1);
        assertEquals(24, w.size());
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> w.endNest(21));
        assertEquals("offset 21 is not inside the 24 bytes written", e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> w.endNest(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> w.endMessage(21));
        assertThrows(IndexOutOfBoundsException.class, () -> w.endMessage(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> w.flagsAt(17));
        assertThrows(IndexOutOfBoundsException.class, () -> w.patchByte(24, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> w.patchByte(-1, 1));
        w.patchByte(23, 0x5a);
        w.patchByte(0, 0x18);
        w.endMessage(m);
        byte[] b = Written.bytes(w);
        assertEquals(0x5a, b[23]);
        assertEquals(24, ByteBuffer.wrap(b).order(ByteOrder.nativeOrder()).getInt(0));
    }

    @Test
    void sequencesOverHeaderOnlyMessagesAndMisendedOnes() {
        MessageWriter w = dirty();
        int a = w.beginMessage(16, 0);
        w.endMessage(a);
        int b = w.beginMessage(17, 0);
        w.endMessage(b);
        w.stampSequences(5);
        byte[] got = Written.bytes(w);
        ByteBuffer bb = ByteBuffer.wrap(got).order(ByteOrder.nativeOrder());
        assertEquals(32, got.length);
        assertEquals(5, bb.getInt(8));
        assertEquals(6, bb.getInt(24));
        assertEquals(0, bb.getInt(12), "the port stays the kernel's to fill");

        // The first message ended around the second: the second has no header left to read.
        MessageWriter n = new MessageWriter(64);
        int outer = n.beginMessage(16, 0);
        n.beginMessage(16, 0);
        n.endMessage(outer);
        assertEquals("message 1 at offset 32 has length -1 of 0 bytes left: not ended?",
                assertThrows(IllegalStateException.class, () -> n.stampSequences(1)).getMessage());

        // A length patched past the end.
        MessageWriter p = new MessageWriter(64);
        p.endMessage(p.beginMessage(16, 0));
        int second = p.beginMessage(16, 0);
        p.attrU32(1, 1);
        p.endMessage(second);
        int low = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? second : second + 3; // nlmsg_len's low byte
        p.patchByte(low, 40);
        assertEquals("message 1 at offset 16 has length 40 of 24 bytes left: not ended?",
                assertThrows(IllegalStateException.class, () -> p.stampSequences(1)).getMessage());
        p.patchByte(low, 12);
        assertEquals("message 1 at offset 16 has length 12 of 24 bytes left: not ended?",
                assertThrows(IllegalStateException.class, () -> p.stampSequences(1)).getMessage());
    }

    @Test
    void aRequestThatFitsTheCapacityDoesNotGrowIt() {
        MessageWriter w = new MessageWriter(64);
        for (int i = 0; i < 8; i++) w.attrU32(1, i);
        assertEquals(64, w.size());
        assertEquals(64, w.segment().byteSize(), "exactly full: the same buffer");
        w.attrFlag(2);
        assertTrue(w.segment().byteSize() >= 68);
        assertEquals(64, new MessageWriter(1).segment().byteSize(), "never below 64 bytes");
    }
}
