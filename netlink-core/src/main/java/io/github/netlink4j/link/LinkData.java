package io.github.netlink4j.link;

import io.github.netlink4j.common.MacAddress;
import io.github.netlink4j.common.RawAttribute;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.time.Duration;

/**
 * What {@code IFLA_LINKINFO › IFLA_INFO_DATA} says about a link of a given kind. Kinds the decoder does
 * not interpret come back as {@link Other} with their attributes raw.
 *
 * {@snippet :
 * if (nl.links().get("vx0").data().orElseThrow() instanceof LinkData.Vxlan vx) {
 *     System.out.println(vx.vni() + " " + vx.port().orElse(0));   // ip -d link show vx0: vxlan id 42 … dstport 4789
 * }
 * }
 */
public sealed interface LinkData {

    /** veth: the peer is the link's {@link Link#parentIndex()} (IFLA_LINK), in {@link Link#linkNetnsId()}. */
    record Veth() implements LinkData {}

    /**
     * bridge ({@code IFLA_BR_*}): each attribute the kernel sent, typed; times and timers as durations (the kernel counts them in centiseconds, USER_HZ), unsigned 32-bit values as longs.
     *
     * @param forwardDelay IFLA_BR_FORWARD_DELAY: forward delay
     * @param helloTime IFLA_BR_HELLO_TIME: hello time
     * @param maxAge IFLA_BR_MAX_AGE: max age
     * @param ageingTime IFLA_BR_AGEING_TIME: FDB ageing time
     * @param stpState IFLA_BR_STP_STATE: 0 off, 1 kernel STP, 2 user-space STP
     * @param priority IFLA_BR_PRIORITY: bridge priority
     * @param vlanFiltering IFLA_BR_VLAN_FILTERING: whether VLAN filtering is on
     * @param vlanProtocol IFLA_BR_VLAN_PROTOCOL: the VLAN protocol filtered on
     * @param groupForwardMask IFLA_BR_GROUP_FWD_MASK: link-local groups forwarded, a bit per 01:80:c2:00:00:0X
     * @param rootId IFLA_BR_ROOT_ID: the designated root
     * @param bridgeId IFLA_BR_BRIDGE_ID: this bridge
     * @param rootPort IFLA_BR_ROOT_PORT: the root port
     * @param rootPathCost IFLA_BR_ROOT_PATH_COST: the root path cost
     * @param topologyChange IFLA_BR_TOPOLOGY_CHANGE: whether a topology change is under way
     * @param topologyChangeDetected IFLA_BR_TOPOLOGY_CHANGE_DETECTED: whether a topology change was detected
     * @param helloTimer IFLA_BR_HELLO_TIMER: time left on the hello timer
     * @param tcnTimer IFLA_BR_TCN_TIMER: time left on the topology change notification timer
     * @param topologyChangeTimer IFLA_BR_TOPOLOGY_CHANGE_TIMER: time left on the topology change timer
     * @param gcTimer IFLA_BR_GC_TIMER: time left on the FDB garbage collection timer
     * @param groupAddress IFLA_BR_GROUP_ADDR: the STP group address
     * @param mcastRouter IFLA_BR_MCAST_ROUTER: multicast router mode (0 disabled, 1 learned, 2 permanent)
     * @param mcastSnooping IFLA_BR_MCAST_SNOOPING: whether IGMP/MLD snooping is on
     * @param mcastQueryUseIfaddr IFLA_BR_MCAST_QUERY_USE_IFADDR: whether queries use the bridge address
     * @param mcastQuerier IFLA_BR_MCAST_QUERIER: whether the bridge is a querier
     * @param mcastHashElasticity IFLA_BR_MCAST_HASH_ELASTICITY: multicast hash elasticity
     * @param mcastHashMax IFLA_BR_MCAST_HASH_MAX: multicast hash size
     * @param mcastLastMemberCount IFLA_BR_MCAST_LAST_MEMBER_CNT: last member query count
     * @param mcastStartupQueryCount IFLA_BR_MCAST_STARTUP_QUERY_CNT: startup query count
     * @param mcastLastMemberInterval IFLA_BR_MCAST_LAST_MEMBER_INTVL: last member interval
     * @param mcastMembershipInterval IFLA_BR_MCAST_MEMBERSHIP_INTVL: membership interval
     * @param mcastQuerierInterval IFLA_BR_MCAST_QUERIER_INTVL: querier interval
     * @param mcastQueryInterval IFLA_BR_MCAST_QUERY_INTVL: query interval
     * @param mcastQueryResponseInterval IFLA_BR_MCAST_QUERY_RESPONSE_INTVL: query response interval
     * @param mcastStartupQueryInterval IFLA_BR_MCAST_STARTUP_QUERY_INTVL: startup query interval
     * @param nfCallIptables IFLA_BR_NF_CALL_IPTABLES: whether bridged IPv4 traffic passes iptables
     * @param nfCallIp6tables IFLA_BR_NF_CALL_IP6TABLES: whether bridged IPv6 traffic passes ip6tables
     * @param nfCallArptables IFLA_BR_NF_CALL_ARPTABLES: whether bridged ARP passes arptables
     * @param vlanDefaultPvid IFLA_BR_VLAN_DEFAULT_PVID: the default port VLAN id
     * @param vlanStatsEnabled IFLA_BR_VLAN_STATS_ENABLED: whether per-VLAN statistics are on
     * @param mcastStatsEnabled IFLA_BR_MCAST_STATS_ENABLED: whether multicast statistics are on
     * @param mcastIgmpVersion IFLA_BR_MCAST_IGMP_VERSION: IGMP version
     * @param mcastMldVersion IFLA_BR_MCAST_MLD_VERSION: MLD version
     * @param vlanStatsPerPort IFLA_BR_VLAN_STATS_PER_PORT: whether VLAN statistics are kept per port
     * @param noLinkLocalLearn IFLA_BR_MULTI_BOOLOPT: BR_BOOLOPT_NO_LL_LEARN of IFLA_BR_MULTI_BOOLOPT
     * @param mcastVlanSnooping IFLA_BR_MULTI_BOOLOPT: BR_BOOLOPT_MCAST_VLAN_SNOOPING of IFLA_BR_MULTI_BOOLOPT
     */
    record Bridge(Optional<Duration> forwardDelay, Optional<Duration> helloTime, Optional<Duration> maxAge, Optional<Duration> ageingTime, OptionalLong stpState, OptionalInt priority, Optional<Boolean> vlanFiltering, Optional<VlanProtocol> vlanProtocol, OptionalInt groupForwardMask, Optional<BridgeId> rootId, Optional<BridgeId> bridgeId, OptionalInt rootPort, OptionalLong rootPathCost, Optional<Boolean> topologyChange, Optional<Boolean> topologyChangeDetected, Optional<Duration> helloTimer, Optional<Duration> tcnTimer, Optional<Duration> topologyChangeTimer, Optional<Duration> gcTimer, Optional<MacAddress> groupAddress, OptionalInt mcastRouter, Optional<Boolean> mcastSnooping, Optional<Boolean> mcastQueryUseIfaddr, Optional<Boolean> mcastQuerier, OptionalLong mcastHashElasticity, OptionalLong mcastHashMax, OptionalLong mcastLastMemberCount, OptionalLong mcastStartupQueryCount, Optional<Duration> mcastLastMemberInterval, Optional<Duration> mcastMembershipInterval, Optional<Duration> mcastQuerierInterval, Optional<Duration> mcastQueryInterval, Optional<Duration> mcastQueryResponseInterval, Optional<Duration> mcastStartupQueryInterval, Optional<Boolean> nfCallIptables, Optional<Boolean> nfCallIp6tables, Optional<Boolean> nfCallArptables, OptionalInt vlanDefaultPvid, Optional<Boolean> vlanStatsEnabled, Optional<Boolean> mcastStatsEnabled, OptionalInt mcastIgmpVersion, OptionalInt mcastMldVersion, Optional<Boolean> vlanStatsPerPort, Optional<Boolean> noLinkLocalLearn, Optional<Boolean> mcastVlanSnooping) implements LinkData {}

