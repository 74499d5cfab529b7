package io.github.netlink4j.topology;

import io.github.netlink4j.error.TopologyException;
import io.github.netlink4j.address.AddressSpec;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.route.RouteSpec;
import io.github.netlink4j.route.RuleSpec;
import io.github.netlink4j.tc.QdiscSpec;
import io.github.netlink4j.tc.TrafficClassSpec;
import io.github.netlink4j.tc.filter.FilterSpec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A network topology as an immutable value: namespaces (named, or anonymous and known by a key),
 * links in them (a veth's two ends in different namespaces), addresses, links to bring up, routes,
 * policy rules, and qdiscs, traffic classes and filters (made last, in the order declared, so that a class
 * follows its qdisc, a leaf qdisc its class and a filter the qdisc or class it hangs on and classifies to). {@link #apply} makes it in dependency order and returns a handle whose
 * {@link AppliedTopology#close()} removes what it made, and only that; a failure part-way undoes what
 * was made and throws one {@link TopologyException} naming the step and the kernel's reason.
 * {@link #diff} tells what a live system lacks of it.
 *
 * <p>The seed walkthrough as a value (a method without a namespace acts in the host, the namespace of
 * the client given to {@code apply}; a namespace argument is never null):
 * {@snippet :
 * Topology seed = Topology.builder()
 *         .namespace("direct_netns")
 *         .veth("veth0", "veth1").in("direct_netns")        // veth1 made directly inside direct_netns
 *         .up("direct_netns", "lo")
 *         .address("veth0", "10.200.0.2/24")
 *         .address("direct_netns", "veth1", "10.200.0.3/24")
 *         .up("veth0").up("direct_netns", "veth1")
 *         .qdisc(QdiscSpec.root("veth0", QdiscOptions.tbf(Rate.of("1mbit"), Size.of("32kb"), TcTime.of("400ms"))))
 *         .build();
 * try (AppliedTopology t = seed.apply(nl)) {
 *     NetlinkClient inside = t.client("direct_netns");
 *     …
 * }                                                          // everything it made is gone
 * }
 */
public final class Topology {
    /** A namespace to make: named (a file under /var/run/netns) or anonymous (only a handle, known by its key). */
    record Namespace(String key, boolean named) {}

    /** A link to make in {@code namespace} (null inside this package: the host); for a veth, {@code peerNamespace} holds the second end. */
    record Link(String namespace, LinkSpec spec, String peerNamespace) {}

    /** An address, a link to bring up, a route or a rule, in {@code namespace} (null inside this package: the host). */
    record Item<T>(String namespace, T value) {}

    /** How the records of this package say "the host" (the public methods say it by taking no namespace). */
    static final String HOST = null;

    final List<Namespace> namespaces;
    final List<Link> links;
    final List<Item<AddressSpec>> addresses;
    final List<Item<String>> ups;
    final List<Item<RouteSpec>> routes;
    final List<Item<RuleSpec>> rules;
    /** Qdiscs ({@link QdiscSpec}), classes ({@link TrafficClassSpec}) and filters ({@link FilterSpec}) in the order declared. */
    final List<Item<Object>> tc;

    private Topology(Builder b) {
        namespaces = List.copyOf(b.namespaces.values());
        links = List.copyOf(b.links);
        addresses = List.copyOf(b.addresses);
        ups = List.copyOf(b.ups);
        routes = List.copyOf(b.routes);
        rules = List.copyOf(b.rules);
        tc = List.copyOf(b.tc);
    }

    /** A builder for a topology; its methods read like the steps of a walkthrough. */
    public static Builder builder() {
        return new Builder();
    }

    /** The namespaces the topology makes, by key (the name of a named one). */
    public List<String> namespaceKeys() {
        return namespaces.stream().map(Namespace::key).toList();
    }

    /**
     * Makes the topology with {@code host} as the host namespace; on failure everything made so far is
     * removed again before the {@link TopologyException} is thrown.
     */
    public AppliedTopology apply(NetlinkClient host) throws TopologyException {
        Objects.requireNonNull(host, "host");
        return new Applier(this, host).apply();
    }

    /** Makes the topology with the calling process's own namespace as the host. */
    public AppliedTopology apply() throws TopologyException, IOException {
        NetlinkClient host = NetlinkClient.open();
        try {
            return new Applier(this, host).applyOwning();
        } catch (TopologyException | RuntimeException e) {
            host.close();
            throw e;
        }
    }

    /**
     * What a live system lacks of this topology, seen from {@code host} and the namespaces of
     * {@code applied} (null: named namespaces are opened by name, anonymous ones cannot be seen): a
     * missing namespace, link, address, route, rule, qdisc, class or filter, or a link that should be up and is not. Empty
     * when everything is there.
     */
    public List<Difference> diff(NetlinkClient host, AppliedTopology applied) throws IOException {
        return new Differ(this, host, applied).diff();
    }

    /**
     * What the topology makes, in counts: {@code Topology[2 namespaces (direct_netns, peer), 2 links,
     * 3 addresses, 4 links up, 1 route, 0 rules]}.
     */
    @Override
    public String toString() {
        return "Topology[" + summary() + "]";
    }

    String summary() {
        long filters = tc.stream().filter(i -> i.value() instanceof FilterSpec).count();
        int qdiscsAndClasses = tc.size() - (int) filters;
        return count(namespaces.size(), "namespace") + (namespaces.isEmpty() ? "" : " (" + String.join(", ", namespaceKeys()) + ")")
                + ", " + count(links.size(), "link") + ", " + count(addresses.size(), "address") + ", "
                + count(ups.size(), "link") + " up, " + count(routes.size(), "route") + ", " + count(rules.size(), "rule")
                + (qdiscsAndClasses == 0 ? "" : ", " + count(qdiscsAndClasses, "qdisc or class", "qdiscs and classes"))
                + (filters == 0 ? "" : ", " + count(filters, "filter"));
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static String count(long n, String what) {
        return n + " " + what + (n == 1 ? "" : what.endsWith("s") ? "es" : "s");
    }

    /** Builds a {@link Topology}; every method returns the builder. */
    public static final class Builder {
        private final Map<String, Namespace> namespaces = new LinkedHashMap<>();
        private final List<Link> links = new ArrayList<>();
        private final List<Item<AddressSpec>> addresses = new ArrayList<>();
        private final List<Item<String>> ups = new ArrayList<>();
        private final List<Item<RouteSpec>> routes = new ArrayList<>();
        private final List<Item<RuleSpec>> rules = new ArrayList<>();
        private final List<Item<Object>> tc = new ArrayList<>();
        private Link last;

        private Builder() {}

        /** A named namespace ({@code ip netns add NAME}). */
        public Builder namespace(String name) {
            io.github.netlink4j.NetNamespace.validateName(name);
            put(new Namespace(name, true));
            return this;
        }

        /** An anonymous namespace, referred to as {@code key} in this topology and in {@link AppliedTopology#namespace}. */
        public Builder anonymousNamespace(String key) {
            put(new Namespace(key, false));
            return this;
        }

        private void put(Namespace n) {
            if (namespaces.putIfAbsent(n.key(), n) != null) throw new IllegalArgumentException("namespace " + n.key() + " twice");
        }

        private void known(String ns) {
            Objects.requireNonNull(ns, "namespace (the host's methods take none)");
            if (!namespaces.containsKey(ns)) throw new IllegalArgumentException("no namespace " + ns + " declared before");
        }

        /** A veth pair in the host; {@link #in} puts its second end in a namespace. */
        public Builder veth(String name, String peer) {
            return link(LinkSpec.veth(name, peer));
        }

        /** A link of any kind in the host. */
        public Builder link(LinkSpec spec) {
            return addLink(HOST, spec);
        }

        /** A link of any kind in namespace {@code ns}. */
        public Builder link(String ns, LinkSpec spec) {
            known(ns);
            return addLink(ns, spec);
        }

        private Builder addLink(String ns, LinkSpec spec) {
            Objects.requireNonNull(spec, "spec");
            last = new Link(ns, spec, null);
            links.add(last);
            return this;
        }

        /**
         * Puts the link just declared in {@code ns}: for a veth its second end (made directly there, the
         * peer never appears in the first end's namespace), for any other kind the link itself.
         */
        public Builder in(String ns) {
            known(ns);
            if (last == null) throw new IllegalStateException("in(" + ns + ") follows a link");
            Link moved = last.spec() instanceof LinkSpec.Veth ? new Link(last.namespace(), last.spec(), ns) : new Link(ns, last.spec(), null);
            links.set(links.size() - 1, moved);
            last = moved;
            return this;
        }

        /** An address on a host link: {@code ip addr add CIDR dev LINK}. */
        public Builder address(String link, String cidr) {
            return address(AddressSpec.of(link, cidr));
        }

        /** An address of any shape (peer, broadcast, label, flags) on a host link. */
        public Builder address(AddressSpec spec) {
            addresses.add(new Item<>(HOST, Objects.requireNonNull(spec)));
            return this;
        }

        /** An address on a link in namespace {@code ns}. */
        public Builder address(String ns, String link, String cidr) {
            known(ns);
            addresses.add(new Item<>(ns, AddressSpec.of(link, cidr)));
            return this;
        }

        /** An address of any shape (peer, broadcast, label, flags) in namespace {@code ns}. */
        public Builder address(String ns, AddressSpec spec) {
            known(ns);
            addresses.add(new Item<>(ns, Objects.requireNonNull(spec)));
            return this;
        }

        /** Brings host link {@code link} up. */
        public Builder up(String link) {
            ups.add(new Item<>(HOST, Objects.requireNonNull(link)));
            return this;
        }

        /** Brings link {@code link} of namespace {@code ns} up ({@code lo} included). */
        public Builder up(String ns, String link) {
            known(ns);
            ups.add(new Item<>(ns, link));
            return this;
        }

        /** A route in the host. */
        public Builder route(RouteSpec spec) {
            routes.add(new Item<>(HOST, Objects.requireNonNull(spec)));
            return this;
        }

        /** A route in namespace {@code ns}. */
        public Builder route(String ns, RouteSpec spec) {
            known(ns);
            routes.add(new Item<>(ns, Objects.requireNonNull(spec)));
            return this;
        }

        /** A policy rule in the host. */
        public Builder rule(RuleSpec spec) {
            rules.add(new Item<>(HOST, Objects.requireNonNull(spec)));
            return this;
        }

        /** A policy rule in namespace {@code ns}. */
        public Builder rule(String ns, RuleSpec spec) {
            known(ns);
            rules.add(new Item<>(ns, Objects.requireNonNull(spec)));
            return this;
        }

        /** A qdisc on a host link ({@code tc qdisc add}), made after the links, addresses, routes and rules. */
        public Builder qdisc(QdiscSpec spec) {
            tc.add(new Item<>(HOST, Objects.requireNonNull(spec, "spec")));
            return this;
        }

        /** A qdisc on a link of namespace {@code ns}. */
        public Builder qdisc(String ns, QdiscSpec spec) {
            known(ns);
            tc.add(new Item<>(ns, Objects.requireNonNull(spec, "spec")));
            return this;
        }

        /** A traffic class on a host link ({@code tc class add}), made after the qdiscs and classes declared before it. */
        public Builder trafficClass(TrafficClassSpec spec) {
            tc.add(new Item<>(HOST, Objects.requireNonNull(spec, "spec")));
            return this;
        }

        /** A traffic class on a link of namespace {@code ns}. */
        public Builder trafficClass(String ns, TrafficClassSpec spec) {
            known(ns);
            tc.add(new Item<>(ns, Objects.requireNonNull(spec, "spec")));
            return this;
        }

        /**
         * A filter on a host link ({@code tc filter add}), made after the qdiscs and classes declared before
         * it; its parent and the class it classifies to are declared before it or exist already.
         */
        public Builder filter(FilterSpec spec) {
            tc.add(new Item<>(HOST, Objects.requireNonNull(spec, "spec")));
            return this;
        }

        /** A filter on a link of namespace {@code ns}. */
        public Builder filter(String ns, FilterSpec spec) {
            known(ns);
            tc.add(new Item<>(ns, Objects.requireNonNull(spec, "spec")));
            return this;
        }

        /** The topology. */
        public Topology build() {
            return new Topology(this);
        }
    }
}
