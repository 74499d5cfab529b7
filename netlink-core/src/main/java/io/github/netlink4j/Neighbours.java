package io.github.netlink4j;

import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.error.NotFoundException;
import io.github.netlink4j.internal.codec.Inet;
import io.github.netlink4j.internal.codec.NeighbourCodec;
import io.github.netlink4j.internal.transport.RequestSocket;
import io.github.netlink4j.internal.transport.Target;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * The neighbour (ARP and NDP) cache: what {@code ip neigh} lists, adds, replaces and deletes
 * (RTM_NEWNEIGH, RTM_DELNEIGH, RTM_GETNEIGH).
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

    private List<Neighbour> dump(AddressFamily family, int index) throws NetlinkException {
        if (family != AddressFamily.INET && family != AddressFamily.INET6) throw new IllegalArgumentException("neighbours are listed for INET or INET6, not " + family);
        List<Neighbour> out = new ArrayList<>();
        socket.dump(w -> NeighbourCodec.encodeDump(w, family, index), NeighbourCodec.NEW,
                (s, off, len) -> out.add(NeighbourCodec.decode(s, off, len)), out::clear, "neighbours");
        return out;
    }

    /** {@code ip neigh add}: adds the entry and returns it as the kernel has it. */
    public Neighbour add(NeighbourSpec n) throws NetlinkException {
        if (n.lladdr().isEmpty() && n.state() != NeighbourState.NOARP) throw new IllegalArgumentException("adding a neighbour needs its lladdr");
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
        for (Neighbour k : dump(n.family(), index)) if (k.address().isPresent() && k.address().get().equals(n.address())) return k;
        throw new NotFoundException("neighbour " + Inet.text(n.address()) + " dev " + n.link() + " was added but is gone", null);
    }

    private static void keepEcho(MemorySegment s, long off, int len, Neighbour[] into) throws io.github.netlink4j.error.ProtocolException {
        Neighbour k = NeighbourCodec.decodeEcho(s, off, len);
        if (k != null) into[0] = k;
    }

    /** {@code ip neigh del}. */
    public void delete(NeighbourSpec n) throws NetlinkException {
        int index = links.index(n.link());
        socket.request(w -> NeighbourCodec.encodeDelete(w, n, index), null, target("delete neighbour", n));
    }

    private static Target target(String what, NeighbourSpec n) {
        return Target.onLink(what + " " + Inet.text(n.address()) + " dev " + n.link(), "neighbour " + Inet.text(n.address()) + " dev " + n.link(), n.link());
    }
}
