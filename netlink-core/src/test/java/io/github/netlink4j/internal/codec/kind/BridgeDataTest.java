package io.github.netlink4j.internal.codec.kind;

import io.github.netlink4j.common.MacAddress;
import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.link.BridgeId;
import io.github.netlink4j.link.LinkData;
import io.github.netlink4j.link.VlanProtocol;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static io.github.netlink4j.internal.codec.kind.KindBytes.attr;
import static io.github.netlink4j.internal.codec.kind.KindBytes.attrs;
import static io.github.netlink4j.internal.codec.kind.KindBytes.linkInfo;
import static io.github.netlink4j.internal.codec.kind.KindBytes.u16;
import static io.github.netlink4j.internal.codec.kind.KindBytes.u16be;
import static io.github.netlink4j.internal.codec.kind.KindBytes.u32;
import static io.github.netlink4j.internal.codec.kind.KindBytes.u64;
import static io.github.netlink4j.internal.codec.kind.KindBytes.u8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The bridge's IFLA_BR_* and a port's IFLA_BRPORT_* (linux/if_link.h), every field of the records: first
 * as the kernel sent them for br0 and its port veth1 (golden/dump/bridge-port.hex, values read off the
 * fixture's hex), then with values that fixture leaves at 0 (the running timers, the flags that are off),
 * since a 0 reads the same whether a decoder multiplies or divides, or tests a flag the wrong way round.
 * Times are centiseconds (USER_HZ), bridge ids struct ifla_bridge_id { u8 prio[2]; u8 addr[6]; }.
 */
class BridgeDataTest {
    private static final BridgeId BR0_ID = new BridgeId(0x8000, MacAddress.of("02:00:00:00:01:02"));

    private static <T> Optional<T> o(T v) {
        return Optional.of(v);
    }

    private static Optional<Duration> centis(long cs) {
        return Optional.of(Duration.ofMillis(cs * 10));
    }

    private static final Optional<Boolean> T = Optional.of(true), F = Optional.of(false);

    @Test
    void theKernelsBridgeDataDecodesInFull() throws Exception {
        LinkData d = LinkKinds.decodeData("bridge", linkInfo("dump/bridge-port", "br0", KindBytes.IFLA_INFO_DATA));
        LinkData.Bridge expected = new LinkData.Bridge(
                centis(1500), centis(200), centis(2000), centis(30000),  // FORWARD_DELAY dc 05, HELLO_TIME c8, MAX_AGE d0 07, AGEING_TIME 30 75
                OptionalLong.of(0), OptionalInt.of(0x8000), F,            // STP_STATE, PRIORITY 00 80, VLAN_FILTERING
                Optional.empty(), OptionalInt.of(0),                     // no VLAN_PROTOCOL sent, GROUP_FWD_MASK
                o(BR0_ID), o(BR0_ID), OptionalInt.of(0), OptionalLong.of(0), // ROOT_ID, BRIDGE_ID 80 00 02 00 00 00 01 02, ROOT_PORT, ROOT_PATH_COST
                F, F,                                                    // TOPOLOGY_CHANGE, _DETECTED
                centis(0), centis(0), centis(0), centis(0),              // HELLO, TCN, TOPOLOGY_CHANGE, GC timers (u64 0)
                o(MacAddress.of("01:80:c2:00:00:00")),                   // GROUP_ADDR
                OptionalInt.of(1), T, F, F,                              // MCAST_ROUTER, _SNOOPING, _QUERY_USE_IFADDR, _QUERIER
                OptionalLong.of(16), OptionalLong.of(4096), OptionalLong.of(2), OptionalLong.of(2), // HASH_ELASTICITY, HASH_MAX, LAST_MEMBER_CNT, STARTUP_QUERY_CNT
                centis(100), centis(26000), centis(25500), centis(12500), centis(1000), centis(3124), // the six MCAST_*_INTVL
                F, F, F,                                                 // NF_CALL_IPTABLES, IP6TABLES, ARPTABLES
                OptionalInt.empty(), Optional.empty(), F,                // no VLAN_DEFAULT_PVID, no VLAN_STATS_ENABLED; MCAST_STATS_ENABLED
                OptionalInt.of(2), OptionalInt.of(1), Optional.empty(),  // MCAST_IGMP_VERSION, MCAST_MLD_VERSION, no VLAN_STATS_PER_PORT
                F, F);                                                   // MULTI_BOOLOPT optval 0 under optmask 0x1f
        assertEquals(expected, d);
    }

    @Test
    void theKernelsPortDataDecodesInFull() throws Exception {
        LinkData d = LinkKinds.decodePortData("bridge", linkInfo("dump/bridge-port", "veth1", KindBytes.IFLA_INFO_SLAVE_DATA));
        LinkData.BridgePort expected = new LinkData.BridgePort(
                OptionalInt.of(0), OptionalInt.of(32), OptionalLong.of(2),  // STATE disabled, PRIORITY 20 00, COST 2
                F, F, F, F, T, T, F, F,                                     // MODE, GUARD, PROTECT, FAST_LEAVE, LEARNING, UNICAST_FLOOD, PROXYARP, PROXYARP_WIFI
                o(BR0_ID), o(BR0_ID),                                       // ROOT_ID, BRIDGE_ID
                OptionalInt.of(0x8001), OptionalInt.of(0), OptionalInt.of(0x8001), OptionalInt.of(1), // DESIGNATED_PORT 01 80, _COST, ID 01 80, NO
                F, F,                                                       // TOPOLOGY_CHANGE_ACK, CONFIG_PENDING
                centis(0), centis(0), centis(0),                            // MESSAGE_AGE, FORWARD_DELAY, HOLD timers
                OptionalInt.of(1), T, F, F, T,                              // MULTICAST_ROUTER, MCAST_FLOOD, MCAST_TO_UCAST, VLAN_TUNNEL, BCAST_FLOOD
                OptionalInt.of(0), F, F,                                    // GROUP_FWD_MASK, NEIGH_SUPPRESS, ISOLATED
                OptionalInt.empty(), F);                                    // no BACKUP_PORT; LOCKED
        assertEquals(expected, d);
    }

    /** IFLA_BR_ROOT_ID/IFLA_BR_BRIDGE_ID payload: priority 0x1234 (big-endian, as 802.1D orders it), then the address. */
    private static byte[] bridgeId(int type, int prio, String mac) {
        byte[] m = MacAddress.of(mac).bytes();
        return attr(type, new byte[] {(byte) (prio >> 8), (byte) prio, m[0], m[1], m[2], m[3], m[4], m[5]});
    }

    @Test
    void everyBridgeAttributeHasItsUnit() throws Exception {
        LinkData d = BridgeData.bridge(attrs(
                u32(1, 400), u32(2, 100), u32(3, 600), u32(4, 1000), u32(5, 1), u16(6, 0x1234), u8(7, 1),
                u16be(8, 0x88a8), u16(9, 8), bridgeId(10, 0x1234, "02:00:00:00:00:0a"), bridgeId(11, 0x8001, "02:00:00:00:00:0b"),
                u16(12, 3), u32(13, 100), u8(14, 1), u8(15, 1),
                u64(16, 150), u64(17, 250), u64(18, 350), u64(19, 29999),
                attr(20, MacAddress.of("01:80:c2:00:00:0e").bytes()),
                u32(21, 5), // IFLA_BR_FDB_FLUSH: a request, not a setting: ignored
                u8(22, 2), u8(23, 0), u8(24, 1), u8(25, 1),
                u32(26, 5), u32(27, 512), u32(28, 3), u32(29, 4),
                u64(30, 110), u64(31, 120), u64(32, 130), u64(33, 140), u64(34, 150), u64(35, 160),
                u8(36, 1), u8(37, 1), u8(38, 1), u16(39, 10), u8(41, 1), u8(42, 1), u8(43, 3), u8(44, 2), u8(45, 1),
                boolopt(3, 3)));
        LinkData.Bridge expected = new LinkData.Bridge(
                centis(400), centis(100), centis(600), centis(1000), OptionalLong.of(1), OptionalInt.of(0x1234), T,
                o(VlanProtocol.IEEE_8021AD), OptionalInt.of(8),
                o(new BridgeId(0x1234, MacAddress.of("02:00:00:00:00:0a"))), o(new BridgeId(0x8001, MacAddress.of("02:00:00:00:00:0b"))),
                OptionalInt.of(3), OptionalLong.of(100), T, T,
                centis(150), centis(250), centis(350), centis(29999),
                o(MacAddress.of("01:80:c2:00:00:0e")),
                OptionalInt.of(2), F, T, T,
                OptionalLong.of(5), OptionalLong.of(512), OptionalLong.of(3), OptionalLong.of(4),
                centis(110), centis(120), centis(130), centis(140), centis(150), centis(160),
                T, T, T, OptionalInt.of(10), T, T, OptionalInt.of(3), OptionalInt.of(2), T,
                T, T);
        assertEquals(expected, d);
    }

    @Test
    void everyPortAttributeHasItsUnit() throws Exception {
        LinkData d = BridgeData.port(attrs(
                u8(1, 3), u16(2, 63), u32(3, 100), u8(4, 1), u8(5, 1), u8(6, 1), u8(7, 1), u8(8, 0), u8(9, 0), u8(10, 1),
                u8(11, 1), // IFLA_BRPORT_LEARNING_SYNC: not decoded
                u8(12, 1), bridgeId(13, 0x1000, "02:00:00:00:00:0d"), bridgeId(14, 0x2000, "02:00:00:00:00:0e"),
                u16(15, 0x8002), u16(16, 19), u16(17, 0x8003), u16(18, 3), u8(19, 1), u8(20, 1),
                u64(21, 75), u64(22, 1499), u64(23, 100),
                u8(25, 2), u8(27, 0), u8(28, 1), u8(29, 1), u8(30, 0), u16(31, 4), u8(32, 1), u8(33, 1), u32(34, 9), u8(39, 1)));
        LinkData.BridgePort expected = new LinkData.BridgePort(
                OptionalInt.of(3), OptionalInt.of(63), OptionalLong.of(100), T, T, T, T, F, F, T, T,
                o(new BridgeId(0x1000, MacAddress.of("02:00:00:00:00:0d"))), o(new BridgeId(0x2000, MacAddress.of("02:00:00:00:00:0e"))),
                OptionalInt.of(0x8002), OptionalInt.of(19), OptionalInt.of(0x8003), OptionalInt.of(3), T, T,
                centis(75), centis(1499), centis(100),
                OptionalInt.of(2), F, T, T, F, OptionalInt.of(4), T, T, OptionalInt.of(9), T);
        assertEquals(expected, d);
    }

    @Test
    void multiBooloptReadsOnlyTheBitsItsMaskCovers() throws Exception {
        // BR_BOOLOPT_NO_LL_LEARN is bit 0, BR_BOOLOPT_MCAST_VLAN_SNOOPING bit 1 (enum br_boolopt_id, linux/if_bridge.h)
        record Case(int val, int mask, Optional<Boolean> noLinkLocalLearn, Optional<Boolean> mcastVlanSnooping) {}
        for (Case c : List.of(
                new Case(3, 0, Optional.empty(), Optional.empty()),
                new Case(0, 3, F, F),
                new Case(1, 1, T, Optional.empty()),
                new Case(2, 2, Optional.empty(), T),
                new Case(2, 1, F, Optional.empty()),
                new Case(1, 2, Optional.empty(), F))) {
            LinkData.Bridge b = BridgeData.bridge(attrs(boolopt(c.val, c.mask)));
            assertEquals(c.noLinkLocalLearn, b.noLinkLocalLearn(), c.toString());
            assertEquals(c.mcastVlanSnooping, b.mcastVlanSnooping(), c.toString());
        }
    }

    @Test
    void aBridgeIdNeedsItsEightBytes() throws Exception {
        assertThrows(ProtocolException.class, () -> BridgeData.bridge(attrs(attr(11, new byte[7]))));
        assertThrows(ProtocolException.class, () -> BridgeData.port(attrs(attr(13, new byte[7]))));
        LinkData.Bridge b = BridgeData.bridge(attrs(attr(11, new byte[] {(byte) 0xff, (byte) 0xfe, 2, 0, 0, 0, 0, 1, 9})));
        assertEquals(o(new BridgeId(0xfffe, MacAddress.of("02:00:00:00:00:01"))), b.bridgeId(), "a longer payload: the first eight bytes");
    }

    @Test
    void anEmptyNestDecodesToNothing() throws Exception {
        LinkData.Bridge b = BridgeData.bridge(attrs());
        assertEquals(Optional.empty(), b.forwardDelay());
        assertEquals(Optional.empty(), b.noLinkLocalLearn());
        assertEquals(OptionalInt.empty(), BridgeData.port(attrs()).state());
        assertEquals(new LinkData.Other(List.of()), LinkKinds.decodeData("bridge", null), "a bridge the kernel sent no data for");
    }

    @Test
    void withoutTimersDropsOnlyTheRunningTimers() throws Exception {
        LinkData.Bridge b = (LinkData.Bridge) LinkKinds.decodeData("bridge", linkInfo("dump/bridge-port", "br0", KindBytes.IFLA_INFO_DATA));
        LinkData.Bridge still = (LinkData.Bridge) LinkKinds.withoutTimers("bridge", b);
        LinkData.Bridge expected = new LinkData.Bridge(b.forwardDelay(), b.helloTime(), b.maxAge(), b.ageingTime(), b.stpState(), b.priority(),
                b.vlanFiltering(), b.vlanProtocol(), b.groupForwardMask(), b.rootId(), b.bridgeId(), b.rootPort(), b.rootPathCost(),
                b.topologyChange(), b.topologyChangeDetected(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                b.groupAddress(), b.mcastRouter(), b.mcastSnooping(), b.mcastQueryUseIfaddr(), b.mcastQuerier(), b.mcastHashElasticity(),
                b.mcastHashMax(), b.mcastLastMemberCount(), b.mcastStartupQueryCount(), b.mcastLastMemberInterval(),
                b.mcastMembershipInterval(), b.mcastQuerierInterval(), b.mcastQueryInterval(), b.mcastQueryResponseInterval(),
                b.mcastStartupQueryInterval(), b.nfCallIptables(), b.nfCallIp6tables(), b.nfCallArptables(), b.vlanDefaultPvid(),
                b.vlanStatsEnabled(), b.mcastStatsEnabled(), b.mcastIgmpVersion(), b.mcastMldVersion(), b.vlanStatsPerPort(),
                b.noLinkLocalLearn(), b.mcastVlanSnooping());
        assertEquals(expected, still);

        LinkData.BridgePort p = (LinkData.BridgePort) LinkKinds.decodePortData("bridge",
                linkInfo("dump/bridge-port", "veth1", KindBytes.IFLA_INFO_SLAVE_DATA));
        LinkData.BridgePort pStill = (LinkData.BridgePort) LinkKinds.withoutTimers("bridge", p);
        assertEquals(new LinkData.BridgePort(p.state(), p.priority(), p.cost(), p.hairpin(), p.guard(), p.rootBlock(), p.fastLeave(),
                p.learning(), p.unicastFlood(), p.proxyArp(), p.proxyArpWifi(), p.rootId(), p.bridgeId(), p.designatedPort(),
                p.designatedCost(), p.id(), p.number(), p.topologyChangeAck(), p.configPending(), Optional.empty(), Optional.empty(),
                Optional.empty(), p.multicastRouter(), p.mcastFlood(), p.mcastToUnicast(), p.vlanTunnel(), p.broadcastFlood(),
                p.groupForwardMask(), p.neighSuppress(), p.isolated(), p.backupPortIndex(), p.locked()), pStill);

        LinkData other = new LinkData.Vlan(5, VlanProtocol.IEEE_8021Q);
        assertSame(other, LinkKinds.withoutTimers("bridge", other), "data of another kind is left alone");
        assertSame(b, LinkKinds.withoutTimers("vlan", b), "a kind without timers leaves its data alone");
    }

    /** IFLA_BR_MULTI_BOOLOPT: struct br_boolopt_multi { u32 optval; u32 optmask; }. */
    private static byte[] boolopt(int val, int mask) {
        return attr(46, ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putInt(val).putInt(mask).array());
    }
}
