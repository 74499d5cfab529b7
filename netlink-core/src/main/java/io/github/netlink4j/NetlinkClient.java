package io.github.netlink4j;

import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.internal.transport.NetlinkSocket;
import io.github.netlink4j.internal.wire.uapi.Netlink;

import java.io.IOException;

/**
 * The entry point: one rtnetlink socket in one network namespace, with sub-handles named after
 * {@code ip} objects. Thread-safe (requests are serialised on the socket). Close it when done.
 *
 * {@snippet :
 * try (NetlinkClient nl = NetlinkClient.open()) {                  // ip link
 *     nl.links().list().forEach(l -> System.out.println(l.index() + ": " + l.name()));
 * }
 * try (NetNamespace ns = NetNamespace.open("direct_netns");
 *      NetlinkClient inside = NetlinkClient.open(ns)) {           // ip -n direct_netns link set lo up
 *     inside.links().setUp("lo");
 * }
 * }
 */
public final class NetlinkClient implements AutoCloseable {
    private final NetlinkSocket socket;
    private final Links links;
    private final Addresses addresses;
    private final Routes routes;
    private final Neighbours neighbours;
    private final Nsids nsids;

    static {
        Warmup.codecs();
    }

    private NetlinkClient(NetlinkSocket socket) {
        this.socket = socket;
        this.links = new Links(socket);
        this.addresses = new Addresses(socket, links);
        this.routes = new Routes(socket, links);
        this.neighbours = new Neighbours(socket, links);
        this.nsids = new Nsids(socket);
    }

    /** A client in the calling thread's network namespace. */
    public static NetlinkClient open() throws NetlinkException {
        return new NetlinkClient(NetlinkSocket.open());
    }

    /**
     * A client whose socket lives in {@code ns}, like {@code ip -n NS}. The socket is created on a
     * dedicated thread inside the namespace; the caller's thread never moves.
     */
    public static NetlinkClient open(NetNamespace ns) throws IOException {
        int fd = ns.call(() -> NetlinkSocket.createFd(Netlink.NETLINK_ROUTE));
        return new NetlinkClient(NetlinkSocket.adopt(fd, Netlink.NETLINK_ROUTE, 0));
    }

    /** A client inside the named namespace {@code /var/run/netns/NAME}. */
    public static NetlinkClient open(String namespace) throws IOException {
        try (NetNamespace ns = NetNamespace.open(namespace)) {
            return open(ns);
        }
    }

    /** Links: {@code ip link}. */
    public Links links() {
        return links;
    }

    /** Addresses: {@code ip addr}. */
    public Addresses addresses() {
        return addresses;
    }

    /** Routes: {@code ip route}. */
    public Routes routes() {
        return routes;
    }

    /** Neighbours: {@code ip neigh}. */
    public Neighbours neighbours() {
        return neighbours;
    }

    /** Namespace ids: {@code ip netns list-id}, {@code ip netns set}. */
    public Nsids nsids() {
        return nsids;
    }

    /** The socket's netlink port id. */
    public int portId() {
        return socket.portId();
    }

    /** Closes the socket. Idempotent; later calls on the sub-handles throw IllegalStateException. */
    @Override
    public void close() {
        socket.close();
    }
}
