package io.github.netlink4j.examples.jip;

import io.github.netlink4j.Link;
import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.Route;
import io.github.netlink4j.RouteScope;
import io.github.netlink4j.RouteSpec;
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
        Integer table = 254; // null: all
        while (!args.isEmpty()) {
            String a = args.remove(0);
            if (a.equals("table")) {
                String t = next(args, "table");
                table = switch (t) {
                    case "all" -> null;
                    case "main" -> 254;
                    case "local" -> 255;
                    case "default" -> 253;
                    default -> number(t, "invalid table ID");
                };
            } else {
                throw usage("Garbage instead of arguments \"" + a + " ...\".");
            }
        }
        Map<Integer, Link> links = LinkCommand.index(nl.links().list());
        List<Route> routes = nl.routes().list(jip.family == 6 ? 6 : 4);
        boolean showTable = table == null; // ip names the table only when listing all of them
        List<Object> json = JsonOut.list();
        for (Route r : routes) {
            if (table != null && r.table() != table) continue;
            if (r.family() == 10 && r.type() == RouteType.UNREACHABLE && r.table() == 0 && r.destinationLength() == 0) continue;
            if ((r.flags() & 0x200) != 0) continue; // RTM_F_CLONED: cache entries, hidden like ip does
            if (jip.json) json.add(RouteView.json(r, links, showTable));
            else jip.out.print(RouteView.text(r, links, showTable));
        }
        if (jip.json) jip.out.println(JsonOut.write(json));
        return 0;
    }

    @Override
    int modify(List<String> args, Op op) throws IOException {
        RouteType type = RouteType.UNICAST;
        String dst = null, dev = null;
        InetAddress via = null, src = null;
        Integer metric = null, table = null, proto = null;
        RouteScope scope = null;
        while (!args.isEmpty()) {
            String a = args.remove(0);
            switch (a) {
                case "via" -> via = InetAddress.ofLiteral(next(args, "via"));
                case "dev", "oif" -> dev = next(args, "dev");
                case "src" -> src = InetAddress.ofLiteral(next(args, "src"));
                case "metric", "priority", "preference" -> metric = number(next(args, "metric"), "\"metric\" value is invalid");
                case "table" -> table = number(next(args, "table"), "\"table\" value is invalid");
                case "proto", "protocol" -> {
                    String p = next(args, "proto");
                    proto = switch (p) {
                        case "kernel" -> 2;
                        case "boot" -> 3;
                        case "static" -> 4;
                        default -> number(p, "\"protocol\" value is invalid");
                    };
                }
                case "scope" -> scope = switch (next(args, "scope")) {
                    case "global", "universe" -> RouteScope.UNIVERSE;
                    case "link" -> RouteScope.LINK;
                    case "host" -> RouteScope.HOST;
                    case "site" -> RouteScope.SITE;
                    default -> throw usage("Error: argument is wrong: invalid \"scope\" value");
                };
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
            s = via != null ? RouteSpec.defaultVia(via) : (jip.family == 6 ? RouteSpec.defaultRoute6() : RouteSpec.to("default"));
        } else {
            s = RouteSpec.to(dst);
            if (via != null) s = s.via(via);
        }
        if (type != RouteType.UNICAST) s = s.withType(type);
        if (dev != null) s = s.dev(dev);
        if (src != null) s = s.withSource(src);
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
