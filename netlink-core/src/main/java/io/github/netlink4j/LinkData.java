package io.github.netlink4j;

import java.net.InetAddress;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What {@code IFLA_INFO_DATA} says about a link of a given kind. Kinds the decoder does not know
 * come back as {@link Other} with their attributes raw.
 */
public interface LinkData {

    /** veth: the peer is the link's {@link Link#parentIndex()} (IFLA_LINK), in {@link Link#linkNetnsId()}. */
    record Veth() implements LinkData {}

    /** bridge ({@code IFLA_BR_*}). */
    record Bridge(OptionalInt stpState, OptionalInt forwardDelay, OptionalInt vlanFiltering) implements LinkData {}

    /** 802.1Q/802.1ad VLAN ({@code IFLA_VLAN_ID}, {@code IFLA_VLAN_PROTOCOL}, 0x8100 or 0x88a8). */
    record Vlan(int id, int protocol) implements LinkData {}

    /** macvlan or macvtap ({@code IFLA_MACVLAN_MODE}). */
    record Macvlan(MacvlanMode mode) implements LinkData {}

    /** ipvlan ({@code IFLA_IPVLAN_MODE}). */
    record Ipvlan(IpvlanMode mode) implements LinkData {}

    /** VXLAN ({@code IFLA_VXLAN_*}). */
    record Vxlan(int vni, OptionalInt port, Optional<InetAddress> group, Optional<InetAddress> local,
                 OptionalInt underlayIndex, OptionalInt ttl, boolean learning) implements LinkData {}

    /** bond ({@code IFLA_BOND_MODE}, 0 balance-rr … 6 balance-alb). */
    record Bond(int mode) implements LinkData {}

    /** A kind the decoder does not interpret. */
    record Other(java.util.List<RawAttribute> attributes) implements LinkData {}
}
