package io.github.netlink4j;

import io.github.netlink4j.address.AddressFlag;
import io.github.netlink4j.address.AddressSpec;
import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.route.NexthopSpec;
import io.github.netlink4j.route.Route;
import io.github.netlink4j.route.RouteProtocol;
import io.github.netlink4j.route.RouteSpec;
import io.github.netlink4j.route.RouteTable;
import io.github.netlink4j.route.RouteType;

import io.github.netlink4j.error.AlreadyExistsException;
import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.Json;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Routes through the API, cross-checked with {@code ip -j route show table all}. */
class RoutesTest {
    private ThrowawayNamespace ns;
    private NetlinkClient nl;

    @BeforeEach
    void setUp() throws IOException {
        ns = ThrowawayNamespace.create("route");
        nl = ns.client();
        nl.links().add(LinkSpec.veth("veth0", "veth1"));
        nl.links().add(LinkSpec.veth("vethb0", "vethb1"));
        for (String l : List.of("veth0", "veth1", "vethb0", "vethb1")) nl.links().setUp(l);
        nl.addresses().add(AddressSpec.of("veth0", "10.200.0.2/24"));
        nl.addresses().add(AddressSpec.of("vethb0", "10.200.3.2/24"));
        nl.addresses().add(AddressSpec.of("veth0", "fd00:200::2/64").withFlag(AddressFlag.NODAD));
    }

    @AfterEach
    void tearDown() throws IOException {
        if (ns != null) ns.close();
    }

    private List<Map<String, Object>> ipRoutes(String... extra) throws IOException {
        String[] args = new String[4 + extra.length];
        args[0] = "-j";
        System.arraycopy(extra, 0, args, 1, extra.length);
        args[1 + extra.length] = "route";
        args[2 + extra.length] = "show";
        args[3 + extra.length] = "table";
        String[] a = java.util.Arrays.copyOf(args, args.length + 1);
        a[a.length - 1] = "all";
        return Json.array(Ip.in(ns.name(), a));
    }

    private Map<String, Object> ipRoute(String dst, String family) throws IOException {
        return ipRoutes(family).stream().filter(r -> dst.equals(r.get("dst"))).findFirst()
                .orElseThrow(() -> new AssertionError("ip shows no route to " + dst));
    }

