package io.github.netlink4j.bench.nlbench.workload;

import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.address.AddressSpec;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Another client changing a namespace's IPv4 addresses while a column works there: on a platform thread and
 * a socket of its own, it adds and deletes {@link #SLOTS} addresses on {@code dummy0} in turn, as fast as the
 * kernel takes them, until closed. Bounded: it stops by itself after {@link #MAX_CHANGES} changes or
 * {@link #MAX_SECONDS} seconds. Closing it stops the thread (each add is followed by its delete, so none is left), waits for it and rethrows
 * what went wrong in it.
 */
public final class Churner implements AutoCloseable {
    /** Addresses the churn cycles through, after the ones a workload prepared. */
    static final int SLOTS = 200;
    static final long MAX_CHANGES = 50_000_000;
    static final long MAX_SECONDS = 3600;

    private final NetlinkClient client;
    private final Thread thread;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicLong changes = new AtomicLong();
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    private Churner(String ns, int first) throws Exception {
        try (NetNamespace n = NetNamespace.open(ns)) {
            client = NetlinkClient.open(n);
        }
        CountDownLatch running = new CountDownLatch(1);
        thread = Thread.ofPlatform().name("nlbench-dump-churn").start(() -> churn(first, running));
        if (!running.await(10, TimeUnit.SECONDS)) throw new IllegalStateException("the churn did not start within 10 s");
    }

    /** Starts churning the addresses after {@code first} (a {@link Ranges#v4} index) in namespace {@code ns}. */
    public static Churner start(String ns, int first) throws Exception {
        return new Churner(ns, first);
    }

    private void churn(int first, CountDownLatch running) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(MAX_SECONDS);
        running.countDown();
        try {
            for (long i = 0; i < MAX_CHANGES / 2 && !stop.get() && System.nanoTime() - deadline < 0; i++) {
                AddressSpec a = AddressSpec.of("dummy0", Ranges.v4(first + (int) (i % SLOTS)), 32);
                client.addresses().add(a);
                changes.incrementAndGet();
                client.addresses().delete(a);
                changes.incrementAndGet();
            }
        } catch (Exception e) {
            failure.set(e);
        }
    }

    /** The addresses added and deleted so far. */
    public long changes() {
        return changes.get();
    }

    @Override
    public void close() throws Exception {
        stop.set(true);
        try {
            thread.join(Duration.ofSeconds(30));
            if (thread.isAlive()) throw new IllegalStateException("the churn did not stop within 30 s");
            if (failure.get() != null) throw failure.get();
        } finally {
            client.close();
        }
    }
}
