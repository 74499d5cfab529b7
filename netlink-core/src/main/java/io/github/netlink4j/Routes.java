package io.github.netlink4j;

import io.github.netlink4j.error.KernelException;
import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.internal.transport.NetlinkSocket;
import io.github.netlink4j.internal.wire.uapi.Rtnetlink;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Routes: what {@code ip route} lists, adds, replaces and deletes (RTM_*ROUTE). */
public final class Routes {
    private final NetlinkSocket socket;
    private final Links links;

    Routes(NetlinkSocket socket, Links links) {
        this.socket = socket;
        this.links = links;
    }

    /** Every route of both families in every table, like {@code ip route show table all} and {@code ip -6 …}. */
    public List<Route> list() throws NetlinkException {
        return dump(0);
    }

    /** Every IPv4 (4) or IPv6 (6) route in every table. */
    public List<Route> list(int ipVersion) throws NetlinkException {
        return dump(switch (ipVersion) {
            case 4 -> Inet.AF_INET;
            case 6 -> Inet.AF_INET6;
            default -> throw new IllegalArgumentException("IP version must be 4 or 6, not " + ipVersion);
        });
    }

    /** The routes of the main table of {@code ipVersion}, like plain {@code ip route} ({@code ip -6 route}). */
    public List<Route> listMain(int ipVersion) throws NetlinkException {
        List<Route> all = list(ipVersion);
        all.removeIf(r -> r.table() != Rtnetlink.RT_TABLE_MAIN);
        return all;
    }

    private List<Route> dump(int family) throws NetlinkException {
        List<Route> out = new ArrayList<>();
        socket.dump(w -> RouteCodec.encodeDump(w, family), Rtnetlink.RTM_NEWROUTE,
                (s, off, len) -> out.add(RouteCodec.decode(s, off, len)),
                out::clear, "routes");
        return out;
    }

    /** {@code ip route add}. */
    public void add(RouteSpec r) throws NetlinkException {
        modify(Rtnetlink.RTM_NEWROUTE, RouteCodec.ADD, r, "add route");
    }

    /** {@code ip route replace}. */
    public void replace(RouteSpec r) throws NetlinkException {
        modify(Rtnetlink.RTM_NEWROUTE, RouteCodec.REPLACE, r, "replace route");
    }

    /** {@code ip route del}. */
    public void delete(RouteSpec r) throws NetlinkException {
        modify(Rtnetlink.RTM_DELROUTE, RouteCodec.DELETE, r, "delete route");
    }

    private Map<String, Integer> resolve(RouteSpec r) throws NetlinkException {
        Map<String, Integer> idx = new HashMap<>();
        if (r.link().isPresent()) idx.put(r.link().get(), links.index(r.link().get()));
        for (NextHop h : r.multipath()) if (h.link().isPresent()) idx.put(h.link().get(), links.index(h.link().get()));
        return idx;
    }

    private static String describe(RouteSpec r) {
        return r.destination().map(d -> Inet.text(d) + "/" + r.destinationLength()).orElse("default");
    }

    private void modify(int type, int flags, RouteSpec r, String what) throws NetlinkException {
        Map<String, Integer> idx = resolve(r);
        try {
            socket.request(w -> RouteCodec.encode(w, type, flags, r, idx::get), null, what + " " + describe(r));
        } catch (KernelException e) {
            throw Errors.specific(e, "route " + describe(r), r.link().orElse(null), null);
        }
    }

    /** Adds many routes, pipelined, each reporting its own success or error. */
    public BulkResult<Void> addAll(List<RouteSpec> routes) throws NetlinkException {
        List<Map<String, Integer>> idx = new ArrayList<>();
        for (RouteSpec r : routes) idx.add(resolve(r));
        KernelException[] errs = socket.batch(routes.size(),
                (w, i) -> RouteCodec.encode(w, Rtnetlink.RTM_NEWROUTE, RouteCodec.ADD, routes.get(i), idx.get(i)::get), null, "add route");
        for (int i = 0; i < errs.length; i++) {
            if (errs[i] != null) errs[i] = Errors.specific(errs[i], "route " + describe(routes.get(i)), routes.get(i).link().orElse(null), null);
        }
        return new BulkResult<>(Arrays.asList(new Void[routes.size()]), Arrays.asList(errs));
    }
}
