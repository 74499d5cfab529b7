package io.github.netlink4j.internal.transport;

import io.github.netlink4j.internal.wire.AttrNames;
import io.github.netlink4j.internal.wire.uapi.Netlink;

/**
 * The netlink protocols ("buses") a socket can be opened on, each with the way its extended-ACK
 * attribute paths are named: rtnetlink's names, numbers after the 4-byte genlmsghdr or nfgenmsg, or none
 * where the family header's size depends on the message (sock_diag).
 */
public enum Bus {
    /** NETLINK_ROUTE: links, addresses, routes, neighbours, rules, nexthops, tc. */
    ROUTE(Netlink.NETLINK_ROUTE, AttrNames::pathAt),
    /** NETLINK_GENERIC: families resolved through nlctrl (ethtool, netdev, mptcp_pm, …). */
    GENERIC(Netlink.NETLINK_GENERIC, (s, msg, off) -> AttrNames.numericPathAt(s, msg, off, 4)),
    /** NETLINK_NETFILTER: conntrack and the other nfnetlink subsystems. */
    NETFILTER(Netlink.NETLINK_NETFILTER, (s, msg, off) -> AttrNames.numericPathAt(s, msg, off, 4)),
    /** NETLINK_SOCK_DIAG: socket diagnostics (inet_diag, unix_diag). */
    SOCK_DIAG(Netlink.NETLINK_SOCK_DIAG, (s, msg, off) -> null);

    private final int protocol;
    private final RequestSocket.PathNamer namer;

    Bus(int protocol, RequestSocket.PathNamer namer) {
        this.protocol = protocol;
        this.namer = namer;
    }

    /** The NETLINK_* protocol number passed to socket(2). */
    public int protocol() {
        return protocol;
    }

    /** How extended-ACK offsets of requests on this bus are named. */
    RequestSocket.PathNamer namer() {
        return namer;
    }
}
