package io.github.netlink4j.internal.codec;

import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.link.Link;
import io.github.netlink4j.link.LinkChange;
import io.github.netlink4j.link.LinkOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A link's u32 values (IFLA_GROUP, IFLA_TXQLEN) are longs over the whole 0..4294967295 range: decoded
 * without a sign, written as the same four bytes, and refused beyond it where a change or an option is made.
 */
class LinkUnsignedTest {
    private static final long MAX = 4294967295L;

    private static void refused(Executable e) {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
        assertTrue(x.getMessage().contains("0 to 4294967295"), x.getMessage());
    }

    /** nlmsghdr, ifinfomsg (index 7), IFLA_IFNAME "x", IFLA_GROUP and IFLA_TXQLEN 0xffffffff: the kernel's own layout. */
    private static byte[] newlink() {
        ByteBuffer b = ByteBuffer.allocate(56).order(ByteOrder.nativeOrder());
        b.putInt(56).putShort((short) 16).putShort((short) 0).putInt(1).putInt(0); // RTM_NEWLINK
        b.put((byte) 0).put((byte) 0).putShort((short) 1).putInt(7).putInt(0).putInt(0); // ifinfomsg
        b.putShort((short) 6).putShort((short) 3).put((byte) 'x').put((byte) 0).putShort((short) 0); // IFLA_IFNAME
        b.putShort((short) 8).putShort((short) 27).putInt(-1); // IFLA_GROUP
        b.putShort((short) 8).putShort((short) 13).putInt(-1); // IFLA_TXQLEN
        return b.array();
    }

    @Test
    void groupAndQueueLengthDecodeUnsigned() throws Exception {
        byte[] m = newlink();
        Link l = LinkCodec.decode(MemorySegment.ofArray(m), 0, m.length);
        assertEquals(MAX, l.group());
        assertEquals(OptionalLong.of(MAX), l.txQueueLength());
    }

    @Test
    void groupAndQueueLengthEncodeAsTheSameFourBytes() {
        MessageWriter w = new MessageWriter(64);
        LinkCodec.group(MAX).accept(w);
        LinkCodec.txQueueLength(MAX).accept(w);
        byte[] got = java.util.Arrays.copyOf(w.segment().toArray(java.lang.foreign.ValueLayout.JAVA_BYTE), w.size());
        byte[] m = newlink();
        assertArrayEquals(java.util.Arrays.copyOfRange(m, 40, 56), got);
    }

    @Test
    void changesAndOptionsTakeTheWholeRangeAndNothingBeyond() {
        assertEquals(OptionalLong.of(MAX), LinkChange.empty().withGroup(MAX).group());
        assertEquals(OptionalLong.of(MAX), LinkChange.empty().withTxQueueLength(MAX).txQueueLength());
        assertEquals(OptionalLong.of(MAX), LinkOptions.DEFAULTS.withTxQueueLength(MAX).txQueueLength());
        refused(() -> LinkChange.empty().withGroup(MAX + 1));
        refused(() -> LinkChange.empty().withGroup(-1));
        refused(() -> LinkChange.empty().withTxQueueLength(MAX + 1));
        refused(() -> LinkOptions.DEFAULTS.withTxQueueLength(-1));
    }

    @Test
    void detailsCountsAndSizesDecodeUnsigned() throws Exception {
        ByteBuffer b = ByteBuffer.allocate(56).order(ByteOrder.nativeOrder());
        b.putInt(56).putShort((short) 16).putShort((short) 0).putInt(1).putInt(0); // RTM_NEWLINK
        b.put((byte) 0).put((byte) 0).putShort((short) 1).putInt(7).putInt(0).putInt(0); // ifinfomsg
        b.putShort((short) 6).putShort((short) 3).put((byte) 'x').put((byte) 0).putShort((short) 0); // IFLA_IFNAME
        b.putShort((short) 8).putShort((short) 30).putInt(-1); // IFLA_PROMISCUITY
        b.putShort((short) 8).putShort((short) 41).putInt(-2); // IFLA_GSO_MAX_SIZE
        byte[] m = b.array();
        Link l = LinkCodec.decode(MemorySegment.ofArray(m), 0, m.length);
        assertEquals(OptionalLong.of(MAX), l.details().promiscuity());
        assertEquals(OptionalLong.of(MAX - 1), l.details().gsoMaxSize());
    }
}
