package io.github.netlink4j.internal.codec;

import io.github.netlink4j.bridge.BridgePort;
import io.github.netlink4j.bridge.BridgePortFlag;
import io.github.netlink4j.bridge.BridgePortSettings;
import io.github.netlink4j.bridge.BridgePortState;
import io.github.netlink4j.bridge.BridgeVlan;
import io.github.netlink4j.error.ProtocolException;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static io.github.netlink4j.internal.codec.GoldenEncodeTest.assertEncodes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The requests of {@link io.github.netlink4j.Bridges} against iproute2's own bytes (golden/bridge/*.hex:
 * what {@code ip link set … type bridge_slave|bridge} and {@code bridge vlan add|del} sent). The test
 * kernel has no bridge VLAN filtering, so for the VLAN requests these bytes are the only check. Replies: the
 * ports of a {@code bridge -d link show} dump the kernel sent (golden/dump/bridge-link.hex), and VLAN
 * entries written out by hand after the kernel's br_fill_ifvlaninfo, which this kernel cannot produce.
 */
class BridgeCodecTest {
    private static final int VETH0 = 3;
    private static final int BR0 = 2;

    @Test
    void portSettingsAsIpLinkSetBridgeSlave() {
        assertEncodes("bridge/port-hairpin", w -> BridgeCodec.encodePortSettings(w, VETH0, BridgePortSettings.empty().withHairpin(true)));
    }

    @Test
    void vlanFilteringAsIpLinkSetBridge() {
        assertEncodes("bridge/vlan-filtering", w -> BridgeCodec.encodeVlanFiltering(w, BR0, true));
    }

    @Test
    void portVlansAsBridgeVlan() {
        assertEncodes("bridge/vlan-add", w -> BridgeCodec.encodeVlan(w, VETH0, 10, true, true, false));
        assertEncodes("bridge/vlan-del", w -> BridgeCodec.encodeVlan(w, VETH0, 10, false, false, true));
    }

    @Test
    void portsOfABridgeLinkDump() throws Exception {
        List<BridgePort> ports = GoldenDecodeTest.decodeAll("dump/bridge-link", BridgeCodec::decodePort).stream().filter(Objects::nonNull).toList();
        assertEquals(List.of("veth0", "veth2"), ports.stream().map(BridgePort::port).toList(), "the AF_UNSPEC dump before it names no port");
        BridgePort v0 = ports.get(0);
        BridgePort v2 = ports.get(1);
        assertEquals(v0.bridgeIndex(), v2.bridgeIndex());
        assertEquals(BridgePortState.DISABLED, v0.state());
        assertEquals(7L, v0.cost());
        assertEquals(5, v0.priority());
        assertEquals(Set.of(BridgePortFlag.HAIRPIN, BridgePortFlag.UNICAST_FLOOD, BridgePortFlag.MULTICAST_FLOOD, BridgePortFlag.BROADCAST_FLOOD),
                v0.flags(), "learning off, hairpin on");
        assertEquals(2L, v2.cost(), "the kernel's default cost of a 10 Gb/s veth");
        assertEquals(32, v2.priority());
        assertEquals(Set.of(BridgePortFlag.LEARNING, BridgePortFlag.UNICAST_FLOOD, BridgePortFlag.MULTICAST_FLOOD, BridgePortFlag.BROADCAST_FLOOD,
                BridgePortFlag.ISOLATED), v2.flags());
    }

    /** One AF_BRIDGE RTM_NEWLINK of port "v0" (index 5) with the IFLA_BRIDGE_VLAN_INFO entries {@code infos} (flags, vid pairs). */
    private static MemorySegment vlanMessage(int family, int... infos) {
        int n = infos.length / 2;
        int len = 16 + 16 + 8 + 4 + 8 * n;
        StringBuilder h = new StringBuilder();
        h.append(le32(len)).append("1000").append("0200").append("00000000").append("00000000");
        h.append(String.format("%02x", family)).append("00").append("0100").append("05000000").append("00000000").append("00000000");
        h.append("07000300").append("76300000");
        h.append(le16(4 + 8 * n)).append("1a00");
        for (int i = 0; i < n; i++) h.append("08000200").append(le16(infos[2 * i])).append(le16(infos[2 * i + 1]));
        byte[] b = HexFormat.of().parseHex(h);
        return MemorySegment.ofArray(b);
    }

    private static String le16(int v) {
        return String.format("%02x%02x", v & 0xff, (v >>> 8) & 0xff);
    }

    private static String le32(int v) {
        return le16(v & 0xffff) + le16(v >>> 16);
    }

    private static List<BridgeVlan> vlans(MemorySegment m) throws ProtocolException {
        List<BridgeVlan> out = new ArrayList<>();
        BridgeCodec.decodeVlans(m, 0, (int) m.byteSize(), out::add);
        return out;
    }

