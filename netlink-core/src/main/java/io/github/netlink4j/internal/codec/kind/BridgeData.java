package io.github.netlink4j.internal.codec.kind;

import io.github.netlink4j.link.BridgeId;
import io.github.netlink4j.link.LinkData;
import io.github.netlink4j.common.MacAddress;
import io.github.netlink4j.link.VlanProtocol;
import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.internal.wire.LinkLayer;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The bridge's IFLA_INFO_DATA ({@code IFLA_BR_*}) and a bridge port's IFLA_INFO_SLAVE_DATA
 * ({@code IFLA_BRPORT_*}) of linux/if_link.h, every attribute ip prints, typed. Timers and the STP
 * times come in centiseconds (USER_HZ) and become durations; u32 values become longs.
 */
final class BridgeData {
    private BridgeData() {}

    /** struct ifla_bridge_id { u8 prio[2]; u8 addr[6]; }. */
    static BridgeId bridgeId(Attrs d) throws ProtocolException {
        byte[] b = d.bytes();
        if (b.length < 8) throw new ProtocolException("bridge id of " + b.length + " bytes, need 8");
        return new BridgeId((b[0] & 0xFF) << 8 | (b[1] & 0xFF), MacAddress.of(java.util.Arrays.copyOfRange(b, 2, 8)));
    }

    /** A u32 count of centiseconds (USER_HZ) as a duration. */
    static Duration centis(int value) {
        return Duration.ofMillis(Integer.toUnsignedLong(value) * 10);
    }

