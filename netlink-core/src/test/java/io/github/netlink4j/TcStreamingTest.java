package io.github.netlink4j;

import io.github.netlink4j.address.AddressSpec;
import io.github.netlink4j.common.IpPrefix;
import io.github.netlink4j.common.MacAddress;
import io.github.netlink4j.neighbour.NeighbourSpec;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.tc.ClassOptions;
import io.github.netlink4j.tc.Qdisc;
import io.github.netlink4j.tc.QdiscOptions;
import io.github.netlink4j.tc.QdiscSpec;
import io.github.netlink4j.tc.QdiscView;
import io.github.netlink4j.tc.Rate;
import io.github.netlink4j.tc.TcHandle;
import io.github.netlink4j.tc.TcStats;
import io.github.netlink4j.tc.TcStatsView;
import io.github.netlink4j.tc.TrafficClass;
import io.github.netlink4j.tc.TrafficClassSpec;
import io.github.netlink4j.tc.TrafficClassView;
import io.github.netlink4j.tc.filter.Filter;
import io.github.netlink4j.tc.filter.FilterOptions;
import io.github.netlink4j.tc.filter.FilterProtocol;
import io.github.netlink4j.tc.filter.FilterSpec;
import io.github.netlink4j.tc.filter.FilterView;
import io.github.netlink4j.tc.filter.U32Key;
import io.github.netlink4j.tc.filter.U32Selector;
import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.Json;
import io.github.netlink4j.testing.Tc;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The streaming qdisc, class and filter dumps against {@code list()} and against tc in one namespace: htb with two
 * classes and a leaf qdisc, clsact with filters in chain 0 and chain 3, and the defaults of the other links.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TcStreamingTest {
    private static final TcHandle ONE = TcHandle.of("1:");
    private ThrowawayNamespace t;
    private String ns;
    private NetlinkClient nl;
    private final Map<Integer, String> names = new HashMap<>();

    @BeforeEach
    void setUp() throws IOException {
        t = ThrowawayNamespace.create("views-more-tc");
        ns = t.name();
        nl = t.client();
        // IPv6 off: no neighbour discovery or MLD packet moves a counter between two dumps
        Ip.in(ns, "netns", "exec", ns, "sysctl", "-q", "-w", "net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1");
        nl.links().add(LinkSpec.veth("veth0", "veth1"));
        nl.links().add(LinkSpec.veth("veth2", "veth3"));
        for (String l : List.of("veth0", "veth1", "veth2", "veth3")) nl.links().setUp(l);
        for (var l : nl.links().list()) names.put(l.index(), l.name());
        nl.qdiscs().add(QdiscSpec.root("veth0", QdiscOptions.htb(0x10)).withHandle(ONE));
        nl.trafficClasses().add(TrafficClassSpec.of("veth0", ONE, TcHandle.of("1:10"), ClassOptions.htb(Rate.of("1mbit"))));
        nl.trafficClasses().add(TrafficClassSpec.of("veth0", ONE, TcHandle.of("1:20"), ClassOptions.htb(Rate.of("2mbit"))));
        nl.qdiscs().add(QdiscSpec.of("veth0", TcHandle.of("1:10"), QdiscOptions.pfifo().withLimit(5)).withHandle(TcHandle.of("10:")));
        nl.qdiscs().add(QdiscSpec.clsact("veth1"));
        nl.filters().add(FilterSpec.of("veth0", ONE, 10, FilterProtocol.IP, dst("10.200.0.0/24").withClassid(TcHandle.of("1:10"))));
        nl.filters().add(FilterSpec.ingress("veth1", 1, FilterProtocol.IP, dst("10.200.1.0/24")));
        nl.filters().add(FilterSpec.ingress("veth1", 2, FilterProtocol.ALL, dst("10.200.2.0/24")).withChain(3));
        nl.filters().add(FilterSpec.egress("veth1", 5, FilterProtocol.IP, dst("10.200.3.0/24")));
        traffic();
    }

    /**
     * Forty datagrams of 1,000 bytes at once into class 1:10 (1 Mbit/s, a pfifo of 5 under it), so that the
     * counters the views read are not all 0: htb holds packets back (overlimits) and the pfifo drops what
     * does not fit (drops); then waits (at most 5 s) until the queue has drained and two dumps agree.
     */
    private void traffic() throws IOException {
        nl.addresses().add(AddressSpec.of("veth0", "10.200.0.1/24"));
        nl.neighbours().add(NeighbourSpec.of("veth0", InetAddress.ofLiteral("10.200.0.2"), MacAddress.of("02:00:00:00:00:02")));
        try (DatagramChannel c = t.ns().call(DatagramChannel::open)) {
            for (int i = 0; i < 40; i++) c.send(ByteBuffer.allocate(1000), new InetSocketAddress("10.200.0.2", 9));
        }
        String last = null;
        for (int i = 0; i < 25; i++) {
            String now = nl.qdiscs().list().toString() + nl.qdiscs().list().stream().map(q -> q.stats().toString()).toList();
            if (now.equals(last)) return;
            last = now;
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
    }

    private static FilterOptions.U32 dst(String prefix) {
        return FilterOptions.u32(U32Selector.of(U32Key.ipDst(IpPrefix.of(prefix))));
    }

    @AfterEach
    void tearDown() throws IOException {
        if (t != null) t.close();
    }

    private static String stats(TcStatsView v) {
        return v.hasStats() + " " + v.bytes() + " " + v.packets() + " " + v.drops() + " " + v.overlimits() + " " + v.requeues() + " " + v.backlog() + " " + v.qlen();
    }

    private static String stats(Optional<TcStats> r) {
        return r.isPresent() + " " + r.map(s -> s.bytes() + " " + s.packets() + " " + s.drops() + " " + s.overlimits() + " " + s.requeues() + " "
                + s.backlog() + " " + s.qlen()).orElse("0 0 0 0 0 0 0");
    }

    @Test
    void qdiscsStreamAsListedAndAsTcShowsThem() throws Exception {
        List<String> records = new ArrayList<>();
        for (Qdisc q : nl.qdiscs().list()) {
            records.add(q.index() + " " + q.handle() + " " + q.parent() + " " + q.kind() + " " + q.refcount() + " " + q.offloaded() + " " + stats(q.stats()));
        }
        List<String> views = new ArrayList<>();
        nl.qdiscs().forEach((QdiscView v) -> views.add(v.index() + " " + v.handle() + " " + v.parent() + " " + v.kind() + " " + v.refcount() + " "
                + v.offloaded() + " " + stats(v)));
        assertEquals(records, views); // the kernel's order, link by link
        // tc's own word: each qdisc's link, kind, handle and counters
        List<String> theirs = Tc.qdiscs(ns).stream().map(j -> j.get("dev") + " " + j.get("kind") + " " + j.get("handle") + " " + j.get("bytes") + " "
                + j.get("packets") + " " + j.get("drops") + " " + j.get("overlimits") + " " + j.get("requeues") + " " + j.get("backlog") + " "
                + j.get("qlen")).sorted().toList();
        List<String> ours = new ArrayList<>();
        nl.qdiscs().forEach(v -> ours.add(names.get(v.index()) + " " + v.kind() + " " + Integer.toHexString(v.handle().major()) + ": " + v.bytes() + " "
                + v.packets() + " " + v.drops() + " " + v.overlimits() + " " + v.requeues() + " " + v.backlog() + " " + v.qlen()));
        assertEquals(theirs, ours.stream().sorted().toList());
        long[] counted = new long[3]; // packets, drops, overlimits
        nl.qdiscs().forEach("veth0", v -> {
            counted[0] += v.packets();
            counted[1] += v.drops();
            counted[2] += v.overlimits();
        });
        assertTrue(counted[0] > 0 && counted[1] > 0 && counted[2] > 0, java.util.Arrays.toString(counted) + ": the traffic was counted");
        List<String> ofVeth0 = new ArrayList<>();
        nl.qdiscs().forEach("veth0", v -> ofVeth0.add(v.index() + " " + v.handle() + " " + v.kind()));
        assertEquals(nl.qdiscs().list("veth0").stream().map(q -> q.index() + " " + q.handle() + " " + q.kind()).toList(), ofVeth0);
        assertEquals(2, ofVeth0.size(), ofVeth0::toString); // htb 1: and pfifo 10:, not the other links' qdiscs
        List<String> onVeth0 = new ArrayList<>();
        nl.qdiscs().forEach("veth0", v -> { if (v.kindEquals("pfifo")) onVeth0.add(v.handle() + " under " + v.parent()); });
        assertEquals(List.of("10: under 1:10"), onVeth0);
    }

    @Test
    void classesStreamAsListedAndAsTcShowsThem() throws Exception {
        List<String> records = new ArrayList<>();
        for (TrafficClass c : nl.trafficClasses().list()) {
            records.add(c.index() + " " + c.handle() + " " + c.parent() + " " + c.leaf().orElse(TcHandle.UNSPEC) + " " + c.kind() + " " + stats(c.stats()));
        }
        List<String> views = new ArrayList<>();
        nl.trafficClasses().forEach((TrafficClassView v) -> views.add(v.index() + " " + v.handle() + " " + v.parent() + " " + v.leaf() + " " + v.kind()
                + " " + stats(v)));
        assertEquals(records, views);
        assertTrue(views.stream().anyMatch(x -> x.contains(" 1:10 root 10: htb")), views::toString); // a leaf
        List<String> theirs = Tc.classes(ns, "veth0").stream().map(m -> m.get("handle") + " " + m.get("parent") + " " + m.get("leaf") + " " + m.get("bytes")
                + " " + m.get("packets")).sorted().toList();
        List<String> ours = new ArrayList<>();
        nl.trafficClasses().forEach("veth0", v -> ours.add(v.handle() + " " + (v.parent().equals(TcHandle.ROOT) ? "root" : v.parent().toString()) + " "
                + (v.leaf().value() == 0 ? null : v.leaf()) + " " + v.bytes() + " " + v.packets()));
        assertEquals(theirs, ours.stream().sorted().toList());
    }

    private static String line(Filter f) {
        return f.index() + " " + f.parent() + " " + f.priority() + " " + f.protocol() + " " + f.handle() + " " + f.chain() + " " + f.kind();
    }

    private static String line(FilterView v) {
        return v.index() + " " + v.parent() + " " + v.priority() + " " + v.protocol() + " " + v.handle() + " " + v.chain() + " " + v.kind();
    }

    @Test
    void filtersStreamAsListedAndAsTcShowsThem() throws Exception {
        for (String link : List.of("veth0", "veth1")) {
            List<String> views = new ArrayList<>();
            nl.filters().forEach(link, v -> views.add(line(v)));
            assertEquals(nl.filters().list(link).stream().map(TcStreamingTest::line).toList(), views, link);
        }
        List<String> ingress = new ArrayList<>();
        nl.filters().forEach("veth1", FilterSpec.INGRESS, v -> ingress.add(line(v)));
        assertEquals(nl.filters().list("veth1", FilterSpec.INGRESS).stream().map(TcStreamingTest::line).toList(), ingress);
        assertTrue(ingress.size() >= 2, ingress::toString); // u32 adds its hash tables' entries
        // tc's word on the ingress hook: preference, chain and kind of each
        List<String> theirs = Json.array(Tc.in(ns, "-j", "filter", "show", "dev", "veth1", "ingress")).stream()
                .map(j -> j.get("pref") + " " + j.get("chain") + " " + j.get("kind") + " " + j.get("protocol")).sorted().toList();
        List<String> ours = new ArrayList<>();
        nl.filters().forEach("veth1", FilterSpec.INGRESS, v -> ours.add(v.priority() + " " + v.chain() + " " + v.kind() + " "
                + (v.protocol().equals(FilterProtocol.IP) ? "ip" : v.protocol().equals(FilterProtocol.ALL) ? "all" : v.protocol())));
        assertEquals(theirs, ours.stream().sorted().toList());
        assertTrue(ours.contains("2 3 u32 all"), ours::toString);
    }

    @Test
    void aViewKeptAfterItsCallbackThrows() throws Exception {
        QdiscView[] q = new QdiscView[1];
        nl.qdiscs().forEach(v -> q[0] = v);
        assertThrows(IllegalStateException.class, q[0]::kind);
        TrafficClassView[] c = new TrafficClassView[1];
        nl.trafficClasses().forEach("veth0", v -> c[0] = v);
        assertThrows(IllegalStateException.class, c[0]::handle);
        FilterView[] f = new FilterView[1];
        nl.filters().forEach("veth1", v -> f[0] = v);
        assertThrows(IllegalStateException.class, f[0]::priority);
    }
}