    @Test
    void everyKindOfRoute() throws Exception {
        Routes r = nl.routes();
        InetAddress gw = InetAddress.ofLiteral("10.200.0.1");
        r.add(RouteSpec.defaultVia(gw));
        r.add(RouteSpec.to("10.200.10.0/24").withGateway(gw).withLink("veth0").withMetric(7).withPreferredSource(InetAddress.ofLiteral("10.200.0.2")));
        r.add(RouteSpec.to("10.200.11.0/24").withLink("veth0"));
        r.add(RouteSpec.to("10.200.12.0/24").withGateway(gw).withTable(RouteTable.of(100)));
        r.add(RouteSpec.to("10.200.13.0/24").withType(RouteType.BLACKHOLE));
        r.add(RouteSpec.to("10.200.14.0/24").withType(RouteType.UNREACHABLE));
        r.add(RouteSpec.to("10.200.15.0/24").withType(RouteType.PROHIBIT));
        r.add(RouteSpec.to("10.200.16.1/32").withType(RouteType.LOCAL).withLink("veth0").withTable(RouteTable.LOCAL));
        r.add(RouteSpec.to("10.200.17.0/24").withNexthops(List.of(NexthopSpec.via(gw, "veth0").withWeight(2),
                NexthopSpec.via(InetAddress.ofLiteral("10.200.3.1"), "vethb0"))));
        r.add(RouteSpec.to("fd00:201::/64").withGateway(InetAddress.ofLiteral("fd00:200::1")).withLink("veth0").withMetric(50));

        assertEquals("10.200.0.1", ipRoute("default", "-4").get("gateway"));
        Map<String, Object> m = ipRoute("10.200.10.0/24", "-4");
        assertEquals(7L, m.get("metric"));
        assertEquals("10.200.0.2", m.get("prefsrc"));
        assertEquals("link", ipRoute("10.200.11.0/24", "-4").get("scope"));
        assertEquals("100", ipRoute("10.200.12.0/24", "-4").get("table"));
        assertEquals("blackhole", ipRoute("10.200.13.0/24", "-4").get("type"));
        assertEquals("unreachable", ipRoute("10.200.14.0/24", "-4").get("type"));
        assertEquals("prohibit", ipRoute("10.200.15.0/24", "-4").get("type"));
        assertEquals("local", ipRoute("10.200.16.1", "-4").get("type"));
        assertEquals(2, ((List<?>) ipRoute("10.200.17.0/24", "-4").get("nexthops")).size());
        assertEquals(50L, ipRoute("fd00:201::/64", "-6").get("metric"));

        List<Route> ours = r.list();
        Route def = ours.stream().filter(x -> x.family() == AddressFamily.INET && x.isDefault()).findFirst().orElseThrow();
        assertEquals(gw, def.gateway().orElseThrow());
        assertEquals(RouteProtocol.BOOT, def.protocol(), "boot, as ip uses");
        Route mp = ours.stream().filter(x -> "10.200.17.0/24".equals(x.destinationText())).findFirst().orElseThrow();
        assertEquals(2, mp.multipath().size());
        assertEquals(2, mp.multipath().get(0).weight());
        assertEquals(nl.links().index("vethb0"), mp.multipath().get(1).outputIndex());
        assertEquals(RouteTable.of(100), ours.stream().filter(x -> "10.200.12.0/24".equals(x.destinationText())).findFirst().orElseThrow().table());
        // Every route ip lists, we list, with the same destination, table and type.
        for (String fam : List.of("-4", "-6")) {
            List<String> fromIp = ipRoutes(fam).stream().map(x -> x.get("dst") + " " + x.getOrDefault("type", "unicast")).sorted().toList();
            List<String> fromUs = r.list(fam.equals("-4") ? AddressFamily.INET : AddressFamily.INET6).stream()
                    .filter(x -> !(x.family() == AddressFamily.INET6 && x.type() == RouteType.UNREACHABLE && x.table().equals(RouteTable.UNSPEC)))
                    .map(x -> x.destinationText() + " " + x.type().name().toLowerCase()).sorted().toList();
            assertEquals(fromIp, fromUs, fam);
        }
    }

    /**
     * An IPv6 route to an IPv4-mapped prefix (::ffff:10.200.0.0/120) is IPv6 both ways: ip's route reads
     * back as an INET6 route with ip's text, and ours is the route ip shows (the JDK's address types make
     * such an address IPv4 unless told otherwise).
     */
    @Test
    void anIpv4MappedDestinationStaysIpv6() throws Exception {
        Ip.in(ns.name(), "-6", "route", "add", "::ffff:10.200.9.0/120", "dev", "veth0");
        List<Route> v6 = nl.routes().list(AddressFamily.INET6);
        Route theirs = v6.stream().filter(x -> x.destinationText().equals("::ffff:10.200.9.0/120"))
                .findFirst().orElseThrow(() -> new AssertionError("no ::ffff:10.200.9.0/120 in " + v6));
        assertEquals(AddressFamily.INET6, theirs.family());
        nl.routes().add(RouteSpec.to("::ffff:10.200.8.0/120").withLink("veth0"));
        assertEquals("veth0", ipRoute("::ffff:10.200.8.0/120", "-6").get("dev"));
    }

