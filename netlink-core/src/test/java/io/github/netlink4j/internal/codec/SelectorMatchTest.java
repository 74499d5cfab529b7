package io.github.netlink4j.internal.codec;

import io.github.netlink4j.link.Link;
import io.github.netlink4j.link.LinkSelector;
import io.github.netlink4j.route.Nexthop;
import io.github.netlink4j.route.Route;
import io.github.netlink4j.route.RouteProtocol;
import io.github.netlink4j.route.RouteSelector;
import io.github.netlink4j.route.RouteTable;
import io.github.netlink4j.route.RouteType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.github.netlink4j.internal.codec.GoldenDecodeTest.decodeAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The selectors' own test, which the handles apply to what a kernel without strict checking sends, on
 * captured dumps: the same selection the kernel makes (ip_valid_fib_dump_req, rtnl_dump_ifinfo).
 */
class SelectorMatchTest {
    private static List<String> select(List<Route> routes, RouteSelector s, int index) {
        return routes.stream().filter(r -> s.matches(r, index)).map(r -> r.destinationText() + " " + r.table()).toList();
    }

    @Test
    void routesByTableProtocolTypeAndLink() throws Exception {
        List<Route> routes = decodeAll("dump/routes-multipath", RouteCodec::decode);
        assertEquals(List.of("10.200.12.0/24 1000"), select(routes, RouteSelector.of(RouteTable.of(1000)), 0));
        assertEquals(List.of("10.200.12.0/24 1000"), select(routes, RouteSelector.empty().withProtocol(RouteProtocol.STATIC), 0));
        assertEquals(List.of(), select(routes, RouteSelector.of(RouteTable.of(1000)).withProtocol(RouteProtocol.BOOT), 0));
        assertEquals(routes.stream().filter(r -> r.type() == RouteType.LOCAL).count(),
                routes.stream().filter(r -> RouteSelector.empty().withType(RouteType.LOCAL).matches(r, 0)).count());
        assertEquals(routes.size(), select(routes, RouteSelector.empty(), 0).size());
        // the multipath route is selected by the link of either next hop
        Route multi = routes.stream().filter(r -> !r.multipath().isEmpty()).findFirst().orElseThrow();
        for (Nexthop h : multi.multipath()) {
            assertEquals(true, select(routes, RouteSelector.empty().withLink("x"), h.outputIndex()).contains("10.200.17.0/24 main"));
        }
        assertEquals(List.of(), select(routes, RouteSelector.empty().withLink("x"), 999));
    }

    @Test
    void linksByKindAndMaster() throws Exception {
        List<Link> links = decodeAll("dump/links", LinkCodec::decode);
        assertEquals(List.of("br0"), links.stream().filter(l -> LinkSelector.empty().withKind("bridge").matches(l, 0)).map(Link::name).toList());
        assertEquals(List.of(), links.stream().filter(l -> LinkSelector.empty().withMaster("br0").matches(l, 7)).toList());
        assertEquals(links.size(), links.stream().filter(l -> LinkSelector.empty().matches(l, 0)).count());
    }
}
