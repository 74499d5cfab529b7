package io.github.netlink4j;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.common.MacAddress;
import io.github.netlink4j.support.IpText;
import io.github.netlink4j.neighbour.Neighbour;
import io.github.netlink4j.neighbour.NeighbourSpec;
import io.github.netlink4j.neighbour.NeighbourView;
import io.github.netlink4j.internal.codec.view.NeighbourFlyweight;

import io.github.netlink4j.error.Errno;
import io.github.netlink4j.error.KernelException;
import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.error.NotFoundException;
import io.github.netlink4j.internal.codec.NeighbourCodec;
import io.github.netlink4j.internal.transport.RequestSocket;
import io.github.netlink4j.internal.transport.Target;

import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import io.github.netlink4j.common.BulkResult;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The neighbour (ARP and NDP) cache: what {@code ip neigh} lists, adds, replaces and deletes
 * (RTM_NEWNEIGH, RTM_DELNEIGH, RTM_GETNEIGH).
 *
 * {@snippet :
 * nl.neighbours().add(NeighbourSpec.of("veth0", InetAddress.ofLiteral("10.200.0.7"), MacAddress.of("02:00:00:00:00:07")));
 * Optional<Neighbour> n = nl.neighbours().find("veth0", InetAddress.ofLiteral("10.200.0.7"));   // ip neigh get 10.200.0.7 dev veth0
 * }
 */
public final class Neighbours {
    private final RequestSocket socket;
    private final Links links;

    Neighbours(RequestSocket socket, Links links) {
        this.socket = socket;
        this.links = links;
    }

    /** Every IPv4 and IPv6 entry, like {@code ip neigh show}. */
    public List<Neighbour> list() throws NetlinkException {
        List<Neighbour> out = new ArrayList<>(dump(AddressFamily.INET, 0));
        out.addAll(dump(AddressFamily.INET6, 0));
        return out;
    }

    /** The entries of {@code family} (INET or INET6), like {@code ip -4 neigh}. */
    public List<Neighbour> list(AddressFamily family) throws NetlinkException {
        return dump(family, 0);
    }

    /** The entries on link {@code name} (filtered in the kernel), like {@code ip neigh show dev NAME}. */
    public List<Neighbour> list(String name) throws NetlinkException {
        int index = links.index(name);
        List<Neighbour> out = new ArrayList<>(dump(AddressFamily.INET, index));
        out.addAll(dump(AddressFamily.INET6, index));
        return out;
    }

    /**
     * The proxy entries ({@code ip neigh show proxy}): addresses this host answers ARP and NDP for,
     * on {@code name} or, if null, on every link.
     */
    public List<Neighbour> listProxies(String name) throws NetlinkException {
        int index = name == null ? 0 : links.index(name);
        List<Neighbour> out = new ArrayList<>(dump(AddressFamily.INET, index, true));
        out.addAll(dump(AddressFamily.INET6, index, true));
        return out;
    }

    /**
     * Hands every IPv4 and IPv6 entry to {@code action} as it is read, like {@link #list()} without its
     * records: a {@link NeighbourView} over the received bytes, reused for the next entry, that reads only
     * what is asked of it, so a dump allocates nothing per entry. The view is valid only during the call.
     * Should the kernel flag the dump interrupted (NLM_F_DUMP_INTR: a change while it ran), the dump is read
     * again from the start, and {@code action} sees the entries of the new attempt too.
     */
    public void forEach(Consumer<? super NeighbourView> action) throws NetlinkException {
        forEach(AddressFamily.INET, 0, action);
        forEach(AddressFamily.INET6, 0, action);
    }

    /** {@link #forEach(Consumer)} over the entries on link {@code name}, which the kernel sends alone. */
    public void forEach(String name, Consumer<? super NeighbourView> action) throws NetlinkException {
        int index = links.index(name);
        forEach(AddressFamily.INET, index, action);
        forEach(AddressFamily.INET6, index, action);
    }

    private void forEach(AddressFamily family, int index, Consumer<? super NeighbourView> action) throws NetlinkException {
        Objects.requireNonNull(action);
        NeighbourFlyweight v = new NeighbourFlyweight();
        socket.dump(w -> NeighbourCodec.encodeDump(w, family, index, false), NeighbourCodec.NEW, (s, off, len) -> {
            v.open(s, off, len);
            try {
                action.accept(v);
            } finally {
                v.end();
            }
        }, () -> { }, "neighbours");
    }

    private List<Neighbour> dump(AddressFamily family, int index) throws NetlinkException {
        return dump(family, index, false);
    }

    private List<Neighbour> dump(AddressFamily family, int index, boolean proxy) throws NetlinkException {
        if (family != AddressFamily.INET && family != AddressFamily.INET6) throw new IllegalArgumentException("neighbours are listed for INET or INET6, not " + family);
        List<Neighbour> out = new ArrayList<>();
        socket.dump(w -> NeighbourCodec.encodeDump(w, family, index, proxy), NeighbourCodec.NEW,
                (s, off, len) -> out.add(NeighbourCodec.decode(s, off, len)), out::clear, "neighbours");
        return out;
    }

    /** The entry for {@code address} on link {@code link}, if there is one ({@code ip neigh get ADDR dev LINK}). */
    public Optional<Neighbour> find(String link, InetAddress address) throws NetlinkException {
        int index = links.index(link);
        return find(index, address, link);
    }