    static LinkData.Bridge bridge(Attrs d) throws ProtocolException {
            Optional<Duration> forwardDelay = Optional.empty();
            Optional<Duration> helloTime = Optional.empty();
            Optional<Duration> maxAge = Optional.empty();
            Optional<Duration> ageingTime = Optional.empty();
            OptionalLong stpState = OptionalLong.empty();
            OptionalInt priority = OptionalInt.empty();
            Optional<Boolean> vlanFiltering = Optional.empty();
            Optional<VlanProtocol> vlanProtocol = Optional.empty();
            OptionalInt groupForwardMask = OptionalInt.empty();
            Optional<BridgeId> rootId = Optional.empty();
            Optional<BridgeId> bridgeId = Optional.empty();
            OptionalInt rootPort = OptionalInt.empty();
            OptionalLong rootPathCost = OptionalLong.empty();
            Optional<Boolean> topologyChange = Optional.empty();
            Optional<Boolean> topologyChangeDetected = Optional.empty();
            Optional<Duration> helloTimer = Optional.empty();
            Optional<Duration> tcnTimer = Optional.empty();
            Optional<Duration> topologyChangeTimer = Optional.empty();
            Optional<Duration> gcTimer = Optional.empty();
            Optional<MacAddress> groupAddress = Optional.empty();
            OptionalInt mcastRouter = OptionalInt.empty();
            Optional<Boolean> mcastSnooping = Optional.empty();
            Optional<Boolean> mcastQueryUseIfaddr = Optional.empty();
            Optional<Boolean> mcastQuerier = Optional.empty();
            OptionalLong mcastHashElasticity = OptionalLong.empty();
            OptionalLong mcastHashMax = OptionalLong.empty();
            OptionalLong mcastLastMemberCount = OptionalLong.empty();
            OptionalLong mcastStartupQueryCount = OptionalLong.empty();
            Optional<Duration> mcastLastMemberInterval = Optional.empty();
            Optional<Duration> mcastMembershipInterval = Optional.empty();
            Optional<Duration> mcastQuerierInterval = Optional.empty();
            Optional<Duration> mcastQueryInterval = Optional.empty();
            Optional<Duration> mcastQueryResponseInterval = Optional.empty();
            Optional<Duration> mcastStartupQueryInterval = Optional.empty();
            Optional<Boolean> nfCallIptables = Optional.empty();
            Optional<Boolean> nfCallIp6tables = Optional.empty();
            Optional<Boolean> nfCallArptables = Optional.empty();
            OptionalInt vlanDefaultPvid = OptionalInt.empty();
            Optional<Boolean> vlanStatsEnabled = Optional.empty();
            Optional<Boolean> mcastStatsEnabled = Optional.empty();
            OptionalInt mcastIgmpVersion = OptionalInt.empty();
            OptionalInt mcastMldVersion = OptionalInt.empty();
            Optional<Boolean> vlanStatsPerPort = Optional.empty();
            Optional<Boolean> noLinkLocalLearn = Optional.empty();
            Optional<Boolean> mcastVlanSnooping = Optional.empty();
            while (d.next()) {
                switch (d.type()) {
                    case 1 -> forwardDelay = Optional.of(centis(d.u32())); // IFLA_BR_FORWARD_DELAY
                    case 2 -> helloTime = Optional.of(centis(d.u32())); // IFLA_BR_HELLO_TIME
                    case 3 -> maxAge = Optional.of(centis(d.u32())); // IFLA_BR_MAX_AGE
                    case 4 -> ageingTime = Optional.of(centis(d.u32())); // IFLA_BR_AGEING_TIME
                    case 5 -> stpState = OptionalLong.of(Integer.toUnsignedLong(d.u32())); // IFLA_BR_STP_STATE
                    case 6 -> priority = OptionalInt.of(d.u16()); // IFLA_BR_PRIORITY
                    case 7 -> vlanFiltering = Optional.of(d.u8() != 0); // IFLA_BR_VLAN_FILTERING
                    case 8 -> vlanProtocol = Optional.of(VlanKind.protocol(d.u16be())); // IFLA_BR_VLAN_PROTOCOL
                    case 9 -> groupForwardMask = OptionalInt.of(d.u16()); // IFLA_BR_GROUP_FWD_MASK
                    case 10 -> rootId = Optional.of(bridgeId(d)); // IFLA_BR_ROOT_ID
                    case 11 -> bridgeId = Optional.of(bridgeId(d)); // IFLA_BR_BRIDGE_ID
                    case 12 -> rootPort = OptionalInt.of(d.u16()); // IFLA_BR_ROOT_PORT
                    case 13 -> rootPathCost = OptionalLong.of(Integer.toUnsignedLong(d.u32())); // IFLA_BR_ROOT_PATH_COST
                    case 14 -> topologyChange = Optional.of(d.u8() != 0); // IFLA_BR_TOPOLOGY_CHANGE
                    case 15 -> topologyChangeDetected = Optional.of(d.u8() != 0); // IFLA_BR_TOPOLOGY_CHANGE_DETECTED
                    case 16 -> helloTimer = Optional.of(Duration.ofMillis(d.u64() * 10)); // IFLA_BR_HELLO_TIMER
                    case 17 -> tcnTimer = Optional.of(Duration.ofMillis(d.u64() * 10)); // IFLA_BR_TCN_TIMER
                    case 18 -> topologyChangeTimer = Optional.of(Duration.ofMillis(d.u64() * 10)); // IFLA_BR_TOPOLOGY_CHANGE_TIMER
                    case 19 -> gcTimer = Optional.of(Duration.ofMillis(d.u64() * 10)); // IFLA_BR_GC_TIMER
                    case 20 -> groupAddress = LinkLayer.address(d); // IFLA_BR_GROUP_ADDR
                    case 22 -> mcastRouter = OptionalInt.of(d.u8()); // IFLA_BR_MCAST_ROUTER
                    case 23 -> mcastSnooping = Optional.of(d.u8() != 0); // IFLA_BR_MCAST_SNOOPING
                    case 24 -> mcastQueryUseIfaddr = Optional.of(d.u8() != 0); // IFLA_BR_MCAST_QUERY_USE_IFADDR
                    case 25 -> mcastQuerier = Optional.of(d.u8() != 0); // IFLA_BR_MCAST_QUERIER
                    case 26 -> mcastHashElasticity = OptionalLong.of(Integer.toUnsignedLong(d.u32())); // IFLA_BR_MCAST_HASH_ELASTICITY
                    case 27 -> mcastHashMax = OptionalLong.of(Integer.toUnsignedLong(d.u32())); // IFLA_BR_MCAST_HASH_MAX
                    case 28 -> mcastLastMemberCount = OptionalLong.of(Integer.toUnsignedLong(d.u32())); // IFLA_BR_MCAST_LAST_MEMBER_CNT
                    case 29 -> mcastStartupQueryCount = OptionalLong.of(Integer.toUnsignedLong(d.u32())); // IFLA_BR_MCAST_STARTUP_QUERY_CNT
                    case 30 -> mcastLastMemberInterval = Optional.of(Duration.ofMillis(d.u64() * 10)); // IFLA_BR_MCAST_LAST_MEMBER_INTVL
                    case 31 -> mcastMembershipInterval = Optional.of(Duration.ofMillis(d.u64() * 10)); // IFLA_BR_MCAST_MEMBERSHIP_INTVL
                    case 32 -> mcastQuerierInterval = Optional.of(Duration.ofMillis(d.u64() * 10)); // IFLA_BR_MCAST_QUERIER_INTVL
                    case 33 -> mcastQueryInterval = Optional.of(Duration.ofMillis(d.u64() * 10)); // IFLA_BR_MCAST_QUERY_INTVL
                    case 34 -> mcastQueryResponseInterval = Optional.of(Duration.ofMillis(d.u64() * 10)); // IFLA_BR_MCAST_QUERY_RESPONSE_INTVL
                    case 35 -> mcastStartupQueryInterval = Optional.of(Duration.ofMillis(d.u64() * 10)); // IFLA_BR_MCAST_STARTUP_QUERY_INTVL
                    case 36 -> nfCallIptables = Optional.of(d.u8() != 0); // IFLA_BR_NF_CALL_IPTABLES
                    case 37 -> nfCallIp6tables = Optional.of(d.u8() != 0); // IFLA_BR_NF_CALL_IP6TABLES
                    case 38 -> nfCallArptables = Optional.of(d.u8() != 0); // IFLA_BR_NF_CALL_ARPTABLES
                    case 39 -> vlanDefaultPvid = OptionalInt.of(d.u16()); // IFLA_BR_VLAN_DEFAULT_PVID
                    case 41 -> vlanStatsEnabled = Optional.of(d.u8() != 0); // IFLA_BR_VLAN_STATS_ENABLED
                    case 42 -> mcastStatsEnabled = Optional.of(d.u8() != 0); // IFLA_BR_MCAST_STATS_ENABLED
                    case 43 -> mcastIgmpVersion = OptionalInt.of(d.u8()); // IFLA_BR_MCAST_IGMP_VERSION
                    case 44 -> mcastMldVersion = OptionalInt.of(d.u8()); // IFLA_BR_MCAST_MLD_VERSION
                    case 45 -> vlanStatsPerPort = Optional.of(d.u8() != 0); // IFLA_BR_VLAN_STATS_PER_PORT
                    case 46 -> { // IFLA_BR_MULTI_BOOLOPT: struct br_boolopt_multi { u32 optval; u32 optmask; }
                        long at = d.payloadOffset();
                        int val = d.s32At(at), mask = d.s32At(at + 4);
                        if ((mask & 1) != 0) noLinkLocalLearn = Optional.of((val & 1) != 0);
                        if ((mask & 2) != 0) mcastVlanSnooping = Optional.of((val & 2) != 0);
                    }
                    default -> { }
                }
            }
            return new LinkData.Bridge(forwardDelay, helloTime, maxAge, ageingTime, stpState, priority, vlanFiltering, vlanProtocol, groupForwardMask, rootId, bridgeId, rootPort, rootPathCost, topologyChange, topologyChangeDetected, helloTimer, tcnTimer, topologyChangeTimer, gcTimer, groupAddress, mcastRouter, mcastSnooping, mcastQueryUseIfaddr, mcastQuerier, mcastHashElasticity, mcastHashMax, mcastLastMemberCount, mcastStartupQueryCount, mcastLastMemberInterval, mcastMembershipInterval, mcastQuerierInterval, mcastQueryInterval, mcastQueryResponseInterval, mcastStartupQueryInterval, nfCallIptables, nfCallIp6tables, nfCallArptables, vlanDefaultPvid, vlanStatsEnabled, mcastStatsEnabled, mcastIgmpVersion, mcastMldVersion, vlanStatsPerPort, noLinkLocalLearn, mcastVlanSnooping);
    }

