package io.github.netlink4j.examples.jip;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.json.Json;
import io.github.netlink4j.route.Route;
import io.github.netlink4j.route.RouteCacheInfo;
import io.github.netlink4j.route.RouteFlag;
import io.github.netlink4j.route.RouteProtocol;
import io.github.netlink4j.route.RouteScope;
import io.github.netlink4j.route.RouteTable;
import io.github.netlink4j.route.RouteType;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** iproute.c's print_rta_cacheinfo as print_route calls it, on records made here. */
class RouteViewTest {
    private static Route route(AddressFamily f, String dst, int flags, RouteCacheInfo c) {
        return new Route(f, Optional.of(InetAddress.ofLiteral(dst)), f == AddressFamily.INET ? 32 : 128, RouteTable.MAIN, RouteProtocol.BOOT,
                RouteScope.UNIVERSE, RouteType.UNICAST, flags, RouteFlag.fromBits(flags), Optional.empty(), OptionalInt.of(3), Optional.empty(),
                OptionalLong.empty(), List.of(), Optional.empty(), Optional.empty(), 0, OptionalInt.empty(), OptionalLong.empty(), OptionalLong.empty(),
                Optional.ofNullable(c));
    }

    private static final RouteCacheInfo ALL = new RouteCacheInfo(2, 7, Duration.ofMillis(3990), Duration.ofMillis(-1990), 4294967183L, 0x12);
    private static final int CLONED = 0x200;

    private static RouteView view(Route r, boolean stats) {
        return new RouteView(r, Map.of(), true, true, Style.PLAIN).statistics(stats);
    }

    @Test
    void aLookupsCacheLinePrintsUsersUsesAndAgeOnlyWithStats() {
        Route got = route(AddressFamily.INET, "10.200.5.1", CLONED, ALL);
        assertEquals("10.200.5.1 dev if3 \n    cache expires -1sec error 4294967183 users 2 used 7 age 3sec ipid 0x0012 \n", view(got, true).text());
        assertEquals("10.200.5.1 dev if3 \n    cache expires -1sec error 4294967183 ipid 0x0012 \n", view(got, false).text());
        Route users = route(AddressFamily.INET, "10.200.5.1", CLONED, new RouteCacheInfo(2, 0, Duration.ZERO, Duration.ZERO, 0, 0));
        assertEquals("10.200.5.1 dev if3 \n    cache users 2 \n", view(users, true).text(), "ip -s route get on a fresh entry");
        assertEquals("10.200.5.1 dev if3 \n    cache \n", view(users, false).text());
    }

    @Test
    void inJsonTheFieldsFollowTheCacheFlags() {
        Route got = route(AddressFamily.INET, "10.200.5.1", CLONED, ALL);
        assertEquals("{\"dst\":\"10.200.5.1\",\"dev\":\"if3\",\"flags\":[],\"cache\":[],\"expires\":-1,\"error\":4294967183,\"users\":2,\"used\":7,\"age\":3,"
                + "\"ipid\":\"0x12\"}", Json.write(view(got, true).json()));
        Route users = route(AddressFamily.INET, "10.200.5.1", CLONED, new RouteCacheInfo(2, 0, Duration.ZERO, Duration.ZERO, 0, 0));
        assertEquals("{\"dst\":\"10.200.5.1\",\"dev\":\"if3\",\"flags\":[],\"cache\":[]}", Json.write(view(users, false).json()));
    }

    @Test
    void anIpv6RoutesExpiryIsPrintedWithoutStatsAndAnotherFamilysCacheInfoNot() {
        Route v6 = route(AddressFamily.INET6, "fd00:201::", 0, new RouteCacheInfo(0, 0, Duration.ZERO, Duration.ofMillis(299_980), 0, 0));
        assertEquals("fd00:201:: dev if3 expires 299sec \n", view(v6, false).text());
        Route none = route(AddressFamily.INET6, "fd00:201::", 0, new RouteCacheInfo(0, 0, Duration.ZERO, Duration.ZERO, 0, 0));
        assertEquals("fd00:201:: dev if3 \n", view(none, true).text(), "all zero: nothing");
    }
}
