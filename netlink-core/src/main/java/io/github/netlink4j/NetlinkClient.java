package io.github.netlink4j;

import io.github.netlink4j.generic.GenericNetlink;
import io.github.netlink4j.event.EventGroup;
import io.github.netlink4j.event.NetlinkEvent;
import io.github.netlink4j.error.KernelWarning;

import io.github.netlink4j.internal.transport.Bus;
import io.github.netlink4j.internal.transport.Openers;
import io.github.netlink4j.internal.transport.RequestSocket;
import io.github.netlink4j.internal.transport.SocketFactory;
import io.github.netlink4j.internal.transport.TunFd;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The entry point: one rtnetlink socket in one network namespace, with sub-handles named after
 * {@code ip} objects, and the subscriptions and waits of that namespace. Thread-safe (requests are
 * serialised on the socket). Close it when done.
 *
 * {@snippet :
 * try (NetlinkClient nl = NetlinkClient.open()) {                  // ip link
 *     nl.links().list().forEach(System.out::println);
 * }
 * try (NetNamespace ns = NetNamespace.open("direct_netns");
 *      NetlinkClient inside = NetlinkClient.open(ns)) {           // ip -n direct_netns link set lo up
 *     inside.links().setUp("lo");
 *     inside.waits().linkUp("lo", Duration.ofSeconds(5));
 * }
 * }
 */
public final class NetlinkClient implements AutoCloseable {
    private final RequestSocket socket;
    private final NetNamespace namespace;
    private final SocketFactory sockets;
    private final Links links;
    private final Addresses addresses;
    private final Routes routes;
    private final Neighbours neighbours;
    private final Rules rules;
    private final Nexthops nexthops;
    private final Bridges bridges;
    private final Nsids nsids;
    private final Qdiscs qdiscs;
    private final TrafficClasses trafficClasses;
    private final Filters filters;
    private final Actions actions;
    private final Waits waits;
    private final TunTaps tuntap;
    /** Which namespace, for toString: its name, else its id, else that of the thread that opened the client. */
    private final String where;
    private GenericNetlink genl; // opened on first use, under this
    private Conntrack conntrack; // opened on first use, under this
    private SocketDiag diag; // opened on first use, under this

    private NetlinkClient(SocketFactory sockets, NetNamespace namespace, String where) throws IOException {
        this.sockets = sockets;
        this.namespace = namespace;
        this.where = where;
        this.socket = sockets.requests();
        this.links = new Links(socket);
        this.addresses = new Addresses(socket, links);
        this.routes = new Routes(socket, links);
        this.neighbours = new Neighbours(socket, links);
        this.rules = new Rules(socket);
        this.nexthops = new Nexthops(socket, links);
        this.bridges = new Bridges(socket, links);
        this.nsids = new Nsids(socket);
        this.qdiscs = new Qdiscs(socket, links);
        this.trafficClasses = new TrafficClasses(socket, links);
        this.filters = new Filters(socket, links, qdiscs, trafficClasses);
        this.actions = new Actions(socket, links);
        this.waits = new Waits(sockets, links);
        this.tuntap = new TunTaps(sockets, links, TunFd.CLONE_DEVICE);
    }

    /** A client in the calling thread's network namespace. */
    public static NetlinkClient open() throws IOException {
        return new NetlinkClient(SocketFactory.here(), null, "the opening thread's namespace");
    }

    /**
     * A client whose socket lives in {@code ns}, like {@code ip -n NS}. The socket is created on a
     * dedicated thread inside the namespace; the caller's thread never moves. The client keeps its own
     * handle on the namespace (for subscriptions), so {@code ns} may be closed afterwards.
     */
    public static NetlinkClient open(NetNamespace ns) throws IOException {
        NetNamespace own = NetNamespace.openPath(Path.of("/proc/self/fd/" + ns.fd()));
        try {
            return new NetlinkClient(SocketFactory.in(own.fd()), own, "namespace " + ns.name().orElse(ns.id()));
        } catch (io.github.netlink4j.error.SyscallException e) {
            own.close();
            throw NetNamespace.entering(e, ns);
        } catch (IOException | RuntimeException e) {
            own.close();
            throw e;
        }
    }

    /** A client inside the named namespace {@code /var/run/netns/NAME}. */
    public static NetlinkClient open(String namespace) throws IOException {
        try (NetNamespace ns = NetNamespace.open(namespace)) {
            return open(ns);
        }
    }

