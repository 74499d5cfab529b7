package io.github.netlink4j.generic;

import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.genl.netdev.NetdevEvent;
import io.github.netlink4j.genl.netdev.NetdevNapi;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * netdev's typed notifications and NAPI instances in a throwaway namespace, against ip: the devices ip adds
 * and deletes are the ones notified, by the indexes ip -j link gives them; a veth has NAPI instances while
 * GRO is on and it is up, as the kernel's veth driver enables NAPI (the decoding is tested on bytes in
 * NetdevNapiEventsCodecTest).
 */
class NetdevEventsTest {
    private ThrowawayNamespace ns;
    private NetlinkClient nl;

    @BeforeEach
    void setUp() throws IOException {
        ns = ThrowawayNamespace.create("netdevntf");
        nl = ns.client();
    }

    @AfterEach
    void tearDown() throws IOException {
        if (nl != null) nl.close();
        if (ns != null) ns.close();
    }

    private int ipIndex(String dev) throws IOException {
        Matcher m = Pattern.compile("\"ifindex\":(\\d+)").matcher(Ip.in(ns.name(), "-j", "link", "show", "dev", dev));
        assertTrue(m.find());
        return Integer.parseInt(m.group(1));
    }

    private static List<NetdevEvent> pollUntil(NetdevListener l, int count) throws Exception {
        List<NetdevEvent> got = new ArrayList<>();
        for (int i = 0; i < 50 && got.size() < count; i++) got.addAll(l.poll(Duration.ofMillis(100), 100));
        return got;
    }

    @Test
    void devicesIpAddsAndDeletesAreNotified() throws Exception {
        try (NetdevListener l = nl.genl().netdev().subscribe()) {
            Ip.in(ns.name(), "link", "add", "veth0", "type", "veth", "peer", "name", "veth1");
            Ip.in(ns.name(), "link", "add", "veth2", "type", "veth", "peer", "name", "veth3");
            int v0 = ipIndex("veth0"), v1 = ipIndex("veth1"), v2 = ipIndex("veth2"), v3 = ipIndex("veth3");
            List<NetdevEvent> added = pollUntil(l, 4);
            Set<Integer> addedIndexes = new TreeSet<>();
            for (NetdevEvent e : added) if (e.action() == NetdevEvent.Action.ADD) addedIndexes.add(e.device().index());
            assertEquals(new TreeSet<>(List.of(v0, v1, v2, v3)), addedIndexes, added.toString());
            added.addAll(l.poll(Duration.ofMillis(300), 100)); // a veth's XDP features are set after it registers: a change follows
            List<NetdevEvent> ofV2 = added.stream().filter(e -> e.device().index() == v2).toList();
            assertEquals(NetdevEvent.Action.ADD, ofV2.get(0).action(), ofV2.toString());
            assertEquals(nl.genl().netdev().get(v2), ofV2.get(ofV2.size() - 1).device(), "the last notification says what a get reports: " + ofV2);

            Ip.in(ns.name(), "link", "del", "veth0");
            List<NetdevEvent> deleted = pollUntil(l, 2);
            Set<Integer> deletedIndexes = new TreeSet<>();
            for (NetdevEvent e : deleted) if (e.action() == NetdevEvent.Action.DELETE) deletedIndexes.add(e.device().index());
            assertEquals(new TreeSet<>(List.of(v0, v1)), deletedIndexes, "the pair, and nothing of the other: " + deleted);
        }
    }

    @Test
    void aVethHasNapiInstancesWhileGroIsOnAndItIsUp() throws Exception {
        nl.links().add(LinkSpec.veth("veth0", "veth1"));
        nl.links().setUp("veth0");
        nl.links().setUp("veth1");
        // a veth polls with NAPI while GRO is on (and its peer up)
        Ip.run("netns", "exec", ns.name(), "/usr/sbin/ethtool", "-K", "veth0", "gro", "on");
        Ip.run("netns", "exec", ns.name(), "/usr/sbin/ethtool", "-K", "veth1", "gro", "on");
        int v0 = nl.links().index("veth0");
        List<NetdevNapi> napis = nl.genl().netdev().napis(v0);
        assertFalse(napis.isEmpty(), "a veth with GRO on polls with NAPI");
        for (NetdevNapi n : napis) assertEquals(v0, n.index());
        assertTrue(nl.genl().netdev().napis().containsAll(napis), "the dump of every device has them too");
        Ip.run("netns", "exec", ns.name(), "/usr/sbin/ethtool", "-K", "veth0", "gro", "off");
        assertEquals(List.of(), nl.genl().netdev().napis(v0), "GRO off (and no XDP): the veth stops using NAPI, as ethtool -k says gro off");
        Ip.run("netns", "exec", ns.name(), "/usr/sbin/ethtool", "-K", "veth0", "gro", "on");
        assertFalse(nl.genl().netdev().napis(v0).isEmpty());
        nl.links().setDown("veth0");
        assertEquals(List.of(), nl.genl().netdev().napis(v0), "none while the device is down");
    }

    /**
     * The page-pool group is joined where the kernel has it. A veth's pools (made while it polls with NAPI) are
     * not tied to the device, so the kernel neither lists nor notifies them: what the listener hears is what
     * the kernel's own page-pool-get dump (through the spec) lists, nothing on this kernel. The decoding of
     * pools and their notifications is tested on bytes in PagePoolCodecTest.
     */
    @Test
    void pagePoolNotificationsAreWhatTheKernelLists() throws Exception {
        try (PagePoolListener l = nl.genl().netdev().subscribePagePools()) {
            nl.links().add(LinkSpec.veth("veth0", "veth1"));
            Ip.run("netns", "exec", ns.name(), "/usr/sbin/ethtool", "-K", "veth0", "gro", "on");
            Ip.run("netns", "exec", ns.name(), "/usr/sbin/ethtool", "-K", "veth1", "gro", "on");
            nl.links().setUp("veth0");
            nl.links().setUp("veth1");
            assertFalse(nl.genl().netdev().napis(nl.links().index("veth0")).isEmpty(), "the veth polls with NAPI, so it made its pools");
            List<io.github.netlink4j.genl.SpecMessage> listed = nl.genl().spec("netdev").dump("page-pool-get", java.util.Map.of());
            List<io.github.netlink4j.genl.netdev.PagePoolEvent> heard = new ArrayList<>();
            for (int i = 0; i < 5; i++) heard.addAll(l.poll(Duration.ofMillis(100), 100));
            assertEquals(listed.stream().map(m -> m.attributes().get("id")).toList(),
                    heard.stream().filter(e -> e.action() == io.github.netlink4j.genl.netdev.PagePoolEvent.Action.ADD).map(e -> e.pool().id()).toList());
        }
    }
}
