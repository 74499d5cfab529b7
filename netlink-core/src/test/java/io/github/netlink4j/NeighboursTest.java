package io.github.netlink4j;

import io.github.netlink4j.address.Address;
import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.common.MacAddress;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.neighbour.Neighbour;
import io.github.netlink4j.neighbour.NeighbourSpec;
import io.github.netlink4j.neighbour.NeighbourState;

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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ARP and NDP entries through the API, cross-checked with {@code ip -j neigh}. */
class NeighboursTest {
    private ThrowawayNamespace ns;
    private NetlinkClient nl;

    @BeforeEach
    void setUp() throws IOException {
        ns = ThrowawayNamespace.create("neigh");
        nl = ns.client();
        nl.links().add(LinkSpec.veth("veth0", "veth1"));
        nl.links().setUp("veth0");
    }

    @AfterEach
    void tearDown() throws IOException {
        if (ns != null) ns.close();
    }

    private List<Map<String, Object>> ipNeigh() throws IOException {
        return Json.array(Ip.in(ns.name(), "-j", "neigh", "show", "nud", "all"));
    }

    @Test
    void addReplaceDeleteList() throws Exception {
        Neighbours n = nl.neighbours();
        InetAddress v4 = InetAddress.ofLiteral("10.200.0.7");
        InetAddress v6 = InetAddress.ofLiteral("fd00:200::7");
        Neighbour made = n.add(NeighbourSpec.of("veth0", v4, MacAddress.of("02:00:00:00:00:07")));
        assertEquals(java.util.Optional.of(v4), made.address());
        assertEquals(AddressFamily.INET, made.family());
        assertEquals(java.util.Set.of(NeighbourState.PERMANENT), made.state());
        assertEquals(made, n.get("veth0", v4), "add returns the entry as a get shows it");
        assertTrue(n.find("veth0", InetAddress.ofLiteral("10.200.0.99")).isEmpty());
        assertThrows(io.github.netlink4j.error.NotFoundException.class, () -> n.get("veth0", InetAddress.ofLiteral("10.200.0.99")));
        Neighbour made6 = n.add(NeighbourSpec.of("veth0", v6, MacAddress.of("02:00:00:00:00:08")).withState(NeighbourState.REACHABLE));
        assertEquals(AddressFamily.INET6, made6.family());
        Map<String, Object> e4 = ipNeigh().stream().filter(x -> "10.200.0.7".equals(x.get("dst"))).findFirst().orElseThrow();
        assertEquals("02:00:00:00:00:07", e4.get("lladdr"));
        assertEquals(List.of("PERMANENT"), e4.get("state"));
        Map<String, Object> e6 = ipNeigh().stream().filter(x -> "fd00:200::7".equals(x.get("dst"))).findFirst().orElseThrow();
        assertEquals("02:00:00:00:00:08", e6.get("lladdr"));
        assertEquals(List.of(AddressFamily.INET6), n.list(AddressFamily.INET6).stream().map(Neighbour::family).distinct().toList());

        n.replace(NeighbourSpec.of("veth0", v4, MacAddress.of("02:00:00:00:00:17")));
        Neighbour ours = n.list("veth0").stream().filter(x -> x.address().orElseThrow().equals(v4)).findFirst().orElseThrow();
        assertEquals(MacAddress.of("02:00:00:00:00:17"), ours.lladdr().orElseThrow());
        assertTrue(ours.state().contains(NeighbourState.PERMANENT));
        assertEquals(nl.links().index("veth0"), ours.index());

        Ip.in(ns.name(), "neigh", "add", "10.200.0.9", "lladdr", "02:00:00:00:00:09", "dev", "veth0", "nud", "noarp");
        Neighbour byIp = n.list().stream().filter(x -> x.address().orElseThrow().getHostAddress().equals("10.200.0.9")).findFirst().orElseThrow();
        assertTrue(byIp.state().contains(NeighbourState.NOARP));

        n.delete(NeighbourSpec.of("veth0", v4));
        assertTrue(ipNeigh().stream().noneMatch(x -> "10.200.0.7".equals(x.get("dst"))));
        List<String> fromIp = ipNeigh().stream().map(x -> (String) x.get("dst")).sorted().toList();
        List<String> fromUs = n.list().stream().map(x -> Address.format(x.address().orElseThrow())).sorted().toList();
        assertEquals(fromIp, fromUs);
    }

    @Test
    void manyEntriesAddedAndDeletedInBulkAsIpSeesThem() throws Exception {
        List<NeighbourSpec> specs = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            specs.add(NeighbourSpec.of("veth0", InetAddress.ofLiteral("10.200.1." + (i + 1)), MacAddress.of(String.format("02:00:00:00:01:%02x", i + 1))));
        }
        specs.add(NeighbourSpec.of("veth0", InetAddress.ofLiteral("10.200.1.1"), MacAddress.of("02:00:00:00:01:01"))); // a duplicate
        io.github.netlink4j.common.BulkResult<Void> added = nl.neighbours().addAll(specs);
        assertEquals(java.util.Set.of(100), added.failures().keySet(), "the duplicate alone failed: " + added.failures());
        assertTrue(added.error(100).orElseThrow() instanceof io.github.netlink4j.error.AlreadyExistsException, added.failures().toString());
        assertEquals(100, ipNeigh().stream().filter(x -> String.valueOf(x.get("dst")).startsWith("10.200.1.")).count());
        assertEquals("02:00:00:00:01:32", ipNeigh().stream().filter(x -> "10.200.1.50".equals(x.get("dst"))).findFirst().orElseThrow().get("lladdr"));
        io.github.netlink4j.common.BulkResult<Void> deleted = nl.neighbours().deleteAll(specs.subList(0, 100));
        assertTrue(deleted.allSucceeded(), deleted.failures().toString());
        assertEquals(0, ipNeigh().stream().filter(x -> String.valueOf(x.get("dst")).startsWith("10.200.1.")).count());
    }
}
