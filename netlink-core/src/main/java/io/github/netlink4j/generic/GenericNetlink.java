package io.github.netlink4j.generic;

import io.github.netlink4j.common.RawAttribute;
import io.github.netlink4j.genl.GenlFamily;
import io.github.netlink4j.genl.GenlMessage;
import io.github.netlink4j.error.Errno;
import io.github.netlink4j.error.KernelException;
import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.error.NoSuchFamilyException;
import io.github.netlink4j.error.NoSuchOperationException;
import io.github.netlink4j.internal.codec.genl.GenlCodec;
import io.github.netlink4j.internal.codec.genl.GenlSpecs;
import io.github.netlink4j.internal.codec.genl.SpecCodec;
import io.github.netlink4j.internal.transport.Bus;
import io.github.netlink4j.internal.transport.EventSocket;
import io.github.netlink4j.internal.transport.Openers;
import io.github.netlink4j.internal.transport.RequestSocket;
import io.github.netlink4j.internal.transport.SocketFactory;
import io.github.netlink4j.internal.transport.Target;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Generic netlink ({@code NETLINK_GENERIC}) in one namespace: families resolved by name through the
 * kernel's {@code nlctrl} and cached for the life of the socket, and requests and dumps of any family
 * with raw attributes, on the same transport as rtnetlink (one request at a time, dumps retried on
 * NLM_F_DUMP_INTR, extended ACKs with the attribute path as numbers). Typed families (ethtool, netdev,
 * MPTCP, …) are built on it. Thread-safe.
 *
 * {@snippet :
 * GenericNetlink genl = nl.genl();
 * GenlFamily netdev = genl.get("netdev");                              // genl ctrl get name netdev
 * for (GenlMessage dev : genl.dump(netdev, 1, List.of()))              // NETDEV_CMD_DEV_GET
 *     System.out.println(dev.attribute(1).orElseThrow().unsignedValue()); // NETDEV_A_DEV_IFINDEX
 * }
 *
 * <p>Round trips: {@code find}/{@code get} one the first time a name is asked, none after;
 * {@code list}, {@code dump} and {@code call} one each.
 */
public final class GenericNetlink implements AutoCloseable {
    private final RequestSocket socket;
    private final ConcurrentHashMap<String, GenlFamily> families = new ConcurrentHashMap<>();
    private final LinkIndexes links;
    private final SocketFactory sockets;

    static {
        Openers.registerGenl((socket, links, sockets) -> new GenericNetlink(socket, links::index, sockets));
    }

    /**
     * A handle on {@code socket}, a NETLINK_GENERIC socket it owns from now on; {@code links} resolves the
     * device names of families that name devices by index (MPTCP endpoints); {@code sockets} opens the
     * event sockets of subscriptions in the same namespace. Made by {@code NetlinkClient.genl()} through
     * {@link Openers}: its arguments are internal types, so the constructor is not public.
     */
    GenericNetlink(RequestSocket socket, LinkIndexes links, SocketFactory sockets) {
        this.socket = Objects.requireNonNull(socket);
        this.links = Objects.requireNonNull(links);
        this.sockets = Objects.requireNonNull(sockets);
    }

    /** The names of the families the library has a spec of, for {@link #spec(String)}. */
    public static List<String> specFamilies() {
        return GenlSpecs.NAMES;
    }

    /**
     * The family {@code name} driven by its spec (any operation by name, attributes as trees of values);
     * IllegalArgumentException when the library has no spec of it ({@link #specFamilies()}). Nothing is
     * asked of the kernel until a call.
     */
    public SpecFamily spec(String name) {
        return new SpecFamily(this, SpecCodec.of(name).orElseThrow(() -> new IllegalArgumentException(
                "no spec of a generic netlink family \"" + name + "\" (there are " + String.join(", ", GenlSpecs.NAMES) + ")")));
    }

    /** What makes sockets (and ioctls) in this handle's namespace. */
    SocketFactory sockets() {
        return sockets;
    }

    /** An event socket in this handle's namespace, for subscriptions. */
    EventSocket openEvents(Bus bus) throws IOException {
        return sockets.events(bus, 0);
    }

    /** Every family registered in the kernel ({@code genl ctrl list}); refreshes the cache. */
    public List<GenlFamily> list() throws NetlinkException {
        List<GenlFamily> out = new ArrayList<>();
        socket.dump(GenlCodec::encodeDumpFamilies, -1, (s, off, len) -> out.add(GenlCodec.decodeFamily(s, off, len)),
                out::clear, "generic netlink families");
        for (GenlFamily f : out) {
            families.put(f.name(), f);
            GenlSpecs.resolved(f);
        }
        return List.copyOf(out);
    }