    /**
     * A bridge port, the slave data of a link whose master is a bridge ({@code IFLA_INFO_SLAVE_DATA}, {@code IFLA_BRPORT_*}).
     *
     * @param state IFLA_BRPORT_STATE: STP port state (0 disabled, 1 listening, 2 learning, 3 forwarding, 4 blocking)
     * @param priority IFLA_BRPORT_PRIORITY: port priority
     * @param cost IFLA_BRPORT_COST: path cost
     * @param hairpin IFLA_BRPORT_MODE: hairpin mode
     * @param guard IFLA_BRPORT_GUARD: BPDU guard
     * @param rootBlock IFLA_BRPORT_PROTECT: root block (the port may not become root port)
     * @param fastLeave IFLA_BRPORT_FAST_LEAVE: multicast fast leave
     * @param learning IFLA_BRPORT_LEARNING: address learning
     * @param unicastFlood IFLA_BRPORT_UNICAST_FLOOD: flooding of unknown unicast
     * @param proxyArp IFLA_BRPORT_PROXYARP: proxy ARP
     * @param proxyArpWifi IFLA_BRPORT_PROXYARP_WIFI: proxy ARP for Wi-Fi
     * @param rootId IFLA_BRPORT_ROOT_ID: designated root
     * @param bridgeId IFLA_BRPORT_BRIDGE_ID: designated bridge
     * @param designatedPort IFLA_BRPORT_DESIGNATED_PORT: designated port
     * @param designatedCost IFLA_BRPORT_DESIGNATED_COST: designated cost
     * @param id IFLA_BRPORT_ID: port id
     * @param number IFLA_BRPORT_NO: port number
     * @param topologyChangeAck IFLA_BRPORT_TOPOLOGY_CHANGE_ACK: whether a topology change is to be acknowledged
     * @param configPending IFLA_BRPORT_CONFIG_PENDING: whether a configuration BPDU is pending
     * @param messageAgeTimer IFLA_BRPORT_MESSAGE_AGE_TIMER: time left on the message age timer
     * @param forwardDelayTimer IFLA_BRPORT_FORWARD_DELAY_TIMER: time left on the forward delay timer
     * @param holdTimer IFLA_BRPORT_HOLD_TIMER: time left on the hold timer
     * @param multicastRouter IFLA_BRPORT_MULTICAST_ROUTER: multicast router mode of the port
     * @param mcastFlood IFLA_BRPORT_MCAST_FLOOD: flooding of unknown multicast
     * @param mcastToUnicast IFLA_BRPORT_MCAST_TO_UCAST: multicast to unicast
     * @param vlanTunnel IFLA_BRPORT_VLAN_TUNNEL: VLAN tunnel mode
     * @param broadcastFlood IFLA_BRPORT_BCAST_FLOOD: flooding of broadcast
     * @param groupForwardMask IFLA_BRPORT_GROUP_FWD_MASK: link-local groups forwarded
     * @param neighSuppress IFLA_BRPORT_NEIGH_SUPPRESS: ARP/ND suppression
     * @param isolated IFLA_BRPORT_ISOLATED: port isolation
     * @param backupPortIndex IFLA_BRPORT_BACKUP_PORT: the backup port (an ifindex)
     * @param locked IFLA_BRPORT_LOCKED: port locking (802.1X)
     */
    record BridgePort(OptionalInt state, OptionalInt priority, OptionalLong cost, Optional<Boolean> hairpin, Optional<Boolean> guard, Optional<Boolean> rootBlock, Optional<Boolean> fastLeave, Optional<Boolean> learning, Optional<Boolean> unicastFlood, Optional<Boolean> proxyArp, Optional<Boolean> proxyArpWifi, Optional<BridgeId> rootId, Optional<BridgeId> bridgeId, OptionalInt designatedPort, OptionalInt designatedCost, OptionalInt id, OptionalInt number, Optional<Boolean> topologyChangeAck, Optional<Boolean> configPending, Optional<Duration> messageAgeTimer, Optional<Duration> forwardDelayTimer, Optional<Duration> holdTimer, OptionalInt multicastRouter, Optional<Boolean> mcastFlood, Optional<Boolean> mcastToUnicast, Optional<Boolean> vlanTunnel, Optional<Boolean> broadcastFlood, OptionalInt groupForwardMask, Optional<Boolean> neighSuppress, Optional<Boolean> isolated, OptionalInt backupPortIndex, Optional<Boolean> locked) implements LinkData {}

