package io.github.netlink4j.internal.transport;

import io.github.netlink4j.internal.wire.AttrNames;
import io.github.netlink4j.internal.wire.spec.SpecPaths;
import io.github.netlink4j.internal.wire.uapi.Netlink;

import java.lang.foreign.MemorySegment;

/**
 * The netlink protocols ("buses") a socket can be opened on, each with the way its extended-ACK
 * attribute paths are named: rtnetlink's names, a generic netlink family's spec names (numbers when no spec
 * is known), numbers after the nfgenmsg, or none
 * where the family header's size depends on the message (sock_diag).
 */
public enum Bus implements RequestSocket.PathNamer {
    /** NETLINK_ROUTE: links, addresses, routes, neighbours, rules, nexthops, tc. */
    ROUTE(Netlink.NETLINK_ROUTE),
    /** NETLINK_GENERIC: families resolved through nlctrl (ethtool, netdev, mptcp_pm, …). */
    GENERIC(Netlink.NETLINK_GENERIC),
    /** NETLINK_NETFILTER: conntrack and the other nfnetlink subsystems. */
    NETFILTER(Netlink.NETLINK_NETFILTER),
    /** NETLINK_SOCK_DIAG: socket diagnostics (inet_diag, unix_diag). */
    SOCK_DIAG(Netlink.NETLINK_SOCK_DIAG);

    private final int protocol;

    Bus(int protocol) {
        this.protocol = protocol;
    }

    /** The NETLINK_* protocol number passed to socket(2). */
    public int protocol() {
        return protocol;
    }

    /** Names an extended-ACK offset of a request on this bus. */
    // A switch, not a lambda per constant: this enum is initialised by every fresh JVM's first request,
    // where each lambda's bootstrap costs more than the request, and the naming is only ever asked on error.
    @Override
    public String pathAt(MemorySegment request, long msg, int offset) {
        return switch (this) {
            case ROUTE -> AttrNames.pathAt(request, msg, offset);
            case GENERIC -> {
                // named by the family's spec when the handle resolved one, else numbers
                String named = SpecPaths.pathAt(request, msg, offset);
                yield named != null ? named : AttrNames.numericPathAt(request, msg, offset, 4);
            }
            case NETFILTER -> AttrNames.numericPathAt(request, msg, offset, 4);
            case SOCK_DIAG -> null;
        };
    }
}