    /** The family named {@code name}, or empty when the kernel has none of that name. */
    public Optional<GenlFamily> find(String name) throws NetlinkException {
        checkName(name);
        GenlFamily known = families.get(name);
        if (known != null) return Optional.of(known);
        GenlFamily[] got = new GenlFamily[1];
        try {
            socket.get(w -> GenlCodec.encodeGetFamily(w, name), (s, off, len) -> got[0] = GenlCodec.decodeFamily(s, off, len),
                    Target.of("get generic netlink family", "family \"" + name + "\""));
        } catch (KernelException e) {
            if (e.errno() == Errno.ENOENT) return Optional.empty();
            throw e;
        }
        if (got[0] == null) return Optional.empty();
        families.put(name, got[0]);
        GenlSpecs.resolved(got[0]);
        return Optional.of(got[0]);
    }

    /** The family named {@code name}; {@link NoSuchFamilyException} when the kernel has none (module not loaded). */
    public GenlFamily get(String name) throws NetlinkException {
        Optional<GenlFamily> f = find(name);
        if (f.isEmpty()) throw new NoSuchFamilyException(name, null);
        return f.get();
    }

    /**
     * Dumps {@code command} of {@code family} with {@code attributes} as the filter, and returns every
     * message of the family the kernel answers with.
     *
     * @throws NoSuchOperationException if the running kernel's family has no such command
     */
    public List<GenlMessage> dump(GenlFamily family, int command, List<RawAttribute> attributes) throws NetlinkException {
        checkOperation(family, command);
        List<GenlMessage> out = new ArrayList<>();
        socket.dump(w -> GenlCodec.encodeDump(w, family, command, attributes), family.id(),
                (s, off, len) -> out.add(GenlCodec.decodeMessage(s, off, len, family.headerSize())), out::clear,
                family.name() + " command " + command);
        return out;
    }

    /**
     * Sends {@code command} of {@code family} with {@code attributes} (a "do"), waits for the kernel's
     * ACK, and returns the messages it answered with before it (the reply of a get; none for most sets).
     *
     * @throws NoSuchOperationException if the running kernel's family has no such command
     */
    public List<GenlMessage> call(GenlFamily family, int command, List<RawAttribute> attributes) throws NetlinkException {
        checkOperation(family, command);
        List<GenlMessage> out = new ArrayList<>();
        socket.request(w -> GenlCodec.encodeDo(w, family, command, attributes),
                (s, off, len) -> out.add(GenlCodec.decodeMessage(s, off, len, family.headerSize())),
                Target.of(family.name() + " command " + command, family.name()));
        return out;
    }

    /** {@link NoSuchOperationException} naming the operation when the kernel's family does not list {@code command}. */
    static void checkOperation(GenlFamily family, int command) throws NoSuchOperationException {
        if (!family.operations().isEmpty() && family.operation(command).isEmpty()) {
            throw new NoSuchOperationException(family.name(), GenlSpecs.commandName(family.name(), command));
        }
    }

    /** The socket, for the typed families built on this handle ({@link Ethtool}, {@link Netdev}). */
    RequestSocket socket() {
        return socket;
    }

    /** The typed ethtool family ({@code ethtool(8)}'s netlink interface) on this socket. */
    public Ethtool ethtool() {
        return new Ethtool(this);
    }

    /** The typed MPTCP path manager family (endpoints and limits, {@code ip mptcp}) on this socket. */
    public Mptcp mptcp() {
        return new Mptcp(this);
    }

    /** The kernel's TCP metrics cache ({@code ip tcp_metrics}) on this socket. */
    public TcpMetrics tcpMetrics() {
        return new TcpMetrics(this);
    }

    /** The links of the same namespace, for device names given by index. */
    LinkIndexes links() {
        return links;
    }

    /** The typed netdev family (devices' XDP features) on this socket. */
    public Netdev netdev() {
        return new Netdev(this);
    }

    private static void checkName(String name) {
        if (name == null || name.isEmpty() || name.length() >= 16 || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a generic netlink family name has 1 to 15 characters, not \"" + name + "\"");
        }
    }

    /** Closes the socket. Idempotent. */
    @Override
    public void close() {
        socket.close();
    }

    @Override
    public String toString() {
        return "GenericNetlink[port " + socket.portId() + ", " + families.size() + " families known]";
    }
}
