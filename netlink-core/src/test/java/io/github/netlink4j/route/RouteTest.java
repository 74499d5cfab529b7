package io.github.netlink4j.route;

import io.github.netlink4j.common.AddressFamily;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A {@link Route} record splits rtm_flags into its three parts (RTNH_F_* in the low byte, RTM_F_* above,
 * a lookup's RTCF_* cache flags in the top half, named as ip's print_cache_flags names them), prints its
 * destination as ip does, and prints a multipath route's hops.
 */
class RouteTest {
    private static Route route(Optional<InetAddress> dst, int len, int rawFlags, List<Nexthop> hops) {
        AddressFamily f = dst.map(AddressFamily::of).orElse(AddressFamily.INET);
        return new Route(f, dst, len, RouteTable.MAIN, RouteProtocol.KERNEL, RouteScope.LINK, RouteType.UNICAST, rawFlags,
                RouteFlag.fromBits(rawFlags), Optional.empty(), OptionalInt.empty(), Optional.empty(), OptionalLong.empty(), hops,
                Optional.empty(), Optional.empty(), 0, OptionalInt.empty(), OptionalLong.empty(), OptionalLong.empty());
    }

    private static Route flags(int rawFlags) {
        return route(Optional.empty(), 0, rawFlags, List.of());
    }

    @Test
    void cacheFlagsAreNamedInIpsOrder() {
        // RTCF_* of linux/in_route.h: LOCAL 0x80000000, REJECT 0x40000000, MULTICAST 0x20000000, BROADCAST 0x10000000,
        // DNAT 0x08000000, SNAT 0x00800000, MASQ 0x00400000, DIRECTDST 0x00020000, DIRECTSRC 0x04000000,
        // REDIRECTED 0x00040000, DOREDIRECT 0x01000000, FAST 0x00200000, NOTIFY 0x00010000, TPROXY 0x00080000 (printed "proxy");
        // names from iproute2's print_cache_flags
        assertEquals(List.of("local", "reject", "mc", "brd", "dst-nat", "src-nat", "masq", "dst-direct", "src-direct", "redirected",
                "redirect", "fastroute", "notify", "proxy"), flags(0xFFFF0000 & ~0x02100000).cacheFlags());
        assertEquals(List.of("brd"), flags(0x10000000).cacheFlags());
        assertEquals(List.of("notify"), flags(0x00010000).cacheFlags());
        assertEquals(List.of("mc", "2000000"), flags(0x20000000 | 0x02000000).cacheFlags(), "a bit ip has no name for, in hex");
        assertEquals(List.of(), flags(0x0000FFFF).cacheFlags(), "the low half is not cache flags");
        assertEquals(List.of("local", "dst-direct"), flags(0x80020000 | 0x200 | 0x4).cacheFlags());
    }

    @Test
    void theLowBitsAreNexthopFlagsAndTheMiddleRouteFlags() {
        Route r = flags(0x80000000 | 0x4000 | 0x200 | 0x10 | 0x4);
        assertEquals(Set.of(NexthopFlag.ONLINK, NexthopFlag.LINKDOWN), r.nexthopFlags());
        assertEquals(Set.of(RouteFlag.CLONED, RouteFlag.OFFLOAD), r.flags());
        assertTrue(r.isCloned());
        assertFalse(flags(0x4000).isCloned());
    }

    @Test
    void theDestinationPrintsAsIpPrintsIt() {
        assertEquals("default", route(Optional.empty(), 0, 0, List.of()).destinationText());
        assertTrue(route(Optional.empty(), 0, 0, List.of()).isDefault());
        assertEquals("default", route(Optional.of(InetAddress.ofLiteral("0.0.0.0")), 0, 0, List.of()).destinationText());
        assertEquals("10.200.1.0/24", route(Optional.of(InetAddress.ofLiteral("10.200.1.0")), 24, 0, List.of()).destinationText());
        assertFalse(route(Optional.of(InetAddress.ofLiteral("10.200.1.0")), 24, 0, List.of()).isDefault());
        assertEquals("10.200.1.7", route(Optional.of(InetAddress.ofLiteral("10.200.1.7")), 32, 0, List.of()).destinationText(), "a host route");
        assertEquals("10.200.1.6/31", route(Optional.of(InetAddress.ofLiteral("10.200.1.6")), 31, 0, List.of()).destinationText());
        assertEquals("fd00:200::7", route(Optional.of(InetAddress.ofLiteral("fd00:200::7")), 128, 0, List.of()).destinationText());
        assertEquals("fd00:200::/32", route(Optional.of(InetAddress.ofLiteral("fd00:200::")), 32, 0, List.of()).destinationText(),
                "32 is a host only for IPv4");
    }

