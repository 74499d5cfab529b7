package io.github.netlink4j.event;


/**
 * The multicast groups a {@link io.github.netlink4j.Subscription} can join: rtnetlink's ({@code RTNLGRP_*} of
 * linux/rtnetlink.h) and conntrack's on NETLINK_NETFILTER ({@code NFNLGRP_CONNTRACK_*} of
 * linux/netfilter/nfnetlink.h). One subscription joins groups of one protocol ({@link #netfilter()}).
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
    TC(4),
    /** New conntrack entries (NFNLGRP_CONNTRACK_NEW, on NETLINK_NETFILTER). */
    CONNTRACK_NEW(1, true),
    /** Changed conntrack entries: state, status, mark (NFNLGRP_CONNTRACK_UPDATE). */
    CONNTRACK_UPDATE(2, true),
    /** Destroyed conntrack entries (NFNLGRP_CONNTRACK_DESTROY). */
    CONNTRACK_DESTROY(3, true);

    private final int group;
    private final boolean netfilter;

    EventGroup(int group) {
        this(group, false);
    }

    EventGroup(int group, boolean netfilter) {
        this.group = group;
        this.netfilter = netfilter;
    }

    /** The RTNLGRP_* number (NFNLGRP_* for the conntrack groups). */
    public int group() {
        return group;
    }

    /** Whether the group is netfilter's (NETLINK_NETFILTER) rather than rtnetlink's. */
    public boolean netfilter() {
        return netfilter;
    }

    /** The three conntrack groups: new, update, destroy ({@code conntrack -E}). */
    public static java.util.Set<EventGroup> conntrack() {
        return java.util.EnumSet.of(CONNTRACK_NEW, CONNTRACK_UPDATE, CONNTRACK_DESTROY);
    }

    /** Every rtnetlink group ({@code ip monitor all}). */
    public static java.util.Set<EventGroup> rtnetlink() {
        return java.util.EnumSet.complementOf(java.util.EnumSet.of(CONNTRACK_NEW, CONNTRACK_UPDATE, CONNTRACK_DESTROY));
    }
}
