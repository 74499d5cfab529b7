package io.github.netlink4j.topology;

import io.github.netlink4j.address.AddressSpec;
import io.github.netlink4j.link.Link;
import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.route.Route;
import io.github.netlink4j.route.RouteSpec;
import io.github.netlink4j.route.RouteTable;
import io.github.netlink4j.route.Rule;
import io.github.netlink4j.route.RuleSpec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Compares a {@link Topology} with a live system, namespace by namespace. */
final class Differ {
    private final Topology t;
    private final NetlinkClient host;
    private final AppliedTopology applied;
    private final Map<String, NetlinkClient> opened = new HashMap<>();
    private final List<Difference> out = new ArrayList<>();

    Differ(Topology t, NetlinkClient host, AppliedTopology applied) {
        this.t = t;
        this.host = host;
        this.applied = applied;
    }

    /** The client for {@code ns}, or null when the namespace cannot be seen (it is reported once). */
    private NetlinkClient client(String ns) throws IOException {
        if (ns == null) return host;
        if (applied != null) return applied.client(ns);
        if (opened.containsKey(ns)) return opened.get(ns);
        NetlinkClient c = null;
        boolean named = t.namespaces.stream().anyMatch(n -> n.key().equals(ns) && n.named());
        if (named && NetNamespace.exists(ns)) {
            try (NetNamespace handle = NetNamespace.open(ns)) {
                c = NetlinkClient.open(handle);
            }
        }
        opened.put(ns, c);
        return c;
    }

    private static String where(String ns) {
        return ns == null ? "host" : ns;
    }

    List<Difference> diff() throws IOException {
        try {
            for (Topology.Namespace n : t.namespaces) {
                if (client(n.key()) == null) out.add(new Difference(n.key(), "namespace", n.key()));
            }
            for (Topology.Link l : t.links) {
                link(l.namespace(), l.spec());
                if (l.peerNamespace() != null) {
                    io.github.netlink4j.link.LinkSpec.Veth v = (io.github.netlink4j.link.LinkSpec.Veth) l.spec();
                    link(l.peerNamespace(), io.github.netlink4j.link.LinkSpec.veth(v.peerName(), v.name()));
                }
            }
            for (Topology.Item<AddressSpec> a : t.addresses) {
                NetlinkClient c = client(a.namespace());
                if (c == null) continue;
                AddressSpec s = a.value();
                // list(link) holds the addresses of that one link, so every index is named s.link()
                boolean there = c.links().find(s.link()).isPresent() && c.addresses().list(s.link()).stream()
                        .anyMatch(x -> s.matches(x, i -> s.link()));
                if (!there) out.add(new Difference(where(a.namespace()), "address", s.address().getHostAddress() + "/" + s.prefixLength() + " on " + s.link()));
            }
            for (Topology.Item<String> u : t.ups) {
                NetlinkClient c = client(u.namespace());
                if (c == null) continue;
                Optional<Link> l = c.links().find(u.value());
                if (l.isEmpty() || !l.get().isUp()) out.add(new Difference(where(u.namespace()), "up", u.value()));
            }
            for (Topology.Item<RouteSpec> r : t.routes) {
                NetlinkClient c = client(r.namespace());
                if (c == null) continue;
                RouteSpec s = r.value();
                RouteTable table = s.table().orElse(RouteTable.MAIN);
                boolean there = c.routes().list(s.family(), table).stream().anyMatch(s::matches);
                if (!there) out.add(new Difference(where(r.namespace()), "route", s.destinationText()));
            }
            for (Topology.Item<RuleSpec> r : t.rules) {
                NetlinkClient c = client(r.namespace());
                if (c == null) continue;
                RuleSpec s = r.value();
                boolean there = c.rules().list(s.family()).stream().anyMatch(s::matches);
                if (!there) out.add(new Difference(where(r.namespace()), "rule", s.priority().isPresent()
                        ? "priority " + s.priority().getAsLong() : s.toString()));
            }
            for (Topology.Item<Object> item : t.tc) {
                NetlinkClient c = client(item.namespace());
                if (c == null) continue;
                if (item.value() instanceof io.github.netlink4j.tc.QdiscSpec q) {
                    boolean there = c.links().find(q.link()).isPresent() && c.qdiscs().list(q.link()).stream().anyMatch(x -> q.matches(x, i -> q.link()));
                    if (!there) out.add(new Difference(where(item.namespace()), "qdisc", q.kind() + " at " + q.parent() + " of " + q.link()));
                } else if (item.value() instanceof io.github.netlink4j.tc.filter.FilterSpec f) {
                    if (!filterThere(c, f)) out.add(new Difference(where(item.namespace()), "filter", f.kind() + " at " + f.parent() + " of " + f.link()));
                } else {
                    io.github.netlink4j.tc.TrafficClassSpec k = (io.github.netlink4j.tc.TrafficClassSpec) item.value();
                    boolean there = c.links().find(k.link()).isPresent()
                            && c.trafficClasses().find(k.link(), k.classid()).filter(x -> k.matches(x, i -> k.link())).isPresent();
                    if (!there) out.add(new Difference(where(item.namespace()), "class", k.kind() + " " + k.classid() + " of " + k.link()));
                }
            }
        } finally {
            for (NetlinkClient c : opened.values()) if (c != null) c.close();
        }
        return List.copyOf(out);
    }

    private static boolean filterThere(NetlinkClient c, io.github.netlink4j.tc.filter.FilterSpec f) throws IOException {
        if (c.links().find(f.link()).isEmpty()) return false;
        try {
            return c.filters().list(f.link(), f.parent()).stream().anyMatch(x -> f.matches(x, i -> f.link()));
        } catch (io.github.netlink4j.error.NotFoundException parentGone) {
            return false;
        }
    }

    private void link(String ns, io.github.netlink4j.link.LinkSpec spec) throws IOException {
        NetlinkClient c = client(ns);
        if (c == null) return;
        // a link of that name but another kind is not the one the topology names
        if (c.links().find(spec.name()).filter(spec::matches).isEmpty()) {
            out.add(new Difference(where(ns), "link", spec.name() + " (" + spec.kind() + ")"));
        }
    }
}
