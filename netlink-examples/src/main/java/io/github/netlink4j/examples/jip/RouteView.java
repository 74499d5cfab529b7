package io.github.netlink4j.examples.jip;

import io.github.netlink4j.address.Address;
import io.github.netlink4j.link.Link;
import io.github.netlink4j.route.Nexthop;
import io.github.netlink4j.route.Route;
import io.github.netlink4j.route.RouteCacheInfo;
import io.github.netlink4j.route.RouteProtocol;
import io.github.netlink4j.route.RouteScope;
import io.github.netlink4j.route.RouteTable;
import io.github.netlink4j.route.RouteType;
import io.github.netlink4j.json.Json;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** How iproute2 6.1 prints a route (iproute.c print_route). */
final class RouteView {
    // The order ip prints next-hop flags in (print_rt_flags).
    private final Route r;
    private final Map<Integer, Link> links;
    private final boolean showTable;
    private final boolean showDev;
    private final RouteFilter filter; // null: nothing pinned
    private final Style style;

    /** {@code showDev} false when a {@code dev} filter selected the routes (ip leaves the device out then). */
    RouteView(Route r, Map<Integer, Link> links, boolean showTable, boolean showDev, Style style) {
        this.r = r;
        this.links = links;
        this.showTable = showTable;
        this.showDev = showDev;
        this.filter = null;
        this.style = style;
    }

    /** A route selected by {@code filter}: the fields it pinned are left out, as ip does. */
    RouteView(Route r, Map<Integer, Link> links, RouteFilter filter, Style style) {
        this.r = r;
        this.links = links;
        this.showTable = filter.showTable();
        this.showDev = filter.showDev();
        this.filter = filter;
        this.style = style;
    }

    /** ip -d: type, protocol and scope always, the table whenever ip names tables. */
    private boolean details;

    RouteView detailed(boolean on) {
        details = on;
        return this;
    }

    /** ip -s: the cache line's users, uses and age (print_rta_cacheinfo's show_stats part). */
    private boolean stats;

    RouteView statistics(boolean on) {
        stats = on;
        return this;
    }

    /** Whether ip prints RTA_CACHEINFO for this route's family (print_route does for IPv4 and IPv6 only). */
    private boolean cacheInfoShown() {
        return r.family() == io.github.netlink4j.common.AddressFamily.INET || r.family() == io.github.netlink4j.common.AddressFamily.INET6;
    }

    /** A field of print_rta_cacheinfo: its JSON key, its text and its JSON value. */
    private record CacheField(String key, String text, Object value) {}

    /** print_rta_cacheinfo's fields in its order; ip divides the times by USER_HZ in C, truncating toward zero. */
    private List<CacheField> cacheFields(RouteCacheInfo c) {
        List<CacheField> out = new ArrayList<>();
        long expires = c.expires().toMillis() / 1000;
        if (expires != 0) out.add(new CacheField("expires", "expires " + expires + "sec ", expires));
        if (c.error() != 0) out.add(new CacheField("error", "error " + c.error() + " ", c.error()));
        if (stats) {
            if (c.users() != 0) out.add(new CacheField("users", "users " + c.users() + " ", c.users()));
            if (c.used() != 0) out.add(new CacheField("used", "used " + c.used() + " ", c.used()));
            long age = c.sinceLastUse().toSeconds();
            if (!c.sinceLastUse().isZero()) out.add(new CacheField("age", "age " + age + "sec ", age));
        }
        if (c.id() != 0) out.add(new CacheField("ipid", String.format("ipid 0x%04x ", c.id()), "0x" + Long.toHexString(c.id())));
        return out;
    }

    /** The nexthop objects by id, for ip -d's nh_info of routes that use one. */
    private Map<Long, io.github.netlink4j.route.NexthopObject> nexthops = Map.of();

    RouteView withNexthops(Map<Long, io.github.netlink4j.route.NexthopObject> byId) {
        nexthops = byId;
        return this;
    }

    private boolean show(java.util.function.Predicate<RouteFilter> p) {
        return filter == null || p.test(filter);
    }

    private String dev(int index) {
        Link l = links.get(index);
        return l != null ? l.name() : "if" + index;
    }

    private String from() {
        if (r.source().isPresent()) {
            InetAddress src = r.source().get();
            return Address.format(src) + (r.sourceLength() == src.getAddress().length * 8 ? "" : "/" + r.sourceLength());
        }
        return r.sourceLength() != 0 ? "0/" + r.sourceLength() : null;
    }

    /** An address in the route's family's colour, with the space ip prints inside the colour. */
    private String address(InetAddress a) {
        return style.address(r.family(), Address.format(a) + " ");
    }

