package io.github.netlink4j;

import io.github.netlink4j.common.BulkResult;
import io.github.netlink4j.common.MacAddress;
import io.github.netlink4j.link.BondMode;
import io.github.netlink4j.link.IpvlanMode;
import io.github.netlink4j.link.Link;
import io.github.netlink4j.link.LinkData;
import io.github.netlink4j.link.LinkFlag;
import io.github.netlink4j.link.LinkOptions;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.link.MacvlanMode;

import io.github.netlink4j.error.AlreadyExistsException;
import io.github.netlink4j.error.NoSuchLinkException;
import io.github.netlink4j.error.UnsupportedLinkKindException;
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

/** Links made and changed through the API, cross-checked with {@code ip -j -d link} in the same namespace. */
class LinksTest {
    private ThrowawayNamespace ns;
    private Links links;

    @BeforeEach
    void setUp() throws IOException {
        ns = ThrowawayNamespace.create("links");
        links = ns.client().links();
    }

    @AfterEach
    void tearDown() throws IOException {
        if (ns != null) ns.close();
    }

    private Map<String, Object> ipLink(String name) throws IOException {
        return Json.array(Ip.in(ns.name(), "-j", "-d", "link", "show", "dev", name)).get(0);
    }

    @SuppressWarnings("unchecked")
    private static String kind(Map<String, Object> j) {
        Object li = j.get("linkinfo");
        return li == null ? null : (String) ((Map<String, Object>) li).get("info_kind");
    }

    private void assertSameAsIp(Link l) throws IOException {
        Map<String, Object> j = ipLink(l.name());
        assertEquals(((Number) j.get("ifindex")).intValue(), l.index(), l.name());
        assertEquals(((Number) j.get("mtu")).intValue(), l.mtu(), l.name());
        assertEquals(j.get("address"), l.address().map(MacAddress::toString).orElse(null), l.name());
        assertEquals(j.get("qdisc"), l.qdisc().orElse(null), l.name());
        assertEquals(((Number) j.get("txqlen")).longValue(), l.txQueueLength().orElse(-1), l.name());
        assertEquals(j.get("operstate"), l.operState().name(), l.name());
        @SuppressWarnings("unchecked") List<String> flags = (List<String>) j.get("flags");
        for (LinkFlag f : List.of(LinkFlag.UP, LinkFlag.BROADCAST, LinkFlag.MULTICAST, LinkFlag.NOARP, LinkFlag.LOOPBACK, LinkFlag.LOWER_UP)) {
            assertEquals(flags.contains(f.name()), l.flags().contains(f), l.name() + " " + f);
        }
        assertEquals(kind(j), l.kind().orElse(null), l.name());
        if (j.containsKey("min_mtu")) assertEquals(((Number) j.get("min_mtu")).intValue(), l.minMtu().orElse(-1));
        if (j.containsKey("max_mtu")) assertEquals(((Number) j.get("max_mtu")).intValue(), l.maxMtu().orElse(-1));
    }

    @Test
    void createEveryKindThisKernelHas() throws Exception {
        Link veth0 = links.add(LinkSpec.veth("veth0", "veth1"));
        Link veth1 = links.get("veth1");
        assertEquals(veth1.index(), veth0.parentIndex().getAsInt());
        assertEquals("veth1", ipLink("veth0").get("link"), "ip names the peer");
        Link br = links.add(LinkSpec.bridge("br0"));
        Link ifb = links.add(LinkSpec.ifb("ifb0"));
        Link mv = links.add(LinkSpec.macvlan("mv0", "veth0", MacvlanMode.BRIDGE));
        Link mt = links.add(LinkSpec.macvtap("mt0", "veth0", MacvlanMode.VEPA));
        Link vx = links.add(LinkSpec.vxlan("vx0", 42).withPort(4789).withLocal(InetAddress.ofLiteral("10.200.0.2"))
                .withRemote(InetAddress.ofLiteral("10.200.0.9")).withUnderlay("veth0"));
        for (Link l : List.of(veth0, veth1, br, ifb, mv, mt, vx)) assertSameAsIp(links.get(l.name()));
        // The echoed link is the kernel's own: same index and MAC as a fresh lookup.
        assertEquals(links.get("br0").address(), br.address());
        assertEquals(links.get("ifb0").index(), ifb.index());
        assertEquals(java.util.Optional.of(MacvlanMode.BRIDGE), ((LinkData.Macvlan) links.get("mv0").data().orElseThrow()).mode());
        assertEquals(java.util.Optional.of(MacvlanMode.VEPA), ((LinkData.Macvlan) links.get("mt0").data().orElseThrow()).mode());
        assertEquals(veth0.index(), links.get("mv0").parentIndex().getAsInt());
        LinkData.Vxlan d = (LinkData.Vxlan) links.get("vx0").data().orElseThrow();
        assertEquals(42, d.vni());
        assertEquals(4789, d.port().getAsInt());
        assertEquals(veth0.index(), d.underlayIndex().getAsInt());
        assertEquals(8, links.list().size(), "lo and the seven made here");
    }