    private Optional<Neighbour> find(int index, InetAddress address, String link) throws NetlinkException {
        Neighbour[] found = new Neighbour[1];
        try {
            socket.get(w -> NeighbourCodec.encodeGet(w, address, index), (s, off, len) -> found[0] = NeighbourCodec.decodeEcho(s, off, len),
                    Target.of("get neighbour", "neighbour " + IpText.text(address) + " dev " + link));
        } catch (KernelException e) {
            if (e.errno() == Errno.ENOENT) return Optional.empty();
            throw e;
        }
        return Optional.ofNullable(found[0]);
    }

    /** The proxy entry for {@code address} on link {@code link}, if there is one ({@code ip neigh get proxy ADDR dev LINK}). */
    public Optional<Neighbour> findProxy(String link, InetAddress address) throws NetlinkException {
        int index = links.index(link);
        Neighbour[] found = new Neighbour[1];
        try {
            socket.get(w -> NeighbourCodec.encodeGet(w, address, index, true), (s, off, len) -> found[0] = NeighbourCodec.decodeEcho(s, off, len),
                    Target.of("get proxy neighbour", "proxy " + IpText.text(address) + " dev " + link));
        } catch (KernelException e) {
            if (e.errno() == Errno.ENOENT) return Optional.empty();
            throw e;
        }
        return Optional.ofNullable(found[0]);
    }

    /** The entry for {@code address} on link {@code link}; {@link NotFoundException} if there is none. */
    public Neighbour get(String link, InetAddress address) throws NetlinkException {
        return find(link, address).orElseThrow(() -> new NotFoundException("neighbour " + IpText.text(address) + " dev " + link + " does not exist", null));
    }

    /**
     * {@code ip neigh add}: adds the entry and returns it as the kernel has it. Without an lladdr the
     * kernel takes the entry in the state asked (as it does for ip) and resolves nothing for it.
     */
    public Neighbour add(NeighbourSpec n) throws NetlinkException {
        return modify(n, false);
    }

    /** {@code ip neigh replace}: adds or updates the entry; returns it as the kernel has it. */
    public Neighbour replace(NeighbourSpec n) throws NetlinkException {
        return modify(n, true);
    }

    private Neighbour modify(NeighbourSpec n, boolean replace) throws NetlinkException {
        int index = links.index(n.link());
        Neighbour[] made = new Neighbour[1];
        socket.request(w -> NeighbourCodec.encodeAdd(w, n, index, replace, true), (s, off, len) -> keepEcho(s, off, len, made),
                target(replace ? "replace neighbour" : "add neighbour", n));
        if (made[0] != null) return made[0];
        // The kernel does not echo RTM_NEWNEIGH: ask for the entry.
        Optional<Neighbour> k = n.proxy() ? findProxy(n.link(), n.address()) : find(index, n.address(), n.link());
        if (k.isPresent()) return k.get();
        throw new NotFoundException("neighbour " + IpText.text(n.address()) + " dev " + n.link() + " was added but is gone", null);
    }

    private static void keepEcho(MemorySegment s, long off, int len, Neighbour[] into) throws io.github.netlink4j.error.ProtocolException {
        Neighbour k = NeighbourCodec.decodeEcho(s, off, len);
        if (k != null) into[0] = k;
    }

    /**
     * Adds many entries ({@code ip -batch} of {@code neigh add}), pipelined; each reports its own success
     * or error, and nothing is asked back. Round trips: one per distinct link name (its index), then one
     * per 64 entries.
     */
    public BulkResult<Void> addAll(List<NeighbourSpec> specs) throws NetlinkException {
        Map<String, Integer> idx = indexes(specs);
        NetlinkException[] errs = socket.batch(specs.size(),
                (w, i) -> NeighbourCodec.encodeAdd(w, specs.get(i), idx.get(specs.get(i).link()), false, false), null,
                i -> target("add neighbour", specs.get(i)));
        return new BulkResult<>(Arrays.asList(new Void[specs.size()]), Arrays.asList(errs));
    }

    /** Deletes many entries, pipelined; each reports its own success or error. Round trips as {@link #addAll}. */
    public BulkResult<Void> deleteAll(List<NeighbourSpec> specs) throws NetlinkException {
        Map<String, Integer> idx = indexes(specs);
        NetlinkException[] errs = socket.batch(specs.size(),
                (w, i) -> NeighbourCodec.encodeDelete(w, specs.get(i), idx.get(specs.get(i).link())), null,
                i -> target("delete neighbour", specs.get(i)));
        return new BulkResult<>(Arrays.asList(new Void[specs.size()]), Arrays.asList(errs));
    }

    private Map<String, Integer> indexes(List<NeighbourSpec> specs) throws NetlinkException {
        Map<String, Integer> idx = new HashMap<>();
        for (NeighbourSpec n : specs) if (!idx.containsKey(n.link())) idx.put(n.link(), links.index(n.link()));
        return idx;
    }

    /** {@code ip neigh del}. */
    public void delete(NeighbourSpec n) throws NetlinkException {
        int index = links.index(n.link());
        socket.request(w -> NeighbourCodec.encodeDelete(w, n, index), null, target("delete neighbour", n));
    }

    private static Target target(String what, NeighbourSpec n) {
        return Target.onLink(what + " " + IpText.text(n.address()) + " dev " + n.link(), "neighbour " + IpText.text(n.address()) + " dev " + n.link(), n.link());
    }
}