    /** The route's line as {@code ip route show} (or {@code get}) prints it, in print_route's order. */
    String text() {
        StringBuilder sb = new StringBuilder();
        if (r.type() != RouteType.UNICAST || details) sb.append(style.routeType(r.type().value())).append(' ');
        // the destination is coloured when the route has one (not "default", not "0/N")
        String dst = r.destinationText() + " ";
        sb.append(r.destination().isPresent() ? style.address(r.family(), dst) : dst);
        String from = from();
        if (from != null) sb.append(r.source().isPresent() ? style.address(r.family(), "from " + from + " ") : "from " + from + " ");
        r.nexthopId().ifPresent(n -> sb.append("nhid ").append(n).append(' '));
        if (show(RouteFilter::showVia)) r.gateway().ifPresent(g -> sb.append("via ").append(address(g)));
        if (showDev && r.outputIndex().isPresent()) sb.append("dev ").append(style.ifname(dev(r.outputIndex().getAsInt()) + " "));
        if (showTable && (!r.table().equals(RouteTable.MAIN) || details) && !r.table().equals(RouteTable.UNSPEC)) sb.append("table ").append(style.table(r.table())).append(' ');
        if (!r.isCloned()) {
            if ((!r.protocol().equals(RouteProtocol.BOOT) || details) && show(RouteFilter::showProtocol)) sb.append("proto ").append(style.protocol(r.protocol())).append(' ');
            if ((!r.scope().equals(RouteScope.UNIVERSE) || details) && show(RouteFilter::showScope)) sb.append("scope ").append(style.scope(r.scope())).append(' ');
        }
        if (show(RouteFilter::showSrc)) r.preferredSource().ifPresent(s -> sb.append("src ").append(address(s)));
        if (r.metric().isPresent() && show(RouteFilter::showMetric)) sb.append("metric ").append(r.metric().getAsLong()).append(' ');
        for (String f : NexthopView.flagNames(r.nexthopFlags())) sb.append(f).append(' ');
        r.uid().ifPresent(u -> sb.append("uid ").append(u).append(' '));
        if (r.family() == io.github.netlink4j.common.AddressFamily.INET && r.isCloned()) {
            sb.append("\n    cache ");
            List<String> cache = r.cacheFlags();
            if (!cache.isEmpty()) sb.append('<').append(String.join(",", cache)).append("> ");
        }
        if (cacheInfoShown()) r.cacheInfo().ifPresent(c -> cacheFields(c).forEach(f -> sb.append(f.text())));
        r.inputIndex().ifPresent(i -> sb.append("iif ").append(style.ifname(dev(i) + " ")));
        r.preference().ifPresent(p -> sb.append("pref ").append(p.text()));
        if (details && r.nexthopId().isPresent() && nexthops.containsKey(r.nexthopId().getAsLong())) {
            String nh = new NexthopView(nexthops.get(r.nexthopId().getAsLong()), links, true, style).text();
            sb.append("\n\tnh_info ").append(nh, 0, nh.length() - 1);
        }
        for (Nexthop h : r.multipath()) {
            sb.append("\n\tnexthop ");
            h.gateway().ifPresent(g -> sb.append("via ").append(address(g)));
            sb.append("dev ").append(dev(h.outputIndex())).append(' ');
            sb.append("weight ").append(h.weight()).append(' ');
            for (String f : NexthopView.flagNames(h.flags())) sb.append(f).append(' ');
        }
        return sb.append('\n').toString();
    }

    Map<String, Object> json() {
        Map<String, Object> o = Json.object();
        if (r.type() != RouteType.UNICAST || details) o.put("type", style.routeType(r.type().value()));
        o.put("dst", r.destinationText());
        String from = from();
        if (from != null) o.put(r.source().isPresent() ? "from" : "src", from);
        r.nexthopId().ifPresent(n -> o.put("nhid", n));
        if (show(RouteFilter::showVia)) r.gateway().ifPresent(g -> o.put("gateway", Address.format(g)));
        if (showDev && r.outputIndex().isPresent()) o.put("dev", dev(r.outputIndex().getAsInt()));
        if (showTable && (!r.table().equals(RouteTable.MAIN) || details) && !r.table().equals(RouteTable.UNSPEC)) o.put("table", style.table(r.table()));
        if (!r.isCloned()) {
            if ((!r.protocol().equals(RouteProtocol.BOOT) || details) && show(RouteFilter::showProtocol)) o.put("protocol", style.protocol(r.protocol()));
            if ((!r.scope().equals(RouteScope.UNIVERSE) || details) && show(RouteFilter::showScope)) o.put("scope", style.scope(r.scope()));
        }
        if (show(RouteFilter::showSrc)) r.preferredSource().ifPresent(s -> o.put("prefsrc", Address.format(s)));
        if (r.metric().isPresent() && show(RouteFilter::showMetric)) o.put("metric", r.metric().getAsLong());
        o.put("flags", new ArrayList<Object>(NexthopView.flagNames(r.nexthopFlags())));
        r.uid().ifPresent(u -> o.put("uid", u));
        if (r.family() == io.github.netlink4j.common.AddressFamily.INET && r.isCloned()) o.put("cache", new ArrayList<Object>(r.cacheFlags()));
        if (cacheInfoShown()) r.cacheInfo().ifPresent(c -> cacheFields(c).forEach(f -> o.put(f.key(), f.value())));
        r.inputIndex().ifPresent(i -> o.put("iif", dev(i)));
        r.preference().ifPresent(p -> o.put("pref", p.text()));
        if (details && r.nexthopId().isPresent() && nexthops.containsKey(r.nexthopId().getAsLong())) {
            o.put("nh_info", new NexthopView(nexthops.get(r.nexthopId().getAsLong()), links, true, style).json());
        }
        if (!r.multipath().isEmpty()) {
            List<Object> hops = new ArrayList<>();
            for (Nexthop h : r.multipath()) {
                Map<String, Object> n = Json.object();
                h.gateway().ifPresent(g -> n.put("gateway", Address.format(g)));
                n.put("dev", dev(h.outputIndex()));
                n.put("weight", h.weight());
                n.put("flags", new ArrayList<Object>(NexthopView.flagNames(h.flags())));
                hops.add(n);
            }
            o.put("nexthops", hops);
        }
        return o;
    }
}
