package io.github.netlink4j.bench.nlbench.workload;

import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.link.LinkSpec;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * K concurrent clients, one socket each, in the same namespace: each creates and deletes its share of
 * N links, all starting together. Every add and delete takes RTNL, so the latency spread against
 * {@code --clients 1} shows the lock's contention rather than any cost of ours.
 */
record Clients() implements Workload {
    /** How long the clients may take together before the run is called failed. */
    private static final long TIMEOUT_S = 600;

    @Override public String name() { return "clients"; }
    @Override public String measures() { return "K clients (--clients, one socket and thread each) create and delete N/K links each, concurrently (latency: each add and delete)"; }
    @Override public String setsUp() { return "K clients opened on the namespace"; }
    @Override public String unit() { return "links"; }
    @Override public int defaultCount() { return 400; }

    @Override
    public void prepare(NetlinkClient nl, Setup s) {}

    @Override
    public boolean run(NetlinkClient nl, Setup s, Histogram latency) throws Exception {
        int k = s.clients();
        List<NetlinkClient> clients = new ArrayList<>(k);
        List<Histogram> per = new ArrayList<>(k);
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (NetNamespace ns = NetNamespace.open(s.ns())) {
            for (int c = 0; c < k; c++) {
                clients.add(NetlinkClient.open(ns));
                per.add(new Histogram(latency.getHighestTrackableValue(), latency.getNumberOfSignificantValueDigits()));
            }
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>(k);
            for (int c = 0; c < k; c++) {
                int me = c;
                int share = s.count() / k + (me < s.count() % k ? 1 : 0);
                threads.add(Thread.ofPlatform().name("nlbench-client-" + me).start(() -> {
                    try {
                        start.await();
                        NetlinkClient cl = clients.get(me);
                        Histogram h = per.get(me);
                        for (int i = 0; i < share; i++) {
                            long t = System.nanoTime();
                            cl.links().add(LinkSpec.of("c" + me + "x" + i, s.kind()));
                            h.recordValue(System.nanoTime() - t);
                        }
                        for (int i = 0; i < share; i++) {
                            long t = System.nanoTime();
                            cl.links().delete("c" + me + "x" + i);
                            h.recordValue(System.nanoTime() - t);
                        }
                    } catch (Exception e) {
                        failure.compareAndSet(null, e);
                    }
                }));
            }
            start.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
            for (Thread t : threads) {
                if (!t.join(java.time.Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))) {
                    throw new IllegalStateException("clients did not finish within " + TIMEOUT_S + " s");
                }
            }
        } finally {
            for (NetlinkClient c : clients) c.close();
        }
        if (failure.get() != null) throw failure.get();
        for (Histogram h : per) latency.add(h);
        return true;
    }

    @Override
    public Optional<List<List<String>>> ipOps(Setup s) {
        return Optional.empty(); // one ip process is one client; concurrent ip processes would measure fork and exec
    }
}
