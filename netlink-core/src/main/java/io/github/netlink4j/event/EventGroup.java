package io.github.netlink4j.event;


/**
 * The rtnetlink multicast groups a {@link io.github.netlink4j.Subscription} can join ({@code RTNLGRP_*} of
 * linux/rtnetlink.h).
 *
 * {@snippet :
 * Subscription s = nl.subscribe(EnumSet.of(EventGroup.LINK, EventGroup.IPV4_RULE));   // ip monitor link rule
 * }
 */
public enum EventGroup {
    /** Links: RTM_NEWLINK / RTM_DELLINK. */
    LINK(1),
    /** ARP and NDP entries: RTM_NEWNEIGH / RTM_DELNEIGH. */
    NEIGHBOUR(3),
    /** IPv4 addresses. */
    IPV4_ADDRESS(5),
    /** IPv4 routes. */
    IPV4_ROUTE(7),
    /** IPv6 addresses. */
    IPV6_ADDRESS(9),
    /** IPv6 routes. */
    IPV6_ROUTE(11),
    /** Namespace ids: RTM_NEWNSID / RTM_DELNSID (group 28, joined with NETLINK_ADD_MEMBERSHIP). */
    NSID(28),
    /** IPv4 configuration of links: RTM_NEWNETCONF / RTM_DELNETCONF. */
    IPV4_NETCONF(24),
    /** IPv6 configuration of links: RTM_NEWNETCONF / RTM_DELNETCONF. */
    IPV6_NETCONF(25),
    /** IPv4 policy rules: RTM_NEWRULE / RTM_DELRULE. */
    IPV4_RULE(8),
    /** IPv6 policy rules: RTM_NEWRULE / RTM_DELRULE. */
    IPV6_RULE(19),
    /** Nexthop objects: RTM_NEWNEXTHOP / RTM_DELNEXTHOP (group 32, joined with NETLINK_ADD_MEMBERSHIP). */
    NEXTHOP(32),
    /** Traffic control: RTM_NEWQDISC / RTM_DELQDISC and RTM_NEWTCLASS / RTM_DELTCLASS (RTNLGRP_TC). */
    TC(4);

    private final int group;

    EventGroup(int group) {
        this.group = group;
    }

    /** The RTNLGRP_* number. */
    public int group() {
        return group;
    }
}
