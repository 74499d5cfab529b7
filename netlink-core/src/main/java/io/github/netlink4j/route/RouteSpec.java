package io.github.netlink4j.route;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.support.IpText;
import io.github.netlink4j.support.Validate;


import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A route to add, replace or delete (RTM_NEWROUTE/RTM_DELROUTE): {@code ip route add [TYPE]
 * PREFIX|default [via GW] [dev LINK] [src ADDR] [metric N] [table T] [proto P] [scope S] [nexthop …]}.
 *
 * {@snippet :
 * RouteSpec r = RouteSpec.defaultVia(InetAddress.ofLiteral("10.200.0.1"));          // ip route add default via 10.200.0.1
 * RouteSpec b = RouteSpec.to("10.200.9.0/24").withType(RouteType.BLACKHOLE);        // ip route add blackhole 10.200.9.0/24
 * RouteSpec t = RouteSpec.to("10.200.1.0/24").withLink("veth0").withTable(RouteTable.of(100));
 * }
 *
 * @param family            the route's family
 * @param destination       the destination network (empty for default)
 * @param destinationLength its prefix length
 * @param gateway           RTA_GATEWAY
 * @param link              the output link's name (RTA_OIF)
 * @param preferredSource   RTA_PREFSRC
 * @param metric            RTA_PRIORITY, 0 to 4294967295
 * @param table             the table; main if empty
 * @param protocol          rtm_protocol; boot if empty, as ip uses
 * @param scope             the scope; derived as ip derives it if empty
 * @param type              unicast, blackhole, unreachable, prohibit, local, …
 * @param multipath         next hops of an ECMP route
 * @param nexthopId         RTA_NH_ID: the nexthop object the route uses ({@code nhid N}) instead of via, dev or
 *                          multipath, 1 to 4294967295
 */
