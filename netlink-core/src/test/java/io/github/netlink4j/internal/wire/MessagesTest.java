package io.github.netlink4j.internal.wire;

import io.github.netlink4j.error.ProtocolException;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The datagram cursor: messages by their nlmsg_len, aligned to 4, each length checked against what is left. */
class MessagesTest {
    /** Messages of the given lengths (each padded to 4), type 16 + i, flags 0x100 + i, seq 1000 + i, pid 7 + i. */
    private static byte[] datagram(int... lens) {
        int total = 0;
        for (int l : lens) total += (l + 3) & ~3;
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.nativeOrder());
        int p = 0;
        for (int i = 0; i < lens.length; i++) {
            b.putInt(p, lens[i]).putShort(p + 4, (short) (16 + i)).putShort(p + 6, (short) (0x100 + i)).putInt(p + 8, 1000 + i).putInt(p + 12, 7 + i);
            p += (lens[i] + 3) & ~3;
        }
        return b.array();
    }

    /** The bytes at offset 3 of a larger array, so that reading from the array's start would be wrong. */
    private static MemorySegment slice(byte[] b) {
        byte[] big = new byte[b.length + 3];
        java.util.Arrays.fill(big, (byte) 0x7f);
        System.arraycopy(b, 0, big, 3, b.length);
        return MemorySegment.ofArray(big).asSlice(3, b.length);
    }

    @Test
    void walksEveryMessageOnHeapSlicesAndNativeMemory() throws Exception {
        byte[] b = datagram(16, 21, 40);
        for (MemorySegment s : new MemorySegment[] {slice(b), nativeCopy(b)}) {
            Messages m = new Messages().reset(s, b.length);
            long[] offsets = {0, 16, 40};
            int[] lens = {16, 21, 40};
            for (int i = 0; i < 3; i++) {
                assertTrue(m.next());
                assertEquals(offsets[i], m.offset());
                assertEquals(lens[i], m.length());
                assertEquals(16 + i, m.type());
                assertEquals(0x100 + i, m.flags());
                assertEquals(1000 + i, m.seq());
                assertEquals(7 + i, m.pid());
            }
            assertFalse(m.next());
        }
    }

    private static MemorySegment nativeCopy(byte[] b) {
        MemorySegment s = java.lang.foreign.Arena.ofAuto().allocate(b.length);
        MemorySegment.copy(b, 0, s, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, b.length);
        return s;
    }

    @Test
    void anEmptyDatagramOrAPrefixOfTheSegment() throws Exception {
        byte[] b = datagram(16, 16);
        Messages m = new Messages().reset(MemorySegment.ofArray(b), 0);
        assertFalse(m.next());
        m.reset(MemorySegment.ofArray(b), 16);
        assertTrue(m.next());
        assertFalse(m.next(), "only the first 16 bytes are the datagram");
        assertThrows(IllegalArgumentException.class, () -> m.reset(MemorySegment.ofArray(b), 33));
        assertThrows(IllegalArgumentException.class, () -> m.reset(MemorySegment.ofArray(b), -1));
    }

    @Test
    void lengthsThatDoNotFitAreProtocolErrors() throws Exception {
        byte[] past = datagram(16, 16);
        ByteBuffer.wrap(past).order(ByteOrder.nativeOrder()).putInt(16, 20);
        for (MemorySegment s : new MemorySegment[] {slice(past), nativeCopy(past)}) {
            Messages m = new Messages().reset(s, past.length);
            assertTrue(m.next());
            assertEquals("netlink message length 20 runs past the datagram (16 bytes left) at offset 16",
                    assertThrows(ProtocolException.class, m::next).getMessage());
        }
        byte[] small = datagram(16, 16);
        ByteBuffer.wrap(small).order(ByteOrder.nativeOrder()).putInt(16, -1);
        Messages m = new Messages().reset(slice(small), small.length);
        assertTrue(m.next());
        assertEquals("netlink message length 4294967295 < 16 at offset 16", assertThrows(ProtocolException.class, m::next).getMessage());
        m.reset(MemorySegment.ofArray(datagram(16)), 15);
        assertEquals("truncated netlink header: 15 bytes left at offset 0", assertThrows(ProtocolException.class, m::next).getMessage());
    }
}