    @Test
    void kindsThisKernelLacksAreRefusedByName() throws Exception {
        links.add(LinkSpec.veth("veth0", "veth1"));
        List<LinkSpec> specs = List.of(LinkSpec.dummy("dummy0"), LinkSpec.vlan("veth0.100", "veth0", 100),
                LinkSpec.ipvlan("ipv0", "veth0", IpvlanMode.L2), LinkSpec.bond("bond0", BondMode.ACTIVE_BACKUP));
        for (LinkSpec s : specs) {
            // ip, on the same kernel, says whether the kind exists: each case has one right outcome.
            Ip.Result probe = Ip.run("-n", ns.name(), "link", "add", "probe0", "type", s.kind());
            boolean kernelHasIt = probe.exit() == 0;
            if (kernelHasIt) Ip.in(ns.name(), "link", "del", "probe0");
            else assertTrue(probe.err().contains("Unknown device type"), probe.err());
            if (kernelHasIt) {
                Link l = links.add(s);
                assertSameAsIp(l);
                assertEquals(s.kind(), l.kind().orElseThrow());
            } else {
                UnsupportedLinkKindException e = assertThrows(UnsupportedLinkKindException.class, () -> links.add(s));
                assertEquals(s.kind(), e.kind());
                assertTrue(e.getMessage().contains("link kind \"" + s.kind() + "\" is not supported"), e.getMessage());
                assertTrue(e.getMessage().contains("Unknown device type"), e.getMessage());
                assertFalse(links.find(s.name()).isPresent());
            }
        }
    }

    @Test
    void linksMadeByIpAreDecodedFieldForField() throws Exception {
        Ip.in(ns.name(), "link", "add", "ipv0", "mtu", "1400", "address", "02:00:00:00:00:aa", "txqueuelen", "77",
                "type", "veth", "peer", "name", "ipv1");
        Ip.in(ns.name(), "link", "set", "ipv0", "alias", "made by ip", "group", "5", "up");
        Link l = links.get("ipv0");
        assertSameAsIp(l);
        assertEquals(1400, l.mtu());
        assertEquals(MacAddress.of("02:00:00:00:00:aa"), l.address().orElseThrow());
        assertEquals(77, l.txQueueLength().getAsLong());
        assertEquals("made by ip", l.alias().orElseThrow());
        assertEquals(5, l.group());
        assertTrue(l.isUp());
        assertEquals(links.get("ipv1").index(), l.parentIndex().getAsInt());
        assertEquals(links.get(l.index()), l);
    }

    @Test
    void changes() throws Exception {
        links.add(LinkSpec.veth("veth0", "veth1").withOptions(LinkOptions.DEFAULTS.withMtu(1450).withTxQueueLength(50)));
        links.add(LinkSpec.bridge("br0"));
        assertEquals(1450, ((Number) ipLink("veth0").get("mtu")).intValue());
        links.setUp("veth0");
        links.setUp("veth1");
        assertTrue(((List<?>) ipLink("veth0").get("flags")).contains("UP"));
        links.setDown("veth1");
        assertFalse(((List<?>) ipLink("veth1").get("flags")).contains("UP"));
        links.setMtu("veth0", 1300);
        assertEquals(1300, ((Number) ipLink("veth0").get("mtu")).intValue());
        links.setAddress("veth0", MacAddress.of("02:00:00:00:01:01"));
        assertEquals("02:00:00:00:01:01", ipLink("veth0").get("address"));
        links.setAlias("veth0", "uplink");
        assertEquals("uplink", ipLink("veth0").get("ifalias"));
        links.setTxQueueLength("veth0", 123);
        assertEquals(123, ((Number) ipLink("veth0").get("txqlen")).intValue());
        links.setMaster("veth0", "br0");
        assertEquals("br0", ipLink("veth0").get("master"));
        assertEquals(links.get("br0").index(), links.get("veth0").masterIndex().getAsInt());
        links.setNoMaster("veth0");
        assertFalse(ipLink("veth0").containsKey("master"));
        links.rename("veth1", "peer1");
        assertEquals("peer1", ipLink("veth0").get("link"));
        links.delete("veth0");
        assertThrows(NoSuchLinkException.class, () -> links.get("peer1"), "a veth's peer goes with it");
    }

    @Test
    void moveToAnotherNamespaceByFdAndByPid() throws Exception {
        try (ThrowawayNamespace other = ThrowawayNamespace.create("links-b")) {
            links.add(LinkSpec.veth("veth0", "veth1"));
            links.add(LinkSpec.veth("vethp0", "vethp1"));
            links.moveTo("veth1", other.ns());
            assertTrue(other.client().links().find("veth1").isPresent());
            assertFalse(links.find("veth1").isPresent());
            assertTrue(links.get("veth0").linkNetnsId().isPresent(), "the peer now lives in another namespace");
            Process sleeper = new ProcessBuilder("ip", "netns", "exec", other.name(), "sleep", "30").start();
            try {
                long pid = waitForChildPid(sleeper);
                links.moveToPid("vethp1", pid);
                assertTrue(other.client().links().find("vethp1").isPresent());
            } finally {
                sleeper.destroyForcibly().waitFor();
            }
        }
    }

