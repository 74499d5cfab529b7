package io.github.netlink4j;

import io.github.netlink4j.address.AddressSpec;
import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.event.EventGroup;
import io.github.netlink4j.event.NetlinkEvent;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.route.NexthopObject;
import io.github.netlink4j.route.NexthopObjectSpec;
import io.github.netlink4j.route.Route;
import io.github.netlink4j.route.RouteSpec;

import io.github.netlink4j.error.KernelException;
import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.Json;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Nexthop objects and routes through them, each test in a throwaway namespace, cross-checked with {@code ip -j nexthop}. */
class NexthopsTest {
    private ThrowawayNamespace t;
    private String ns;
    private NetlinkClient nl;

    @AfterEach
    void tearDown() throws IOException {
        if (t != null) t.close();
    }

    @BeforeEach
    void setUp() throws IOException {
        t = ThrowawayNamespace.create("nexthops");
        ns = t.name();
        nl = t.client();
        nl.links().setUp("lo");
        nl.links().add(LinkSpec.veth("veth0", "veth1"));
        nl.addresses().add(AddressSpec.of("veth0", "10.200.0.2/24"));
        nl.links().setUp("veth0");
        nl.links().setUp("veth1");
    }

    @Test
    void singlesGroupsAndRoutesThroughThem() throws Exception {
        NexthopObject one = nl.nexthops().add(NexthopObjectSpec.via(1, InetAddress.ofLiteral("10.200.0.1"), "veth0"));
        assertEquals(1, one.id());
        assertEquals(Optional.of(InetAddress.ofLiteral("10.200.0.1")), one.gateway());
        assertEquals(OptionalInt.of(nl.links().index("veth0")), one.outputIndex());
        nl.nexthops().add(NexthopObjectSpec.via(3, InetAddress.ofLiteral("10.200.0.3"), "veth0"));
        nl.nexthops().add(NexthopObjectSpec.blackhole(2, AddressFamily.INET));
        NexthopObject group = nl.nexthops().add(NexthopObjectSpec.group(10, List.of(new NexthopObject.Member(1, 2), new NexthopObject.Member(3, 1))));
        assertEquals(List.of(new NexthopObject.Member(1, 2), new NexthopObject.Member(3, 1)), group.group());
        NexthopObject res = nl.nexthops().add(NexthopObjectSpec.group(11, List.of(new NexthopObject.Member(1, 1), new NexthopObject.Member(3, 1)))
                .withResilient(16).withIdleTimer(Duration.ofSeconds(30)));
        assertEquals(16, res.resilient().orElseThrow().buckets());
        assertEquals(Duration.ofSeconds(30), res.resilient().orElseThrow().idleTimer());

        List<Map<String, Object>> ip = Json.array(Ip.in(ns, "-j", "nexthop"));
        assertEquals(List.of(1L, 2L, 3L, 10L, 11L), ip.stream().map(m -> ((Number) m.get("id")).longValue()).toList());
        assertEquals(List.of(1L, 2L, 3L, 10L, 11L), nl.nexthops().list().stream().map(NexthopObject::id).toList());

        Route r = nl.routes().add(RouteSpec.to("10.200.50.0/24").withNexthopId(10));
        assertEquals(java.util.OptionalLong.of(10), r.nexthopId());
        assertEquals(2, r.multipath().size(), "the kernel resolves the group into the route's next hops");
        Map<String, Object> ipRoute = Json.array(Ip.in(ns, "-j", "route", "show", "10.200.50.0/24")).get(0);
        assertEquals(10L, ((Number) ipRoute.get("nhid")).longValue());

        // every record turns back into a spec that names it, and replacing with that spec changes nothing
        Map<Integer, String> names = new java.util.HashMap<>();
        for (var l : nl.links().list()) names.put(l.index(), l.name());
        for (NexthopObject n : nl.nexthops().list()) {
            NexthopObjectSpec s = n.toSpec(names::get);
            assertTrue(s.matches(n, names::get), s.toString());
            assertEquals(s, nl.nexthops().replace(s).toSpec(names::get), "replace with " + s);
        }
        assertTrue(r.toSpec(names::get).matches(r));

        nl.nexthops().replace(NexthopObjectSpec.via(3, InetAddress.ofLiteral("10.200.0.4"), "veth0"));
        assertEquals(Optional.of(InetAddress.ofLiteral("10.200.0.4")), nl.nexthops().get(3).gateway());
        nl.routes().delete(r.toSpec(names::get));
        assertTrue(nl.routes().list(AddressFamily.INET).stream().noneMatch(x -> x.nexthopId().isPresent()), "the route's own spec deletes it");
        nl.nexthops().delete(10);
        assertEquals(Optional.empty(), nl.nexthops().find(10));
        assertThrows(io.github.netlink4j.error.NotFoundException.class, () -> nl.nexthops().get(10));
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsSentAndTheKernelsWordsAfter() throws IOException {
        assertThrows(IllegalArgumentException.class, () -> new NexthopObject.Member(1, 0));
        assertThrows(IllegalArgumentException.class, () -> new NexthopObject.Member(1, 257));
        assertThrows(IllegalArgumentException.class, () -> NexthopObjectSpec.group(5, List.of()));
        assertThrows(IllegalArgumentException.class, () -> NexthopObjectSpec.via(5, InetAddress.ofLiteral("10.200.0.1"), "veth0")
                .withResilient(8));
        assertThrows(IllegalArgumentException.class, () -> NexthopObjectSpec.group(5, List.of(new NexthopObject.Member(1, 1))).withResilient(0));
        assertEquals(List.of(), nl.nexthops().list(), "nothing was sent");
        KernelException e = assertThrows(KernelException.class, () -> nl.nexthops().add(NexthopObjectSpec.group(5,
                List.of(new NexthopObject.Member(99, 1)))));
        // The kernel's own words, as ip prints them for the same request on this kernel (our operation
        // text says "nexthop" too, so finding the word in the message would prove nothing).
        Ip.Result ip = Ip.run("-n", ns, "nexthop", "add", "id", "5", "group", "99");
        assertEquals(2, ip.exit(), ip.err());
        assertEquals(ip.err().strip(), "Error: " + e.extAckMessage().orElseThrow() + ".", e.getMessage());
        assertTrue(e.getMessage().contains(e.extAckMessage().orElseThrow()), e.getMessage());
        assertEquals(List.of(), nl.nexthops().list(), "nothing half-made");
    }

    @Test
    void nexthopEventsAndResync() throws Exception {
        try (Subscription s = nl.subscribe(EnumSet.of(EventGroup.NEXTHOP))) {
            nl.nexthops().add(NexthopObjectSpec.via(7, InetAddress.ofLiteral("10.200.0.7"), "veth0"));
            var added = (NetlinkEvent.NexthopEvent) SubscriptionTest.await(s, e -> e instanceof NetlinkEvent.NexthopEvent ne && ne.nexthop().id() == 7);
            assertEquals(NetlinkEvent.Action.NEW, added.action());
            Ip.in(ns, "nexthop", "del", "id", "7");
            var gone = (NetlinkEvent.NexthopEvent) SubscriptionTest.await(s, e -> e instanceof NetlinkEvent.NexthopEvent ne
                    && ne.action() == NetlinkEvent.Action.DELETED);
            assertEquals(7, gone.nexthop().id());
        }
        nl.nexthops().add(NexthopObjectSpec.via(8, InetAddress.ofLiteral("10.200.0.8"), "veth0"));
        // A subscription that lists what exists starts with the nexthops, from the resync's dump.
        try (Subscription s = nl.subscribe(EnumSet.of(EventGroup.NEXTHOP), new Subscription.Options(true, 1 << 20, false))) {
            var listed = (NetlinkEvent.NexthopEvent) SubscriptionTest.await(s, e -> e instanceof NetlinkEvent.NexthopEvent);
            assertEquals(8, listed.nexthop().id());
            assertTrue(listed.resync(), "listed from the dump");
        }
    }

    /** Nexthop notifications lost to an overflow come back through the resync: the state followed matches a dump. */
    @Test
    void anOverflowIsRepairedByAResyncThatListsTheNexthops() throws Exception {
        Map<Long, NexthopObject> state = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.CountDownLatch firstSeen = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger resyncedNexthops = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean resynced = new java.util.concurrent.atomic.AtomicBoolean();
        Subscription s = nl.listen(EnumSet.of(EventGroup.NEXTHOP), new Subscription.Options(false, 4096, false), e -> {
            if (e instanceof NetlinkEvent.NexthopEvent ne) {
                if (ne.action() == NetlinkEvent.Action.DELETED) state.remove(ne.nexthop().id());
                else state.put(ne.nexthop().id(), ne.nexthop());
                if (ne.resync()) resyncedNexthops.incrementAndGet();
                if (firstSeen.getCount() > 0) {
                    firstSeen.countDown();
                    try {
                        Thread.sleep(500); // a stalled consumer: the kernel's queue overflows meanwhile
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                    }
                }
            } else if (e instanceof NetlinkEvent.Resynced r && r.reason().equals("ENOBUFS")) {
                resynced.set(true);
            }
        });
        try {
            List<NexthopObjectSpec> burst = new java.util.ArrayList<>();
            for (int i = 0; i < 1000; i++) burst.add(NexthopObjectSpec.via(1000 + i, InetAddress.ofLiteral("10.200.0.1"), "veth0"));
            assertTrue(nl.nexthops().addAll(burst).allSucceeded());
            assertTrue(nl.nexthops().deleteAll(List.of(1000L, 1001L, 1002L)).allSucceeded());
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!resynced.get() && System.nanoTime() < deadline) Thread.sleep(50);
            assertTrue(resynced.get(), "the overflow was reported as a resync");
            assertTrue(resyncedNexthops.get() > 0, "the resync delivered nexthops");
            List<Long> truth = List.of();
            for (int i = 0; i < 100; i++) {
                truth = nl.nexthops().list().stream().map(NexthopObject::id).sorted().toList();
                if (state.size() == truth.size()) break;
                Thread.sleep(100);
            }
            assertEquals(997, truth.size());
            assertEquals(truth, state.keySet().stream().sorted().toList(), "the state followed is what a dump says");
        } finally {
            s.close();
            s.awaitTermination(Duration.ofSeconds(2));
        }
    }

