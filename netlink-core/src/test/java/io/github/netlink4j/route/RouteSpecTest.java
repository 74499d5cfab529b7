package io.github.netlink4j.route;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.common.IpPrefix;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A route spec is made as {@code ip route add} reads its words, refuses what fib_nl_newroute or ip would
 * refuse (another family's addresses, a prefix with host bits, table 0, via and nexthop lists together),
 * and {@link RouteSpec#matches} knows a route by the kernel's key (fib_table_delete: family, prefix,
 * table, type and metric).
 */
class RouteSpecTest {
    private static final InetAddress GW = InetAddress.ofLiteral("10.200.0.1");
    private static final InetAddress GW6 = InetAddress.ofLiteral("fd00:200::1");

    private static Route route(AddressFamily f, Optional<InetAddress> dst, int len, RouteTable table, RouteType type, OptionalLong metric) {
        return new Route(f, dst, len, table, RouteProtocol.BOOT, RouteScope.UNIVERSE, type, 0, Set.of(), Optional.of(GW), OptionalInt.of(3),
                Optional.empty(), metric, List.of(), Optional.empty(), Optional.empty(), 0, OptionalInt.empty(), OptionalLong.empty(),
                OptionalLong.empty());
    }

    private static Route net(String dst, int len) {
        return route(AddressFamily.INET, Optional.of(InetAddress.ofLiteral(dst)), len, RouteTable.MAIN, RouteType.UNICAST, OptionalLong.empty());
    }

    @Test
    void matchesIsTheKernelsKey() {
        RouteSpec s = RouteSpec.to("10.200.9.0/24");
        assertTrue(s.matches(net("10.200.9.0", 24)), "gateway and link are not the key");
        assertFalse(s.matches(net("10.200.8.0", 24)), "another destination");
        assertFalse(s.matches(net("10.200.9.0", 25)), "another length");
        assertFalse(s.matches(route(AddressFamily.INET6, Optional.of(InetAddress.ofLiteral("10.200.9.0")), 24, RouteTable.MAIN,
                RouteType.UNICAST, OptionalLong.empty())), "another family");
        Route t100 = route(AddressFamily.INET, Optional.of(InetAddress.ofLiteral("10.200.9.0")), 24, RouteTable.of(100), RouteType.UNICAST,
                OptionalLong.empty());
        assertFalse(s.matches(t100), "a spec without a table names main");
        assertTrue(s.withTable(RouteTable.of(100)).matches(t100));
        Route bh = route(AddressFamily.INET, Optional.of(InetAddress.ofLiteral("10.200.9.0")), 24, RouteTable.MAIN, RouteType.BLACKHOLE,
                OptionalLong.empty());
        assertFalse(s.matches(bh), "another type");
        assertTrue(s.withType(RouteType.BLACKHOLE).matches(bh));
    }

    @Test
    void theMetricIsPartOfTheKeyOnlyWhenTheSpecSetsIt() {
        Route m7 = route(AddressFamily.INET, Optional.of(InetAddress.ofLiteral("10.200.9.0")), 24, RouteTable.MAIN, RouteType.UNICAST,
                OptionalLong.of(7));
        Route none = net("10.200.9.0", 24);
        RouteSpec s = RouteSpec.to("10.200.9.0/24");
        assertTrue(s.matches(m7));
        assertTrue(s.withMetric(7).matches(m7));
        assertFalse(s.withMetric(8).matches(m7));
        assertTrue(s.withMetric(0).matches(none), "no RTA_PRIORITY is metric 0");
        assertFalse(s.withMetric(7).matches(none));
    }

    @Test
    void defaultRoutesOfEitherFamily() {
        assertEquals(RouteSpec.defaultRoute(AddressFamily.INET), RouteSpec.to("default"));
        assertEquals(RouteSpec.defaultRoute(AddressFamily.INET6), RouteSpec.to("::/0"));
        assertEquals(RouteSpec.defaultRoute(AddressFamily.INET), RouteSpec.to(IpPrefix.of("0.0.0.0/0")));
        RouteSpec d = RouteSpec.defaultVia(GW6);
        assertEquals(AddressFamily.INET6, d.family());
        assertEquals(Optional.empty(), d.destination());
        assertEquals(Optional.of(GW6), d.gateway());
        assertEquals("default", d.destinationText());
        assertEquals("10.200.9.0/24", RouteSpec.to("10.200.9.0/24").destinationText());
        assertEquals("10.200.9.1/32", RouteSpec.to("10.200.9.1/32").destinationText(), "a spec spells the length out");
        assertTrue(RouteSpec.defaultRoute(AddressFamily.INET).matches(route(AddressFamily.INET, Optional.empty(), 0, RouteTable.MAIN,
                RouteType.UNICAST, OptionalLong.empty())));
    }

    @Test
    void eachWitherSetsItsPart() {
        RouteSpec s = RouteSpec.to("10.200.9.0/24").withGateway(GW).withLink("veth0").withPreferredSource(InetAddress.ofLiteral("10.200.0.2"))
                .withMetric(5).withTable(RouteTable.of(7)).withProtocol(RouteProtocol.STATIC).withScope(RouteScope.LINK)
                .withType(RouteType.UNICAST);
        assertEquals(new RouteSpec(AddressFamily.INET, Optional.of(InetAddress.ofLiteral("10.200.9.0")), 24, Optional.of(GW), Optional.of("veth0"),
                Optional.of(InetAddress.ofLiteral("10.200.0.2")), OptionalLong.of(5), Optional.of(RouteTable.of(7)),
                Optional.of(RouteProtocol.STATIC), Optional.of(RouteScope.LINK), RouteType.UNICAST, List.of(), OptionalLong.empty()), s);
        List<NexthopSpec> hops = List.of(NexthopSpec.via(GW, "veth0"), NexthopSpec.via(InetAddress.ofLiteral("10.200.3.1"), "veth2").withWeight(3));
        RouteSpec m = RouteSpec.to("10.200.9.0/24").withNexthops(hops).withMetric(5);
        assertEquals(hops, m.multipath());
        assertEquals(OptionalLong.of(5), m.metric());
        assertEquals(OptionalLong.of(9), RouteSpec.to("10.200.9.0/24").withMetric(5).withNexthopId(9).nexthopId());
        assertEquals(OptionalLong.of(5), RouteSpec.to("10.200.9.0/24").withMetric(5).withNexthopId(9).metric());
    }

    @Test
    void addressesMustBeOfTheRoutesFamily() {
        RouteSpec v4 = RouteSpec.to("10.200.9.0/24");
        assertThrows(IllegalArgumentException.class, () -> v4.withGateway(GW6));
        assertThrows(IllegalArgumentException.class, () -> v4.withPreferredSource(GW6));
        assertThrows(IllegalArgumentException.class, () -> v4.withNexthops(List.of(NexthopSpec.via(GW6, "veth0"))));
        assertDoesNotThrow(() -> v4.withNexthops(List.of(new NexthopSpec(Optional.empty(), "veth0", 1))), "a hop without a gateway");
        assertThrows(IllegalArgumentException.class, () -> new RouteSpec(AddressFamily.INET6, Optional.of(GW), 32, Optional.empty(),
                Optional.empty(), Optional.empty(), OptionalLong.empty(), Optional.empty(), Optional.empty(), Optional.empty(), RouteType.UNICAST,
                List.of(), OptionalLong.empty()), "a destination of another family");
        assertThrows(IllegalArgumentException.class, () -> new RouteSpec(AddressFamily.INET, Optional.empty(), 8, Optional.empty(),
                Optional.empty(), Optional.empty(), OptionalLong.empty(), Optional.empty(), Optional.empty(), Optional.empty(), RouteType.UNICAST,
                List.of(), OptionalLong.empty()), "a default route has length 0");
        assertThrows(IllegalArgumentException.class, () -> new RouteSpec(AddressFamily.INET, Optional.of(GW), 33, Optional.empty(),
                Optional.empty(), Optional.empty(), OptionalLong.empty(), Optional.empty(), Optional.empty(), Optional.empty(), RouteType.UNICAST,
                List.of(), OptionalLong.empty()));
    }

    @Test
    void howARouteIsReachedIsOneOfThreeWays() {
        RouteSpec v4 = RouteSpec.to("10.200.9.0/24");
        List<NexthopSpec> hops = List.of(NexthopSpec.via(GW, "veth0"));
        assertThrows(IllegalArgumentException.class, () -> v4.withGateway(GW).withNexthops(hops), "via and nexthop");
        assertThrows(IllegalArgumentException.class, () -> v4.withLink("veth0").withNexthops(hops), "dev and nexthop");
        assertThrows(IllegalArgumentException.class, () -> v4.withGateway(GW).withNexthopId(1), "via and nhid");
        assertThrows(IllegalArgumentException.class, () -> v4.withLink("veth0").withNexthopId(1), "dev and nhid");
        assertThrows(IllegalArgumentException.class, () -> v4.withNexthops(hops).withNexthopId(1), "nexthop and nhid");
        assertEquals(OptionalLong.of(1), v4.withNexthopId(1).nexthopId());
    }

    @Test
    void prefixesWithHostBitsAndTable0AreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RouteSpec.to(IpPrefix.of("10.200.9.1/24")));
        assertEquals("Invalid prefix for given prefix length: 10.200.9.1/24", e.getMessage(), "ip's words");
        assertThrows(IllegalArgumentException.class, () -> RouteSpec.to("10.200.9.0/24").withTable(RouteTable.UNSPEC));
        assertEquals(Optional.of(RouteTable.of(1)), RouteSpec.to("10.200.9.0/24").withTable(RouteTable.of(1)).table());
        assertThrows(IllegalArgumentException.class, () -> RouteSpec.to("10.200.9.0/24").withLink("a/b"));
        assertThrows(IllegalArgumentException.class, () -> RouteSpec.defaultRoute(AddressFamily.BRIDGE));
    }

    @Test
    void aNexthopSpecsWeightIsOneTo256() {
        assertEquals(256, NexthopSpec.via(GW, "veth0").withWeight(256).weight());
        assertEquals(1, NexthopSpec.via(GW, "veth0").weight());
        assertThrows(IllegalArgumentException.class, () -> NexthopSpec.via(GW, "veth0").withWeight(257), "rtnh_hops is one byte of weight - 1");
        assertThrows(IllegalArgumentException.class, () -> NexthopSpec.via(GW, "veth0").withWeight(0));
        assertThrows(IllegalArgumentException.class, () -> NexthopSpec.via(GW, ""));
        assertThrows(NullPointerException.class, () -> new NexthopSpec(null, "veth0", 1));
    }
}
