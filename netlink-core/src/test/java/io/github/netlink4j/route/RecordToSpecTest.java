package io.github.netlink4j.route;

import io.github.netlink4j.common.AddressFamily;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A route, nexthop object or rule turns back into the spec that makes it ({@code toSpec}), link indexes
 * named by the caller, and that spec {@code matches} the record it came from and no other.
 */
class RecordToSpecTest {
    private static final InetAddress GW = InetAddress.ofLiteral("10.200.0.1");
    private static final IntFunction<String> NAMES = Map.of(3, "veth0", 5, "veth2")::get;

    private static Route route(Optional<InetAddress> gw, OptionalInt oif, List<Nexthop> hops, OptionalLong nhid, long metric) {
        return new Route(AddressFamily.INET, Optional.of(InetAddress.ofLiteral("10.200.9.0")), 24, RouteTable.of(100), RouteProtocol.STATIC,
                RouteScope.UNIVERSE, RouteType.UNICAST, 0x10, Set.of(), gw, oif, Optional.empty(), OptionalLong.of(metric), hops,
                Optional.empty(), Optional.empty(), 0, OptionalInt.empty(), OptionalLong.empty(), nhid);
    }

    @Test
    void aRouteViaAGatewayBecomesItsSpec() {
        Route r = route(Optional.of(GW), OptionalInt.of(3), List.of(), OptionalLong.empty(), 4294967295L);
        RouteSpec expected = RouteSpec.to("10.200.9.0/24").withGateway(GW).withLink("veth0").withMetric(4294967295L)
                .withTable(RouteTable.of(100)).withProtocol(RouteProtocol.STATIC).withScope(RouteScope.UNIVERSE);
        assertEquals(expected, r.toSpec(NAMES));
        assertTrue(r.toSpec(NAMES).matches(r));
        assertFalse(r.toSpec(NAMES).matches(route(Optional.of(GW), OptionalInt.of(3), List.of(), OptionalLong.empty(), 7)), "another metric");
    }

    @Test
    void aMultipathRouteNamesEachHopsLink() {
        Route r = route(Optional.empty(), OptionalInt.empty(), List.of(new Nexthop(Optional.of(GW), 3, 2, Set.of(NexthopFlag.LINKDOWN)),
                new Nexthop(Optional.of(InetAddress.ofLiteral("10.200.3.1")), 5, 1, Set.of())), OptionalLong.empty(), 0);
        assertEquals(List.of(NexthopSpec.via(GW, "veth0").withWeight(2), NexthopSpec.via(InetAddress.ofLiteral("10.200.3.1"), "veth2")),
                r.toSpec(NAMES).multipath());
        assertTrue(r.toSpec(NAMES).matches(r));
    }

    @Test
    void aRouteThroughANexthopObjectKeepsOnlyTheId() {
        // the kernel reports the object's gateway and link as the route's own; a spec may not repeat them
        Route r = route(Optional.of(GW), OptionalInt.of(3), List.of(), OptionalLong.of(4294967295L), 0);
        RouteSpec s = r.toSpec(NAMES);
        assertEquals(OptionalLong.of(4294967295L), s.nexthopId());
        assertTrue(s.gateway().isEmpty() && s.link().isEmpty());
    }

    @Test
    void routeFlagsAreSetsAndTheRawWordStaysForTheRest() {
        Route r = new Route(AddressFamily.INET, Optional.empty(), 0, RouteTable.MAIN, RouteProtocol.BOOT, RouteScope.UNIVERSE,
                RouteType.UNICAST, 0x80000200 | 0x10, RouteFlag.fromBits(0x80000200 | 0x10), Optional.empty(), OptionalInt.empty(),
                Optional.empty(), OptionalLong.empty(), List.of(), Optional.empty(), Optional.empty(), 0, OptionalInt.empty(),
                OptionalLong.empty(), OptionalLong.empty());
        assertEquals(Set.of(RouteFlag.CLONED), r.flags());
        assertTrue(r.isCloned());
        assertEquals(Set.of(NexthopFlag.LINKDOWN), r.nexthopFlags());
        assertEquals(List.of("local"), r.cacheFlags());
    }