    static LinkData.BridgePort port(Attrs d) throws ProtocolException {
            OptionalInt state = OptionalInt.empty();
            OptionalInt priority = OptionalInt.empty();
            OptionalLong cost = OptionalLong.empty();
            Optional<Boolean> hairpin = Optional.empty();
            Optional<Boolean> guard = Optional.empty();
            Optional<Boolean> rootBlock = Optional.empty();
            Optional<Boolean> fastLeave = Optional.empty();
            Optional<Boolean> learning = Optional.empty();
            Optional<Boolean> unicastFlood = Optional.empty();
            Optional<Boolean> proxyArp = Optional.empty();
            Optional<Boolean> proxyArpWifi = Optional.empty();
            Optional<BridgeId> rootId = Optional.empty();
            Optional<BridgeId> bridgeId = Optional.empty();
            OptionalInt designatedPort = OptionalInt.empty();
            OptionalInt designatedCost = OptionalInt.empty();
            OptionalInt id = OptionalInt.empty();
            OptionalInt number = OptionalInt.empty();
            Optional<Boolean> topologyChangeAck = Optional.empty();
            Optional<Boolean> configPending = Optional.empty();
            Optional<Duration> messageAgeTimer = Optional.empty();
            Optional<Duration> forwardDelayTimer = Optional.empty();
            Optional<Duration> holdTimer = Optional.empty();
            OptionalInt multicastRouter = OptionalInt.empty();
            Optional<Boolean> mcastFlood = Optional.empty();
            Optional<Boolean> mcastToUnicast = Optional.empty();
            Optional<Boolean> vlanTunnel = Optional.empty();
            Optional<Boolean> broadcastFlood = Optional.empty();
            OptionalInt groupForwardMask = OptionalInt.empty();
            Optional<Boolean> neighSuppress = Optional.empty();
            Optional<Boolean> isolated = Optional.empty();
            OptionalInt backupPortIndex = OptionalInt.empty();
            Optional<Boolean> locked = Optional.empty();
            while (d.next()) {
                switch (d.type()) {
                    case 1 -> state = OptionalInt.of(d.u8()); // IFLA_BRPORT_STATE
                    case 2 -> priority = OptionalInt.of(d.u16()); // IFLA_BRPORT_PRIORITY
                    case 3 -> cost = OptionalLong.of(Integer.toUnsignedLong(d.u32())); // IFLA_BRPORT_COST
                    case 4 -> hairpin = Optional.of(d.u8() != 0); // IFLA_BRPORT_MODE
                    case 5 -> guard = Optional.of(d.u8() != 0); // IFLA_BRPORT_GUARD
                    case 6 -> rootBlock = Optional.of(d.u8() != 0); // IFLA_BRPORT_PROTECT
                    case 7 -> fastLeave = Optional.of(d.u8() != 0); // IFLA_BRPORT_FAST_LEAVE
                    case 8 -> learning = Optional.of(d.u8() != 0); // IFLA_BRPORT_LEARNING
                    case 9 -> unicastFlood = Optional.of(d.u8() != 0); // IFLA_BRPORT_UNICAST_FLOOD
                    case 10 -> proxyArp = Optional.of(d.u8() != 0); // IFLA_BRPORT_PROXYARP
                    case 12 -> proxyArpWifi = Optional.of(d.u8() != 0); // IFLA_BRPORT_PROXYARP_WIFI
                    case 13 -> rootId = Optional.of(bridgeId(d)); // IFLA_BRPORT_ROOT_ID
                    case 14 -> bridgeId = Optional.of(bridgeId(d)); // IFLA_BRPORT_BRIDGE_ID
                    case 15 -> designatedPort = OptionalInt.of(d.u16()); // IFLA_BRPORT_DESIGNATED_PORT
                    case 16 -> designatedCost = OptionalInt.of(d.u16()); // IFLA_BRPORT_DESIGNATED_COST
                    case 17 -> id = OptionalInt.of(d.u16()); // IFLA_BRPORT_ID
                    case 18 -> number = OptionalInt.of(d.u16()); // IFLA_BRPORT_NO
                    case 19 -> topologyChangeAck = Optional.of(d.u8() != 0); // IFLA_BRPORT_TOPOLOGY_CHANGE_ACK
                    case 20 -> configPending = Optional.of(d.u8() != 0); // IFLA_BRPORT_CONFIG_PENDING
                    case 21 -> messageAgeTimer = Optional.of(Duration.ofMillis(d.u64() * 10)); // IFLA_BRPORT_MESSAGE_AGE_TIMER
                    case 22 -> forwardDelayTimer = Optional.of(Duration.ofMillis(d.u64() * 10)); // IFLA_BRPORT_FORWARD_DELAY_TIMER
                    case 23 -> holdTimer = Optional.of(Duration.ofMillis(d.u64() * 10)); // IFLA_BRPORT_HOLD_TIMER
                    case 25 -> multicastRouter = OptionalInt.of(d.u8()); // IFLA_BRPORT_MULTICAST_ROUTER
                    case 27 -> mcastFlood = Optional.of(d.u8() != 0); // IFLA_BRPORT_MCAST_FLOOD
                    case 28 -> mcastToUnicast = Optional.of(d.u8() != 0); // IFLA_BRPORT_MCAST_TO_UCAST
                    case 29 -> vlanTunnel = Optional.of(d.u8() != 0); // IFLA_BRPORT_VLAN_TUNNEL
                    case 30 -> broadcastFlood = Optional.of(d.u8() != 0); // IFLA_BRPORT_BCAST_FLOOD
                    case 31 -> groupForwardMask = OptionalInt.of(d.u16()); // IFLA_BRPORT_GROUP_FWD_MASK
                    case 32 -> neighSuppress = Optional.of(d.u8() != 0); // IFLA_BRPORT_NEIGH_SUPPRESS
                    case 33 -> isolated = Optional.of(d.u8() != 0); // IFLA_BRPORT_ISOLATED
                    case 34 -> backupPortIndex = OptionalInt.of(d.u32()); // IFLA_BRPORT_BACKUP_PORT
                    case 39 -> locked = Optional.of(d.u8() != 0); // IFLA_BRPORT_LOCKED
                    default -> { }
                }
            }
            return new LinkData.BridgePort(state, priority, cost, hairpin, guard, rootBlock, fastLeave, learning, unicastFlood, proxyArp, proxyArpWifi, rootId, bridgeId, designatedPort, designatedCost, id, number, topologyChangeAck, configPending, messageAgeTimer, forwardDelayTimer, holdTimer, multicastRouter, mcastFlood, mcastToUnicast, vlanTunnel, broadcastFlood, groupForwardMask, neighSuppress, isolated, backupPortIndex, locked);
    }

