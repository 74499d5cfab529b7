package io.github.netlink4j.examples.jip;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.link.Link;
import io.github.netlink4j.route.Route;
import io.github.netlink4j.route.RouteProtocol;
import io.github.netlink4j.route.RouteScope;
import io.github.netlink4j.route.RouteSpec;
import io.github.netlink4j.route.RouteTable;
import io.github.netlink4j.route.RouteType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The selectors of {@code ip route show}: how they are read, which routes they keep, and what they leave out of a line. */
class RouteFilterTest {
    private static RouteFilter parse(String args) {
        return parse(args, null);
    }

    private static RouteFilter parse(String args, AddressFamily family) {
        return RouteFilter.parse(new ArrayList<>(args.isEmpty() ? List.of() : Arrays.asList(args.split(" "))), family, RouteCommand.HELP);
    }

    private static Route route(String spec) {
        return Records.route(RouteSpec.to(spec).withLink("veth0"));
    }

    @Test
    void nothingSelectsTheMainTable() {
        RouteFilter f = parse("");
        assertEquals(RouteTable.MAIN, f.table);
        assertFalse(f.cloned);
        assertTrue(f.showDev() && f.showProtocol() && f.showScope() && f.showType() && f.showMetric() && f.showVia() && f.showSrc());
        assertFalse(f.showTable(), "the main table is not printed");
        assertTrue(f.test(route("10.200.0.0/24"), null));
        assertFalse(f.test(Records.route(RouteSpec.to("10.200.0.0/24").withLink("veth0").withTable(RouteTable.of(100))), null));
        assertTrue(RouteFilter.none().isEmpty());
    }