    /**
     * RTA_MULTIPATH's length is 16 bits: 4,097 next hops of 16 bytes each do not fit, and a writer that
     * let the length wrap sent a single-path route the kernel installed and acknowledged.
     */
    @Test
    void aMultipathRouteTooLongForOneAttributeIsRefusedBeforeAnythingIsSent() throws Exception {
        InetAddress gw = InetAddress.ofLiteral("10.200.0.1");
        List<NexthopSpec> hops = java.util.Collections.nCopies(4_097, NexthopSpec.via(gw, "veth0"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> nl.routes().add(RouteSpec.to("10.200.18.0/24").withNexthops(hops)));
        assertTrue(e.getMessage().contains("65,535"), e.getMessage());
        assertTrue(ipRoutes("-4").stream().noneMatch(x -> "10.200.18.0/24".equals(x.get("dst"))), "nothing was installed");
        // The socket is still good for the next request.
        nl.routes().add(RouteSpec.to("10.200.18.0/24").withNexthops(java.util.Collections.nCopies(2, NexthopSpec.via(gw, "veth0"))));
        assertEquals(2, ((List<?>) ipRoute("10.200.18.0/24", "-4").get("nexthops")).size());
    }

    @Test
    void replaceDeleteAndRoutesMadeByIp() throws Exception {
        Routes r = nl.routes();
        RouteSpec s = RouteSpec.to("10.200.20.0/24").withGateway(InetAddress.ofLiteral("10.200.0.1"));
        Route added = r.add(s);
        assertEquals(InetAddress.ofLiteral("10.200.0.1"), added.gateway().orElseThrow());
        assertEquals(RouteTable.MAIN, added.table());
        assertEquals(added, r.list(AddressFamily.INET, RouteTable.MAIN).stream().filter(x -> "10.200.20.0/24".equals(x.destinationText())).findFirst().orElseThrow(),
                "add returns the route as a dump shows it");
        assertThrows(AlreadyExistsException.class, () -> r.add(s));
        r.replace(RouteSpec.to("10.200.20.0/24").withGateway(InetAddress.ofLiteral("10.200.3.1")));
        assertEquals("10.200.3.1", ipRoute("10.200.20.0/24", "-4").get("gateway"));
        r.delete(RouteSpec.to("10.200.20.0/24"));
        assertFalse(ipRoutes("-4").stream().anyMatch(x -> "10.200.20.0/24".equals(x.get("dst"))));

        Ip.in(ns.name(), "route", "add", "10.200.30.0/24", "via", "10.200.0.1", "dev", "veth0", "metric", "9", "proto", "static");
        Route made = r.list(AddressFamily.INET, RouteTable.MAIN).stream().filter(x -> "10.200.30.0/24".equals(x.destinationText())).findFirst().orElseThrow();
        assertEquals(InetAddress.ofLiteral("10.200.0.1"), made.gateway().orElseThrow());
        assertEquals(9, made.metric().getAsLong());
        assertEquals(RouteProtocol.STATIC, made.protocol());
        assertEquals(nl.links().index("veth0"), made.outputIndex().getAsInt());
        assertTrue(r.list(AddressFamily.INET).stream().allMatch(x -> x.family() == AddressFamily.INET));
    }

    @Test
    void findAndGetByTheKernelsKeyAndLookupAsIpRouteGet() throws Exception {
        InetAddress gw = InetAddress.ofLiteral("10.200.0.1");
        nl.routes().add(RouteSpec.to("10.200.30.0/24").withGateway(gw).withMetric(30));
        nl.routes().add(RouteSpec.to("10.200.30.0/24").withGateway(gw).withTable(RouteTable.of(30)));
        Route main = nl.routes().get(RouteSpec.to("10.200.30.0/24"));
        assertEquals(RouteTable.MAIN, main.table());
        assertEquals(30, main.metric().orElseThrow());
        assertEquals(RouteTable.of(30), nl.routes().get(RouteSpec.to("10.200.30.0/24").withTable(RouteTable.of(30))).table());
        assertTrue(nl.routes().find(RouteSpec.to("10.200.30.0/24").withMetric(31)).isEmpty(), "another metric is another route");
        assertThrows(io.github.netlink4j.error.NotFoundException.class, () -> nl.routes().get(RouteSpec.to("10.200.31.0/24")));
        Route via = nl.routes().lookup(io.github.netlink4j.route.RouteQuery.to(InetAddress.ofLiteral("10.200.30.9")));
        assertEquals(gw, via.gateway().orElseThrow());
        assertTrue(Ip.in(ns.name(), "route", "get", "10.200.30.9").contains("via 10.200.0.1"));
    }
}