    /**
     * 802.1Q/802.1ad VLAN.
     *
     * @param id       IFLA_VLAN_ID
     * @param protocol IFLA_VLAN_PROTOCOL
     */
    record Vlan(int id, VlanProtocol protocol) implements LinkData {}

    /**
     * macvlan or macvtap ({@code IFLA_MACVLAN_*}).
     *
     * @param mode                 IFLA_MACVLAN_MODE
     * @param flags                IFLA_MACVLAN_FLAGS (MACVLAN_FLAG_NOPROMISC 1, MACVLAN_FLAG_NODST 2)
     * @param broadcastQueueLength IFLA_MACVLAN_BC_QUEUE_LEN, as asked
     * @param broadcastQueueUsed   IFLA_MACVLAN_BC_QUEUE_LEN_USED, as in effect
     * @param sourceAddresses      IFLA_MACVLAN_MACADDR_DATA, the allowed sources in source mode
     */
    record Macvlan(Optional<MacvlanMode> mode, int flags, OptionalInt broadcastQueueLength, OptionalInt broadcastQueueUsed,
                   List<MacAddress> sourceAddresses) implements LinkData {
        /** Makes the list immutable. */
        public Macvlan {
            sourceAddresses = List.copyOf(sourceAddresses);
        }
    }

    /**
     * ipvlan.
     *
     * @param mode IFLA_IPVLAN_MODE
     */
    record Ipvlan(Optional<IpvlanMode> mode) implements LinkData {}