    private static long waitForChildPid(Process p) throws Exception {
        // ip netns exec execs sleep in the same process once the namespace is entered.
        for (int i = 0; i < 100; i++) {
            String cmd = new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/" + p.pid() + "/cmdline")));
            if (cmd.startsWith("sleep")) return p.pid();
            Thread.sleep(20);
        }
        throw new AssertionError("ip netns exec never ran sleep");
    }

    @Test
    void vethPeerCreatedDirectlyInAnotherNamespace() throws Exception {
        try (ThrowawayNamespace other = ThrowawayNamespace.create("links-c")) {
            Link v = links.add(LinkSpec.veth("veth0", "veth1").withPeerNamespace(other.ns()));
            assertTrue(v.linkNetnsId().isPresent());
            Link peer = other.client().links().get("veth1");
            assertEquals(peer.index(), v.parentIndex().getAsInt());
            assertFalse(links.find("veth1").isPresent());
        }
    }

    @Test
    void errorsAreSpecific() throws Exception {
        NoSuchLinkException nsl = assertThrows(NoSuchLinkException.class, () -> links.get("nosuch0"));
        assertEquals("Cannot find device \"nosuch0\"", nsl.getMessage());
        assertEquals("nosuch0", nsl.link());
        assertThrows(NoSuchLinkException.class, () -> links.setUp("nosuch0"));
        assertThrows(NoSuchLinkException.class, () -> links.add(LinkSpec.macvlan("mv0", "nosuch0", MacvlanMode.BRIDGE)));
        links.add(LinkSpec.ifb("ifb0"));
        AlreadyExistsException e = assertThrows(AlreadyExistsException.class, () -> links.add(LinkSpec.ifb("ifb0")));
        assertTrue(e.getMessage().startsWith("link \"ifb0\" already exists"), e.getMessage());
        assertEquals("EEXIST", e.errnoName());
    }

    @Test
    void addAllReportsEachErrorAlone() throws Exception {
        links.add(LinkSpec.ifb("taken0"));
        BulkResult<Void> r = links.addAll(List.of(LinkSpec.veth("ba0", "bb0").withOptions(LinkOptions.DEFAULTS.withMtu(1400).withAlias("uplink a")),
                LinkSpec.ifb("taken0"), LinkSpec.bridge("bbr0")));
        assertEquals(3, r.size());
        Link a = links.get("ba0");
        assertEquals(1400, a.mtu());
        // the kernel drops an alias given on create; ip reads what the second batch set
        assertEquals("uplink a", io.github.netlink4j.testing.Json.array(Ip.in(ns.name(), "-j", "link", "show", "dev", "ba0")).get(0).get("ifalias"));
        assertSameAsIp(a);
        assertSameAsIp(links.get("bbr0"));
        assertTrue(r.error(1).orElseThrow() instanceof AlreadyExistsException, String.valueOf(r.error(1)));
        assertEquals(List.of(), r.succeeded(), "bulk adds ask nothing back");
        assertEquals(List.of(1), List.copyOf(r.failures().keySet()));
        BulkResult<Void> d = links.deleteAll(List.of("ba0", "nosuch0", "bbr0"));
        assertTrue(d.error(0).isEmpty());
        assertTrue(d.error(1).orElseThrow() instanceof NoSuchLinkException);
        assertTrue(d.error(2).isEmpty());
        assertTrue(links.find("ba0").isEmpty() && links.find("bbr0").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> links.add(LinkSpec.ifb("x0").withOptions(LinkOptions.DEFAULTS.withMtu(10))));
        assertThrows(NoSuchLinkException.class, () -> links.add(LinkSpec.ifb("cvc").withOptions(LinkOptions.DEFAULTS.withMaster("nosuch0"))));
        assertTrue(links.find("cvc").isEmpty(), "nothing made when the master does not exist");
    }

    @Test
    void aLinkPrintsAsIpWouldDescribeIt() throws Exception {
        Link v = links.add(LinkSpec.veth("veth0", "veth1"));
        // Every value that varies from run to run as ip reads it from the kernel, not as the record holds it.
        Map<String, Object> ip = ipLink("veth0");
        Map<String, Object> ipPeer = ipLink("veth1");
        assertEquals("veth1", ip.get("link"));
        assertEquals(ip.get("ifindex") + ": veth0@if" + ipPeer.get("ifindex") + ": <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT qlen 1000 "
                + "link/ether " + ip.get("address") + " brd ff:ff:ff:ff:ff:ff kind veth", v.toString());
    }
}
