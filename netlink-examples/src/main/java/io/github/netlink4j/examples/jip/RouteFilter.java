package io.github.netlink4j.examples.jip;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.link.Link;
import io.github.netlink4j.route.Route;
import io.github.netlink4j.route.RouteProtocol;
import io.github.netlink4j.route.RouteScope;
import io.github.netlink4j.route.RouteTable;
import io.github.netlink4j.route.RouteType;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.github.netlink4j.examples.jip.Args.is;
import static io.github.netlink4j.examples.jip.Args.next;

/**
 * The selectors of {@code ip route show|flush} (iproute_list_flush_or_save and filter_nlmsg in ip 6.1):
 * which routes are shown, and which fields the output then leaves out because the selector pinned them
 * ({@code ip route show dev X} does not repeat {@code dev X}).
 */
final class RouteFilter {
    RouteTable table = RouteTable.MAIN; // null: all tables
    boolean cloned;
    RouteProtocol protocol;
    RouteScope scope;
    RouteType type;
    String dev;
    Integer metric;
    Prefix via;
    Prefix src;
    Prefix root;  // routes inside this prefix
    Prefix match; // routes that contain this prefix
    int oif = -1;

    /** Reads the selectors; {@code family} is the -4/-6 option (null: either); {@code help} what {@code table help} prints. */
    static RouteFilter parse(List<String> args, AddressFamily family, String help) {
        RouteFilter f = new RouteFilter();
        while (!args.isEmpty()) {
            String a = args.remove(0);
            if (is(a, "table")) {
                String t = next(args, "table");
                if (t.equals("all")) f.table = null;
                else if (t.equals("cache")) f.cloned = true;
                else if (t.equals("help")) throw Args.usage(help);
                else f.table = value(() -> RouteTable.of(t), "table id value is invalid\n", t);
            } else if (is(a, "cached") || is(a, "cloned")) {
                f.cloned = true;
            } else if (is(a, "protocol")) {
                String p = next(args, "protocol");
                f.protocol = p.equals("all") ? null : value(() -> RouteProtocol.of(p), "invalid \"protocol\"\n", p);
            } else if (is(a, "scope")) {
                String s = next(args, "scope");
                f.scope = s.equals("all") ? null : value(() -> RouteScope.of(s), "invalid \"scope\"\n", s);
            } else if (is(a, "type")) {
                String t = next(args, "type");
                f.type = value(() -> RouteType.of(t), "node type value is invalid\n", t);
            } else if (a.equals("dev") || a.equals("oif")) {
                f.dev = next(args, "dev");
            } else if (is(a, "metric") || is(a, "priority") || a.equals("preference")) {
                String m = next(args, "metric");
                f.metric = (int) value(() -> Long.parseUnsignedLong(m), "\"metric\" value is invalid\n", m).longValue();
            } else if (a.equals("via")) {
                f.via = Prefix.parse(next(args, "via"), family);
            } else if (a.equals("src")) {
                f.src = Prefix.parse(next(args, "src"), family);
            } else if (is(a, "from")) {
                throw new UsageException("jip: selecting routes by \"from\" is not supported", 255);
            } else {
                String p = a;
                if (is(p, "to")) p = next(args, "to");
                if (is(p, "root")) {
                    f.root = Prefix.parse(next(args, "root"), family);
                } else if (is(p, "match")) {
                    f.match = Prefix.parse(next(args, "match"), family);
                } else {
                    if (is(p, "exact")) p = next(args, "exact");
                    f.root = f.match = Prefix.parse(p, family);
                }
            }
        }
        return f;
    }

    private static <T> T value(java.util.function.Supplier<T> p, String error, String arg) {
        try {
            return p.get();
        } catch (RuntimeException e) {
            throw ArgError.invalid(arg, error);
        }
    }

    /** Resolves {@code dev}: ip says "Cannot find device" and exits 1 for a name it cannot find. */
    void resolve(Map<Integer, Link> links) {
        if (dev == null) return;
        for (Link l : links.values()) if (l.name().equals(dev)) oif = l.index();
        if (oif < 0) throw new UsageException("Cannot find device \"" + dev + "\"", 1);
    }

    boolean test(Route r, AddressFamily family) {
        if (family != null && r.family() != family) return false;
        if (cloned != r.isCloned()) return false;
        if (table != null && !r.table().equals(table)) return false;
        if (protocol != null && !r.protocol().equals(protocol)) return false;
        if (scope != null && !r.scope().equals(scope)) return false;
        if (type != null && r.type() != type) return false;
        if (root != null && (!root.familyFits(r.family()) || root.bits() > r.destinationLength()
                || !root.matchesFirst(r.destination(), root.bits()))) return false;
        if (match != null && (!match.familyFits(r.family()) || match.bits() < r.destinationLength()
                || !match.matchesFirst(r.destination(), r.destinationLength()))) return false;
        if (via != null && (via.family() != r.family() || !via.matchesFirst(r.gateway(), via.bits()))) return false;
        if (src != null && (src.family() != r.family() || !src.matchesFirst(r.preferredSource(), src.bits()))) return false;
        if (oif >= 0 && r.outputIndex().orElse(0) != oif) return false;
        return metric == null || r.metric().orElse(0) == metric;
    }

    // What ip leaves out of each line because the selector pinned it (print_route's filter masks).
    boolean showDev() { return dev == null; }
    boolean showProtocol() { return protocol == null; }
    boolean showScope() { return scope == null; }
    boolean showType() { return type == null; }
    boolean showMetric() { return metric == null; }
    boolean showTable() { return table == null; }
    boolean showVia() { return via == null || !via.isHost(); }
    boolean showSrc() { return src == null || !src.isHost(); }

    static Optional<RouteFilter> none() {
        return Optional.empty();
    }
}
