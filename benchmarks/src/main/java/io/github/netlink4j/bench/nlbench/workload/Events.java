package io.github.netlink4j.bench.nlbench.workload;

import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.Subscription;
import io.github.netlink4j.address.AddressSpec;
import io.github.netlink4j.event.EventGroup;
import io.github.netlink4j.event.NetlinkEvent;
import io.github.netlink4j.link.LinkSpec;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Events under churn: K clients (--clients, one socket and thread each) add and delete N IPv4 addresses
 * between them as fast as the kernel takes them, while one subscription (default options: a 1 MiB receive
 * queue) follows the addresses. The clock runs from the first add to the last event received. What a
 * subscriber under load needs to know is counted per repeat: events delivered as they happened, those the
 * subscription could only recover by a resync after the kernel's queue overflowed (ENOBUFS), the number of
 * resyncs, and how many changes were missed as they happened (a resync delivers only the net difference,
 * so an address added and deleted within one overflow is never seen). The run fails unless the state the
 * events describe at the end is the kernel's (no address left): every change is delivered or resynced, never
 * silently lost. The cell's ops_per_s clock also holds opening the clients and 300 ms of quiet at the end;
 * {@code span_ns} and {@code delivered_per_s} run from the first add to the last event received.
 */
final class Events implements Workload {
    /** How long the churn and the draining may take before the run is called failed. */
    private static final long TIMEOUT_S = 600;
    /** Quiet after the churn that ends the draining: no event for this long. */
    private static final long QUIET_MS = 300;

    private final int receiveBuffer;
    private volatile Map<String, Long> last;

    /**
     * {@code receiveBuffer} 0: the subscription's default queue (what users have); else that many bytes
     * (SO_RCVBUF), small enough to overflow under the churn, to measure the resync path.
     */
    Events(int receiveBuffer) {
        this.receiveBuffer = receiveBuffer;
    }

    @Override public String name() { return receiveBuffer == 0 ? "events" : "events-tight"; }
    @Override public String measures() { return "K clients (--clients) add then delete N IPv4 /32 addresses while one subscription follows them; first add to last event received (counts: delivered, resync_events, resyncs, missed)"; }
    @Override public String setsUp() {
        return "dummy0 up, a subscription to IPv4 addresses (" + (receiveBuffer == 0 ? "default 1 MiB queue" : receiveBuffer + "-byte queue: overflows, resyncs") + "), K clients";
    }
    @Override public String unit() { return "address add+delete pairs"; }
    @Override public int defaultCount() { return 1000; }

    static AddressSpec spec(int i) {
        return AddressSpec.of("dummy0", Ranges.v4(i), 32);
    }

    @Override
    public void prepare(NetlinkClient nl, Setup s) throws Exception {
        nl.links().add(LinkSpec.of("dummy0", s.kind()));
        nl.links().setUp("dummy0");
    }

    @Override
    public boolean run(NetlinkClient nl, Setup s, Histogram latency) throws Exception {
        int k = Math.max(1, s.clients());
        List<NetlinkClient> clients = new ArrayList<>(k);
        AtomicReference<Exception> failure = new AtomicReference<>();
        long delivered = 0, resyncEvents = 0;
        Set<String> present = new HashSet<>();
        long first, lastEvent;
        try (NetNamespace ns = NetNamespace.open(s.ns());
             Subscription sub = receiveBuffer == 0 ? nl.subscribe(EnumSet.of(EventGroup.IPV4_ADDRESS))
                     : nl.subscribe(EnumSet.of(EventGroup.IPV4_ADDRESS), Subscription.Options.DEFAULTS.withReceiveBuffer(receiveBuffer))) {
            for (int c = 0; c < k; c++) clients.add(NetlinkClient.open(ns));
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>(k);
            for (int c = 0; c < k; c++) {
                int me = c;
                threads.add(Thread.ofPlatform().name("nlbench-churn-" + me).start(() -> {
                    try {
                        start.await();
                        NetlinkClient cl = clients.get(me);
                        for (int i = me; i < s.count(); i += k) cl.addresses().add(spec(i));
                        for (int i = me; i < s.count(); i += k) cl.addresses().delete(spec(i));
                    } catch (Exception e) {
                        failure.compareAndSet(null, e);
                    }
                }));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
            first = System.nanoTime();
            lastEvent = first;
            start.countDown();
            long quietSince = -1;
            for (int polls = 0; polls < 100_000_000; polls++) {
                if (System.nanoTime() - deadline > 0) throw new IllegalStateException("events did not settle within " + TIMEOUT_S + " s");
                Optional<NetlinkEvent> e = sub.next(Duration.ofMillis(20));
                if (e.isPresent()) {
                    quietSince = -1;
                    if (e.get() instanceof NetlinkEvent.AddressEvent a) {
                        lastEvent = System.nanoTime();
                        if (a.resync()) resyncEvents++;
                        else delivered++;
                        if (a.action() == NetlinkEvent.Action.DELETED) present.remove(a.address().cidr());
                        else present.add(a.address().cidr());
                    }
                    continue;
                }
                if (threads.stream().anyMatch(Thread::isAlive)) continue;
                if (quietSince < 0) quietSince = System.nanoTime();
                else if (System.nanoTime() - quietSince > TimeUnit.MILLISECONDS.toNanos(QUIET_MS)) break;
            }
            for (Thread t : threads) t.join(Duration.ofSeconds(10));
            if (failure.get() != null) throw failure.get();
            if (!present.isEmpty()) {
                throw new IllegalStateException("the subscription ends with " + present.size() + " addresses the kernel no longer has (first: "
                        + present.iterator().next() + "): changes were lost without a resync");
            }
            Map<String, Long> m = new TreeMap<>();
            m.put("expected", 2L * s.count());
            m.put("delivered", delivered);
            m.put("resync_events", resyncEvents);
            m.put("resyncs", sub.resyncCount());
            m.put("missed", Math.max(0, 2L * s.count() - delivered));
            m.put("span_ns", lastEvent - first);
            last = m;
        } finally {
            for (NetlinkClient c : clients) c.close();
        }
        return false;
    }

    @Override
    public Optional<Map<String, Long>> events() {
        return Optional.ofNullable(last);
    }

    @Override
    public Optional<List<List<String>>> ipOps(Setup s) {
        return Optional.empty(); // ip monitor prints; it cannot say what it missed, so there is no column to set beside
    }
}
