package io.github.netlink4j;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A route to add, replace or delete: {@code ip route add [TYPE] PREFIX|default [via GW] [dev LINK]
 * [src ADDR] [metric N] [table N] [proto P] [scope S] [nexthop …]}.
 *
 * {@snippet :
 * RouteSpec r = RouteSpec.defaultVia(InetAddress.ofLiteral("10.200.0.1"));   // ip route add default via 10.200.0.1
 * RouteSpec b = RouteSpec.to("10.200.9.0/24").withType(RouteType.BLACKHOLE); // ip route add blackhole 10.200.9.0/24
 * }
 *
 * @param family          2 or 10
 * @param destination     the destination network (empty for default)
 * @param destinationLength its prefix length
 * @param gateway         RTA_GATEWAY
 * @param link            the output link (RTA_OIF)
 * @param preferredSource RTA_PREFSRC
 * @param priority        RTA_PRIORITY (metric)
 * @param table           the table; main (254) if empty
 * @param protocol        rtm_protocol; boot (3) if empty, as ip uses
 * @param scope           the scope; derived like ip does if empty
 * @param type            unicast, blackhole, unreachable, prohibit, local, …
 * @param multipath       next hops for an ECMP route
 */
public record RouteSpec(int family, Optional<InetAddress> destination, int destinationLength, Optional<InetAddress> gateway,
                        Optional<String> link, Optional<InetAddress> preferredSource, OptionalInt priority, OptionalInt table,
                        OptionalInt protocol, Optional<RouteScope> scope, RouteType type, List<NextHop> multipath) {
    /** Validates before anything is sent. */
    public RouteSpec {
        if (family != Inet.AF_INET && family != Inet.AF_INET6) throw new IllegalArgumentException("family must be IPv4 or IPv6");
        destination.ifPresent(d -> {
            if (Inet.family(d) != family) throw new IllegalArgumentException("destination family mismatch");
            Validate.prefix(d, destinationLength);
        });
        if (destination.isEmpty() && destinationLength != 0) throw new IllegalArgumentException("default route has prefix length 0");
        gateway.ifPresent(g -> {
            if (Inet.family(g) != family) throw new IllegalArgumentException("gateway " + Inet.text(g) + " is not of the route's family");
        });
        link.ifPresent(Validate::ifName);
        if (table.isPresent() && table.getAsInt() <= 0) throw new IllegalArgumentException("table must be positive");
        if (priority.isPresent() && priority.getAsInt() < 0) throw new IllegalArgumentException("metric must be >= 0");
        Objects.requireNonNull(type);
        multipath = List.copyOf(multipath);
        if (!multipath.isEmpty() && (gateway.isPresent() || link.isPresent())) {
            throw new IllegalArgumentException("a multipath route gives gateways and links per next hop");
        }
    }

    /** A unicast route to {@code cidr} ("10.200.1.0/24", "fd00:200::/64" or "default" for IPv4). */
    public static RouteSpec to(String cidr) {
        if (cidr.equals("default")) return new RouteSpec(Inet.AF_INET, Optional.empty(), 0, Optional.empty(), Optional.empty(),
                Optional.empty(), OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), Optional.empty(), RouteType.UNICAST, List.of());
        int slash = cidr.indexOf('/');
        InetAddress a = Inet.parse(slash < 0 ? cidr : cidr.substring(0, slash));
        int len;
        try {
            len = slash < 0 ? Inet.maxPrefix(a) : Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid prefix length in \"" + cidr + "\"", e);
        }
        Validate.prefix(a, len);
        InetAddress net = Inet.network(a, len);
        if (len == 0) return new RouteSpec(Inet.family(a), Optional.empty(), 0, Optional.empty(), Optional.empty(),
                Optional.empty(), OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), Optional.empty(), RouteType.UNICAST, List.of());
        return new RouteSpec(Inet.family(a), Optional.of(net), len, Optional.empty(), Optional.empty(), Optional.empty(),
                OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), Optional.empty(), RouteType.UNICAST, List.of());
    }

    /** {@code default via GATEWAY}, in the gateway's family. */
    public static RouteSpec defaultVia(InetAddress gateway) {
        return new RouteSpec(Inet.family(gateway), Optional.empty(), 0, Optional.of(gateway), Optional.empty(), Optional.empty(),
                OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), Optional.empty(), RouteType.UNICAST, List.of());
    }

    /** The IPv6 default route ({@code ip -6 route add default …}). */
    public static RouteSpec defaultRoute6() {
        return new RouteSpec(Inet.AF_INET6, Optional.empty(), 0, Optional.empty(), Optional.empty(), Optional.empty(),
                OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), Optional.empty(), RouteType.UNICAST, List.of());
    }

    /** A copy routed via gateway {@code g} (RTA_GATEWAY). */
    public RouteSpec via(InetAddress g) {
        return new RouteSpec(family, destination, destinationLength, Optional.of(g), link, preferredSource, priority, table, protocol, scope, type, multipath);
    }

    /** A copy going out of link {@code l} (RTA_OIF). */
    public RouteSpec dev(String l) {
        return new RouteSpec(family, destination, destinationLength, gateway, Optional.of(l), preferredSource, priority, table, protocol, scope, type, multipath);
    }

    /** A copy with {@code source} set. */
    public RouteSpec withSource(InetAddress s) {
        return new RouteSpec(family, destination, destinationLength, gateway, link, Optional.of(s), priority, table, protocol, scope, type, multipath);
    }

    /** A copy with {@code metric} set. */
    public RouteSpec withMetric(int m) {
        return new RouteSpec(family, destination, destinationLength, gateway, link, preferredSource, OptionalInt.of(m), table, protocol, scope, type, multipath);
    }

    /** A copy with {@code table} set. */
    public RouteSpec withTable(int t) {
        return new RouteSpec(family, destination, destinationLength, gateway, link, preferredSource, priority, OptionalInt.of(t), protocol, scope, type, multipath);
    }

    /** A copy with {@code protocol} set. */
    public RouteSpec withProtocol(int p) {
        return new RouteSpec(family, destination, destinationLength, gateway, link, preferredSource, priority, table, OptionalInt.of(p), scope, type, multipath);
    }

    /** A copy with {@code scope} set. */
    public RouteSpec withScope(RouteScope s) {
        return new RouteSpec(family, destination, destinationLength, gateway, link, preferredSource, priority, table, protocol, Optional.of(s), type, multipath);
    }

    /** A copy with {@code type} set. */
    public RouteSpec withType(RouteType t) {
        return new RouteSpec(family, destination, destinationLength, gateway, link, preferredSource, priority, table, protocol, scope, t, multipath);
    }

    /** A copy with {@code nextHops} set. */
    public RouteSpec withNextHops(List<NextHop> hops) {
        return new RouteSpec(family, destination, destinationLength, gateway, link, preferredSource, priority, table, protocol, scope, type, hops);
    }
}
