package io.github.netlink4j.examples.jip;

import io.github.netlink4j.Address;
import io.github.netlink4j.Link;
import io.github.netlink4j.NextHop;
import io.github.netlink4j.Route;
import io.github.netlink4j.RouteScope;
import io.github.netlink4j.RouteType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** How iproute2 6.1 prints a route (iproute.c print_route). */
final class RouteView {
    private static final int RTNH_F_DEAD = 1, RTNH_F_PERVASIVE = 2, RTNH_F_ONLINK = 4, RTNH_F_OFFLOAD = 8,
            RTNH_F_LINKDOWN = 16, RTNH_F_UNRESOLVED = 32, RTNH_F_TRAP = 64;

    private RouteView() {}

    static String proto(int p) {
        return switch (p) {
            case 0 -> "unspec";
            case 1 -> "redirect";
            case 2 -> "kernel";
            case 3 -> "boot";
            case 4 -> "static";
            case 8 -> "gated";
            case 9 -> "ra";
            case 10 -> "mrt";
            case 11 -> "zebra";
            case 12 -> "bird";
            case 16 -> "dhcp";
            case 42 -> "babel";
            case 186 -> "bgp";
            case 187 -> "isis";
            case 188 -> "ospf";
            case 189 -> "rip";
            default -> String.valueOf(p);
        };
    }

    static String table(int t) {
        return switch (t) {
            case 253 -> "default";
            case 254 -> "main";
            case 255 -> "local";
            default -> String.valueOf(t);
        };
    }

    static String scope(RouteScope s) {
        return switch (s) {
            case UNIVERSE -> "global";
            case SITE -> "site";
            case LINK -> "link";
            case HOST -> "host";
            case NOWHERE -> "nowhere";
        };
    }

    static String dst(Route r) {
        return r.destination().isEmpty() && r.destinationLength() == 0 ? "default" : r.destinationText();
    }

    static List<String> flags(int f) {
        List<String> out = new ArrayList<>();
        if ((f & RTNH_F_DEAD) != 0) out.add("dead");
        if ((f & RTNH_F_ONLINK) != 0) out.add("onlink");
        if ((f & RTNH_F_PERVASIVE) != 0) out.add("pervasive");
        if ((f & RTNH_F_OFFLOAD) != 0) out.add("offload");
        if ((f & RTNH_F_TRAP) != 0) out.add("trap");
        if ((f & RTNH_F_LINKDOWN) != 0) out.add("linkdown");
        if ((f & RTNH_F_UNRESOLVED) != 0) out.add("unresolved");
        return out;
    }

    static String pref(int p) {
        return switch (p) {
            case 0 -> "medium";
            case 1 -> "high";
            case 3 -> "low";
            default -> String.valueOf(p);
        };
    }

    private static String dev(Map<Integer, Link> links, int index) {
        Link l = links.get(index);
        return l != null ? l.name() : "if" + index;
    }

    /** The route's line as {@code ip route show} prints it; {@code showTable} when not listing main only. */
    static String text(Route r, Map<Integer, Link> links, boolean showTable) {
        StringBuilder sb = new StringBuilder();
        if (r.type() != RouteType.UNICAST) sb.append(r.type().name().toLowerCase()).append(' ');
        sb.append(dst(r)).append(' ');
        r.gateway().ifPresent(g -> sb.append("via ").append(Address.format(g)).append(' '));
        if (r.outputIndex().isPresent()) sb.append("dev ").append(dev(links, r.outputIndex().getAsInt())).append(' ');
        if (showTable && r.table() != 254) sb.append("table ").append(table(r.table())).append(' ');
        if (r.protocol() != 3) sb.append("proto ").append(proto(r.protocol())).append(' ');
        if (r.scope() != RouteScope.UNIVERSE) sb.append("scope ").append(scope(r.scope())).append(' ');
        r.preferredSource().ifPresent(s -> sb.append("src ").append(Address.format(s)).append(' '));
        if (r.priority().isPresent()) sb.append("metric ").append(r.priority().getAsInt()).append(' ');
        for (String f : flags(r.flags())) sb.append(f).append(' ');
        for (NextHop h : r.multipath()) {
            sb.append("\n\tnexthop ");
            h.gateway().ifPresent(g -> sb.append("via ").append(Address.format(g)).append(' '));
            sb.append("dev ").append(dev(links, h.index())).append(' ');
            sb.append("weight ").append(h.weight()).append(' ');
            for (String f : flags(h.flags())) sb.append(f).append(' ');
        }
        if (r.preference().isPresent()) sb.append("pref ").append(pref(r.preference().getAsInt()));
        return sb.append('\n').toString();
    }

    static Map<String, Object> json(Route r, Map<Integer, Link> links, boolean showTable) {
        Map<String, Object> o = JsonOut.object();
        if (r.type() != RouteType.UNICAST) o.put("type", r.type().name().toLowerCase());
        o.put("dst", dst(r));
        r.gateway().ifPresent(g -> o.put("gateway", Address.format(g)));
        if (r.outputIndex().isPresent()) o.put("dev", dev(links, r.outputIndex().getAsInt()));
        if (showTable && r.table() != 254) o.put("table", table(r.table()));
        if (r.protocol() != 3) o.put("protocol", proto(r.protocol()));
        if (r.scope() != RouteScope.UNIVERSE) o.put("scope", scope(r.scope()));
        r.preferredSource().ifPresent(s -> o.put("prefsrc", Address.format(s)));
        if (r.priority().isPresent()) o.put("metric", r.priority().getAsInt());
        o.put("flags", new ArrayList<Object>(flags(r.flags())));
        if (!r.multipath().isEmpty()) {
            List<Object> hops = new ArrayList<>();
            for (NextHop h : r.multipath()) {
                Map<String, Object> n = JsonOut.object();
                h.gateway().ifPresent(g -> n.put("gateway", Address.format(g)));
                n.put("dev", dev(links, h.index()));
                n.put("weight", h.weight());
                n.put("flags", new ArrayList<Object>(flags(h.flags())));
                hops.add(n);
            }
            o.put("nexthops", hops);
        }
        if (r.preference().isPresent()) o.put("pref", pref(r.preference().getAsInt()));
        return o;
    }
}