    @Test
    void aNexthopObjectBecomesItsSpecAndMatchesIt() {
        NexthopObject single = new NexthopObject(4294967295L, Optional.of(AddressFamily.INET), RouteScope.UNIVERSE, RouteProtocol.of(99),
                4, Set.of(NexthopFlag.ONLINK), Optional.of(GW), OptionalInt.of(3), false, false, List.of(), Optional.empty(),
                Optional.empty(), List.of());
        NexthopObjectSpec expected = NexthopObjectSpec.via(4294967295L, GW, "veth0").withOnlink().withProtocol(RouteProtocol.of(99));
        assertEquals(expected, single.toSpec(NAMES));
        assertTrue(expected.matches(single, NAMES));
        NexthopObject group = new NexthopObject(10, Optional.empty(), RouteScope.UNIVERSE, RouteProtocol.UNSPEC, 0, Set.of(),
                Optional.empty(), OptionalInt.empty(), false, false, List.of(new NexthopObject.Member(1, 1), new NexthopObject.Member(2, 3)),
                Optional.of(NexthopGroupType.RESILIENT),
                Optional.of(new NexthopObject.Resilient(32, Duration.ofSeconds(120), Duration.ofSeconds(5), Duration.ZERO)), List.of());
        NexthopObjectSpec g = group.toSpec(NAMES);
        assertEquals(NexthopObjectSpec.group(10, group.group()).withResilient(32).withIdleTimer(Duration.ofSeconds(120)).withUnbalancedTimer(Duration.ofSeconds(5))
                .withProtocol(RouteProtocol.UNSPEC), g);
        assertTrue(g.matches(group, NAMES));
        assertFalse(g.matches(single, NAMES), "another id");
    }

    @Test
    void withoutAnIdANexthopSpecMatchesByWhatItSets() {
        NexthopObject n = new NexthopObject(77, Optional.of(AddressFamily.INET), RouteScope.LINK, RouteProtocol.BOOT, 0, Set.of(),
                Optional.empty(), OptionalInt.of(3), false, false, List.of(), Optional.empty(), Optional.empty(), List.of());
        assertTrue(NexthopObjectSpec.dev(0, "veth0").matches(n, NAMES));
        assertFalse(NexthopObjectSpec.dev(0, "veth2").matches(n, NAMES), "another link");
        assertFalse(NexthopObjectSpec.dev(78, "veth0").matches(n, NAMES), "another id");
    }

    @Test
    void aRuleSaysNoneWithAnEmptyOptionalNotMinusOne() {
        Rule r = new Rule(AddressFamily.INET, 100, Optional.empty(), 0, Optional.empty(), 0, 0, OptionalLong.empty(), OptionalLong.empty(),
                Optional.empty(), Optional.empty(), false, Optional.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty(), 2,
                RuleFlag.fromBits(2), 1, RouteTable.of(100), OptionalLong.empty(), OptionalInt.of(-1), OptionalLong.of(4294967295L),
                Optional.empty(), OptionalLong.empty(), OptionalLong.empty(), List.of());
        assertTrue(r.suppressPrefixLength().isEmpty(), "FRA_SUPPRESS_PREFIXLEN -1 is the kernel's none");
        assertTrue(r.suppressIfGroup().isEmpty(), "FRA_SUPPRESS_IFGROUP 0xffffffff is the kernel's none");
        assertEquals(Set.of(RuleFlag.INVERT), r.flags());
        assertEquals(RuleSpec.of(AddressFamily.INET).withPriority(100).withInvert().withLookup(RouteTable.of(100)), r.toSpec());
        assertTrue(r.toSpec().matches(r));
    }
}