public record RouteSpec(AddressFamily family, Optional<InetAddress> destination, int destinationLength,
                        Optional<InetAddress> gateway, Optional<String> link, Optional<InetAddress> preferredSource,
                        OptionalLong metric, Optional<RouteTable> table, Optional<RouteProtocol> protocol,
                        Optional<RouteScope> scope, RouteType type, List<NexthopSpec> multipath, OptionalLong nexthopId) {
    /** Validates before anything is sent. */
    public RouteSpec {
        if (family != AddressFamily.INET && family != AddressFamily.INET6) throw new IllegalArgumentException("a route's family is INET or INET6, not " + family);
        destination.ifPresent(d -> {
            if (AddressFamily.of(d) != family) throw new IllegalArgumentException("destination " + IpText.text(d) + " is not of the route's family");
            Validate.prefix(d, destinationLength);
        });
        if (destination.isEmpty() && destinationLength != 0) throw new IllegalArgumentException("default route has prefix length 0");
        gateway.ifPresent(g -> {
            if (AddressFamily.of(g) != family) throw new IllegalArgumentException("gateway " + IpText.text(g) + " is not of the route's family");
        });
        preferredSource.ifPresent(s -> {
            if (AddressFamily.of(s) != family) throw new IllegalArgumentException("source " + IpText.text(s) + " is not of the route's family");
        });
        link.ifPresent(Validate::ifName);
        Validate.u32("metric", metric);
        Validate.u32("nexthop id", nexthopId);
        if (nexthopId.isPresent() && nexthopId.getAsLong() == 0) throw new IllegalArgumentException("nexthop id 0 names no nexthop object");
        if (table.isPresent() && table.get().equals(RouteTable.UNSPEC)) throw new IllegalArgumentException("a route goes in a table from 1 up, not table 0");
        Objects.requireNonNull(protocol);
        Objects.requireNonNull(scope);
        Objects.requireNonNull(type);
        multipath = List.copyOf(multipath);
        for (NexthopSpec h : multipath) {
            h.gateway().ifPresent(g -> {
                if (AddressFamily.of(g) != family) throw new IllegalArgumentException("nexthop gateway " + IpText.text(g) + " is not of the route's family");
            });
        }
        if (!multipath.isEmpty() && (gateway.isPresent() || link.isPresent())) {
            throw new IllegalArgumentException("a multipath route gives gateways and links per next hop");
        }
        Objects.requireNonNull(nexthopId);
        if (nexthopId.isPresent() && (gateway.isPresent() || link.isPresent() || !multipath.isEmpty())) {
            throw new IllegalArgumentException("a route through a nexthop object (nhid) takes no via, dev or nexthop list of its own");
        }
    }

    /** The same route through nexthop object {@code id} (RTA_NH_ID, {@code nhid ID}). */
    public RouteSpec withNexthopId(long id) {
        return new RouteSpec(family, destination, destinationLength, gateway, link, preferredSource, metric, table, protocol, scope, type,
                multipath, OptionalLong.of(id));
    }

    private static RouteSpec plain(AddressFamily family, Optional<InetAddress> destination, int length, Optional<InetAddress> gateway) {
        return new RouteSpec(family, destination, length, gateway, Optional.empty(), Optional.empty(), OptionalLong.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), RouteType.UNICAST, List.of(), OptionalLong.empty());
    }

    /**
     * A unicast route to {@code cidr}: {@code "10.200.1.0/24"}, {@code "fd00:200::/64"}, or
     * {@code "default"} (the IPv4 default route; {@link #defaultRoute} for either family). A prefix with
     * host bits set ({@code "10.200.1.1/24"}) is refused, as ip refuses it ("Invalid prefix for given
     * prefix length"), rather than silently cleared.
     *
     * @throws IllegalArgumentException for text {@link io.github.netlink4j.common.IpPrefix#ofNetwork} refuses
     */
    public static RouteSpec to(String cidr) {
        if (cidr.equals("default")) return defaultRoute(AddressFamily.INET);
        return to(io.github.netlink4j.common.IpPrefix.ofNetwork(cidr));
    }

    /** A unicast route to {@code prefix}, whose host bits must be zero. */
    public static RouteSpec to(io.github.netlink4j.common.IpPrefix prefix) {
        if (!prefix.isNetwork()) throw new IllegalArgumentException("Invalid prefix for given prefix length: " + prefix.address().getHostAddress() + "/" + prefix.length());
        if (prefix.length() == 0) return defaultRoute(prefix.family());
        return plain(prefix.family(), Optional.of(prefix.address()), prefix.length(), Optional.empty());
    }

    /** The default route of {@code family} ({@code ip [-6] route add default …}). */
    public static RouteSpec defaultRoute(AddressFamily family) {
        return plain(family, Optional.empty(), 0, Optional.empty());
    }

    /** {@code default via GATEWAY}, in the gateway's family. */
    public static RouteSpec defaultVia(InetAddress gateway) {
        return plain(AddressFamily.of(gateway), Optional.empty(), 0, Optional.of(gateway));
    }

    /** A copy routed via {@code gateway} (RTA_GATEWAY). */
    public RouteSpec withGateway(InetAddress gateway) {
        return new RouteSpec(family, destination, destinationLength, Optional.of(gateway), link, preferredSource, metric, table, protocol, scope, type, multipath, nexthopId);
    }

    /** A copy going out of link {@code name} (RTA_OIF). */
    public RouteSpec withLink(String name) {
        return new RouteSpec(family, destination, destinationLength, gateway, Optional.of(name), preferredSource, metric, table, protocol, scope, type, multipath, nexthopId);
    }

    /** A copy with {@code source} set (RTA_PREFSRC). */
    public RouteSpec withPreferredSource(InetAddress source) {
        return new RouteSpec(family, destination, destinationLength, gateway, link, Optional.of(source), metric, table, protocol, scope, type, multipath, nexthopId);
    }

    /** A copy with {@code metric} set (RTA_PRIORITY). */
    public RouteSpec withMetric(long m) {
        return new RouteSpec(family, destination, destinationLength, gateway, link, preferredSource, OptionalLong.of(m), table, protocol, scope, type, multipath, nexthopId);
    }

    /** A copy in table {@code t}. */
    public RouteSpec withTable(RouteTable t) {
        return new RouteSpec(family, destination, destinationLength, gateway, link, preferredSource, metric, Optional.of(t), protocol, scope, type, multipath, nexthopId);
    }

    /** A copy with {@code protocol} set. */
    public RouteSpec withProtocol(RouteProtocol p) {
        return new RouteSpec(family, destination, destinationLength, gateway, link, preferredSource, metric, table, Optional.of(p), scope, type, multipath, nexthopId);
    }

    /** A copy with {@code scope} set. */
    public RouteSpec withScope(RouteScope s) {
        return new RouteSpec(family, destination, destinationLength, gateway, link, preferredSource, metric, table, protocol, Optional.of(s), type, multipath, nexthopId);
    }

    /** A copy with {@code type} set. */
    public RouteSpec withType(RouteType t) {
        return new RouteSpec(family, destination, destinationLength, gateway, link, preferredSource, metric, table, protocol, scope, t, multipath, nexthopId);
    }

    /** A copy with {@code hops} as its next hops (an ECMP route). */
    public RouteSpec withNexthops(List<NexthopSpec> hops) {
        return new RouteSpec(family, destination, destinationLength, gateway, link, preferredSource, metric, table, protocol, scope, type, hops, nexthopId);
    }

    /** {@code default} or {@code dst/len}, as ip prints it. */
    public String destinationText() {
        return destination.map(d -> IpText.text(d) + "/" + destinationLength).orElse("default");
    }

    /**
     * Whether {@code r} is the route this spec names, by the kernel's own key for a route: family,
     * destination and prefix length, table (MAIN when the spec names none), type, and the metric when the
     * spec sets one. Gateways and links are not part of the key (a route replaced in place keeps its
     * key and changes them).
     */
    public boolean matches(Route r) {
        return r.family() == family && r.destination().equals(destination) && r.destinationLength() == destinationLength
                && r.table().equals(table.orElse(RouteTable.MAIN)) && r.type() == type
                && (metric.isEmpty() || r.metric().orElse(0) == metric.getAsLong());
    }
}
