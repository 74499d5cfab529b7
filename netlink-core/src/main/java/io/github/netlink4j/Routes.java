package io.github.netlink4j;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.common.BulkResult;
import io.github.netlink4j.support.IpText;
import io.github.netlink4j.route.Route;
import io.github.netlink4j.route.RouteQuery;
import io.github.netlink4j.route.RouteSpec;
import io.github.netlink4j.route.RouteProtocol;
import io.github.netlink4j.route.RouteSelector;
import io.github.netlink4j.route.RouteTable;
import io.github.netlink4j.route.RouteType;
import io.github.netlink4j.route.RouteView;
import io.github.netlink4j.internal.codec.view.RouteFlyweight;
import java.util.function.Consumer;
import io.github.netlink4j.error.Errno;
import io.github.netlink4j.error.KernelException;

import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.error.NotFoundException;
import io.github.netlink4j.internal.codec.RouteCodec;
import io.github.netlink4j.internal.transport.RequestSocket;
import io.github.netlink4j.internal.transport.Target;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Objects;

/**
 * Routes: what {@code ip route} lists, adds, replaces and deletes (RTM_NEWROUTE, RTM_DELROUTE,
 * RTM_GETROUTE).
 *
 * {@snippet :
 * Route r = nl.routes().add(RouteSpec.to("10.200.1.0/24").withGateway(InetAddress.ofLiteral("10.200.0.1")));
 * List<Route> main = nl.routes().list(AddressFamily.INET, RouteTable.MAIN);     // ip route
 * }
 */
public final class Routes {
    private final RequestSocket socket;
    private final Links links;

    Routes(RequestSocket socket, Links links) {
        this.socket = socket;
        this.links = links;
    }

    /** Every route of both families in every table, like {@code ip route show table all} with {@code ip -6 …}. */
    public List<Route> list() throws NetlinkException {
        return dump(null);
    }

    /** Every route of {@code family} in every table. */
    public List<Route> list(AddressFamily family) throws NetlinkException {
        return dump(Objects.requireNonNull(family));
    }

    /**
     * The routes of {@code family} in {@code table}: {@code ip route} is {@code list(INET, RouteTable.MAIN)}.
     * The kernel dumps that table alone; a table that does not exist has no routes.
     */
    public List<Route> list(AddressFamily family, RouteTable table) throws NetlinkException {
        return list(family, RouteSelector.of(Objects.requireNonNull(table)));
    }

    /**
     * The routes of {@code family} that {@code selector} selects, like {@code ip route show table T dev D
     * proto P type X}: the kernel sends those alone (see {@link RouteSelector}); a table that does not exist
     * has no routes, or is a {@link NotFoundException} when the selector {@linkplain RouteSelector#withTableRequired() requires it}. A link the selector names that does not exist raises {@link io.github.netlink4j.error.NoSuchLinkException}.
     */
    public List<Route> list(AddressFamily family, RouteSelector selector) throws NetlinkException {
        Objects.requireNonNull(family);
        int oif = selector.link().isPresent() ? links.index(selector.link().get()) : 0;
        List<Route> out = new ArrayList<>();
        try {
            socket.dump(w -> RouteCodec.encodeDump(w, family, selector.tableId(), oif,
                            selector.protocol().map(RouteProtocol::value).orElse(0), selector.type().map(RouteType::value).orElse(0)),
                    RouteCodec.NEW, (s, off, len) -> {
                        Route r = RouteCodec.decode(s, off, len);
                        // a kernel without strict checking sends every route: the same selection here
                        if (selector.matches(r, oif)) out.add(r);
                    }, out::clear, "routes");
        } catch (KernelException e) {
            // "FIB table does not exist": ip_valid_fib_dump_req's answer for a table nothing was ever added to
            if (e.errno() != Errno.ENOENT || selector.tableId() == 0) throw e;
            if (selector.tableRequired()) throw new NotFoundException("no routing table " + selector.tableId() + " in " + family.text(), e);
            out.clear();
        }
        return out;
    }