    @Test
    void nexthopsAddedAndDeletedInBulk() throws Exception {
        List<NexthopObjectSpec> specs = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) specs.add(NexthopObjectSpec.via(500 + i, java.net.InetAddress.ofLiteral("10.200.0.1"), "veth0"));
        specs.add(NexthopObjectSpec.group(600, List.of(new io.github.netlink4j.route.NexthopObject.Member(500, 1),
                new io.github.netlink4j.route.NexthopObject.Member(501, 1)))); // a group of members made earlier in the same batch
        io.github.netlink4j.common.BulkResult<Void> added = nl.nexthops().addAll(specs);
        assertTrue(added.allSucceeded(), added.failures().toString());
        List<Map<String, Object>> ip = Json.array(Ip.in(ns, "-j", "nexthop"));
        assertEquals(51, ip.stream().filter(n -> ((Number) n.get("id")).intValue() >= 500).count());
        io.github.netlink4j.common.BulkResult<Void> deleted = nl.nexthops().deleteAll(List.of(600L, 500L, 999L));
        assertEquals(java.util.Set.of(2), deleted.failures().keySet(), "id 999 alone does not exist: " + deleted.failures());
        assertTrue(nl.nexthops().find(500).isEmpty() && nl.nexthops().find(501).isPresent());
    }
}
