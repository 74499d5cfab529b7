package io.github.netlink4j.bridge;

/**
 * An on/off setting of a bridge port, as the kernel reports it in {@code IFLA_PROTINFO} and
 * {@code bridge -d link show} prints it; a {@link BridgePort} holds the set of those that are on.
 */
public enum BridgePortFlag {
    /** {@code IFLA_BRPORT_MODE}: hairpin, frames may go back out of the port they came in on. */
    HAIRPIN,
    /** {@code IFLA_BRPORT_GUARD}: BPDUs received on the port disable it. */
    GUARD,
    /** {@code IFLA_BRPORT_PROTECT}: the port may not become the root port. */
    ROOT_BLOCK,
    /** {@code IFLA_BRPORT_FAST_LEAVE}: multicast fast leave. */
    FAST_LEAVE,
    /** {@code IFLA_BRPORT_LEARNING}: source addresses are learnt into the FDB. */
    LEARNING,
    /** {@code IFLA_BRPORT_UNICAST_FLOOD}: unknown unicast is flooded to the port. */
    UNICAST_FLOOD,
    /** {@code IFLA_BRPORT_PROXYARP}: the bridge answers ARP for known hosts on this port. */
    PROXY_ARP,
    /** {@code IFLA_BRPORT_MCAST_FLOOD}: unknown multicast is flooded to the port. */
    MULTICAST_FLOOD,
    /** {@code IFLA_BRPORT_BCAST_FLOOD}: broadcast is flooded to the port. */
    BROADCAST_FLOOD,
    /** {@code IFLA_BRPORT_NEIGH_SUPPRESS}: ARP and ND are suppressed on the port. */
    NEIGH_SUPPRESS,
    /** {@code IFLA_BRPORT_ISOLATED}: the port talks only to ports that are not isolated. */
    ISOLATED,
    /** {@code IFLA_BRPORT_LOCKED}: only hosts with an FDB entry may send through the port. */
    LOCKED
}
