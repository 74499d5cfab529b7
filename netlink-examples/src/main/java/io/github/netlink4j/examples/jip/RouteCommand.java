package io.github.netlink4j.examples.jip;

import io.github.netlink4j.AddressFamily;
import io.github.netlink4j.Link;
import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.Route;
import io.github.netlink4j.RouteProtocol;
import io.github.netlink4j.RouteScope;
import io.github.netlink4j.RouteSpec;
import io.github.netlink4j.RouteTable;
import io.github.netlink4j.RouteType;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;

import static io.github.netlink4j.examples.jip.Jip.next;
import static io.github.netlink4j.examples.jip.Jip.number;
import static io.github.netlink4j.examples.jip.Jip.usage;

/** {@code jip route ...}. */
final class RouteCommand extends ObjectCommand {
    RouteCommand(Jip jip, NetlinkClient nl) {
        super(jip, nl, "route");
    }


    @Override
    int show(List<String> args) throws IOException {
        RouteTable table = RouteTable.MAIN; // null: all
        while (!args.isEmpty()) {
            String a = args.remove(0);
            if (a.equals("table")) {
                String t = next(args, "table");
                table = t.equals("all") ? null : parse(() -> RouteTable.parse(t), "invalid table ID");
            } else {
                throw usage("Garbage instead of arguments \"" + a + " ...\".");
            }
        }
        Map<Integer, Link> links = LinkCommand.index(nl.links().list());
        List<Route> routes = nl.routes().list(jip.family == AddressFamily.INET6 ? AddressFamily.INET6 : AddressFamily.INET);
        boolean showTable = table == null; // ip names the table only when listing all of them
        List<Object> json = JsonOut.list();
        for (Route r : routes) {
            if (table != null && !r.table().equals(table)) continue;
            if (r.family() == AddressFamily.INET6 && r.type() == RouteType.UNREACHABLE && r.table().equals(RouteTable.UNSPEC)
                    && r.destinationLength() == 0) continue;
            if (r.isCloned()) continue; // cache entries, hidden like ip does
            RouteView v = new RouteView(r, links, showTable);
            if (jip.json) json.add(v.json());
            else jip.out.print(v.text());
        }
        if (jip.json) jip.out.println(JsonOut.write(json));
        return 0;
    }

    /** A value of ip's vocabulary, or ip's usage error {@code error}. */
    private static <T> T parse(java.util.function.Supplier<T> p, String error) {
        try {
            return p.get();
        } catch (IllegalArgumentException e) {
            throw usage(error);
        }
    }

    @Override
    int modify(List<String> args, Op op) throws IOException {
        RouteType type = RouteType.UNICAST;
        String dst = null, dev = null;
        InetAddress via = null, src = null;
        Integer metric = null;
        RouteTable table = null;
        RouteProtocol proto = null;
        RouteScope scope = null;
        while (!args.isEmpty()) {
            String a = args.remove(0);
            switch (a) {
                case "via" -> via = InetAddress.ofLiteral(next(args, "via"));
                case "dev", "oif" -> dev = next(args, "dev");
                case "src" -> src = InetAddress.ofLiteral(next(args, "src"));
                case "metric", "priority", "preference" -> metric = number(next(args, "metric"), "\"metric\" value is invalid");
                case "table" -> {
                    String t = next(args, "table");
                    table = parse(() -> RouteTable.parse(t), "\"table\" value is invalid");
                }
                case "proto", "protocol" -> {
                    String p = next(args, "proto");
                    proto = parse(() -> RouteProtocol.parse(p), "\"protocol\" value is invalid");
                }
                case "scope" -> {
                    String sc = next(args, "scope");
                    scope = parse(() -> RouteScope.parse(sc), "Error: argument is wrong: invalid \"scope\" value");
                }
                case "unicast", "local", "broadcast", "anycast", "multicast", "blackhole", "unreachable", "prohibit", "throw", "nat" -> {
                    if (dst == null && type == RouteType.UNICAST) type = RouteType.valueOf(a.toUpperCase());
                    else throw usage("Garbage instead of arguments \"" + a + " ...\".");
                }
                default -> {
                    if (dst != null) throw usage("Error: either \"to\" is duplicate, or \"" + a + "\" is a garbage.");
                    dst = a.equals("to") ? next(args, "to") : a;
                }
            }
        }
        if (dst == null) throw usage("Not enough information: destination is required.");
        RouteSpec s;
        if (dst.equals("default")) {
            s = via != null ? RouteSpec.defaultVia(via) : RouteSpec.defaultRoute(jip.family == AddressFamily.INET6 ? AddressFamily.INET6 : AddressFamily.INET);
        } else {
            s = RouteSpec.to(dst);
            if (via != null) s = s.withGateway(via);
        }
        if (type != RouteType.UNICAST) s = s.withType(type);
        if (dev != null) s = s.withLink(dev);
        if (src != null) s = s.withPreferredSource(src);
        if (metric != null) s = s.withMetric(metric);
        if (table != null) s = s.withTable(table);
        if (proto != null) s = s.withProtocol(proto);
        if (scope != null) s = s.withScope(scope);
        switch (op) {
            case ADD -> nl.routes().add(s);
            case REPLACE -> nl.routes().replace(s);
            case DELETE -> nl.routes().delete(s);
        }
        return 0;
    }
}
