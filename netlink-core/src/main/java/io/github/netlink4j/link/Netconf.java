package io.github.netlink4j.link;

import io.github.netlink4j.common.AddressFamily;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A link's (or the namespace's default or all-links) IP configuration as the kernel announces it in
 * {@code RTM_NEWNETCONF} (struct netconfmsg and {@code NETCONFA_*} attributes of linux/netconf.h):
 * what {@code ip netconf} and {@code ip monitor netconf} show. Settings the message leaves out are empty.
 *
 * {@snippet :
 * Subscription s = nl.subscribe(EnumSet.of(EventGroup.IPV4_NETCONF));   // ip monitor netconf
 * // events carry Netconf records: forwarding, rp_filter, … per link
 * }
 *
 * @param family                   ncm_family
 * @param index                    NETCONFA_IFINDEX: a link's index, or {@link #ALL} or {@link #DEFAULT}
 * @param forwarding               NETCONFA_FORWARDING
 * @param rpFilter                 NETCONFA_RP_FILTER: 0 off, 1 strict, 2 loose
 * @param mcForwarding             NETCONFA_MC_FORWARDING
 * @param proxyNeigh               NETCONFA_PROXY_NEIGH
 * @param ignoreRoutesWithLinkdown NETCONFA_IGNORE_ROUTES_WITH_LINKDOWN
 * @param input                    NETCONFA_INPUT (MPLS)
 * @param bcForwarding             NETCONFA_BC_FORWARDING
 */
public record Netconf(AddressFamily family, int index, Optional<Boolean> forwarding, OptionalInt rpFilter,
                      Optional<Boolean> mcForwarding, Optional<Boolean> proxyNeigh,
                      Optional<Boolean> ignoreRoutesWithLinkdown, Optional<Boolean> input, Optional<Boolean> bcForwarding) {
    /** {@code NETCONFA_IFINDEX_ALL}: the namespace's "all" settings. */
    public static final int ALL = -1;
    /** {@code NETCONFA_IFINDEX_DEFAULT}: the defaults new links get. */
    public static final int DEFAULT = -2;
}