    /**
     * Hands every route of both families in every table to {@code action} as it is read, like {@link #list()}
     * without its records: a {@link RouteView} over the received bytes, reused for the next route, that reads
     * only what is asked of it, so a dump allocates nothing per route. The view is valid only during the call. Should the kernel flag the dump interrupted (NLM_F_DUMP_INTR: a change while it ran), the dump
     * is read again from the start, and {@code action} sees the objects of the new attempt too.
     */
    public void forEach(Consumer<? super RouteView> action) throws NetlinkException {
        forEach(null, RouteSelector.empty(), action);
    }

    /**
     * {@link #forEach(Consumer)} over the routes of {@code family} (null: both) that {@code selector} selects,
     * which the kernel sends alone; a table that does not exist has no routes.
     */
    public void forEach(AddressFamily family, RouteSelector selector, Consumer<? super RouteView> action) throws NetlinkException {
        Objects.requireNonNull(action);
        int oif = selector.link().isPresent() ? links.index(selector.link().get()) : 0;
        long table = selector.tableId();
        int protocol = selector.protocol().map(RouteProtocol::value).orElse(0);
        int type = selector.type().map(RouteType::value).orElse(0);
        RouteFlyweight v = new RouteFlyweight();
        try {
            socket.dump(w -> RouteCodec.encodeDump(w, family, table, oif, protocol, type), RouteCodec.NEW, (s, off, len) -> {
                v.open(s, off, len);
                try {
                    // as list(family, selector), but RTA_OIF alone: a multipath route through the link needs the record
                    if ((table == 0 || v.table().value() == table) && (protocol == 0 || v.protocol().value() == protocol)
                            && (type == 0 || v.type().value() == type) && (oif == 0 || v.outputIndex() == oif || v.outputIndex() == 0)) {
                        action.accept(v);
                    }
                } finally {
                    v.end();
                }
            }, () -> { }, "routes");
        } catch (KernelException e) {
            if (e.errno() != Errno.ENOENT || table == 0) throw e;
        }
    }

    private List<Route> dump(AddressFamily family) throws NetlinkException {
        List<Route> out = new ArrayList<>();
        socket.dump(w -> RouteCodec.encodeDump(w, family), RouteCodec.NEW, (s, off, len) -> out.add(RouteCodec.decode(s, off, len)),
                out::clear, "routes");
        return out;
    }

    /**
     * The route the kernel would use for {@code query} ({@code ip route get}); with
     * {@link RouteQuery#withFibMatch()} the routing-table entry that matched. An unreachable destination
     * is the kernel's refusal (ENETUNREACH as a {@link io.github.netlink4j.error.KernelException}).
     */
    public Route lookup(RouteQuery query) throws NetlinkException {
        Map<String, Integer> idx = new HashMap<>();
        for (String n : new String[] {query.inputLink().orElse(null), query.outputLink().orElse(null)}) {
            if (n != null) idx.put(n, links.index(n));
        }
        Route[] found = new Route[1];
        socket.get(w -> RouteCodec.encodeGet(w, query, idx::get), (s, off, len) -> keepEcho(s, off, len, found, 0),
                Target.of("get route", "route to " + IpText.text(query.destination())));
        if (found[0] == null) throw new NotFoundException("no route to " + IpText.text(query.destination()), null);
        return found[0];
    }

    /**
     * The route {@code spec} names ({@link RouteSpec#matches}: family, destination, table, type, and
     * metric when set), as the kernel has it. One round trip (a dump of the spec's table).
     */
    public Optional<Route> find(RouteSpec spec) throws NetlinkException {
        for (Route r : list(spec.family(), spec.table().orElse(RouteTable.MAIN))) if (spec.matches(r)) return Optional.of(r);
        return Optional.empty();
    }

    /** The route {@code spec} names; {@link NotFoundException} if there is none. One round trip. */
    public Route get(RouteSpec spec) throws NetlinkException {
        return find(spec).orElseThrow(() -> new NotFoundException("no route " + spec, null));
    }

    /** {@code ip route add}: adds the route and returns it as the kernel made it (echoed in the same round trip). */
    public Route add(RouteSpec r) throws NetlinkException {
        return modify(r, false);
    }

    /** {@code ip route replace}: adds the route or replaces the one it matches; returns it as the kernel has it. */
    public Route replace(RouteSpec r) throws NetlinkException {
        return modify(r, true);
    }

