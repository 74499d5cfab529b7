package io.github.netlink4j.topology;

import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.common.IpPrefix;
import io.github.netlink4j.error.NoSuchParentException;
import io.github.netlink4j.error.TopologyException;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.tc.ClassOptions;
import io.github.netlink4j.tc.QdiscOptions;
import io.github.netlink4j.tc.QdiscSpec;
import io.github.netlink4j.tc.Rate;
import io.github.netlink4j.tc.TcHandle;
import io.github.netlink4j.tc.TrafficClassSpec;
import io.github.netlink4j.tc.filter.FilterOptions;
import io.github.netlink4j.tc.filter.FilterProtocol;
import io.github.netlink4j.tc.filter.FilterSpec;
import io.github.netlink4j.tc.filter.U32Key;
import io.github.netlink4j.tc.filter.U32Selector;
import io.github.netlink4j.testing.Json;
import io.github.netlink4j.testing.Tc;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Filters in a topology, applied in a throwaway "host" namespace and checked against {@code tc -j filter
 * show}: made after the qdisc and class they hang on and classify to, seen by diff, removed by close (a
 * priority the topology made whole, in a priority that was there only the filter made), and a filter the
 * kernel refuses undoes the qdiscs and classes of the same apply.
 */
class TopologyFilterTest {
    private ThrowawayNamespace hostNs;
    private NetlinkClient host;
    private String inside;

    @BeforeEach
    void setUp() throws IOException {
        hostNs = ThrowawayNamespace.create("topo-flt");
        host = hostNs.client();
        inside = ThrowawayNamespace.uniqueName("topo-flt-in");
        host.links().add(LinkSpec.ifb("pre0"));
    }

    @AfterEach
    void tearDown() throws IOException {
        if (NetNamespace.exists(inside)) NetNamespace.delete(inside);
        if (hostNs != null) hostNs.close();
    }

    private static final TcHandle ONE = TcHandle.of("1:");
    private static final QdiscSpec HTB = QdiscSpec.root("pre0", QdiscOptions.htb(0x10)).withHandle(ONE);
    private static final TrafficClassSpec CLASS = TrafficClassSpec.of("pre0", ONE, TcHandle.of("1:10"), ClassOptions.htb(Rate.of("2mbit")));

    private static FilterSpec toClass10(String link, int prio, String dst) {
        return FilterSpec.of(link, ONE, prio, FilterProtocol.IP,
                FilterOptions.u32(U32Selector.of(U32Key.ipDst(IpPrefix.of(dst)))).withClassid(TcHandle.of("1:10")));
    }

    /** {@code tc -j filter show dev LINK parent 1:} in namespace {@code ns}: "prio handle flowid" per filter tc prints. */
    @SuppressWarnings("unchecked")
    private static List<String> filters(String ns, String link) throws IOException {
        return Json.array(Tc.in(ns, "-j", "filter", "show", "dev", link, "parent", "1:")).stream().map(f -> {
            Map<String, Object> o = (Map<String, Object>) f.get("options");
            return f.get("pref") + " " + (o == null ? "-" : o.get("fh") + " " + o.getOrDefault("flowid", "-"));
        }).toList();
    }

    @Test
    void aFilterIsMadeAfterItsQdiscAndClassAndCloseRemovesIt() throws Exception {
        Topology t = Topology.builder().qdisc(HTB).trafficClass(CLASS).filter(toClass10("pre0", 10, "10.200.1.0/24")).build();
        assertEquals("Topology[0 namespaces, 0 links, 0 addresses, 0 links up, 0 routes, 0 rules, 2 qdiscs and classes, 1 filter]", t.toString());
        try (AppliedTopology applied = t.apply(host)) {
            assertEquals(List.of("10 -", "10 800: -", "10 800::800 1:10"), filters(hostNs.name(), "pre0"));
            assertEquals(List.of("qdisc htb 1: at root of pre0 in host", "class htb 1:10 of pre0 in host", "filter u32 prio 10 at 1: of pre0 in host"),
                    applied.steps());
            assertEquals(List.of(), t.diff(host, applied));
        }
        assertEquals(List.of(), Tc.qdiscs(hostNs.name(), "pre0").stream().filter(q -> "htb".equals(q.get("kind"))).toList());
    }