    /**
     * VXLAN ({@code IFLA_VXLAN_*}).
     *
     * @param vni                 IFLA_VXLAN_ID
     * @param port                IFLA_VXLAN_PORT
     * @param remote              IFLA_VXLAN_GROUP or GROUP6: the remote endpoint, or the multicast group (ip's {@code remote} or {@code group}; {@link LinkSpec.Vxlan#remote()} on the spec side)
     * @param local               IFLA_VXLAN_LOCAL or LOCAL6
     * @param underlayIndex       IFLA_VXLAN_LINK
     * @param ttl                 IFLA_VXLAN_TTL (0: as the inner packet, "auto")
     * @param learning            IFLA_VXLAN_LEARNING
     * @param external            IFLA_VXLAN_COLLECT_METADATA (flow-based, "external")
     * @param vniFilter           IFLA_VXLAN_VNIFILTER
     * @param sourcePortLow       IFLA_VXLAN_PORT_RANGE low end
     * @param sourcePortHigh      IFLA_VXLAN_PORT_RANGE high end
     * @param proxy               IFLA_VXLAN_PROXY
     * @param rsc                 IFLA_VXLAN_RSC (route short circuit)
     * @param l2miss              IFLA_VXLAN_L2MISS
     * @param l3miss              IFLA_VXLAN_L3MISS
     * @param tos                 IFLA_VXLAN_TOS (1: inherit)
     * @param ttlInherit          IFLA_VXLAN_TTL_INHERIT
     * @param df                  IFLA_VXLAN_DF (0 unset, 1 set, 2 inherit)
     * @param flowLabel           IFLA_VXLAN_LABEL (IPv6 flow label, host order)
     * @param ageing              IFLA_VXLAN_AGEING, how long an FDB entry lives; empty for the kernel's 0, never ({@code ageing none})
     * @param limit               IFLA_VXLAN_LIMIT, the FDB size limit; empty for the kernel's 0, no limit
     * @param udpChecksum         IFLA_VXLAN_UDP_CSUM
     * @param udpZeroChecksum6Tx  IFLA_VXLAN_UDP_ZERO_CSUM6_TX
     * @param udpZeroChecksum6Rx  IFLA_VXLAN_UDP_ZERO_CSUM6_RX
     * @param remoteChecksumTx    IFLA_VXLAN_REMCSUM_TX
     * @param remoteChecksumRx    IFLA_VXLAN_REMCSUM_RX
     * @param gbp                 IFLA_VXLAN_GBP (group policy extension)
     * @param gpe                 IFLA_VXLAN_GPE (generic protocol extension)
     */
    record Vxlan(int vni, OptionalInt port, Optional<InetAddress> remote, Optional<InetAddress> local,
                 OptionalInt underlayIndex, OptionalInt ttl, boolean learning, boolean external, boolean vniFilter,
                 OptionalInt sourcePortLow, OptionalInt sourcePortHigh, boolean proxy, boolean rsc, boolean l2miss,
                 boolean l3miss, OptionalInt tos, boolean ttlInherit, OptionalInt df, OptionalInt flowLabel,
                 Optional<Duration> ageing, OptionalLong limit, Optional<Boolean> udpChecksum, Optional<Boolean> udpZeroChecksum6Tx,
                 Optional<Boolean> udpZeroChecksum6Rx, boolean remoteChecksumTx, boolean remoteChecksumRx, boolean gbp,
                 boolean gpe) implements LinkData {}

    /**
     * bond.
     *
     * @param mode IFLA_BOND_MODE
     */
    record Bond(BondMode mode) implements LinkData {}

    /**
     * A kind the decoder does not interpret.
     *
     * @param attributes its IFLA_INFO_DATA attributes, raw
     */
    record Other(List<RawAttribute> attributes) implements LinkData {
        /** Makes the list immutable. */
        public Other {
            attributes = List.copyOf(attributes);
        }
    }
}