    @Test
    void readsEverySelector() {
        RouteFilter f = parse("table 100 proto static scope link type unicast dev veth0 metric 7 via 10.200.0.1 src 10.200.0.2 root 10.200.0.0/16");
        assertEquals(RouteTable.of(100), f.table);
        assertEquals(RouteProtocol.STATIC, f.protocol);
        assertEquals(RouteScope.LINK, f.scope);
        assertEquals(RouteType.UNICAST, f.type);
        assertEquals("veth0", f.dev);
        assertEquals(7, f.metric);
        assertEquals(32, f.via.bits());
        assertEquals(32, f.src.bits());
        assertEquals(16, f.root.bits());
        assertNull(f.match);
        assertFalse(f.showDev() || f.showProtocol() || f.showScope() || f.showType() || f.showMetric() || f.showVia() || f.showSrc());
        assertFalse(f.showTable(), "a table asked for is not printed either");
        RouteFilter all = parse("table all protocol all scope all");
        assertNull(all.table);
        assertNull(all.protocol);
        assertNull(all.scope);
        assertTrue(all.showTable());
        assertTrue(parse("table cache").cloned);
        assertTrue(parse("cloned").cloned);
        assertTrue(parse("cached").cloned);
        assertEquals("veth1", parse("oif veth1").dev);
        assertEquals(4294967295L, Integer.toUnsignedLong(parse("metric 4294967295").metric));
        assertEquals(9, parse("preference 9").metric);
        assertEquals(9, parse("pri 9").metric);
        assertTrue(parse("via 10.200.0.0/24").showVia(), "a via prefix, not a host, is printed");
        assertTrue(parse("src 10.200.0.0/24").showSrc());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "10.200.0.0/24|24|24", "to 10.200.0.0/24|24|24", "exact 10.200.0.0/24|24|24", "to exact 10.200.0.0/24|24|24",
            "root 10.200.0.0/16|16|", "to root 10.200.0.0/16|16|", "match 10.200.0.0/16||16", "to match 10.200.0.0/16||16"})
    void readsThePrefixSelectors(String args, Integer root, Integer match) {
        RouteFilter f = parse(args);
        assertEquals(root, f.root == null ? null : f.root.bits());
        assertEquals(match, f.match == null ? null : f.match.bits());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "table x|Error: argument \"x\" is wrong: table id value is invalid\\n",
            "protocol x|Error: argument \"x\" is wrong: invalid \"protocol\"\\n",
            "scope x|Error: argument \"x\" is wrong: invalid \"scope\"\\n",
            "type x|Error: argument \"x\" is wrong: node type value is invalid\\n",
            "metric -1|Error: argument \"-1\" is wrong: \"metric\" value is invalid\\n",
            "metric|Command line is not complete. Try option \"help\""})
    void refusesWhatIpRefuses(String args, String message) {
        UsageException e = assertThrows(UsageException.class, () -> parse(args));
        assertEquals(message.replace("\\n", "\n"), e.getMessage());
        assertEquals(255, e.status());
    }

    @Test
    void fromAndHelp() {
        UsageException from = assertThrows(UsageException.class, () -> parse("from 10.200.0.0/24"));
        assertEquals(255, from.status());
        assertTrue(from.getMessage().contains("\"from\" is not supported"));
        assertEquals(RouteCommand.HELP, assertThrows(UsageException.class, () -> parse("table help")).getMessage());
    }

    @Test
    void rootKeepsRoutesInsideAndMatchKeepsRoutesContaining() {
        Route r24 = route("10.200.1.0/24");
        Route r16 = route("10.200.0.0/16");
        Route dflt = Records.route(RouteSpec.defaultRoute(AddressFamily.INET).withLink("veth0"));
        RouteFilter root = parse("root 10.200.0.0/16");
        assertTrue(root.test(r24, null) && root.test(r16, null));
        assertFalse(root.test(dflt, null), "the default route is not inside 10.200/16");
        assertFalse(root.test(route("10.201.0.0/24"), null));
        RouteFilter match = parse("match 10.200.1.0/24");
        assertTrue(match.test(r24, null) && match.test(r16, null) && match.test(dflt, null));
        assertFalse(match.test(route("10.200.1.0/25"), null), "a longer route does not contain the prefix");
        assertFalse(match.test(route("10.200.2.0/24"), null));
        RouteFilter exact = parse("10.200.1.0/24");
        assertTrue(exact.test(r24, null));
        assertFalse(exact.test(r16, null) || exact.test(dflt, null));
        RouteFilter v6 = parse("root fd00:200::/64");
        assertFalse(v6.test(r24, null), "another family");
        assertTrue(parse("root default").test(r24, null), "default is everything");
        assertTrue(parse("match default").test(dflt, null));
        assertFalse(parse("match default").test(r24, null));
    }

    @Test
    void everyOtherSelectorKeepsOnlyItsRoutes() {
        InetAddress gw = InetAddress.ofLiteral("10.200.0.1");
        Route via = Records.route(RouteSpec.to("10.200.5.0/24").withGateway(gw).withLink("veth0").withMetric(7)
                .withPreferredSource(InetAddress.ofLiteral("10.200.0.2")).withProtocol(RouteProtocol.STATIC));
        Route other = Records.route(RouteSpec.to("10.200.6.0/24").withLink("veth1").withScope(RouteScope.HOST).withType(RouteType.BLACKHOLE));
        Map<Integer, Link> links = Records.links("dump/links");
        for (String selector : List.of("via 10.200.0.1", "via 10.200.0.0/24", "src 10.200.0.2", "metric 7", "proto static", "dev veth0",
                "scope global", "type unicast")) {
            RouteFilter f = parse(selector);
            f.resolve(links);
            assertTrue(f.test(via, null), selector + " keeps its route");
            assertFalse(f.test(other, null), selector + " leaves the other");
        }
        assertFalse(parse("via 10.200.0.2").test(via, null));
        assertFalse(parse("via fd00::1").test(via, null));
        assertFalse(parse("src fd00::1").test(via, null));
        assertTrue(parse("type blackhole").test(other, null));
        assertTrue(parse("scope host").test(other, null));
        assertFalse(parse("").test(via, AddressFamily.INET6), "-6 leaves IPv4 routes");
        assertTrue(parse("").test(via, AddressFamily.INET));
        assertFalse(parse("cloned").test(via, null), "only cache entries");
        assertTrue(parse("metric 0").test(other, null), "no metric is metric 0");
    }

    @Test
    void anUnknownDeviceIsIpsError() {
        RouteFilter f = parse("dev nosuch");
        UsageException e = assertThrows(UsageException.class, () -> f.resolve(Records.links("dump/links")));
        assertEquals("Cannot find device \"nosuch\"", e.getMessage());
        assertEquals(1, e.status());
        RouteFilter none = parse("");
        none.resolve(Map.of());
        assertEquals(-1, none.oif);
        RouteFilter lo = parse("dev lo");
        lo.resolve(Records.links("dump/links"));
        assertEquals(1, lo.oif);
    }
}