    @Test
    void closeRemovesTheFiltersItMadeFromAQdiscItDidNotMake() throws Exception {
        Tc.in(hostNs.name(), "qdisc", "add", "dev", "pre0", "root", "handle", "1:", "htb");
        Tc.in(hostNs.name(), "filter", "add", "dev", "pre0", "parent", "1:", "protocol", "ip", "prio", "20", "u32", "match", "ip", "dst",
                "10.200.9.0/24", "classid", "1:10");
        Topology t = Topology.builder().trafficClass(CLASS)
                .filter(toClass10("pre0", 10, "10.200.1.0/24"))    // a priority of its own: removed whole
                .filter(toClass10("pre0", 20, "10.200.2.0/24"))    // beside tc's filter in prio 20: only this node
                .build();
        try (AppliedTopology applied = t.apply(host)) {
            // tc's priority came first and has table 800:, the topology's new priority the next, 801:
            assertEquals(List.of("10 -", "10 801: -", "10 801::800 1:10", "20 -", "20 800: -", "20 800::800 1:10", "20 800::801 1:10"),
                    filters(hostNs.name(), "pre0"));
        }
        assertEquals(List.of("20 -", "20 800: -", "20 800::800 1:10"), filters(hostNs.name(), "pre0"), "tc's filter and its qdisc stay");
    }

    @Test
    void diffNamesAFilterRemovedBehindItsBack() throws Exception {
        Topology t = Topology.builder().qdisc(HTB).trafficClass(CLASS).filter(toClass10("pre0", 10, "10.200.1.0/24")).build();
        try (AppliedTopology applied = t.apply(host)) {
            Tc.in(hostNs.name(), "filter", "del", "dev", "pre0", "parent", "1:", "prio", "10");
            assertEquals(List.of("host: missing filter u32 at 1: of pre0"), t.diff(host, applied).stream().map(Difference::toString).toList());
        }
    }

    @Test
    void aFilterTheKernelRefusesUndoesTheQdiscsAndClassesMadeBeforeIt() throws Exception {
        Topology t = Topology.builder()
                .namespace(inside)
                .veth("veth0", "veth1").in(inside)
                .qdisc(inside, QdiscSpec.root("veth1", QdiscOptions.htb(0x10)).withHandle(ONE))
                .filter(inside, toClass10("veth1", 10, "10.200.1.0/24"))
                .qdisc(HTB).trafficClass(CLASS)
                .filter(FilterSpec.of("pre0", TcHandle.of("9:"), 10, FilterProtocol.IP, FilterOptions.u32(U32Selector.of(U32Key.dport(80)))))
                .build();
        TopologyException e = assertThrows(TopologyException.class, () -> t.apply(host));
        assertTrue(e.getMessage().startsWith("step 7 of 7: filter u32 prio 10 at 9: of pre0 in host: "), e.getMessage());
        assertInstanceOf(NoSuchParentException.class, e.getCause());
        assertEquals(List.of(), Tc.qdiscs(hostNs.name(), "pre0").stream().filter(q -> "htb".equals(q.get("kind"))).toList(), "the htb and its class gone");
        assertEquals(List.of(), Tc.classes(hostNs.name(), "pre0"));
        assertFalse(NetNamespace.exists(inside), "the namespace, with its filter, gone");
    }

    @Test
    void aFilterInANamespaceIsMadeThere() throws Exception {
        Topology t = Topology.builder()
                .namespace(inside)
                .veth("veth0", "veth1").in(inside)
                .qdisc(inside, QdiscSpec.root("veth1", QdiscOptions.htb(0x10)).withHandle(ONE))
                .trafficClass(inside, TrafficClassSpec.of("veth1", ONE, TcHandle.of("1:10"), ClassOptions.htb(Rate.of("1mbit"))))
                .filter(inside, toClass10("veth1", 10, "10.200.1.0/24"))
                .build();
        try (AppliedTopology applied = t.apply(host)) {
            assertEquals(List.of("10 -", "10 800: -", "10 800::800 1:10"), filters(inside, "veth1"));
            assertEquals(List.of(), t.diff(host, applied));
        }
        assertFalse(NetNamespace.exists(inside));
    }
}
