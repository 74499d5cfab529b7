package io.github.netlink4j.topology;

import io.github.netlink4j.error.TopologyException;
import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.route.RouteSpec;
import io.github.netlink4j.route.RouteTable;
import io.github.netlink4j.route.RuleSpec;
import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Topologies applied in a throwaway "host" namespace (never the machine's own): the seed reaches a
 * server, a failing step leaves everything as it was, close removes exactly what was made, diff sees
 * what changed behind the topology's back.
 */
class TopologyTest {
    private ThrowawayNamespace hostNs;
    private NetlinkClient host;
    private String inside;

    @BeforeEach
    void setUp() throws IOException {
        hostNs = ThrowawayNamespace.create("topo-host");
        host = hostNs.client();
        inside = ThrowawayNamespace.uniqueName("topo-in");
    }

    @AfterEach
    void tearDown() throws IOException {
        if (NetNamespace.exists(inside)) NetNamespace.delete(inside);
        if (hostNs != null) hostNs.close();
    }

    private Topology seed() {
        return Topology.builder()
                .namespace(inside)
                .veth("veth0", "veth1").in(inside)
                .up(inside, "lo")
                .address("veth0", "10.200.0.2/24")
                .address(inside, "veth1", "10.200.0.3/24")
                .up("veth0").up(inside, "veth1")
                .build();
    }

    /** The mounts of this test's inside namespace: other runs on the machine mount and unmount theirs meanwhile. */
    private String mounts() throws IOException {
        return String.join("\n", Files.readAllLines(Path.of("/proc/self/mountinfo")).stream().filter(l -> l.contains("/run/netns/" + inside + " ")).sorted().toList());
    }

    @Test
    void theSeedAsATopologyReachesAServerInside() throws Exception {
        try (AppliedTopology t = seed().apply(host)) {
            assertEquals(List.of(inside), t.namespaces().keySet().stream().toList());
            // A server socket made inside the namespace stays there; the client connects from the host side.
            try (ServerSocket server = t.namespace(inside).call(() -> new ServerSocket(8080, 1, InetAddress.ofLiteral("10.200.0.3")))) {
                Thread serve = Thread.ofPlatform().start(() -> {
                    try (Socket s = server.accept(); OutputStream o = s.getOutputStream()) {
                        o.write("hello from inside\n".getBytes(StandardCharsets.UTF_8));
                    } catch (IOException ignored) {
                        // the client's assertion reports it
                    }
                });
                String got = hostNs.ns().call(() -> {
                    try (Socket c = new Socket()) {
                        c.connect(new InetSocketAddress("10.200.0.3", 8080), 5000);
                        c.setSoTimeout(5000);
                        InputStream in = c.getInputStream();
                        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    }
                });
                serve.join(5000);
                assertEquals("hello from inside\n", got);
            }
            assertEquals(List.of(), seed().diff(host, t), "nothing differs while it stands");
        }
        assertFalse(NetNamespace.exists(inside), "close deleted the namespace");
        assertTrue(host.links().find("veth0").isEmpty(), "and the host end of the veth");
    }

    @Test
    void aFailingStepLeavesEverythingAsItWas() throws Exception {
        host.links().add(LinkSpec.ifb("ifb0"));
        String links = Ip.in(hostNs.name(), "-j", "link");
        String addrs = Ip.in(hostNs.name(), "-j", "addr");
        String mounts = mounts();
        Topology broken = Topology.builder()
                .namespace(inside)                                   // 1
                .veth("veth0", "veth1").in(inside)                   // 2
                .link(LinkSpec.ifb("ifb1"))                          // 3
                .up(inside, "lo")                                    // 8: links are brought up after every address
                .address("veth0", "10.200.0.2/24")                   // 4, 5, 6
                .address("ifb0", "10.200.1.2/24")
                .address(inside, "veth1", "10.200.0.3/24")
                .address(inside, "nosuch", "10.200.2.2/24")          // 7: no such link in there
                .up("ifb0")
                .build();
        TopologyException e = assertThrows(TopologyException.class, () -> broken.apply(host));
        assertEquals(7, e.step(), e.getMessage());
        assertTrue(e.getMessage().startsWith("step 7 of 9: address 10.200.2.2/24 on nosuch in " + inside + ": "), e.getMessage());
        assertEquals(links, Ip.in(hostNs.name(), "-j", "link"), "host links as before (ifb1 and veth0 gone, ifb0 kept)");
        assertEquals(addrs, Ip.in(hostNs.name(), "-j", "addr"), "host addresses as before (10.200.1.2 on ifb0 gone)");
        assertFalse(NetNamespace.exists(inside), "no namespace left behind");
        assertEquals(mounts, mounts(), "no mount left behind");
    }

    /**
     * A host batch the kernel refuses in the middle: the items before and after the refused one were
     * made (a batch is sent whole, and the kernel goes on after an error), so they are undone with the rest.
     */
    @Test
    void aHostBatchThatFailsPartWayIsUndoneWhole() throws Exception {
        host.links().add(LinkSpec.ifb("ifb0"));
        host.addresses().add(io.github.netlink4j.address.AddressSpec.of("ifb0", "10.200.9.1/24"));
        host.links().setUp("ifb0");
        String before = Ip.in(hostNs.name(), "-j", "addr") + Ip.in(hostNs.name(), "-j", "route", "show", "table", "all");
        Topology t = Topology.builder()
                .address("ifb0", "10.200.8.1/24")
                .route(RouteSpec.to("10.200.60.0/24").withLink("ifb0"))
                .route(RouteSpec.to("10.200.61.0/24").withGateway(InetAddress.ofLiteral("10.200.99.1"))) // unreachable gateway
                .route(RouteSpec.to("10.200.62.0/24").withLink("ifb0"))
                .build();
        // What the kernel did with the batch, seen as it happened (the undo removes it before apply returns).
        List<String> made = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (io.github.netlink4j.Subscription s = host.listen(java.util.EnumSet.of(io.github.netlink4j.event.EventGroup.IPV4_ROUTE),
                io.github.netlink4j.Subscription.Options.DEFAULTS, e -> {
                    if (e instanceof io.github.netlink4j.event.NetlinkEvent.RouteEvent re
                            && re.action() == io.github.netlink4j.event.NetlinkEvent.Action.NEW) made.add(re.route().destination().map(InetAddress::getHostAddress).orElse("default") + "/" + re.route().destinationLength());
                })) {
            TopologyException e = assertThrows(TopologyException.class, () -> t.apply(host));
            assertTrue(e.getMessage().startsWith("step 3 of 4: route 10.200.61.0/24 in host: "), e.getMessage());
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!(made.contains("10.200.60.0/24") && made.contains("10.200.62.0/24")) && System.nanoTime() < deadline) Thread.sleep(10);
        }
        assertTrue(made.contains("10.200.60.0/24") && made.contains("10.200.62.0/24"), "the items around the refused one were made: " + made);
        assertEquals(before, Ip.in(hostNs.name(), "-j", "addr") + Ip.in(hostNs.name(), "-j", "route", "show", "table", "all"),
                "the address and both routes made by the part-failed batch are gone");
    }

    @Test
    void aLinkOfTheRightNameButAnotherKindIsADifference() throws Exception {
        host.links().add(LinkSpec.ifb("tk0"));
        assertEquals(List.of(), Topology.builder().link(LinkSpec.ifb("tk0")).build().diff(host, null));
        assertEquals(List.of(new Difference("host", "link", "tk0 (bridge)")),
                Topology.builder().link(LinkSpec.bridge("tk0")).build().diff(host, null), "LinkSpec.matches: name and kind");
    }

    @Test
    void closeRemovesOnlyWhatItMadeAndRestoresWhatItBroughtUp() throws Exception {
        host.links().add(LinkSpec.ifb("ifb0"));
        host.addresses().add(io.github.netlink4j.address.AddressSpec.of("ifb0", "10.200.9.1/24"));
        // -br: the qdisc a link gets when first up (noop to pfifo_fast) is the kernel's, not the topology's
        String before = Ip.in(hostNs.name(), "-br", "addr") + Ip.in(hostNs.name(), "-j", "rule") + Ip.in(hostNs.name(), "route", "show", "table", "all");
        Topology t = Topology.builder()
                .link(LinkSpec.ifb("ifb1"))
                .address("ifb0", "10.200.8.1/24")
                .address("ifb1", "10.200.7.1/24")
                .up("ifb0").up("ifb1")
                .route(RouteSpec.to("10.200.60.0/24").withLink("ifb0"))
                .rule(RuleSpec.of(AddressFamily.INET).withSource("10.200.8.0/24").withPriority(100).withLookup(RouteTable.of(100)))
                .build();
        try (AppliedTopology a = t.apply(host)) {
            assertTrue(host.links().get("ifb0").isUp());
            assertEquals(List.of(), t.diff(host, a));
            // behind the topology's back
            host.addresses().delete(io.github.netlink4j.address.AddressSpec.of("ifb0", "10.200.8.1/24"));
            List<Difference> d = t.diff(host, a);
            assertEquals(List.of(new Difference("host", "address", "10.200.8.1/24 on ifb0")), d);
            host.routes().delete(RouteSpec.to("10.200.60.0/24").withLink("ifb0"));
            assertEquals(new Difference("host", "route", "10.200.60.0/24"), t.diff(host, a).get(1));
        }
        assertEquals(before, Ip.in(hostNs.name(), "-br", "addr") + Ip.in(hostNs.name(), "-j", "rule") + Ip.in(hostNs.name(), "route", "show", "table", "all"),
                "ifb0 is down again with its own address only, ifb1 gone, the rule and route gone");
        assertTrue(host.links().find("ifb1").isEmpty());
        assertFalse(host.links().get("ifb0").isUp());
    }

    /** A link that was up before the topology brought it "up" is not the topology's to take down. */
    @Test
    void closeLeavesUpALinkThatWasUpBefore() throws Exception {
        host.links().add(LinkSpec.ifb("ifb0"));
        host.links().setUp("ifb0");
        String before = Ip.in(hostNs.name(), "-br", "link", "show", "dev", "ifb0");
        Topology t = Topology.builder().address("ifb0", "10.200.8.1/24").up("ifb0").build();
        try (AppliedTopology a = t.apply(host)) {
            assertEquals(List.of(), t.diff(host, a));
        }
        assertEquals(before, Ip.in(hostNs.name(), "-br", "link", "show", "dev", "ifb0"), "ifb0 still up, as the topology found it");
        assertEquals("", Ip.in(hostNs.name(), "-4", "addr", "show", "dev", "ifb0"), "only the topology's address went");
    }

    /**
     * The host end of a veth whose peer was in a named namespace goes with that namespace; when
     * something else still holds the namespace (a handle here, a process in real life), close deletes
     * it itself after its wait rather than leave it.
     */
    @Test
    void closeRemovesTheHostEndOfAVethWhosePeersNamespaceIsStillHeld() throws Exception {
        Topology t = Topology.builder().namespace(inside).veth("veth0", "veth1").in(inside).build();
        NetNamespace held = null;
        try {
            try (AppliedTopology a = t.apply(host)) {
                held = NetNamespace.open(inside);
            }
            assertFalse(NetNamespace.exists(inside), "the name is gone");
            try (NetlinkClient inHeld = NetlinkClient.open(held)) {
                assertTrue(inHeld.links().find("veth1").isEmpty(), "the peer went with its host end");
            }
            assertEquals("", Ip.in(hostNs.name(), "-br", "link", "show", "type", "veth"), "no veth left in the host");
        } finally {
            if (held != null) held.close();
        }
    }

    /** diff names each kind of thing taken down or removed behind the topology's back, in the topology's order. */
    @Test
    void diffNamesWhatWasTakenDownOrRemovedBehindItsBack() throws Exception {
        Topology t = Topology.builder()
                .link(LinkSpec.ifb("ifb1"))
                .link(LinkSpec.ifb("ifb2"))
                .up("ifb1").up("ifb2")
                .rule(RuleSpec.of(AddressFamily.INET).withSource("10.200.8.0/24").withPriority(100).withLookup(RouteTable.of(100)))
                .build();
        try (AppliedTopology a = t.apply(host)) {
            assertEquals(List.of(), t.diff(host, a));
            Ip.in(hostNs.name(), "link", "set", "ifb1", "down");
            Ip.in(hostNs.name(), "link", "del", "ifb2");
            Ip.in(hostNs.name(), "rule", "del", "priority", "100");
            assertEquals(List.of(new Difference("host", "link", "ifb2 (ifb)"), new Difference("host", "up", "ifb1"),
                    new Difference("host", "up", "ifb2"), new Difference("host", "rule", "priority 100")), t.diff(host, a));
        }
    }

    @Test
    void anonymousNamespacesAndDiffWithoutAHandle() throws Exception {
        Topology t = Topology.builder().anonymousNamespace("a").veth("va", "vb").in("a").up("a", "vb").build();
        try (AppliedTopology applied = t.apply(host)) {
            assertTrue(applied.client("a").links().get("vb").isUp());
            assertEquals(List.of(), t.diff(host, applied));
            assertEquals(List.of(new Difference("a", "namespace", "a")), t.diff(host, null), "an anonymous namespace cannot be seen by name");
        }
        assertTrue(host.links().find("va").isEmpty(), "the veth went with its namespace");
    }

    @Test
    void closeLeavesLinksReCreatedUnderTheirNamesBehindItsBack() throws Exception {
        Topology t = Topology.builder()
                .namespace(inside)
                .link(LinkSpec.bridge("br0"))
                .veth("veth0", "veth1").in(inside)
                .link(LinkSpec.ifb("ifb0"))
                .up("ifb0")
                .build();
        int br0, veth0;
        try (AppliedTopology a = t.apply(host)) {
            // someone else deletes what the topology made and makes their own under the same names
            host.links().delete("br0");
            br0 = host.links().add(LinkSpec.bridge("br0")).index();
            host.links().delete("veth0");                               // its peer inside goes with it
            veth0 = host.links().add(LinkSpec.veth("veth0", "vethz")).index();
        }
        assertEquals(java.util.Optional.of(br0), host.links().find("br0").map(io.github.netlink4j.link.Link::index), "the new br0 is not the topology's: it stays");
        assertEquals(java.util.Optional.of(veth0), host.links().find("veth0").map(io.github.netlink4j.link.Link::index),
                "nor is the new veth0, though the topology's veth0 had its peer inside");
        assertTrue(host.links().find("ifb0").isEmpty(), "what the topology made and nobody touched is gone");
    }

    @Test
    void closeLeavesANamespaceReCreatedUnderItsNameBehindItsBack() throws Exception {
        Topology t = Topology.builder().namespace(inside).up(inside, "lo").build();
        String theirs;
        try (AppliedTopology a = t.apply(host)) {
            String made = a.namespace(inside).id();
            NetNamespace.delete(inside);
            try (NetNamespace again = NetNamespace.create(inside)) {
                theirs = again.id();
            }
            assertFalse(theirs.equals(made), "a new namespace while the topology's is still held: " + made + " " + theirs);
        }
        assertTrue(NetNamespace.exists(inside), "the namespace re-created under the topology's name stays");
        try (NetNamespace now = NetNamespace.open(inside)) {
            assertEquals(theirs, now.id());
        }
        // tearDown deletes it
    }
}