    /**
     * {@code ip route change}: replaces the route {@code r} matches, which must exist (NLM_F_REPLACE
     * without NLM_F_CREATE: the kernel answers ENOENT otherwise); returns it as the kernel has it.
     */
    public Route change(RouteSpec r) throws NetlinkException {
        return modify(r, RouteCodec.Mode.CHANGE);
    }

    /** {@code ip route append}: adds the route after those with the same destination (NLM_F_APPEND), as a further IPv6 next hop. */
    public Route append(RouteSpec r) throws NetlinkException {
        return modify(r, RouteCodec.Mode.APPEND);
    }

    /** {@code ip route prepend}: adds the route before those with the same destination (NLM_F_CREATE alone). */
    public Route prepend(RouteSpec r) throws NetlinkException {
        return modify(r, RouteCodec.Mode.PREPEND);
    }

    private Route modify(RouteSpec r, boolean replace) throws NetlinkException {
        return modify(r, replace ? RouteCodec.Mode.REPLACE : RouteCodec.Mode.ADD);
    }

    private Route modify(RouteSpec r, RouteCodec.Mode mode) throws NetlinkException {
        Map<String, Integer> idx = resolve(r);
        Route[] made = new Route[1];
        socket.request(w -> RouteCodec.encodeNew(w, r, idx::get, mode, true), (s, off, len) -> keepEcho(s, off, len, made, 0),
                target(mode.name().toLowerCase(java.util.Locale.ROOT) + " route", r));
        if (made[0] != null) return made[0];
        for (Route k : list(r.family(), r.table().orElse(RouteTable.MAIN))) if (r.matches(k)) return k;
        throw new NotFoundException("route " + r.destinationText() + " was added but is gone", null);
    }

    private static void keepEcho(MemorySegment s, long off, int len, Route[] into, int i) throws io.github.netlink4j.error.ProtocolException {
        Route r = RouteCodec.decodeEcho(s, off, len);
        if (r != null && into[i] == null) into[i] = r;
    }

    /** {@code ip route del}. */
    public void delete(RouteSpec r) throws NetlinkException {
        Map<String, Integer> idx = resolve(r);
        socket.request(w -> RouteCodec.encodeDelete(w, r, idx::get), null, target("delete route", r));
    }

    /** Adds many routes, pipelined; each reports its own success or error, and nothing is asked back. */
    public BulkResult<Void> addAll(List<RouteSpec> routes) throws NetlinkException {
        Map<String, Integer> idx = resolveAll(routes);
        NetlinkException[] errs = socket.batch(routes.size(),
                (w, i) -> RouteCodec.encodeAdd(w, routes.get(i), idx::get, false, false), null,
                i -> target("add route", routes.get(i)));
        return new BulkResult<>(Arrays.asList(new Void[routes.size()]), Arrays.asList(errs));
    }

    /** Deletes many routes, pipelined; each reports its own success or error. */
    public BulkResult<Void> deleteAll(List<RouteSpec> routes) throws NetlinkException {
        Map<String, Integer> idx = resolveAll(routes);
        NetlinkException[] errs = socket.batch(routes.size(), (w, i) -> RouteCodec.encodeDelete(w, routes.get(i), idx::get),
                null, i -> target("delete route", routes.get(i)));
        return new BulkResult<>(Arrays.asList(new Void[routes.size()]), Arrays.asList(errs));
    }

    /** The indexes of the links {@code routes} name, each name looked up once (a million routes on one device: one RTM_GETLINK). */
    private Map<String, Integer> resolveAll(List<RouteSpec> routes) throws NetlinkException {
        Map<String, Integer> idx = new HashMap<>();
        for (RouteSpec r : routes) {
            for (String n : RouteCodec.referencedLinks(r)) if (!idx.containsKey(n)) idx.put(n, links.index(n));
        }
        return idx;
    }

    private Map<String, Integer> resolve(RouteSpec r) throws NetlinkException {
        Map<String, Integer> idx = new HashMap<>();
        for (String n : RouteCodec.referencedLinks(r)) idx.put(n, links.index(n));
        return idx;
    }

    private static Target target(String what, RouteSpec r) {
        return Target.onLink(what, "route " + r.destinationText(), r.link().orElse(null));
    }
}
