package io.github.netlink4j;

import io.github.netlink4j.common.IpPrefix;
import io.github.netlink4j.event.EventGroup;
import io.github.netlink4j.event.NetlinkEvent;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.tc.ClassOptions;
import io.github.netlink4j.tc.QdiscOptions;
import io.github.netlink4j.tc.QdiscSpec;
import io.github.netlink4j.tc.Rate;
import io.github.netlink4j.tc.TcHandle;
import io.github.netlink4j.tc.TrafficClassSpec;
import io.github.netlink4j.tc.filter.Filter;
import io.github.netlink4j.tc.filter.FilterOptions;
import io.github.netlink4j.tc.filter.FilterProtocol;
import io.github.netlink4j.tc.filter.FilterSpec;
import io.github.netlink4j.tc.filter.U32Handle;
import io.github.netlink4j.tc.filter.U32Key;
import io.github.netlink4j.tc.filter.U32Selector;
import io.github.netlink4j.testing.Json;
import io.github.netlink4j.testing.Tc;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Filter events (RTM_NEWTFILTER, RTM_DELTFILTER on the TC group) in a throwaway namespace: filters added and
 * deleted by the real tc arrive as events, and after lost notifications the resync, which dumps each parent of
 * each link, brings back what exists and deletes what went, as {@code tc -j filter show} says.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FilterEventsTest {
    private static final TcHandle ONE = TcHandle.of("1:");
    private ThrowawayNamespace t;
    private String ns;
    private NetlinkClient nl;
    private int veth0, veth1;

    @BeforeEach
    void setUp() throws IOException {
        t = ThrowawayNamespace.create("tcev-filters");
        ns = t.name();
        nl = t.client();
        veth0 = nl.links().add(LinkSpec.veth("veth0", "veth1")).index();
        veth1 = nl.links().index("veth1");
        nl.qdiscs().add(QdiscSpec.root("veth0", QdiscOptions.htb(0)).withHandle(ONE));
        nl.trafficClasses().add(TrafficClassSpec.of("veth0", ONE, TcHandle.of("1:10"), ClassOptions.htb(Rate.of("10mbit"))));
        Tc.in(ns, "qdisc", "add", "dev", "veth1", "clsact");
    }

    @AfterEach
    void tearDown() throws IOException {
        if (t != null) t.close();
    }

    private static boolean filter(NetlinkEvent e, NetlinkEvent.Action a, int prio, long handle) {
        return e instanceof NetlinkEvent.FilterEvent f && f.action() == a && f.filter().priority() == prio && f.filter().handle() == handle;
    }

    @Test
    void filtersAddedAndDeletedByTcArriveAsEvents() throws Exception {
        try (Subscription s = nl.subscribe(EnumSet.of(EventGroup.TC))) {
            Tc.in(ns, "filter", "add", "dev", "veth0", "parent", "1:", "protocol", "ip", "prio", "10", "u32", "match", "ip", "dst", "10.200.0.1/32",
                    "classid", "1:10");
            long first = U32Handle.of("800::800").value();
            var added = (NetlinkEvent.FilterEvent) SubscriptionTest.await(s, e -> filter(e, NetlinkEvent.Action.NEW, 10, first));
            Filter f = added.filter();
            assertFalse(added.resync());
            assertEquals(veth0, f.index());
            assertEquals(ONE, f.parent());
            assertEquals(FilterProtocol.IP, f.protocol());
            assertEquals("u32", f.kind());
            assertEquals(TcHandle.of("1:10"), f.options().classid().orElseThrow());
            Map<String, Object> tcSays = Json.array(Tc.in(ns, "-j", "filter", "show", "dev", "veth0", "parent", "1:")).stream()
                    .filter(j -> j.get("options") instanceof Map<?, ?> o && "800::800".equals(o.get("fh"))).findFirst().orElseThrow();
            assertEquals(10, ((Number) tcSays.get("pref")).intValue());
            assertEquals(f.withoutStats(), nl.filters().get("veth0", ONE, 10, FilterProtocol.IP, first).withoutStats(), "the event is the filter a dump reads");

            Tc.in(ns, "filter", "add", "dev", "veth0", "parent", "1:", "protocol", "ip", "prio", "10", "u32", "match", "ip", "dst", "10.200.0.2/32",
                    "classid", "1:10");
            long second = U32Handle.of("800::801").value();
            SubscriptionTest.await(s, e -> filter(e, NetlinkEvent.Action.NEW, 10, second));
            Tc.in(ns, "filter", "add", "dev", "veth1", "ingress", "protocol", "all", "prio", "5", "u32", "match", "u32", "0", "0");
            var ingress = (NetlinkEvent.FilterEvent) SubscriptionTest.await(s, e -> filter(e, NetlinkEvent.Action.NEW, 5, first));
            assertEquals(veth1, ingress.filter().index());
            assertEquals(FilterSpec.INGRESS, ingress.filter().parent());

            Tc.in(ns, "filter", "del", "dev", "veth0", "parent", "1:", "protocol", "ip", "prio", "10", "handle", "800::800", "u32");
            var gone = (NetlinkEvent.FilterEvent) SubscriptionTest.await(s, e -> e instanceof NetlinkEvent.FilterEvent x && x.action() == NetlinkEvent.Action.DELETED);
            assertEquals(first, gone.filter().handle());
            assertEquals(10, gone.filter().priority());

            Tc.in(ns, "filter", "add", "dev", "veth0", "parent", "1:", "protocol", "ip", "prio", "20", "u32", "match", "ip", "dst", "10.200.0.4/32",
                    "classid", "1:10");
            // a priority of its own gets a hash table of its own: 801:, its first node 801::800
            SubscriptionTest.await(s, e -> filter(e, NetlinkEvent.Action.NEW, 20, U32Handle.of("801::800").value()));

            // The kernel announces the priority's head alone; the subscription deletes the priority's filters it knew
            // with it, and no other priority's. A filter added afterwards marks the end of what the deletion brought.
            Tc.in(ns, "filter", "del", "dev", "veth0", "parent", "1:", "prio", "10");
            Tc.in(ns, "filter", "add", "dev", "veth0", "parent", "1:", "protocol", "ip", "prio", "30", "u32", "match", "ip", "dst", "10.200.0.5/32",
                    "classid", "1:10");
            List<String> deleted = new ArrayList<>();
            SubscriptionTest.await(s, e -> {
                if (e instanceof NetlinkEvent.FilterEvent x && x.action() == NetlinkEvent.Action.DELETED) {
                    deleted.add(x.filter().priority() + " " + new U32Handle(x.filter().handle()));
                }
                return e instanceof NetlinkEvent.FilterEvent x && x.action() == NetlinkEvent.Action.NEW && x.filter().priority() == 30;
            });
            assertEquals(List.of("10 " + new U32Handle(0), "10 800::801"), deleted, "the head, then 800::801 with it");
        }
    }

    /** What the subscription knows a filter by, as the descriptor keys it. */
    private static List<Object> key(Filter f) {
        return List.of(f.index(), f.parent(), f.chain(), f.priority(), f.protocol(), f.kind(), f.handle());
    }

    private static FilterSpec u32(String link, TcHandle parent, int prio, String dst) {
        return FilterSpec.of(link, parent, prio, FilterProtocol.IP, FilterOptions.u32(U32Selector.of(U32Key.ipDst(IpPrefix.of(dst))))
                .withClassid(TcHandle.of("1:10")));
    }

    @Test
    void aResyncAfterOverflowBringsFiltersBackAndDeletesTheOnesThatWent() throws Exception {
        Tc.in(ns, "filter", "add", "dev", "veth0", "parent", "1:", "protocol", "ip", "prio", "10", "u32", "match", "ip", "dst", "10.200.0.1/32",
                "classid", "1:10");
        Tc.in(ns, "filter", "add", "dev", "veth1", "ingress", "protocol", "all", "prio", "5", "u32", "match", "u32", "0", "0");
        Map<List<Object>, Filter> state = new ConcurrentHashMap<>();
        List<NetlinkEvent.FilterEvent> resyncDeletes = new java.util.concurrent.CopyOnWriteArrayList<>();
        CountDownLatch stalled = new CountDownLatch(1);
        CountDownLatch changesMade = new CountDownLatch(1);
        AtomicBoolean resynced = new AtomicBoolean();
        CountDownLatch listed = new CountDownLatch(1);
        Subscription s = nl.listen(EnumSet.of(EventGroup.TC), new Subscription.Options(true, 4096, false), e -> {
            if (e instanceof NetlinkEvent.FilterEvent fe) {
                if (fe.action() == NetlinkEvent.Action.DELETED) state.remove(key(fe.filter()));
                else state.put(key(fe.filter()), fe.filter());
                if (fe.action() == NetlinkEvent.Action.DELETED && fe.resync()) resyncDeletes.add(fe);
                if (!fe.resync() && stalled.getCount() > 0) {
                    stalled.countDown();
                    try {
                        changesMade.await(20, TimeUnit.SECONDS); // a stalled consumer: the kernel's queue overflows
                    } catch (InterruptedException x) {
                        Thread.currentThread().interrupt();
                    }
                }
            } else if (e instanceof NetlinkEvent.Resynced r && r.reason().equals("ENOBUFS")) {
                resynced.set(true);
            } else if (e instanceof NetlinkEvent.Resynced r && r.reason().equals("initial")) {
                listed.countDown();
            }
        });
        try {
            assertTrue(listed.await(10, TimeUnit.SECONDS), "what exists was listed");
            long head = 0, table = U32Handle.of("800:").value(), node = U32Handle.of("800::800").value();
            assertTrue(state.containsKey(List.of(veth0, ONE, 0L, 10, FilterProtocol.IP, "u32", node)), "listed first: " + state.keySet());
            assertTrue(state.containsKey(List.of(veth1, FilterSpec.INGRESS, 0L, 5, FilterProtocol.ALL, "u32", node)), "clsact's ingress is dumped too");
            assertTrue(state.containsKey(List.of(veth0, ONE, 0L, 10, FilterProtocol.IP, "u32", table)) && state.containsKey(
                    List.of(veth0, ONE, 0L, 10, FilterProtocol.IP, "u32", head)), "the dump's head and hash table");
            Tc.in(ns, "filter", "add", "dev", "veth0", "parent", "1:10", "protocol", "ip", "prio", "20", "u32", "match", "ip", "dst", "10.200.0.3/32");
            assertTrue(stalled.await(10, TimeUnit.SECONDS), "the listener got the filter of class 1:10 and stalls");
            Tc.in(ns, "filter", "del", "dev", "veth0", "parent", "1:", "prio", "10");
            Tc.in(ns, "filter", "del", "dev", "veth1", "ingress", "prio", "5");
            List<FilterSpec> burst = new ArrayList<>();
            for (int i = 0; i < 400; i++) burst.add(u32("veth0", ONE, 30, "10.200." + (1 + i / 250) + "." + (i % 250 + 1) + "/32"));
            assertTrue(nl.filters().addAll(burst).allSucceeded());
            changesMade.countDown();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!resynced.get() && System.nanoTime() < deadline) Thread.sleep(50);
            assertTrue(resynced.get(), "the overflow was reported as a resync");

            List<Filter> truth = new ArrayList<>(nl.filters().list("veth0"));
            truth.addAll(nl.filters().list("veth1"));
            for (int i = 0; i < 100 && state.size() != truth.size(); i++) Thread.sleep(100);
            Set<List<Object>> expected = new HashSet<>();
            for (Filter f : truth) expected.add(key(f));
            assertEquals(expected, state.keySet());
            // tc agrees: every node of prio 30 under 1:, the one under 1:10, nothing under ingress
            Set<String> tcNodes = new TreeSet<>(), ourNodes = new TreeSet<>();
            for (Map<String, Object> j : Json.array(Tc.in(ns, "-j", "filter", "show", "dev", "veth0", "parent", "1:"))) {
                if (j.get("options") instanceof Map<?, ?> o && o.get("fh") != null) tcNodes.add(j.get("pref") + " " + o.get("fh"));
            }
            for (Filter f : state.values()) {
                if (f.index() == veth0 && f.parent().equals(ONE) && f.handle() != 0) ourNodes.add(f.priority() + " " + new U32Handle(f.handle()));
            }
            assertEquals(tcNodes, ourNodes);
            assertEquals(401, tcNodes.size(), "prio 30's hash table 800: and its 400 nodes");
            assertTrue(Json.array(Tc.in(ns, "-j", "filter", "show", "dev", "veth1", "ingress")).isEmpty());
            Set<List<Object>> gone = new HashSet<>();
            for (NetlinkEvent.FilterEvent e : resyncDeletes) gone.add(key(e.filter()));
            assertTrue(gone.contains(List.of(veth0, ONE, 0L, 10, FilterProtocol.IP, "u32", node))
                    && gone.contains(List.of(veth1, FilterSpec.INGRESS, 0L, 5, FilterProtocol.ALL, "u32", node)), "deleted while lost: " + gone);
        } finally {
            changesMade.countDown();
            s.close();
            s.awaitTermination(Duration.ofSeconds(2));
        }
    }
}
