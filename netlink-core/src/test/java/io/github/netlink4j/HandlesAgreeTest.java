package io.github.netlink4j;

import io.github.netlink4j.address.AddressFlag;
import io.github.netlink4j.address.AddressSpec;
import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.common.MacAddress;
import io.github.netlink4j.link.LinkOptions;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.neighbour.Neighbour;
import io.github.netlink4j.neighbour.NeighbourSpec;
import io.github.netlink4j.route.Route;
import io.github.netlink4j.route.RouteSpec;

import io.github.netlink4j.error.AlreadyExistsException;
import io.github.netlink4j.error.Errno;
import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.error.NoSuchLinkException;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The verb rule and the error mapping hold for every handle alike: a duplicate is an
 * AlreadyExistsException, a missing link a NoSuchLinkException carrying the kernel's ENODEV, and the
 * address family comes back as the one {@link AddressFamily} it went in as. (EPERM needs a process
 * without CAP_NET_ADMIN; the one mapper every handle goes through is checked for it in ValidationTest.)
 */
class HandlesAgreeTest {
    private ThrowawayNamespace ns;
    private NetlinkClient nl;

    @BeforeEach
    void setUp() throws IOException {
        ns = ThrowawayNamespace.create("agree");
        nl = ns.client();
        nl.links().add(LinkSpec.veth("veth0", "veth1").withOptions(LinkOptions.DEFAULTS.withUp(true)));
        nl.links().setUp("veth1");
    }

    @AfterEach
    void tearDown() throws IOException {
        if (ns != null) ns.close();
    }

    private static void duplicate(String what, Executable add) throws Throwable {
        add.execute();
        AlreadyExistsException e = assertThrows(AlreadyExistsException.class, add, what);
        assertEquals(Errno.EEXIST, e.errno(), what);
        assertEquals("EEXIST", e.errnoName(), what);
    }

    @Test
    void everyHandleReportsADuplicateAsAlreadyExists() throws Throwable {
        duplicate("link", () -> nl.links().add(LinkSpec.ifb("ifb0")));
        duplicate("address", () -> nl.addresses().add(AddressSpec.of("veth0", "10.200.0.2/24")));
        duplicate("route", () -> nl.routes().add(RouteSpec.to("10.200.9.0/24").withGateway(InetAddress.ofLiteral("10.200.0.1"))));
        duplicate("neighbour", () -> nl.neighbours().add(NeighbourSpec.of("veth0", InetAddress.ofLiteral("10.200.0.7"),
                MacAddress.of("02:00:00:00:00:07"))));
        try (ThrowawayNamespace other = ThrowawayNamespace.create("agree-b")) {
            duplicate("nsid", () -> nl.nsids().set(other.ns(), 7));
        }
        // In a batch too: each item's error is mapped by the same rule.
        assertTrue(nl.addresses().addAll(List.of(AddressSpec.of("veth0", "10.200.0.2/24"))).error(0).orElseThrow()
                instanceof AlreadyExistsException);
        assertTrue(nl.routes().addAll(List.of(RouteSpec.to("10.200.9.0/24").withGateway(InetAddress.ofLiteral("10.200.0.1"))))
                .error(0).orElseThrow() instanceof AlreadyExistsException);
    }

    @Test
    void everyHandleReportsAMissingLinkAlike() throws Exception {
        Map<String, Executable> calls = Map.of(
                "links.get", () -> nl.links().get("nosuch0"),
                "links.setUp", () -> nl.links().setUp("nosuch0"),
                "addresses.add", () -> nl.addresses().add(AddressSpec.of("nosuch0", "10.200.0.2/24")),
                "addresses.list", () -> nl.addresses().list("nosuch0"),
                "routes.add", () -> nl.routes().add(RouteSpec.to("10.200.9.0/24").withLink("nosuch0")),
                "neighbours.add", () -> nl.neighbours().add(NeighbourSpec.of("nosuch0", InetAddress.ofLiteral("10.200.0.7"),
                        MacAddress.of("02:00:00:00:00:07"))),
                "neighbours.list", () -> nl.neighbours().list("nosuch0"));
        for (Map.Entry<String, Executable> c : calls.entrySet()) {
            NoSuchLinkException e = assertThrows(NoSuchLinkException.class, c.getValue(), c.getKey());
            assertEquals("nosuch0", e.link(), c.getKey());
            assertEquals("Cannot find device \"nosuch0\"", e.getMessage(), c.getKey());
            assertEquals(Errno.ENODEV, e.errno(), c.getKey() + ": the kernel's errno, not one made up");
            assertTrue(e.kernelError().isPresent(), c.getKey());
        }
        // A bulk delete resolves names with one dump: a missing one fails alone, with no kernel errno.
        NetlinkException alone = nl.links().deleteAll(List.of("nosuch0")).error(0).orElseThrow();
        assertTrue(alone instanceof NoSuchLinkException);
        assertEquals(0, alone.errno());
    }

    @Test
    void theFamilyRoundTripsThroughEveryHandle() throws Exception {
        assertEquals(AddressFamily.INET, nl.addresses().add(AddressSpec.of("veth0", "10.200.0.2/24")).family());
        assertEquals(AddressFamily.INET6, nl.addresses().add(AddressSpec.of("veth0", "fd00:200::2/64").withFlag(AddressFlag.NODAD)).family());
        for (AddressFamily f : List.of(AddressFamily.INET, AddressFamily.INET6)) {
            assertTrue(nl.addresses().list("veth0", f).stream().allMatch(a -> a.family() == f), f.toString());
            assertTrue(!nl.addresses().list(f).isEmpty(), f.toString());
        }
        assertEquals(AddressFamily.INET, nl.routes().add(RouteSpec.to("10.200.9.0/24").withLink("veth0")).family());
        assertEquals(AddressFamily.INET6, nl.routes().add(RouteSpec.to("fd00:201::/64").withLink("veth0")).family());
        for (AddressFamily f : List.of(AddressFamily.INET, AddressFamily.INET6)) {
            List<Route> routes = nl.routes().list(f);
            assertTrue(!routes.isEmpty() && routes.stream().allMatch(r -> r.family() == f), f.toString());
        }
        assertEquals(AddressFamily.INET, nl.neighbours().add(NeighbourSpec.of("veth0", InetAddress.ofLiteral("10.200.0.7"),
                MacAddress.of("02:00:00:00:00:07"))).family());
        assertEquals(AddressFamily.INET6, nl.neighbours().add(NeighbourSpec.of("veth0", InetAddress.ofLiteral("fd00:200::7"),
                MacAddress.of("02:00:00:00:00:08"))).family());
        for (AddressFamily f : List.of(AddressFamily.INET, AddressFamily.INET6)) {
            List<Neighbour> n = nl.neighbours().list(f);
            assertTrue(!n.isEmpty() && n.stream().allMatch(x -> x.family() == f), f.toString());
        }
    }
}
