package io.github.netlink4j.examples.jip;

import io.github.netlink4j.json.Json;
import io.github.netlink4j.json.RawNumber;

import io.github.netlink4j.address.Address;
import io.github.netlink4j.link.Link;
import io.github.netlink4j.route.NexthopFlag;
import io.github.netlink4j.route.NexthopGroupType;
import io.github.netlink4j.route.NexthopObject;
import io.github.netlink4j.route.RouteProtocol;
import io.github.netlink4j.route.RouteScope;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** How ip 6.1 prints a nexthop object (ipnexthop.c __print_nexthop_entry): text and JSON together. */
final class NexthopView {
    private final StringBuilder text = new StringBuilder();
    private final Map<String, Object> json = Json.object();

    NexthopView(NexthopObject n, Map<Integer, Link> links, boolean details, Style style) {
        put("id " + n.id() + " ", "id", n.id());
        if (n.isGroup()) {
            text.append("group ");
            List<Object> members = Json.list();
            for (int i = 0; i < n.group().size(); i++) {
                NexthopObject.Member m = n.group().get(i);
                Map<String, Object> o = Json.object();
                if (i > 0) text.append('/');
                text.append(m.id());
                o.put("id", m.id());
                if (m.weight() != 1) {
                    text.append(',').append(m.weight());
                    o.put("weight", m.weight());
                }
                members.add(o);
            }
            text.append(' ');
            json.put("group", members);
        }
        n.groupType().filter(t -> t != NexthopGroupType.MPATH).ifPresent(t -> put("type " + t.text() + " ", "type", t.text()));
        n.resilient().ifPresent(r -> {
            Map<String, Object> o = Json.object();
            text.append("buckets ").append(r.buckets()).append(' ');
            o.put("buckets", r.buckets());
            time(o, "idle_timer", r.idleTimer());
            time(o, "unbalanced_timer", r.unbalancedTimer());
            time(o, "unbalanced_time", r.unbalancedTime());
            json.put("resilient_args", o);
        });
        n.gateway().ifPresent(g -> put("via " + style.address(n.family().orElse(null), Address.format(g) + " "), "gateway", Address.format(g)));
        n.outputIndex().ifPresent(i -> {
            Link l = links.get(i);
            String name = l != null ? l.name() : "if" + i;
            put("dev " + style.ifname(name + " "), "dev", name);
        });
        if (!n.scope().equals(RouteScope.UNIVERSE) || details) put("scope " + style.scope(n.scope()) + " ", "scope", style.scope(n.scope()));
        if (n.blackhole()) put("blackhole ", "blackhole", null);
        if (!n.protocol().equals(RouteProtocol.UNSPEC) || details) put("proto " + style.protocol(n.protocol()) + " ", "protocol", style.protocol(n.protocol()));
        List<Object> flags = Json.list();
        for (String f : flagNames(n.flags())) {
            text.append(f).append(' ');
            flags.add(f);
        }
        json.put("flags", flags);
        if (n.fdb()) put("fdb", "fdb", null);
    }

    /** print_tv's %g of seconds. */
    private void time(Map<String, Object> o, String key, Duration d) {
        double s = d.toMillis() / 1000.0;
        String g = s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s);
        text.append(key).append(' ').append(g).append(' ');
        o.put(key, new RawNumber(g));
    }

    private void put(String t, String key, Object v) {
        text.append(t);
        json.put(key, v);
    }

    String text() {
        return text + "\n";
    }

    Map<String, Object> json() {
        return json;
    }

    /** print_rt_flags' order of the RTNH_F_* flags, which a route's next hops and nexthop objects share. */
    private static final List<NexthopFlag> FLAG_ORDER = List.of(NexthopFlag.DEAD, NexthopFlag.ONLINK, NexthopFlag.PERVASIVE,
            NexthopFlag.OFFLOAD, NexthopFlag.TRAP, NexthopFlag.LINKDOWN, NexthopFlag.UNRESOLVED);

    /** The RTNH_F_* names in {@code f}, in ip's order (print_rt_flags). */
    static List<String> flagNames(java.util.Set<NexthopFlag> f) {
        List<String> out = new ArrayList<>();
        for (NexthopFlag x : FLAG_ORDER) if (f.contains(x)) out.add(x.name().toLowerCase(java.util.Locale.ROOT));
        return out;
    }
}
