package io.github.netlink4j.internal.codec.genl;

import io.github.netlink4j.error.ProtocolException;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The ethtool ioctl's structs for driver statistics, against their layout in linux/ethtool.h (x86-64 and
 * arm64 are little-endian; the machine's order is what the kernel reads): struct ethtool_sset_info
 * {u32 cmd; u32 reserved; u64 sset_mask; u32 data[];}, ethtool_gstrings {u32 cmd; u32 string_set; u32 len;
 * u8 data[];}, ethtool_stats {u32 cmd; u32 n_stats; u64 data[];}. The replies are written here as the kernel
 * fills them; EthtoolStatsTest reads a real driver's against ethtool -S.
 */
class EthtoolIoctlsTest {
    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void theCommandNumbersAreTheHeaders() {
        assertEquals(0x1b, EthtoolIoctls.ETHTOOL_GSTRINGS);
        assertEquals(0x1d, EthtoolIoctls.ETHTOOL_GSTATS);
        assertEquals(0x37, EthtoolIoctls.ETHTOOL_GSSET_INFO);
        assertEquals(1, EthtoolIoctls.ETH_SS_STATS);
        assertEquals(32, EthtoolIoctls.ETH_GSTRING_LEN);
    }

    @Test
    void ssetInfoAsksOneSetsSize() throws Exception {
        assertEquals("37000000" + "00000000" + "0200000000000000" + "00000000", HexFormat.of().formatHex(EthtoolIoctls.ssetInfo(1)));
        assertEquals("0000000000000080", HexFormat.of().formatHex(EthtoolIoctls.ssetInfo(63), 8, 16));
        assertThrows(IllegalArgumentException.class, () -> EthtoolIoctls.ssetInfo(64));
        assertThrows(IllegalArgumentException.class, () -> EthtoolIoctls.ssetInfo(-1));
        byte[] answered = le(20).putInt(0x37).putInt(0).putLong(2).putInt(10).array();
        assertEquals(OptionalInt.of(10), EthtoolIoctls.ssetCount(answered, 1));
        byte[] cleared = le(20).putInt(0x37).putInt(0).putLong(0).putInt(0).array();
        assertEquals(OptionalInt.empty(), EthtoolIoctls.ssetCount(cleared, 1), "the kernel clears the bit of a set the driver lacks");
        byte[] otherBit = le(20).putInt(0x37).putInt(0).putLong(1).putInt(7).array();
        assertEquals(OptionalInt.empty(), EthtoolIoctls.ssetCount(otherBit, 1));
        assertThrows(ProtocolException.class, () -> EthtoolIoctls.ssetCount(new byte[19], 1));
        assertEquals(OptionalInt.of(0), EthtoolIoctls.ssetCount(le(20).putInt(0x37).putInt(0).putLong(2).putInt(0).array(), 1));
    }

    @Test
    void gstringsHasRoomForTheCountAndTheSlack() {
        byte[] b = EthtoolIoctls.gstrings(1, 3);
        assertEquals(12 + (3 + EthtoolIoctls.SLACK) * 32, b.length);
        assertEquals("1b000000" + "01000000" + "03000000", HexFormat.of().formatHex(b, 0, 12));
        byte[] s = EthtoolIoctls.gstats(2);
        assertEquals(8 + (2 + EthtoolIoctls.SLACK) * 8, s.length);
        assertEquals("1d000000" + "02000000", HexFormat.of().formatHex(s, 0, 8));
    }

    private static byte[] strings(int len, String... names) {
        ByteBuffer b = le(12 + (names.length + EthtoolIoctls.SLACK) * 32).putInt(0x1b).putInt(1).putInt(len);
        for (int i = 0; i < names.length; i++) {
            byte[] n = names[i].getBytes(StandardCharsets.UTF_8);
            b.put(12 + i * 32, n, 0, n.length);
        }
        return b.array();
    }

    @Test
    void namesEndAtTheirNulOrAtThirtyTwoBytes() throws Exception {
        String full = "rx_queue_0_xdp_redirect_long_nam"; // 32 bytes, no NUL
        assertEquals(32, full.length());
        assertEquals(List.of("peer_ifindex", full, ""), EthtoolIoctls.strings(strings(3, "peer_ifindex", full, ""), 3));
    }

    @Test
    void aCountOtherThanAskedIsRefused() {
        assertThrows(ProtocolException.class, () -> EthtoolIoctls.strings(strings(4, "a", "b", "c"), 3));
        assertThrows(ProtocolException.class, () -> EthtoolIoctls.strings(strings(2, "a", "b", "c"), 3));
        byte[] stats = le(8 + 2 * 8).putInt(0x1d).putInt(3).putLong(1).putLong(2).array();
        assertThrows(ProtocolException.class, () -> EthtoolIoctls.stats(stats, 2));
        assertThrows(ProtocolException.class, () -> EthtoolIoctls.stats(stats, 3), "three do not fit in the bytes there are");
        assertThrows(ProtocolException.class, () -> EthtoolIoctls.stats(new byte[7], 0));
        assertThrows(ProtocolException.class, () -> EthtoolIoctls.strings(new byte[11], 0));
    }

    @Test
    void valuesAreUnsigned64BitInOrder() throws Exception {
        byte[] stats = le(8 + 3 * 8).putInt(0x1d).putInt(3).putLong(2).putLong(-1L).putLong(1L << 40).array();
        assertArrayEquals(new long[]{2, -1L, 1L << 40}, EthtoolIoctls.stats(stats, 3));
        assertArrayEquals(new long[0], EthtoolIoctls.stats(le(8).putInt(0x1d).putInt(0).array(), 0));
        assertEquals(List.of(), EthtoolIoctls.strings(le(12).putInt(0x1b).putInt(1).putInt(0).array(), 0));
    }
}
