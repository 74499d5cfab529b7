package io.github.netlink4j;

import io.github.netlink4j.conntrack.ConntrackEntry;
import io.github.netlink4j.conntrack.ConntrackTuple;
import io.github.netlink4j.event.EventGroup;
import io.github.netlink4j.event.NetlinkEvent;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Conntrack events ({@code conntrack -E}) in a throwaway namespace: new and destroy seen, and a resync after an overflow. */
class ConntrackEventsTest {
    private static final InetAddress A = InetAddress.ofLiteral("10.200.8.5");
    private static final InetAddress B = InetAddress.ofLiteral("10.200.8.6");
    private ThrowawayNamespace ns;
    private NetlinkClient nl;

    @BeforeEach
    void setUp() throws IOException {
        ns = ThrowawayNamespace.create("ct-ev");
        nl = ns.client();
    }

    @AfterEach
    void tearDown() throws IOException {
        if (ns != null) ns.close();
    }

    private static NetlinkEvent.ConntrackEvent await(Subscription s, Predicate<NetlinkEvent.ConntrackEvent> p) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<NetlinkEvent> e = s.next(Duration.ofMillis(200));
            if (e.isPresent() && e.get() instanceof NetlinkEvent.ConntrackEvent ce && p.test(ce)) return ce;
        }
        throw new AssertionError("no matching conntrack event within 10 s");
    }

    @Test
    void newAndDestroyAreSeenWithTheEntry() throws Exception {
        ConntrackTuple t = ConntrackTuple.tcp(A, B, 40000, 80);
        try (Subscription s = nl.subscribe(EventGroup.conntrack())) {
            ConntrackTest.run(ns, "conntrack", "-I", "-s", "10.200.8.5", "-d", "10.200.8.6", "-p", "tcp", "--sport", "40000", "--dport", "80",
                    "--state", "ESTABLISHED", "-t", "300", "-m", "9");
            NetlinkEvent.ConntrackEvent made = await(s, e -> e.entry().original().equals(t));
            assertEquals(NetlinkEvent.Action.NEW, made.action());
            assertEquals(9, made.entry().mark().orElseThrow());
            ConntrackTest.run(ns, "conntrack", "-U", "-s", "10.200.8.5", "-d", "10.200.8.6", "-p", "tcp", "--sport", "40000", "--dport", "80", "-m", "10");
            NetlinkEvent.ConntrackEvent changed = await(s, e -> e.entry().original().equals(t));
            assertEquals(NetlinkEvent.Action.CHANGED, changed.action());
            assertEquals(10, changed.entry().mark().orElseThrow());
            nl.conntrack().delete(t);
            NetlinkEvent.ConntrackEvent gone = await(s, e -> e.entry().original().equals(t));
            assertEquals(NetlinkEvent.Action.DELETED, gone.action());
            ConntrackTest.run(ns, "conntrack", "-I", "-s", "10.200.8.5", "-d", "10.200.8.6", "-p", "udp", "--sport", "1", "--dport", "53", "-t", "300");
            await(s, e -> e.action() == NetlinkEvent.Action.NEW && e.entry().protocol() == ConntrackTuple.UDP);
            ConntrackTest.run(ns, "conntrack", "-D", "-p", "udp");
            NetlinkEvent.ConntrackEvent byTool = await(s, e -> e.entry().protocol() == ConntrackTuple.UDP);
            assertEquals(NetlinkEvent.Action.DELETED, byTool.action());
        }
    }

    @Test
    void overflowIsRepairedByResyncAndTheStateMatchesAList() throws Exception {
        Map<Object, ConntrackEntry> state = new ConcurrentHashMap<>();
        CountDownLatch firstSeen = new CountDownLatch(1);
        CountDownLatch changesMade = new CountDownLatch(1);
        AtomicBoolean resynced = new AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger changedByResync = new java.util.concurrent.atomic.AtomicInteger();
        Subscription s = nl.listen(EventGroup.conntrack(), new Subscription.Options(true, 4096, false), e -> {
            if (e instanceof NetlinkEvent.ConntrackEvent ce) {
                if (ce.resync() && ce.action() == NetlinkEvent.Action.CHANGED) changedByResync.incrementAndGet();
                Object k = List.of(ce.entry().original(), ce.entry().zone().orElse(0));
                if (ce.action() == NetlinkEvent.Action.DELETED) state.remove(k);
                else state.put(k, ce.entry());
                if (firstSeen.getCount() > 0) {
                    firstSeen.countDown();
                    try {
                        changesMade.await(30, TimeUnit.SECONDS); // a stalled consumer: the kernel's queue overflows
                    } catch (InterruptedException x) {
                        Thread.currentThread().interrupt();
                    }
                }
            } else if (e instanceof NetlinkEvent.Resynced r && r.reason().equals("ENOBUFS")) {
                resynced.set(true);
            }
        });
        try {
            // 150 UDP and 60 TCP entries, then the TCP ones deleted: far more than a 4 KiB queue holds
            ConntrackTest.run(ns, "sh", "-c", "for i in $(seq 1 150); do conntrack -I -s 10.200.8.5 -d 10.200.8.6 -p udp --sport $i --dport 53 -t 300 2>/dev/null; done;"
                    + " for i in $(seq 1 60); do conntrack -I -s 10.200.8.5 -d 10.200.8.6 -p tcp --sport $i --dport 80 --state ESTABLISHED -t 300 2>/dev/null; done;"
                    + " conntrack -D -p tcp >/dev/null 2>&1; true");
            changesMade.countDown();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!resynced.get() && System.nanoTime() < deadline) Thread.sleep(50);
            assertTrue(resynced.get(), "the overflow was reported as a resync");
            assertTrue(s.resyncCount() >= 1);
            List<ConntrackEntry> truth = List.of();
            for (int i = 0; i < 100; i++) { // bounded: 10 s for the stream to settle
                truth = nl.conntrack().list();
                if (state.size() == truth.size()) break;
                Thread.sleep(100);
            }
            assertEquals(150, truth.size());
            Set<Object> expected = new HashSet<>();
            for (ConntrackEntry e : truth) expected.add(List.of(e.original(), e.zone().orElse(0)));
            assertEquals(expected, state.keySet());
            // nothing but timeouts changed (no entry was updated): a resync that compared timers would say otherwise
            assertEquals(0, changedByResync.get(), "entries reported changed by the resync");
        } finally {
            changesMade.countDown();
            s.close();
            assertTrue(s.awaitTermination(Duration.ofSeconds(5)));
        }
    }

    @Test
    void oneSubscriptionIsOfOneProtocol() {
        Set<EventGroup> mixed = EnumSet.of(EventGroup.LINK, EventGroup.CONNTRACK_NEW);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> nl.subscribe(mixed));
        assertTrue(e.getMessage().contains("apart"), e.getMessage());
    }
}
