package io.github.netlink4j.internal.transport;

import io.github.netlink4j.internal.wire.AttrNames;
import io.github.netlink4j.internal.wire.uapi.Netlink;

import java.io.IOException;

/**
 * Makes sockets in one network namespace: the calling thread's, or the one a namespace fd refers to,
 * where the socket is created on a namespace worker ({@link NetnsThreads}) and then used from any
 * thread. The fd is the caller's and must stay open while sockets are made.
 */
public final class SocketFactory {
    private final int nsFd;

    private SocketFactory(int nsFd) {
        this.nsFd = nsFd;
    }

    /** Sockets in the calling thread's namespace. */
    public static SocketFactory here() {
        return new SocketFactory(-1);
    }

    /** Sockets in the namespace {@code nsFd} refers to. */
    public static SocketFactory in(int nsFd) {
        return new SocketFactory(nsFd);
    }

    private int createFd(int protocol) throws IOException {
        return nsFd < 0 ? NetlinkChannel.createFd(protocol) : NetnsThreads.call(nsFd, () -> NetlinkChannel.createFd(protocol));
    }

    /** A NETLINK_ROUTE request socket. */
    public RequestSocket requests() throws IOException {
        return requests(Netlink.NETLINK_ROUTE);
    }

    /**
     * A request socket of netlink {@code protocol} (a {@code Netlink.NETLINK_*} number): the same request,
     * dump, batch and extended-ACK machinery on every bus; attribute paths in errors are named for
     * rtnetlink and given as numbers on other buses.
     */
    public RequestSocket requests(int protocol) throws IOException {
        return new RequestSocket(NetlinkChannel.adopt(createFd(protocol), 0), namer(protocol));
    }

    /** Extended-ACK paths: rtnetlink's names; numbers after the 4-byte genlmsghdr or nfgenmsg; none elsewhere. */
    private static RequestSocket.PathNamer namer(int protocol) {
        return switch (protocol) {
            case Netlink.NETLINK_ROUTE -> AttrNames::pathAt;
            case Netlink.NETLINK_GENERIC, Netlink.NETLINK_NETFILTER -> (s, msg, off) -> AttrNames.numericPathAt(s, msg, off, 4);
            default -> (s, msg, off) -> null;
        };
    }

    /** A NETLINK_ROUTE event socket with a receive queue of {@code rcvbuf} bytes (0: the system's default). */
    public EventSocket events(int rcvbuf) throws IOException {
        return events(Netlink.NETLINK_ROUTE, rcvbuf);
    }

    /** An event socket of netlink {@code protocol} with a receive queue of {@code rcvbuf} bytes (0: the default). */
    public EventSocket events(int protocol, int rcvbuf) throws IOException {
        return new EventSocket(NetlinkChannel.adopt(createFd(protocol), rcvbuf));
    }
}