    @Test
    void aMultipathRoutePrintsEachHop() {
        Route r = route(Optional.of(InetAddress.ofLiteral("10.200.17.0")), 24, 0, List.of(
                new Nexthop(Optional.of(InetAddress.ofLiteral("10.200.0.1")), 3, 2, Set.of()), new Nexthop(Optional.empty(), 5, 1, Set.of())));
        assertEquals("10.200.17.0/24 proto kernel scope link nexthop via 10.200.0.1 dev if3 weight 2 nexthop dev if5 weight 1", r.toString());
        assertEquals(List.of(new Nexthop(Optional.of(InetAddress.ofLiteral("10.200.0.1")), 3, 2, Set.of()),
                new Nexthop(Optional.empty(), 5, 1, Set.of())), r.multipath());
    }

    @Test
    void aLookupsAnswerKeepsWhatTheKernelSaid() {
        Route r = new Route(AddressFamily.INET, Optional.of(InetAddress.ofLiteral("10.200.0.5")), 32, RouteTable.LOCAL, RouteProtocol.UNSPEC,
                RouteScope.HOST, RouteType.LOCAL, 0x80000200, RouteFlag.fromBits(0x80000200), Optional.empty(), OptionalInt.of(1),
                Optional.of(InetAddress.ofLiteral("10.200.0.5")), OptionalLong.empty(), List.of(), Optional.empty(), Optional.empty(), 0,
                OptionalInt.of(1), OptionalLong.of(0), OptionalLong.empty());
        assertEquals("local 10.200.0.5 dev if1 table local proto unspec scope host src 10.200.0.5", r.toString());
        assertEquals(List.of("local"), r.cacheFlags());
    }

    @Test
    void recordsKeepTheDecodersFlagSetsAndCopyAnyOther() {
        Set<RouteFlag> decoded = RouteFlag.fromBits(0x200);
        assertSame(decoded, new Route(AddressFamily.INET, Optional.empty(), 0, RouteTable.MAIN, RouteProtocol.BOOT, RouteScope.UNIVERSE,
                RouteType.UNICAST, 0x200, decoded, Optional.empty(), OptionalInt.empty(), Optional.empty(), OptionalLong.empty(), List.of(),
                Optional.empty(), Optional.empty(), 0, OptionalInt.empty(), OptionalLong.empty(), OptionalLong.empty()).flags());
        Set<RouteFlag> mine = new HashSet<>(Set.of(RouteFlag.CLONED));
        List<Nexthop> hops = new ArrayList<>(List.of(new Nexthop(Optional.empty(), 3, 1, Set.of())));
        Route r = new Route(AddressFamily.INET, Optional.empty(), 0, RouteTable.MAIN, RouteProtocol.BOOT, RouteScope.UNIVERSE,
                RouteType.UNICAST, 0x200, mine, Optional.empty(), OptionalInt.empty(), Optional.empty(), OptionalLong.empty(), hops,
                Optional.empty(), Optional.empty(), 0, OptionalInt.empty(), OptionalLong.empty(), OptionalLong.empty());
        mine.add(RouteFlag.OFFLOAD);
        hops.clear();
        assertEquals(Set.of(RouteFlag.CLONED), r.flags());
        assertEquals(1, r.multipath().size());
        Set<NexthopFlag> hopFlags = NexthopFlag.fromBits(0x10);
        assertSame(hopFlags, new Nexthop(Optional.empty(), 3, 1, hopFlags).flags());
        Set<NexthopFlag> myHopFlags = new HashSet<>(Set.of(NexthopFlag.DEAD));
        Nexthop h = new Nexthop(Optional.empty(), 3, 1, myHopFlags);
        myHopFlags.add(NexthopFlag.ONLINK);
        assertEquals(Set.of(NexthopFlag.DEAD), h.flags());
    }

    @Test
    void withoutCacheInfoDropsOnlyTheCacheInfo() {
        Route plain = flags(0x200);
        Route cached = new Route(plain.family(), plain.destination(), plain.destinationLength(), plain.table(), plain.protocol(), plain.scope(),
                plain.type(), plain.rawFlags(), plain.flags(), plain.gateway(), plain.outputIndex(), plain.preferredSource(), plain.metric(),
                plain.multipath(), plain.preference(), plain.source(), plain.sourceLength(), plain.inputIndex(), plain.uid(), plain.nexthopId(),
                Optional.of(new RouteCacheInfo(2, 1, java.time.Duration.ofSeconds(3), java.time.Duration.ZERO, 0, 0)));
        assertEquals(plain, cached.withoutCacheInfo());
        assertSame(plain, plain.withoutCacheInfo(), "nothing to drop");
        assertThrows(IllegalArgumentException.class, () -> new RouteCacheInfo(-1, 0, java.time.Duration.ZERO, java.time.Duration.ZERO, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new RouteCacheInfo(0, 1L << 32, java.time.Duration.ZERO, java.time.Duration.ZERO, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new RouteCacheInfo(0, 0, java.time.Duration.ofMillis(-10), java.time.Duration.ZERO, 0, 0));
        assertEquals(java.time.Duration.ofSeconds(-1), new RouteCacheInfo(0, 0, java.time.Duration.ZERO, java.time.Duration.ofSeconds(-1), 0, 0).expires(),
                "a route past its expiry");
    }
}