    /**
     * Sends the kernel's warnings to {@code listener}: a request the kernel carried out may come back with a
     * warning in its ACK (extended ACK, {@code NLMSGERR_ATTR_MSG} with error 0), which ip and tc print as
     * {@code Warning: …}. The listener runs on the thread that made the request, after it returned from the
     * kernel and before the verb returns; {@code null} (the default) drops them. For the rtnetlink handles
     * (links to actions); one listener per client.
     *
     * {@snippet :
     * nl.onWarning(w -> System.err.println(w));   // Warning: sch_htb: quantum of class 10010 is big. Consider r2q change.
     * }
     */
    public void onWarning(Consumer<KernelWarning> listener) {
        socket.onWarning(listener);
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

    /** Bridge port settings and VLANs: iproute2's {@code bridge link|vlan}. */
    public Bridges bridges() {
        return bridges;
    }

    /** Nexthop objects: {@code ip nexthop}. */
    public Nexthops nexthops() {
        return nexthops;
    }

    /** Policy rules: {@code ip rule}. */
    public Rules rules() {
        return rules;
    }

    /** Neighbours: {@code ip neigh}. */
    public Neighbours neighbours() {
        return neighbours;
    }

    /** Qdiscs: {@code tc qdisc}. */
    public Qdiscs qdiscs() {
        return qdiscs;
    }

    /** Traffic classes: {@code tc class}. */
    public TrafficClasses trafficClasses() {
        return trafficClasses;
    }

    /** Traffic-control filters: {@code tc filter}. */
    public Filters filters() {
        return filters;
    }

    /** Standalone traffic-control actions: {@code tc actions}. */
    public Actions actions() {
        return actions;
    }

    /** TUN/TAP devices and their queues: {@code ip tuntap}. */
    public TunTaps tuntap() {
        return tuntap;
    }

    /** Namespace ids: {@code ip netns list-id}, {@code ip netns set}. */
    public Nsids nsids() {
        return nsids;
    }

    /**
     * Generic netlink in this client's namespace (families such as ethtool, netdev, nlctrl), on a
     * NETLINK_GENERIC socket of its own opened on first use and closed with the client.
     */
    public synchronized GenericNetlink genl() throws IOException {
        if (socket.isClosed()) throw new IllegalStateException("netlink client is closed");
        if (genl == null) genl = Openers.genl(GenericNetlink.class).open(sockets.requests(Bus.GENERIC), links::index, sockets);
        return genl;
    }

    /**
     * Connection tracking in this client's namespace ({@code conntrack(8)}), on a NETLINK_NETFILTER socket of
     * its own opened on first use and closed with the client.
     *
     * @throws io.github.netlink4j.error.ModuleNotLoadedException if the kernel has no nfnetlink
     */
    public synchronized Conntrack conntrack() throws IOException {
        if (socket.isClosed()) throw new IllegalStateException("netlink client is closed");
        if (conntrack == null) conntrack = Conntrack.open(sockets);
        return conntrack;
    }

    /**
     * Socket diagnostics in this client's namespace ({@code ss}), on a NETLINK_SOCK_DIAG socket of its own
     * opened on first use and closed with the client.
     */
    public synchronized SocketDiag sockets() throws IOException {
        if (socket.isClosed()) throw new IllegalStateException("netlink client is closed");
        if (diag == null) diag = new SocketDiag(sockets.requests(Bus.SOCK_DIAG));
        return diag;
    }

    /** Waiting for states of this client's namespace on events, not by polling. */
    public Waits waits() {
        return waits;
    }

    /**
     * Subscribes to change notifications of {@code groups} in this client's namespace ({@code ip
     * monitor}), on a socket and thread of the subscription's own.
     */
    public Subscription subscribe(Set<EventGroup> groups, Subscription.Options options) throws IOException {
        return new Subscription(groups, options, sockets, null);
    }

    /** {@link #subscribe(Set, Subscription.Options)} with the default options: nothing listed first. */
    public Subscription subscribe(Set<EventGroup> groups) throws IOException {
        return subscribe(groups, Subscription.Options.DEFAULTS);
    }

    /** The listener form: {@code listener} runs on the subscription's own thread for every event. */
    public Subscription listen(Set<EventGroup> groups, Subscription.Options options, Consumer<NetlinkEvent> listener) throws IOException {
        return new Subscription(groups, options, sockets, Objects.requireNonNull(listener));
    }

    /**
     * The send and receive system calls (sendto, recvfrom) this client's rtnetlink socket has made so far:
     * read before and after a call, the difference is what the call cost in system calls, one per request
     * sent (or per batch of up to 64 pipelined ones) and one per datagram received. Read from another thread
     * than the one making calls, it may lag.
     */
    public long syscalls() {
        return socket.syscalls();
    }

    /**
     * The dumps of this client's rtnetlink socket that the kernel flagged interrupted so far
     * ({@code NLM_F_DUMP_INTR}: the table changed between two of the dump's datagrams). Each was read again
     * from the start, up to the retry budget, then ended in a
     * {@link io.github.netlink4j.error.DumpInterruptedException}; read before and after calls, the
     * difference is how many retries concurrent changes cost them. Read from another thread than the one
     * making calls, it may lag.
     */
    public long dumpInterruptions() {
        return socket.dumpInterruptions();
    }

    /** The socket's netlink port id. */
    public int portId() {
        return socket.portId();
    }

    /**
     * What the client is: {@code NetlinkClient[namespace direct_netns, port 1234]} (a namespace without a
     * name by its id, {@code net:[4026532281]}; one opened with {@link #open()} as the opening thread's
     * namespace), and {@code closed} once it is.
     */
    @Override
    public String toString() {
        return "NetlinkClient[" + where + ", port " + Integer.toUnsignedString(socket.portId()) + (socket.isClosed() ? ", closed" : "") + "]";
    }

    /** Closes the socket (and the client's handle on its namespace). Idempotent; later calls on the sub-handles throw IllegalStateException. */
    @Override
    public void close() {
        socket.close();
        synchronized (this) {
            if (genl != null) genl.close();
            if (conntrack != null) conntrack.close();
            if (diag != null) diag.close();
        }
        if (namespace != null) {
            try {
                namespace.close();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
