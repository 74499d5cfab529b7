package io.github.netlink4j;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What {@code IFLA_LINKINFO › IFLA_INFO_DATA} says about a link of a given kind. Kinds the decoder does
 * not interpret come back as {@link Other} with their attributes raw.
 */
public sealed interface LinkData {

    /** veth: the peer is the link's {@link Link#parentIndex()} (IFLA_LINK), in {@link Link#linkNetnsId()}. */
    record Veth() implements LinkData {}

    /**
     * bridge ({@code IFLA_BR_*}).
     *
     * @param stpState      IFLA_BR_STP_STATE
     * @param forwardDelay  IFLA_BR_FORWARD_DELAY in centiseconds
     * @param vlanFiltering IFLA_BR_VLAN_FILTERING
     */
    record Bridge(OptionalInt stpState, OptionalInt forwardDelay, Optional<Boolean> vlanFiltering) implements LinkData {}

    /**
     * 802.1Q/802.1ad VLAN.
     *
     * @param id       IFLA_VLAN_ID
     * @param protocol IFLA_VLAN_PROTOCOL
     */
    record Vlan(int id, VlanProtocol protocol) implements LinkData {}

    /**
     * macvlan or macvtap.
     *
     * @param mode IFLA_MACVLAN_MODE
     */
    record Macvlan(Optional<MacvlanMode> mode) implements LinkData {}

    /**
     * ipvlan.
     *
     * @param mode IFLA_IPVLAN_MODE
     */
    record Ipvlan(Optional<IpvlanMode> mode) implements LinkData {}

    /**
     * VXLAN ({@code IFLA_VXLAN_*}).
     *
     * @param vni           IFLA_VXLAN_ID
     * @param port          IFLA_VXLAN_PORT
     * @param group         IFLA_VXLAN_GROUP or GROUP6 (remote or multicast group)
     * @param local         IFLA_VXLAN_LOCAL or LOCAL6
     * @param underlayIndex IFLA_VXLAN_LINK
     * @param ttl           IFLA_VXLAN_TTL
     * @param learning      IFLA_VXLAN_LEARNING
     */
    record Vxlan(int vni, OptionalInt port, Optional<InetAddress> group, Optional<InetAddress> local,
                 OptionalInt underlayIndex, OptionalInt ttl, boolean learning) implements LinkData {}

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