    @Test
    void vlanEntriesAndRanges() throws Exception {
        assertEquals(List.of(new BridgeVlan("v0", 5, 1, true, true), new BridgeVlan("v0", 5, 100, false, false),
                        new BridgeVlan("v0", 5, 200, false, true), new BridgeVlan("v0", 5, 201, false, true), new BridgeVlan("v0", 5, 202, false, true)),
                vlans(vlanMessage(7, 0x6, 1, 0, 100, 0x8 | 0x4, 200, 0x10 | 0x4, 202)));
        assertEquals(List.of(), vlans(vlanMessage(0, 0x6, 1)), "a message of another family has no bridge VLANs");
        assertThrows(ProtocolException.class, () -> vlans(vlanMessage(7, 0x8, 300, 0x10, 299)));
    }

    /** {@code ip link set dev veth0 type bridge_slave priority 5 cost 7 hairpin on learning off flood on isolated on}, IFLA_BRPORT_* of if_link.h. */
    @Test
    void everyPortSettingInItsAttribute() {
        HandBytes.assertWrites("""
                68 00 00 00                 # nlmsg_len 104
                10 00 05 00                 # RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK
                00 00 00 00 00 00 00 00
                00 00 00 00 03 00 00 00 00 00 00 00 00 00 00 00   # ifinfomsg, index 3
                48 00 12 00                 # IFLA_LINKINFO
                10 00 01 00 62 72 69 64 67 65 5f 73 6c 61 76 65   # IFLA_INFO_KIND "bridge_slave", no NUL
                34 00 05 00                 #   IFLA_INFO_SLAVE_DATA
                06 00 02 00 05 00 00 00     #     IFLA_BRPORT_PRIORITY u16 5
                08 00 03 00 07 00 00 00     #     IFLA_BRPORT_COST 7
                05 00 04 00 01 00 00 00     #     IFLA_BRPORT_MODE (hairpin) on
                05 00 08 00 00 00 00 00     #     IFLA_BRPORT_LEARNING off
                05 00 09 00 01 00 00 00     #     IFLA_BRPORT_UNICAST_FLOOD on
                05 00 21 00 01 00 00 00     #     IFLA_BRPORT_ISOLATED on
                """, w -> BridgeCodec.encodePortSettings(w, VETH0, BridgePortSettings.empty().withPriority(5).withCost(7).withHairpin(true)
                .withLearning(false).withUnicastFlood(true).withIsolated(true)));
    }

    /** struct bridge_vlan_info {u16 flags; u16 vid} in host order: a VLAN id above 255 takes both bytes. */
    @Test
    void vlanIdTakesBothBytes() {
        HandBytes.assertWrites("""
                2c 00 00 00 13 00 05 00 00 00 00 00 00 00 00 00   # RTM_SETLINK, NLM_F_REQUEST | NLM_F_ACK
                07 00 00 00 03 00 00 00 00 00 00 00 00 00 00 00   # AF_BRIDGE, index 3
                0c 00 1a 00                 # IFLA_AF_SPEC
                08 00 02 00 04 00 e8 03     #   IFLA_BRIDGE_VLAN_INFO: BRIDGE_VLAN_INFO_UNTAGGED, vid 1000
                """, w -> BridgeCodec.encodeVlan(w, VETH0, 1000, false, true, false));
    }

    /** An AF_BRIDGE RTM_NEWLINK of port veth0 (3) of bridge 4, from a dump (sequence and port set), after another message. */
    private static final String PORT = """
            58 00 00 00                 # nlmsg_len 88
            10 00 02 00                 # RTM_NEWLINK, NLM_F_MULTI
            44 33 22 11 88 77 66 55     # seq, pid
            07 00 01 00 03 00 00 00 43 10 01 00 00 00 00 00   # AF_BRIDGE, ARPHRD_ETHER, index 3
            0a 00 03 00 76 65 74 68 30 00 00 00   # IFLA_IFNAME "veth0"
            08 00 0a 00 04 00 00 00     # IFLA_MASTER 4
            24 00 0c 80                 # IFLA_PROTINFO | NLA_F_NESTED
            05 00 01 00 03 00 00 00     #   IFLA_BRPORT_STATE BR_STATE_FORWARDING
            06 00 02 00 05 00 00 00     #   IFLA_BRPORT_PRIORITY 5
            08 00 03 00 07 00 00 00     #   IFLA_BRPORT_COST 7
            05 00 05 00 01 00 00 00     #   IFLA_BRPORT_GUARD on
            """;

    @Test
    void portDecodesWhereverTheMessageStarts() throws Exception {
        assertEquals(new BridgePort("veth0", 3, 4, BridgePortState.FORWARDING, 5, 7, Set.of(BridgePortFlag.GUARD)),
                BridgeCodec.decodePort(HandBytes.at(20, PORT), 20, 88));
        assertEquals(new BridgePort("veth0", 3, 4, BridgePortState.FORWARDING, 5, 7, Set.of(BridgePortFlag.GUARD)),
                BridgeCodec.decodePort(HandBytes.segment(PORT), 0, 88));
    }
}
