package io.github.netlink4j;

import io.github.netlink4j.error.KernelException;
import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.internal.transport.NetlinkSocket;
import io.github.netlink4j.internal.wire.uapi.Rtnetlink;

import java.util.ArrayList;
import java.util.List;

/** The neighbour (ARP/NDP) cache: what {@code ip neigh} lists, adds, replaces and deletes (RTM_*NEIGH). */
public final class Neighbours {
    private final NetlinkSocket socket;
    private final Links links;

    Neighbours(NetlinkSocket socket, Links links) {
        this.socket = socket;
        this.links = links;
    }

    /** Every IPv4 and IPv6 neighbour entry, like {@code ip neigh show}. */
    public List<Neighbour> list() throws NetlinkException {
        List<Neighbour> out = new ArrayList<>(dump(Inet.AF_INET, 0));
        out.addAll(dump(Inet.AF_INET6, 0));
        return out;
    }

    /** The entries on link {@code name} (filtered in the kernel). */
    public List<Neighbour> list(String name) throws NetlinkException {
        int index = links.index(name);
        List<Neighbour> out = new ArrayList<>(dump(Inet.AF_INET, index));
        out.addAll(dump(Inet.AF_INET6, index));
        return out;
    }

    private List<Neighbour> dump(int family, int index) throws NetlinkException {
        List<Neighbour> out = new ArrayList<>();
        socket.dump(w -> NeighbourCodec.encodeDump(w, family, index), Rtnetlink.RTM_NEWNEIGH,
                (s, off, len) -> out.add(NeighbourCodec.decode(s, off, len)),
                out::clear, "neighbours");
        return out;
    }

    /** {@code ip neigh add}. */
    public void add(NeighbourSpec n) throws NetlinkException {
        if (n.lladdr().isEmpty() && n.state() != NeighbourState.NOARP) throw new IllegalArgumentException("adding a neighbour needs its lladdr");
        modify(Rtnetlink.RTM_NEWNEIGH, NeighbourCodec.ADD, n, "add neighbour");
    }

    /** {@code ip neigh replace}. */
    public void replace(NeighbourSpec n) throws NetlinkException {
        modify(Rtnetlink.RTM_NEWNEIGH, NeighbourCodec.REPLACE, n, "replace neighbour");
    }

    /** {@code ip neigh del}. */
    public void delete(NeighbourSpec n) throws NetlinkException {
        modify(Rtnetlink.RTM_DELNEIGH, NeighbourCodec.DELETE, n, "delete neighbour");
    }

    private void modify(int type, int flags, NeighbourSpec n, String what) throws NetlinkException {
        int index = links.index(n.link());
        try {
            socket.request(w -> NeighbourCodec.encode(w, type, flags, n, index), null, what + " " + Inet.text(n.address()) + " dev " + n.link());
        } catch (KernelException e) {
            throw Errors.specific(e, "neighbour " + Inet.text(n.address()), n.link(), null);
        }
    }
}
