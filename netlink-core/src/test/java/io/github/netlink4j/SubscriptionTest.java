package io.github.netlink4j;

import io.github.netlink4j.testing.OpenFds;
import io.github.netlink4j.address.Address;
import io.github.netlink4j.address.AddressSpec;
import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.common.MacAddress;
import io.github.netlink4j.event.EventGroup;
import io.github.netlink4j.event.NetlinkEvent;
import io.github.netlink4j.link.Link;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.neighbour.NeighbourSpec;
import io.github.netlink4j.route.Route;
import io.github.netlink4j.route.RouteSpec;
import io.github.netlink4j.route.RouteTable;
import io.github.netlink4j.route.RuleAction;
import io.github.netlink4j.route.RuleSpec;

import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import io.github.netlink4j.error.WaitTimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Events in throwaway namespaces: matching fields, isolation, resync after overflow, waits, cleanup. */
class SubscriptionTest {
    private ThrowawayNamespace ns;

    @BeforeEach
    void setUp() throws IOException {
        ns = ThrowawayNamespace.create("events");
    }

    @AfterEach
    void tearDown() throws IOException {
        if (ns != null) ns.close();
    }

    static NetlinkEvent await(Subscription s, Predicate<NetlinkEvent> p) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<NetlinkEvent> e = s.next(Duration.ofMillis(200));
            if (e.isPresent() && p.test(e.get())) return e.get();
        }
        throw new AssertionError("no matching event within 10 s");
    }

    @Test
    void changesByTheApiAndByIpProduceMatchingEvents() throws Exception {
        try (Subscription s = ns.client().subscribe(EventGroup.rtnetlink());
             ThrowawayNamespace elsewhere = ThrowawayNamespace.create("events-other")) {
            NetlinkClient nl = ns.client();
            Link made = nl.links().add(LinkSpec.veth("veth0", "veth1"));
            var added = (NetlinkEvent.LinkEvent) await(s, e -> e instanceof NetlinkEvent.LinkEvent le && le.link().name().equals("veth0"));
            assertEquals(NetlinkEvent.Action.NEW, added.action());
            assertEquals("veth", added.link().kind().orElseThrow());
            assertFalse(added.resync());

            Ip.in(ns.name(), "link", "set", "veth0", "up");
            var up = (NetlinkEvent.LinkEvent) await(s, e -> e instanceof NetlinkEvent.LinkEvent le && le.link().name().equals("veth0") && le.link().isUp());
            assertEquals(NetlinkEvent.Action.CHANGED, up.action());

            nl.addresses().add(AddressSpec.of("veth0", "10.200.0.2/24"));
            var addr = (NetlinkEvent.AddressEvent) await(s, e -> e instanceof NetlinkEvent.AddressEvent);
            assertEquals("10.200.0.2/24", addr.address().cidr());
            assertEquals(NetlinkEvent.Action.NEW, addr.action());

            Ip.in(ns.name(), "route", "add", "10.200.9.0/24", "via", "10.200.0.1");
            var route = (NetlinkEvent.RouteEvent) await(s, e -> e instanceof NetlinkEvent.RouteEvent re && "10.200.9.0/24".equals(re.route().destinationText()));
            assertEquals(InetAddress.ofLiteral("10.200.0.1"), route.route().gateway().orElseThrow());

            nl.neighbours().add(NeighbourSpec.of("veth0", InetAddress.ofLiteral("10.200.0.7"), MacAddress.of("02:00:00:00:00:07")));
            var neigh = (NetlinkEvent.NeighbourEvent) await(s, e -> e instanceof NetlinkEvent.NeighbourEvent);
            assertEquals(MacAddress.of("02:00:00:00:00:07"), neigh.neighbour().lladdr().orElseThrow());

            // Nothing from another namespace leaks in.
            elsewhere.client().links().add(LinkSpec.ifb("leak0"));
            Ip.in(ns.name(), "link", "del", "veth0");
            List<NetlinkEvent> rest = new ArrayList<>();
            var gone = await(s, e -> {
                rest.add(e);
                return e instanceof NetlinkEvent.LinkEvent le && le.action() == NetlinkEvent.Action.DELETED && le.link().name().equals("veth0");
            });
            assertEquals(made.index(), ((NetlinkEvent.LinkEvent) gone).link().index(), "the deletion names the link that was made");
            assertTrue(rest.stream().noneMatch(e -> e instanceof NetlinkEvent.LinkEvent le && le.link().name().equals("leak0")), rest.toString());
        }
    }

    @Test
    void overflowIsRepairedByResyncAndTheStateMatchesADump() throws Exception {
        NetlinkClient nl = ns.client();
        int ifb0 = nl.links().add(LinkSpec.ifb("ifb0")).index();
        Map<List<Object>, Address> state = new java.util.concurrent.ConcurrentHashMap<>();
        Map<Integer, Link> links = new java.util.concurrent.ConcurrentHashMap<>();
        CountDownLatch firstSeen = new CountDownLatch(1);
        // The consumer stalls until every change below was made, so the kernel's queue overflows for
        // certain and the last of them (ifb0's mtu) reaches the subscription only through the resync.
        CountDownLatch changesMade = new CountDownLatch(1);
        AtomicBoolean resynced = new AtomicBoolean();
        Subscription s = nl.listen(EnumSet.of(EventGroup.IPV4_ADDRESS, EventGroup.LINK), new Subscription.Options(true, 4096, false), e -> {
            if (e instanceof NetlinkEvent.AddressEvent ae) {
                List<Object> k = List.of(ae.address().index(), ae.address().address(), ae.address().prefixLength());
                if (ae.action() == NetlinkEvent.Action.DELETED) state.remove(k);
                else state.put(k, ae.address());
                if (firstSeen.getCount() > 0) {
                    firstSeen.countDown();
                    try {
                        changesMade.await(20, java.util.concurrent.TimeUnit.SECONDS); // a stalled consumer
                    } catch (InterruptedException x) {
                        Thread.currentThread().interrupt();
                    }
                }
            } else if (e instanceof NetlinkEvent.LinkEvent le) {
                if (le.action() == NetlinkEvent.Action.DELETED) links.remove(le.link().index());
                else links.put(le.link().index(), le.link());
            } else if (e instanceof NetlinkEvent.Resynced r && r.reason().equals("ENOBUFS")) {
                resynced.set(true);
            }
        });
        try {
            List<AddressSpec> burst = new ArrayList<>();
            for (int i = 0; i < 3000; i++) burst.add(AddressSpec.of("ifb0", "198.18." + (i / 250) + "." + (i % 250 + 1) + "/32"));
            assertTrue(nl.addresses().addAll(burst).allSucceeded());
            nl.addresses().deleteAll(burst.subList(0, 500));
            Ip.in(ns.name(), "link", "set", "dev", "ifb0", "mtu", "1400");
            changesMade.countDown();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!resynced.get() && System.nanoTime() < deadline) Thread.sleep(50);
            assertTrue(resynced.get(), "the overflow was reported as a resync");
            assertTrue(s.resyncCount() >= 1);
            // Let the stream settle, then compare with a fresh dump.
            List<Address> truth = List.of();
            for (int i = 0; i < 100; i++) {
                truth = nl.addresses().list(AddressFamily.INET);
                if (state.size() == truth.size()) break;
                Thread.sleep(100);
            }
            Map<List<Object>, Address> expected = new HashMap<>();
            for (Address a : truth) expected.put(List.of(a.index(), a.address(), a.prefixLength()), a);
            java.util.Set<List<Object>> missing = new java.util.HashSet<>(expected.keySet());
            missing.removeAll(state.keySet());
            java.util.Set<List<Object>> extra = new java.util.HashSet<>(state.keySet());
            extra.removeAll(expected.keySet());
            assertTrue(missing.isEmpty() && extra.isEmpty(), "missing " + missing.size() + " " + missing.stream().limit(5).toList()
                    + ", extra " + extra.size() + " " + extra.stream().limit(5).toList());
            assertEquals(2500, state.size(), "3,000 added, 500 deleted (lo is down, so no 127.0.0.1)");
            assertEquals(1400, links.get(ifb0).mtu(), "the mtu changed while notifications were lost arrives as a resync's CHANGED");
        } finally {
            changesMade.countDown();
            s.close();
            s.awaitTermination(Duration.ofSeconds(2));
        }
    }

    @Test
    void waitHelpersFollowEvents() throws Exception {
        NetlinkClient nl = ns.client();
        nl.links().add(LinkSpec.veth("veth0", "veth1"));
        nl.links().setUp("veth0");
        nl.links().setUp("veth1");
        Link up = nl.waits().linkUp("veth0", Duration.ofSeconds(10));
        assertTrue(up.hasCarrier());
        // Without nodad the address is tentative until duplicate address detection finishes.
        nl.addresses().add(AddressSpec.of("veth0", "fd00:200::2/64"));
        assertTrue(nl.addresses().list("veth0", AddressFamily.INET6).stream().anyMatch(a -> a.cidr().equals("fd00:200::2/64") && !a.isUsable()),
                "tentative right after it was added");
        Address usable = nl.waits().addressUsable("veth0", InetAddress.ofLiteral("fd00:200::2"), Duration.ofSeconds(15));
        assertTrue(usable.isUsable());
        String ipSays = Ip.in(ns.name(), "-6", "-o", "addr", "show", "dev", "veth0", "to", "fd00:200::2/128");
        assertTrue(ipSays.contains("fd00:200::2/64") && !ipSays.contains("tentative"), "ip agrees that DAD is over: " + ipSays);
        nl.routes().add(RouteSpec.to("10.200.9.0/24").withLink("veth0"));
        Route r = nl.waits().route(AddressFamily.INET, x -> "10.200.9.0/24".equals(x.destinationText()), Duration.ofSeconds(5));
        assertEquals(up.index(), r.outputIndex().getAsInt());
        WaitTimeoutException te = assertThrows(WaitTimeoutException.class, () -> nl.waits().linkUp("nosuch0", Duration.ofMillis(300)));
        assertTrue(te.getMessage().contains("link nosuch0") && te.getMessage().contains("PT0.3S"), te.getMessage());
        assertEquals(io.github.netlink4j.error.Errno.ETIMEDOUT, te.errno());
    }

    @Test
    void closingAThousandSubscriptionsLeavesNoThreadOrFd() throws Exception {
        ns.client();
        io.github.netlink4j.testing.Workers.quiesce();
        List<String> fdsBefore = OpenFds.all();
        int threadsBefore = Thread.activeCount();
        List<Subscription> subs = new ArrayList<>();
        for (int round = 0; round < 10; round++) {
            for (int i = 0; i < 100; i++) subs.add(ns.client().subscribe(EnumSet.of(EventGroup.LINK)));
            for (Subscription s : subs) s.close();
            for (Subscription s : subs) assertTrue(s.awaitTermination(Duration.ofSeconds(5)));
            subs.clear();
        }
        io.github.netlink4j.testing.Workers.quiesce();
        assertEquals(fdsBefore, OpenFds.all());
        for (int i = 0; i < 50 && Thread.activeCount() > threadsBefore; i++) Thread.sleep(20);
        assertTrue(Thread.activeCount() <= threadsBefore, Thread.activeCount() + " > " + threadsBefore);
    }


    @Test
    void rulesComeAndGoAndAResyncFindsThem() throws Exception {
        NetlinkClient nl = ns.client();
        try (Subscription s = nl.subscribe(EnumSet.of(EventGroup.IPV4_RULE, EventGroup.IPV6_RULE))) {
            nl.rules().add(RuleSpec.of(AddressFamily.INET).withSource("10.200.0.0/24").withPriority(100).withLookup(RouteTable.of(100)));
            var added = (NetlinkEvent.RuleEvent) await(s, e -> e instanceof NetlinkEvent.RuleEvent re && re.rule().priority() == 100);
            assertEquals(NetlinkEvent.Action.NEW, added.action());
            assertEquals(RouteTable.of(100), added.rule().table());
            Ip.in(ns.name(), "-6", "rule", "add", "to", "fd00:200::/64", "prohibit", "pref", "200");
            var v6 = (NetlinkEvent.RuleEvent) await(s, e -> e instanceof NetlinkEvent.RuleEvent re && re.rule().priority() == 200);
            assertEquals(AddressFamily.INET6, v6.rule().family());
            assertEquals(java.util.Optional.of(RuleAction.PROHIBIT), v6.rule().action());
            nl.rules().delete(AddressFamily.INET, 100);
            var gone = (NetlinkEvent.RuleEvent) await(s, e -> e instanceof NetlinkEvent.RuleEvent re && re.action() == NetlinkEvent.Action.DELETED);
            assertEquals(100, gone.rule().priority());
        }
        // a subscription that lists what exists starts with the rules, the defaults included
        try (Subscription s = nl.subscribe(EnumSet.of(EventGroup.IPV4_RULE), new Subscription.Options(true, 1 << 20, false))) {
            var local = (NetlinkEvent.RuleEvent) await(s, e -> e instanceof NetlinkEvent.RuleEvent re && re.rule().priority() == 32766);
            assertTrue(local.resync(), "listed from the dump");
        }
    }
}
