package io.github.netlink4j.internal.codec;

import io.github.netlink4j.internal.codec.genl.EthtoolReplies;
import io.github.netlink4j.internal.codec.genl.EthtoolCodec;
import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.genl.GenlFamily;
import io.github.netlink4j.genl.ethtool.Channels;
import io.github.netlink4j.genl.ethtool.ChannelsChange;
import io.github.netlink4j.genl.ethtool.Feature;
import io.github.netlink4j.genl.ethtool.Features;
import io.github.netlink4j.genl.ethtool.LinkInfo;
import io.github.netlink4j.genl.ethtool.LinkState;
import io.github.netlink4j.genl.ethtool.Port;
import io.github.netlink4j.genl.ethtool.Transceiver;
import io.github.netlink4j.testing.Golden;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ethtool's requests and replies both ways against ethtool(8) 6.1's own bytes (golden/ethtool, captured by
 * scripts/capture-golden.py in a throwaway namespace): encode → the bytes ethtool sent, the kernel's
 * replies to ethtool → the records.
 */
class EthtoolCodecTest {
    /** The family as nlctrl described it on the capture's kernel: id 0x15, version 1. */
    private static final GenlFamily ETHTOOL = new GenlFamily("ethtool", 0x15, 1, 0, 0, List.of(), List.of());

    private static MemorySegment reply(String fixture) {
        return Golden.segment("ethtool/" + fixture);
    }

    private static int len(String fixture) {
        return Golden.bytes("ethtool/" + fixture).length;
    }

    private static List<String> featureNames() throws ProtocolException {
        return EthtoolReplies.stringSet(reply("strset-features-reply"), 0, len("strset-features-reply"));
    }

    @Test
    void requestsAreTheBytesEthtoolSends() {
        GoldenEncodeTest.assertEncodes("ethtool/features-get",
                w -> EthtoolCodec.encodeGet(w, ETHTOOL, EthtoolCodec.FEATURES_GET, "veth0", EthtoolCodec.COMPACT_BITSETS));
        GoldenEncodeTest.assertEncodes("ethtool/strset-features", w -> EthtoolCodec.encodeStringSet(w, ETHTOOL, EthtoolCodec.ETH_SS_FEATURES));
        GoldenEncodeTest.assertEncodes("ethtool/channels-get", w -> EthtoolCodec.encodeGet(w, ETHTOOL, EthtoolCodec.CHANNELS_GET, "veth0", 0));
        GoldenEncodeTest.assertEncodes("ethtool/linkinfo-get", w -> EthtoolCodec.encodeGet(w, ETHTOOL, EthtoolCodec.LINKINFO_GET, "veth0", 0));
        GoldenEncodeTest.assertEncodes("ethtool/channels-set",
                w -> EthtoolCodec.encodeChannelsSet(w, ETHTOOL, "veth0", ChannelsChange.empty().withRx(2).withTx(1)));
    }

    @Test
    void aFeaturesChangeIsTheVerboseBitsetEthtoolSends() {
        GoldenEncodeTest.assertEncodes("ethtool/features-set", w -> EthtoolCodec.encodeFeaturesSet(w, ETHTOOL, "veth0",
                List.of(Map.entry("tx-checksum-ip-generic", true), Map.entry("rx-gro-list", false))));
    }

    @Test
    void theFeatureNamesAreTheKernelsStringSetByIndex() throws Exception {
        List<String> names = featureNames();
        assertEquals(64, names.size());
        assertEquals("tx-scatter-gather", names.get(0));
        assertEquals("tx-checksum-ipv4", names.get(1));
        assertEquals("", names.get(2), "a bit without a name is an empty string");
        assertEquals("tx-checksum-ip-generic", names.get(3));
    }

    @Test
    void featuresDecodeFromCompactBitsetsAsEthtoolShowsThem() throws Exception {
        Features f = EthtoolReplies.features(reply("features-reply"), 0, len("features-reply"), featureNames());
        assertEquals("veth0", f.link());
        assertEquals(3, f.index());
        // as `ethtool -k veth0` printed them on the capture's kernel
        assertEquals(new Feature("tx-checksum-ip-generic", true, true, true, false), f.feature("tx-checksum-ip-generic").orElseThrow());
        Feature ipv4 = f.feature("tx-checksum-ipv4").orElseThrow();
        assertFalse(ipv4.active());
        assertTrue(ipv4.fixed(), "tx-checksum-ipv4: off [fixed]");
        Feature groList = f.feature("rx-gro-list").orElseThrow();
        assertFalse(groList.active());
        assertFalse(groList.fixed(), "rx-gro-list: off");
        assertTrue(f.feature("tx-scatter-gather").orElseThrow().active());
        assertTrue(f.feature("loopback").orElseThrow().fixed());
        assertTrue(f.features().stream().noneMatch(x -> x.name().isEmpty()), "unnamed bits are left out, as ethtool leaves them");
        assertEquals(f.features().size(), f.active().size());
    }

