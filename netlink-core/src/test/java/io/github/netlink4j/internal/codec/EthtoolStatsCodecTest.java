package io.github.netlink4j.internal.codec;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.genl.GenlFamily;
import io.github.netlink4j.genl.ethtool.StandardStats;
import io.github.netlink4j.genl.ethtool.StatsGroup;
import io.github.netlink4j.internal.codec.genl.EthtoolReplies;
import io.github.netlink4j.internal.codec.genl.EthtoolStatsCodec;
import io.github.netlink4j.testing.Golden;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ethtool's standard statistics (ETHTOOL_MSG_STATS_GET) both ways: the requests against ethtool(8) 6.1's own
 * bytes for {@code -S veth0 --groups eth-mac rmon} and {@code --all-groups}, the kernel's reply to the first
 * (a veth: the groups with no counters) against the record, and a reply with counters and RMON histograms,
 * written by hand below from the layout of net/ethtool/stats.c (no device on this machine keeps any), against
 * the names of the kernel's own RMON string set as ethtool received it.
 */
class EthtoolStatsCodecTest {
    private static final GenlFamily ETHTOOL = new GenlFamily("ethtool", 0x15, 1, 0, 0, List.of(), List.of());
    /** ETH_SS_STATS_STD as this kernel (6.18) names the groups: bit 4 is phydev, which ethtool 6.1 asks for as a bit. */
    private static final List<String> GROUPS = List.of("eth-phy", "eth-mac", "eth-ctrl", "rmon", "phydev");
    private static final List<String> MAC = List.of("FramesTransmittedOK", "SingleCollisionFrames", "MultipleCollisionFrames", "FramesReceivedOK");

    private static List<String> rmonNames() throws ProtocolException {
        byte[] b = Golden.bytes("ethtool/strset-stats-rmon-reply");
        return EthtoolReplies.stringSet(MemorySegment.ofArray(b), 0, b.length);
    }

    private static Map<Integer, List<String>> names() throws ProtocolException {
        Map<Integer, List<String>> n = new LinkedHashMap<>();
        n.put(EthtoolStatsCodec.ETH_SS_STATS_STD, GROUPS);
        n.put(18, MAC);
        n.put(20, rmonNames());
        return n;
    }

    @Test
    void requestsAreTheBytesEthtoolSends() {
        GoldenEncodeTest.assertEncodes("ethtool/stats-get-groups", w -> EthtoolStatsCodec.encodeGet(w, ETHTOOL, "veth0", List.of("eth-mac", "rmon")));
        GoldenEncodeTest.assertEncodes("ethtool/stats-get-all", w -> EthtoolStatsCodec.encodeGetAll(w, ETHTOOL, "veth0", GROUPS.size()));
    }

    @Test
    void allGroupsOfMoreThanAWordTakeAWordPerThirtyTwo() {
        byte[] b = written(w -> EthtoolStatsCodec.encodeGetAll(w, ETHTOOL, "veth0", 33));
        // the value is the last attribute: two u32 words, 32 bits set and then one
        byte[] tail = java.util.Arrays.copyOfRange(b, b.length - 12, b.length);
        assertEquals("0c000400ffffffff01000000", java.util.HexFormat.of().formatHex(tail));
        byte[] one = written(w -> EthtoolStatsCodec.encodeGetAll(w, ETHTOOL, "veth0", 1));
        assertEquals("0800040001000000", java.util.HexFormat.of().formatHex(java.util.Arrays.copyOfRange(one, one.length - 8, one.length)));
        assertThrows(IllegalArgumentException.class, () -> written(w -> EthtoolStatsCodec.encodeGetAll(w, ETHTOOL, "veth0", 0)));
    }

    private static byte[] written(java.util.function.Consumer<io.github.netlink4j.internal.wire.MessageWriter> enc) {
        io.github.netlink4j.internal.wire.MessageWriter w = new io.github.netlink4j.internal.wire.MessageWriter(64);
        enc.accept(w);
        return io.github.netlink4j.testing.Written.bytes(w);
    }

    @Test
    void theRmonStringSetNamesItsCountersByIndex() throws Exception {
        List<String> rmon = rmonNames();
        assertEquals(List.of("etherStatsUndersizePkts", "etherStatsOversizePkts", "etherStatsFragments", "etherStatsJabbers"), rmon);
    }

    @Test
    void aVethAnswersTheGroupsAskedWithNoCounters() throws Exception {
        byte[] b = Golden.bytes("ethtool/stats-groups-reply");
        MemorySegment m = MemorySegment.ofArray(b);
        assertEquals(Set.of(18, 20), EthtoolStatsCodec.stringSets(m, 0, b.length));
        assertEquals(List.of(18, 20), List.copyOf(EthtoolStatsCodec.stringSets(m, 0, b.length)), "in the kernel's order");
        StandardStats st = EthtoolStatsCodec.standard(m, 0, b.length, names()::get);
        assertEquals("veth0", st.link());
        assertEquals(3, st.index());
        assertEquals(OptionalInt.of(0), st.source());
        assertEquals(List.of(new StatsGroup(1, "eth-mac", 18, Map.of(), List.of(), List.of()),
                new StatsGroup(3, "rmon", 20, Map.of(), List.of(), List.of())), st.groups());
        assertEquals(3, st.group("rmon").orElseThrow().id());
        assertTrue(st.group("eth-phy").isEmpty());
    }