    /** The same data without its running timers, which change while nothing else does. */
    static LinkData withoutTimers(LinkData data) {
        if (data instanceof LinkData.Bridge b) {
            return new LinkData.Bridge(b.forwardDelay(), b.helloTime(), b.maxAge(), b.ageingTime(), b.stpState(), b.priority(),
                    b.vlanFiltering(), b.vlanProtocol(), b.groupForwardMask(), b.rootId(), b.bridgeId(), b.rootPort(),
                    b.rootPathCost(), b.topologyChange(), b.topologyChangeDetected(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), b.groupAddress(), b.mcastRouter(), b.mcastSnooping(), b.mcastQueryUseIfaddr(),
                    b.mcastQuerier(), b.mcastHashElasticity(), b.mcastHashMax(), b.mcastLastMemberCount(),
                    b.mcastStartupQueryCount(), b.mcastLastMemberInterval(), b.mcastMembershipInterval(),
                    b.mcastQuerierInterval(), b.mcastQueryInterval(), b.mcastQueryResponseInterval(),
                    b.mcastStartupQueryInterval(), b.nfCallIptables(), b.nfCallIp6tables(), b.nfCallArptables(),
                    b.vlanDefaultPvid(), b.vlanStatsEnabled(), b.mcastStatsEnabled(), b.mcastIgmpVersion(), b.mcastMldVersion(),
                    b.vlanStatsPerPort(), b.noLinkLocalLearn(), b.mcastVlanSnooping());
        }
        if (data instanceof LinkData.BridgePort p) {
            return new LinkData.BridgePort(p.state(), p.priority(), p.cost(), p.hairpin(), p.guard(), p.rootBlock(), p.fastLeave(),
                    p.learning(), p.unicastFlood(), p.proxyArp(), p.proxyArpWifi(), p.rootId(), p.bridgeId(), p.designatedPort(),
                    p.designatedCost(), p.id(), p.number(), p.topologyChangeAck(), p.configPending(), Optional.empty(),
                    Optional.empty(), Optional.empty(), p.multicastRouter(), p.mcastFlood(), p.mcastToUnicast(), p.vlanTunnel(),
                    p.broadcastFlood(), p.groupForwardMask(), p.neighSuppress(), p.isolated(), p.backupPortIndex(), p.locked());
        }
        return data;
    }
}