    @Test
    void aFeaturesChangeReplySaysWhatChangedWithItsDependents() throws Exception {
        Map<String, Boolean> changed = EthtoolReplies.featuresChanged(reply("features-set-reply"), 0, len("features-set-reply"), featureNames());
        // ethtool -K veth0 tx-checksum-ip-generic off printed these under "Actual changes:"
        Map<String, Boolean> expected = new LinkedHashMap<>();
        for (String n : List.of("tx-checksum-ip-generic", "tx-tcp-segmentation", "tx-tcp-ecn-segmentation", "tx-tcp-mangleid-segmentation",
                "tx-tcp6-segmentation", "tx-udp-segmentation")) expected.put(n, false);
        assertEquals(expected, changed);
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(changed.keySet()), "the kernel's order");
    }

    @Test
    void channelsLinkInfoAndLinkStateDecode() throws Exception {
        assertEquals(new Channels("veth0", 3, 2, 2, 0, 0, 1, 1, 0, 0), EthtoolReplies.channels(reply("channels-reply"), 0, len("channels-reply")));
        LinkInfo info = EthtoolReplies.linkInfo(reply("linkinfo-reply"), 0, len("linkinfo-reply"));
        assertEquals(Optional.of(Port.TWISTED_PAIR), info.port(), "Port: Twisted Pair");
        assertEquals(OptionalInt.of(0), info.phyAddress(), "PHYAD: 0");
        assertEquals(Optional.of(Transceiver.INTERNAL), info.transceiver(), "Transceiver: internal");
        LinkState state = EthtoolReplies.linkState(reply("linkstate-reply"), 0, len("linkstate-reply"));
        assertEquals(Optional.of(false), state.detected(), "Link detected: no");
        assertTrue(state.extState().isEmpty());
    }

    /** A reply written out by hand: family 0x15, command {@code cmd}, the header of veth0 (index 3), then {@code attrs}. */
    private static MemorySegment handReply(int cmd, String attrs) {
        String header = "18000180 08000100 03000000 0a000200 76657468 30000000";
        String body = String.format("%02x010000", cmd) + header + attrs.replaceAll("\\s+", "");
        int len = 16 + body.length() / 2;
        return HandBytes.segment(String.format("%02x%02x0000 1500 0000 00000000 00000000 ", len & 0xff, len >> 8) + body);
    }

    @Test
    void everyLinkInfoLinkStateAndRingsAttributeLandsInItsOwnField() throws Exception {
        // distinct values, so that two fields read from one attribute cannot pass (a veth reports zeros)
        MemorySegment li = handReply(2, "05000200 ff000000 05000300 05000000 05000400 02000000 05000500 03000000 05000600 01000000");
        LinkInfo info = EthtoolReplies.linkInfo(li, 0, (int) li.byteSize());
        assertEquals(LinkInfo.of("veth0", 3, OptionalInt.of(0xff), OptionalInt.of(5), OptionalInt.of(1), OptionalInt.of(2), OptionalInt.of(3)), info);
        assertEquals(Optional.of(Port.OTHER), info.port());
        assertEquals(Optional.of(Transceiver.EXTERNAL), info.transceiver());
        MemorySegment ls = handReply(6, "05000200 01000000 08000300 07000000 08000400 0f000000 05000500 04000000 05000600 02000000 08000700 09000000");
        LinkState state = EthtoolReplies.linkState(ls, 0, (int) ls.byteSize());
        assertEquals(LinkState.of("veth0", 3, Optional.of(true), java.util.OptionalLong.of(7), java.util.OptionalLong.of(15), OptionalInt.of(4),
                OptionalInt.of(2), java.util.OptionalLong.of(9)), state);
        assertEquals(Optional.of(io.github.netlink4j.genl.ethtool.LinkExtState.NO_CABLE), state.extState());
        MemorySegment rg = handReply(16, "08000200 00100000 08000500 00020000 08000600 00010000 08000900 00080000 05000b00 02000000");
        io.github.netlink4j.genl.ethtool.Rings rings = EthtoolReplies.rings(rg, 0, (int) rg.byteSize());
        assertEquals(java.util.OptionalLong.of(4096), rings.rxMax());
        assertEquals(java.util.OptionalLong.of(512), rings.txMax());
        assertEquals(java.util.OptionalLong.of(256), rings.rx());
        assertEquals(java.util.OptionalLong.of(2048), rings.tx());
        assertTrue(rings.rxBufLen().isEmpty() && rings.rxMini().isEmpty(), "tcp-data-split (a u8) is not read as a ring size");
    }

    @Test
    void dumpsAndTheOtherChannelCounts() {
        HandBytes.assertWrites("""
                14000000 1500 0103 00000000 00000000  # NLM_F_REQUEST|NLM_F_DUMP
                11010000                              # ETHTOOL_MSG_CHANNELS_GET
                """, w -> EthtoolCodec.encodeDump(w, ETHTOOL, EthtoolCodec.CHANNELS_GET, 0));
        HandBytes.assertWrites("""
                20000000 1500 0103 00000000 00000000
                0b010000                              # ETHTOOL_MSG_FEATURES_GET
                0c000180 08000300 01000000            # header { ETHTOOL_A_HEADER_FLAGS compact } and no device
                """, w -> EthtoolCodec.encodeDump(w, ETHTOOL, EthtoolCodec.FEATURES_GET, EthtoolCodec.COMPACT_BITSETS));
        HandBytes.assertWrites("""
                34000000 1500 0500 00000000 00000000
                12010000                              # ETHTOOL_MSG_CHANNELS_SET
                10000180 0a000200 76657468 30000000   # header { veth0 }
                08000800 03000000                     # ETHTOOL_A_CHANNELS_OTHER_COUNT 3
                08000900 04000000                     # ETHTOOL_A_CHANNELS_COMBINED_COUNT 4
                """, w -> EthtoolCodec.encodeChannelsSet(w, ETHTOOL, "veth0", ChannelsChange.empty().withOther(3).withCombined(4)));
        HandBytes.assertWrites("""
                44000000 1500 0500 00000000 00000000
                12010000
                10000180 0a000200 76657468 30000000
                08000600 01000000 08000700 02000000   # RX 1, TX 2
                08000800 03000000 08000900 04000000   # OTHER 3, COMBINED 4
                """, w -> EthtoolCodec.encodeChannelsSet(w, ETHTOOL, "veth0", ChannelsChange.empty().withRx(1).withTx(2).withOther(3).withCombined(4)));
    }

    @Test
    void attributesPastTheOnesARecordCarriesAreSkipped() throws Exception {
        // channels: COMBINED_COUNT (9) is the last read, attribute 10 is not a count
        MemorySegment ch = handReply(18, "08000900 05000000 08000a00 07000000");
        assertEquals(new Channels("veth0", 3, 0, 0, 0, 0, 0, 0, 0, 5), EthtoolReplies.channels(ch, 0, (int) ch.byteSize()));
        // rings: CQE_SIZE (12) is read, TX_PUSH (13, a u8) is not
        MemorySegment rg = handReply(16, "08000c00 40000000 05000d00 01000000");
        io.github.netlink4j.genl.ethtool.Rings r = EthtoolReplies.rings(rg, 0, (int) rg.byteSize());
        assertEquals(java.util.OptionalLong.of(64), r.cqeSize());
        // a reply of exactly the genl headers, and one byte short of them
        MemorySegment bare = handReply(18, "");
        assertThrows(ProtocolException.class, () -> EthtoolReplies.channels(bare, 0, 20), "no header nest");
        assertThrows(ProtocolException.class, () -> EthtoolReplies.channels(bare, 0, 19));
    }

    @Test
    void featureNamesShorterThanTheBitsetAndStringIndexesAtTheirLimit() throws Exception {
        Features f = EthtoolReplies.features(reply("features-reply"), 0, len("features-reply"), List.of("tx-scatter-gather"));
        assertEquals(List.of("tx-scatter-gather"), f.features().stream().map(Feature::name).toList(), "bits without a name are left out");
        Map<String, Boolean> changed = EthtoolReplies.featuresChanged(reply("features-set-reply"), 0, len("features-set-reply"),
                List.of("a", "b", "c", "tx-checksum-ip-generic"));
        assertEquals(false, changed.get("tx-checksum-ip-generic"));
        assertEquals(false, changed.get("feature 16"), "a changed bit without a name is named by number");
        assertEquals(6, changed.size());
        // ETHTOOL_A_STRSET_STRINGSETS { STRINGSET { STRINGS { STRING { INDEX 65535, VALUE "z" } } } }
        MemorySegment big = handReply(1, "20000200 1c000100 18000300 14000100 08000100 ffff0000 06000200 7a000000");
        assertEquals("z", EthtoolReplies.stringSet(big, 0, (int) big.byteSize()).get(65535));
        MemorySegment over = handReply(1, "20000200 1c000100 18000300 14000100 08000100 00000100 06000200 7a000000");
        assertThrows(ProtocolException.class, () -> EthtoolReplies.stringSet(over, 0, (int) over.byteSize()));
    }

    @Test
    void aReplyOfAnotherCommandIsRefused() {
        assertThrows(ProtocolException.class, () -> EthtoolReplies.channels(reply("linkinfo-reply"), 0, len("linkinfo-reply")));
        assertThrows(ProtocolException.class, () -> EthtoolReplies.linkInfo(reply("linkinfo-reply"), 0, 18));
    }
}