    /** A reply with counters: one ETHTOOL_A_STATS_GRP_STAT nest per counter, its type the counter's index. */
    private static byte[] replyWithCounters() {
        byte[] header = nest(2, cat(u32(1, 3), str(2, "veth0")));
        byte[] mac = nest(4, cat(u32(2, 1), u32(3, 18), nest(4, u64(0, 100)), nest(4, u64(3, 0xffff_ffff_ffff_fffeL))));
        byte[] rmon = nest(4, cat(u32(2, 3), u32(3, 20), nest(4, u64(1, 2)),
                nest(5, cat(u32(7, 64), u32(8, 64), u64(9, 5))), nest(5, cat(u32(7, 65), u32(8, 127), u64(9, 6))),
                nest(6, cat(u32(7, 1519), u32(8, 0), u64(9, 1)))));
        byte[] attrs = cat(new byte[]{33, 1, 0, 0}, header, u32(5, 2), mac, rmon);
        return cat(le(16 + attrs.length, 0x15, 0), attrs);
    }

    @Test
    void countersAndHistogramsAreNamedByTheirStringSets() throws Exception {
        byte[] b = replyWithCounters();
        StandardStats st = EthtoolStatsCodec.standard(MemorySegment.ofArray(b), 0, b.length, names()::get);
        assertEquals(OptionalInt.of(2), st.source(), "ETHTOOL_MAC_STATS_SRC_PMAC");
        StatsGroup mac = st.group("eth-mac").orElseThrow();
        assertEquals(List.of(Map.entry("FramesTransmittedOK", 100L), Map.entry("FramesReceivedOK", 0xffff_ffff_ffff_fffeL)),
                List.copyOf(mac.counters().entrySet()), "the counters the driver keeps, in the kernel's order, u64 whole");
        StatsGroup rmon = st.group("rmon").orElseThrow();
        assertEquals(Map.of("etherStatsOversizePkts", 2L), rmon.counters());
        assertEquals(List.of(new StatsGroup.Bucket(64, 64, 5), new StatsGroup.Bucket(65, 127, 6)), rmon.rxHistogram());
        assertEquals(List.of(new StatsGroup.Bucket(1519, 0, 1)), rmon.txHistogram());
        assertEquals(List.of(), mac.rxHistogram());
    }

    @Test
    void aNameTheKernelDidNotGiveIsTheNumber() throws Exception {
        byte[] b = replyWithCounters();
        StandardStats st = EthtoolStatsCodec.standard(MemorySegment.ofArray(b), 0, b.length, set -> set == 18 ? MAC.subList(0, 1) : null);
        assertEquals(List.of("1", "3"), st.groups().stream().map(StatsGroup::name).toList());
        assertEquals(List.of("FramesTransmittedOK", "3"), List.copyOf(st.groups().get(0).counters().keySet()));
        assertEquals(List.of("1"), List.copyOf(st.groups().get(1).counters().keySet()));
    }

    @Test
    void malformedRepliesAreRefused() {
        byte[] noHeader = cat(le(16 + 12, 0x15, 0), new byte[]{33, 1, 0, 0}, u32(5, 0));
        assertThrows(ProtocolException.class, () -> EthtoolStatsCodec.standard(MemorySegment.ofArray(noHeader), 0, noHeader.length, s -> null));
        byte[] noId = cat(new byte[]{33, 1, 0, 0}, nest(2, str(2, "veth0")), nest(4, u32(3, 18)));
        byte[] m = cat(le(16 + noId.length, 0x15, 0), noId);
        assertThrows(ProtocolException.class, () -> EthtoolStatsCodec.standard(MemorySegment.ofArray(m), 0, m.length, s -> null));
        byte[] noSs = cat(new byte[]{33, 1, 0, 0}, nest(2, str(2, "veth0")), nest(4, u32(2, 1)));
        byte[] m2 = cat(le(16 + noSs.length, 0x15, 0), noSs);
        assertThrows(ProtocolException.class, () -> EthtoolStatsCodec.standard(MemorySegment.ofArray(m2), 0, m2.length, s -> null));
        byte[] other = Golden.bytes("ethtool/strset-stats-rmon-reply");
        assertThrows(ProtocolException.class, () -> EthtoolStatsCodec.stringSets(MemorySegment.ofArray(other), 0, other.length), "another command");
    }

    // a hand-rolled netlink writer, sharing nothing with MessageWriter
    private static byte[] le(int len, int type, int flags) {
        return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putInt(len).putShort((short) type).putShort((short) flags).putInt(0).putInt(0).array();
    }

    private static byte[] attr(int type, byte[] payload) {
        int len = 4 + payload.length, padded = (len + 3) & ~3;
        return ByteBuffer.allocate(padded).order(ByteOrder.LITTLE_ENDIAN).putShort((short) len).putShort((short) type).put(payload).array();
    }

    private static byte[] nest(int type, byte[] inner) {
        return attr(type | 0x8000, inner);
    }

    private static byte[] u32(int type, int v) {
        return attr(type, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array());
    }

    private static byte[] u64(int type, long v) {
        return attr(type, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array());
    }

    private static byte[] str(int type, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return attr(type, java.util.Arrays.copyOf(b, b.length + 1));
    }

    private static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    @Test
    void aDumpOfEveryDeviceAsksEveryGroupWithoutAHeader() {
        HandBytes.assertWrites("""
                2c000000 1500 0103 00000000 00000000  # NLM_F_REQUEST|NLM_F_DUMP
                20010000                              # ETHTOOL_MSG_STATS_GET
                18000380 04000100 08000200 05000000   # GROUPS { NOMASK, SIZE 5,
                08000400 1f000000                     #   VALUE groups 0 to 4 }
                """, w -> EthtoolStatsCodec.encodeDumpAll(w, ETHTOOL, 5));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> EthtoolStatsCodec.encodeDumpAll(new io.github.netlink4j.internal.wire.MessageWriter(64), ETHTOOL, 0));
    }
}
