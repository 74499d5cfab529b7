package io.github.netlink4j;

import io.github.netlink4j.address.Address;
import io.github.netlink4j.address.AddressSpec;
import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.internal.transport.RequestSocket;
import io.github.netlink4j.internal.transport.SocketFactory;
import io.github.netlink4j.link.Link;
import io.github.netlink4j.link.LinkSelector;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.route.Route;
import io.github.netlink4j.route.RouteProtocol;
import io.github.netlink4j.route.RouteSelector;
import io.github.netlink4j.route.RouteSpec;
import io.github.netlink4j.route.RouteTable;
import io.github.netlink4j.route.RouteType;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dumps of one table, one master, one kind or one link receive only what they select: the kernel
 * selects (NETLINK_GET_STRICT_CHK with the request's selectors), counted as the data messages the
 * socket received, not as what the handle kept.
 */
class KernelSelectionTest {
    private ThrowawayNamespace ns;
    private NetlinkClient nl;
    private RequestSocket socket;
    private Links links;

    @BeforeEach
    void setUp() throws IOException {
        ns = ThrowawayNamespace.create("select");
        nl = ns.client();
        // a socket of our own, so the count is of the dump the test asked for and nothing else
        socket = SocketFactory.in(ns.ns().fd()).requests();
        links = new Links(socket);
    }

    @AfterEach
    void tearDown() throws IOException {
        if (socket != null) socket.close();
        if (ns != null) ns.close();
    }

    @Test
    void aRouteDumpOfOneTableReceivesThatTable() throws Exception {
        List<RouteSpec> specs = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            specs.add(RouteSpec.to("10.200." + i + ".0/24").withType(RouteType.BLACKHOLE).withTable(RouteTable.of(100))
                    .withProtocol(i < 10 ? RouteProtocol.STATIC : RouteProtocol.BOOT));
        }
        for (int i = 0; i < 5; i++) specs.add(RouteSpec.to("198.18." + i + ".0/24").withType(RouteType.BLACKHOLE));
        nl.routes().addAll(specs).orThrow();
        nl.links().add(LinkSpec.ifb("d0"));
        nl.links().setUp("d0");
        nl.routes().addAll(List.of(RouteSpec.to("10.201.0.0/24").withLink("d0").withTable(RouteTable.of(100)),
                RouteSpec.to("10.201.1.0/24").withLink("d0").withTable(RouteTable.of(100)))).orThrow();
        Routes routes = new Routes(socket, links);

        List<Route> main = routes.list(AddressFamily.INET, RouteTable.MAIN);
        assertEquals(5, main.size(), main::toString);
        assertEquals(5, socket.lastDumpMessages(), "messages received for the main table");

        assertEquals(202, routes.list(AddressFamily.INET, RouteTable.of(100)).size());
        assertEquals(202, socket.lastDumpMessages());

        List<Route> viaD0 = routes.list(AddressFamily.INET, RouteSelector.of(RouteTable.of(100)).withLink("d0"));
        assertEquals(2, viaD0.size(), viaD0::toString);
        assertEquals(2, socket.lastDumpMessages(), "messages received for table 100 dev d0");

        List<Route> stat = routes.list(AddressFamily.INET, RouteSelector.of(RouteTable.of(100)).withProtocol(RouteProtocol.STATIC));
        assertEquals(10, stat.size());
        assertEquals(10, socket.lastDumpMessages(), "messages received for table 100 proto static");

        List<Route> unicast = routes.list(AddressFamily.INET, RouteSelector.of(RouteTable.of(100)).withType(RouteType.UNICAST));
        assertEquals(2, unicast.size());
        assertEquals(2, socket.lastDumpMessages(), "messages received for table 100 type unicast");
    }

    @Test
    void aTableNobodyMadeHasNoRoutes() throws Exception {
        Routes routes = new Routes(socket, links);
        assertEquals(List.of(), routes.list(AddressFamily.INET, RouteTable.of(4242)));
        assertEquals(List.of(), routes.list(AddressFamily.INET6, RouteTable.of(4242)));
    }

    @Test
    void aRequiredTableNobodyMadeIsNotFoundWithTheKernelsWords() throws Exception {
        Routes routes = new Routes(socket, links);
        for (AddressFamily f : List.of(AddressFamily.INET, AddressFamily.INET6)) {
            io.github.netlink4j.error.NotFoundException e = org.junit.jupiter.api.Assertions.assertThrows(io.github.netlink4j.error.NotFoundException.class,
                    () -> routes.list(f, RouteSelector.of(RouteTable.of(4242)).withTableRequired()));
            assertEquals(io.github.netlink4j.error.Errno.ENOENT, e.errno());
            assertEquals(java.util.Optional.of((f == AddressFamily.INET ? "ipv4" : "ipv6") + ": FIB table does not exist"),
                    e.kernelError().orElseThrow().extAckMessage());
        }
        assertEquals(List.of(), routes.list(AddressFamily.INET6, RouteSelector.of(RouteTable.MAIN).withTableRequired()).stream()
                .filter(r -> r.table().value() != 254).toList(), "a table that exists is listed");
    }

    @Test
    void aLinkDumpOfOneMasterOrKindReceivesThoseLinks() throws Exception {
        nl.links().add(LinkSpec.bridge("br0"));
        List<LinkSpec> ifbs = new ArrayList<>();
        for (int i = 0; i < 40; i++) ifbs.add(LinkSpec.ifb("d" + i));
        nl.links().addAll(ifbs).orThrow();
        for (int i = 0; i < 3; i++) nl.links().setMaster("d" + i, "br0");

        List<Link> ports = links.list(LinkSelector.empty().withMaster("br0"));
        assertEquals(List.of("d0", "d1", "d2"), ports.stream().map(Link::name).sorted().toList());
        assertEquals(3, socket.lastDumpMessages(), "messages received for master br0");

        List<Link> bridges = links.list(LinkSelector.empty().withKind("bridge"));
        assertEquals(List.of("br0"), bridges.stream().map(Link::name).toList());
        assertEquals(1, socket.lastDumpMessages(), "messages received for type bridge");

        assertEquals(42, links.list().size()); // lo, br0 and the ifbs
        assertEquals(42, socket.lastDumpMessages());
    }

    @Test
    void anAddressDumpOfOneLinkReceivesItsAddresses() throws Exception {
        nl.links().addAll(List.of(LinkSpec.ifb("d1"), LinkSpec.ifb("d2"))).orThrow();
        List<AddressSpec> specs = new ArrayList<>();
        for (int i = 1; i <= 50; i++) specs.add(AddressSpec.of("d1", "10.200.1." + i + "/32"));
        for (int i = 1; i <= 3; i++) specs.add(AddressSpec.of("d2", "10.200.2." + i + "/32"));
        nl.addresses().addAll(specs).orThrow();
        Addresses addresses = new Addresses(socket, links);

        List<Address> onD2 = addresses.list("d2");
        assertEquals(3, onD2.size());
        assertTrue(onD2.stream().allMatch(a -> a.index() == onD2.get(0).index()));
        assertEquals(3, socket.lastDumpMessages(), "messages received for dev d2");
    }
}
