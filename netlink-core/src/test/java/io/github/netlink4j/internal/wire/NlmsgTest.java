package io.github.netlink4j.internal.wire;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code struct nlmsghdr} (linux/netlink.h: u32 len, u16 type, u16 flags, u32 seq, u32 pid, host order) and NLMSG_ALIGN. */
class NlmsgTest {
    private static byte[] header() {
        return ByteBuffer.allocate(24).order(ByteOrder.nativeOrder())
                .putInt(24).putShort((short) 0x8010).putShort((short) 0xf305).putInt(0x80000001).putInt(-7)
                .put(new byte[] {(byte) 0xfe, 0x12, 0x34, 0, 0, 0, 0, 0}).array();
    }

    @Test
    void headerFieldsOfANativeSegment() {
        byte[] b = header();
        MemorySegment s = Arena.ofAuto().allocate(b.length);
        MemorySegment.copy(b, 0, s, ValueLayout.JAVA_BYTE, 0, b.length);
        assertEquals(24, Nlmsg.len(s, 0));
        assertEquals(0x8010, Nlmsg.type(s, 0));
        assertEquals(0xf305, Nlmsg.flags(s, 0));
        assertEquals(0x80000001, Nlmsg.seq(s, 0));
        assertEquals(-7, Nlmsg.pid(s, 0));
        assertEquals(0xfe, Nlmsg.u8(s, 16));
        assertEquals(ByteBuffer.wrap(b).order(ByteOrder.nativeOrder()).getShort(17) & 0xffff, Nlmsg.u16(s, 17));
        Nlmsg.setSeq(s, 0, 42);
        Nlmsg.setPid(s, 0, 4242);
        assertEquals(42, Nlmsg.seq(s, 0));
        assertEquals(4242, Nlmsg.pid(s, 0));
        assertEquals(24, Nlmsg.len(s, 0), "the length is untouched");
        assertEquals(0xf305, Nlmsg.flags(s, 0));
    }

    @Test
    void theSameFieldsFromTheArray() {
        byte[] b = header();
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.nativeOrder());
        assertEquals(24, Nlmsg.s32(b, 0));
        assertEquals(0x8010, Nlmsg.u16(b, 4));
        assertEquals(0xf305, Nlmsg.u16(b, 6));
        assertEquals(0x80000001, Nlmsg.s32(b, 8));
        assertEquals(0xfe, Nlmsg.u8(b, 16));
        assertEquals(0xfe12, Nlmsg.u16be(b, 16), "network order: first byte high");
        assertEquals(0x1234, Nlmsg.u16be(b, 17));
        assertEquals(bb.getLong(8), Nlmsg.u64(b, 8));
        assertEquals(bb.getLong(16), Nlmsg.u64(b, 16));
        assertEquals(-7, Nlmsg.s32(MemorySegment.ofArray(b), 12));
    }

    @Test
    void heapArrayIsTheByteArrayBehindASegment() {
        byte[] b = new byte[8];
        assertSame(b, Nlmsg.heapArray(MemorySegment.ofArray(b)));
        assertSame(b, Nlmsg.heapArray(MemorySegment.ofArray(b).asSlice(4)));
        assertNull(Nlmsg.heapArray(MemorySegment.ofArray(new int[2])), "an int[] is no byte array");
        assertNull(Nlmsg.heapArray(Arena.ofAuto().allocate(8)));
    }

    @Test
    void alignRoundsUpToFour() {
        int[][] cases = {{0, 0}, {1, 4}, {3, 4}, {4, 4}, {5, 8}, {16, 16}, {17, 20}, {Integer.MAX_VALUE - 3, Integer.MAX_VALUE - 3}};
        for (int[] c : cases) assertEquals(c[1], Nlmsg.align(c[0]), "align(" + c[0] + ")");
        assertEquals("length 4294967295 cannot be aligned in an int", assertThrows(IllegalArgumentException.class, () -> Nlmsg.align(-1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Nlmsg.align(Integer.MAX_VALUE - 2));
        assertEquals(16, Nlmsg.HDRLEN);
    }
}
