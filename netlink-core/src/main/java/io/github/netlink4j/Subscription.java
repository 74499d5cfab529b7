package io.github.netlink4j;

import io.github.netlink4j.event.EventGroup;
import io.github.netlink4j.event.NetlinkEvent;

import io.github.netlink4j.error.Errno;
import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.codec.EventCodec;
import io.github.netlink4j.internal.codec.Families;
import io.github.netlink4j.internal.codec.FamilyDescriptor;
import io.github.netlink4j.internal.transport.Bus;
import io.github.netlink4j.internal.transport.EventSocket;
import io.github.netlink4j.internal.transport.RequestSocket;
import io.github.netlink4j.internal.transport.SocketFactory;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A subscription to rtnetlink notifications ({@code ip monitor}) or conntrack's ({@code conntrack -E}), made by
 * {@link NetlinkClient#subscribe}: its own socket, its own platform reader thread and a bounded queue.
 * Events come as the query API's records, tagged new, changed or deleted.
 *
 * <p><b>Resync instead of loss.</b> The subscription keeps the state of what it follows. When the
 * kernel drops notifications because the socket overflowed (ENOBUFS), it dumps the subscribed kinds
 * again and delivers the difference as events marked {@code resync}, then a {@link
 * NetlinkEvent.Resynced}. With {@link Options#listExisting()}, the same mechanism first delivers what
 * exists (joined before the dump, so there is neither a gap nor a double).
 *
 * {@snippet :
 * try (Subscription s = nl.subscribe(EnumSet.of(EventGroup.LINK))) {   // ip monitor link
 *     NetlinkEvent e = s.next(Duration.ofSeconds(5)).orElseThrow();
 * }
 * }
 */
public final class Subscription implements AutoCloseable {
    private static final int QUEUE = 4096;
    private static final AtomicLong COUNTER = new AtomicLong();

    /**
     * How a subscription starts.
     *
     * @param listExisting  deliver what exists now first, as NEW events marked resync, then a
     *                      {@link NetlinkEvent.Resynced}{@code ("initial")}
     * @param receiveBuffer the socket's receive queue in bytes (SO_RCVBUF, forced where permitted)
     * @param everyNotification deliver every kernel notification as an event, also one that leaves the
     *                      followed state as it was (what {@code ip monitor} prints); otherwise only
     *                      changes are delivered
     */
    public record Options(boolean listExisting, int receiveBuffer, boolean everyNotification) {
        /** Nothing listed first, a 1 MiB receive queue, changes only. */
        public static final Options DEFAULTS = new Options(false, 1 << 20, false);

        /** Checks the buffer size. */
        public Options {
            if (receiveBuffer <= 0) throw new IllegalArgumentException("receiveBuffer must be positive, not " + receiveBuffer);
        }

        /** A copy with {@code listExisting} set. */
        public Options withListExisting(boolean v) {
            return new Options(v, receiveBuffer, everyNotification);
        }

        /** A copy with {@code everyNotification} set. */
        public Options withEveryNotification(boolean v) {
            return new Options(listExisting, receiveBuffer, v);
        }

        /** A copy with {@code receiveBuffer} set. */
        public Options withReceiveBuffer(int bytes) {
            return new Options(listExisting, bytes, everyNotification);
        }
    }

    private final Set<EventGroup> groups;
    private final EventSocket events;
    private final RequestSocket dumpSocket;
    private final BlockingQueue<NetlinkEvent> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Consumer<NetlinkEvent> listener;
    private final Thread reader;
    private final Map<Object, Object> state = new HashMap<>();
    private final List<NetlinkEvent> initial = new ArrayList<>();
    private volatile boolean closed;
    private volatile Throwable failure;
    private final AtomicLong resyncs = new AtomicLong();
    private final boolean everyNotification;

    Subscription(Set<EventGroup> groups, Options options, SocketFactory sockets, Consumer<NetlinkEvent> listener) throws IOException {
        if (groups.isEmpty()) throw new IllegalArgumentException("subscribe to at least one group");
        this.groups = EnumSet.copyOf(groups);
        Bus bus = busOf(this.groups);
        this.listener = listener;
        this.everyNotification = options.everyNotification();
        this.events = sockets.events(bus, options.receiveBuffer());
        RequestSocket d = null;
        try {
            events.setReceiveTimeoutMillis(100); // so close() is noticed promptly
            for (EventGroup g : groups) events.joinGroup(g.group());
            // Joined before the dump: a change made meanwhile is both dumped and notified, and the
            // state comparison drops the double.
            d = sockets.requests(bus);
        } catch (IOException | RuntimeException e) {
            events.close();
            throw e;
        }
        this.dumpSocket = d;
        try {
            if (options.listExisting()) initial.addAll(resyncEvents("initial"));
        } catch (IOException | RuntimeException e) {
            events.close();
            d.close();
            throw e;
        }
        this.reader = Thread.ofPlatform().name("netlink4j-events-" + COUNTER.incrementAndGet()).daemon(true)
                .unstarted(this::readLoop);
        reader.start();
    }

    /**
     * The next event, waiting up to {@code timeout}; empty if none came. Throws if the reader failed.
     *
     * @throws IllegalStateException in the listener form, or after close
     */
    public Optional<NetlinkEvent> next(Duration timeout) throws IOException, InterruptedException {
        if (listener != null) throw new IllegalStateException("a listener subscription delivers to its listener");
        NetlinkEvent e = queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (e == null) {
            Throwable f = failure;
            if (f != null) throw new IOException("event reader failed: " + f.getMessage(), f);
            if (closed) throw new IllegalStateException("subscription is closed");
        }
        return Optional.ofNullable(e);
    }

    /** How many times the subscription resynchronised after lost notifications. */
    public long resyncCount() {
        return resyncs.get();
    }

    private void deliver(NetlinkEvent e) throws InterruptedException {
        if (listener != null) {
            listener.accept(e);
        } else {
            // Bounded: a slow consumer blocks the reader, the kernel queue fills, and ENOBUFS leads to a resync.
            while (!queue.offer(e, 100, TimeUnit.MILLISECONDS)) {
                if (closed) return;
            }
        }
    }

    private void readLoop() {
        try {
            List<NetlinkEvent> pending = new ArrayList<>();
            for (NetlinkEvent e : initial) deliver(e);
            initial.clear();
            while (!closed) {
                int n = events.receive();
                if (n == -Errno.EAGAIN || n == -Errno.EINTR) continue;
                if (n == -Errno.ENOBUFS || n == -Errno.EMSGSIZE) {
                    resyncs.incrementAndGet();
                    // The kernel reports the overrun before the datagrams still queued, which are older
                    // than the dump about to be taken: drop them, or they would undo newer state.
                    for (NetlinkEvent e : resync(n == -Errno.ENOBUFS ? "ENOBUFS" : "EMSGSIZE")) deliver(e);
                    continue;
                }
                pending.clear();
                decode(events.received(n), n, pending);
                for (NetlinkEvent e : pending) deliver(e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            if (!closed) {
                failure = t;
                if (listener != null) {
                    try {
                        listener.accept(new NetlinkEvent.Failed(t));
                    } catch (Throwable again) {
                        t.addSuppressed(again);
                    }
                }
            }
        } finally {
            // The reader owns the sockets: they are closed when it stops, never under its feet.
            events.close();
            dumpSocket.close();
        }
    }

    /**
     * After lost notifications: drops the queued ones (older than the dump about to be taken) and
     * resyncs. A dump the kernel keeps interrupting (NLM_F_DUMP_INTR on every attempt, under heavy
     * churn) is tried again after a pause, up to {@value #RESYNC_ROUNDS} rounds (about
     * {@value #RESYNC_ROUNDS} × 0.1 s at most), before the subscription gives up and says so.
     */
    private List<NetlinkEvent> resync(String reason) throws NetlinkException, InterruptedException {
        for (int round = 1; ; round++) {
            events.drain();
            try {
                return resyncEvents(reason);
            } catch (io.github.netlink4j.error.DumpInterruptedException e) {
                if (round >= RESYNC_ROUNDS || closed) throw e;
                Thread.sleep(Math.min(100, 5L * round));
            }
        }
    }

    private static final int RESYNC_ROUNDS = 600;

    /** Why the subscription stopped, if it failed (the listener form also receives {@link NetlinkEvent.Failed}). */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * The protocol of {@code groups}: rtnetlink's or netfilter's. One socket joins groups of one protocol, so a
     * subscription does too.
     */
    private static Bus busOf(Set<EventGroup> groups) {
        boolean netfilter = groups.iterator().next().netfilter();
        for (EventGroup g : groups) {
            if (g.netfilter() != netfilter) {
                throw new IllegalArgumentException("conntrack groups and rtnetlink groups are on two netlink protocols: subscribe to them apart, not " + groups);
            }
        }
        return netfilter ? Bus.NETFILTER : Bus.ROUTE;
    }

    /** Dumps the subscribed kinds and turns the difference from what we knew into events. */
    private List<NetlinkEvent> resyncEvents(String reason) throws NetlinkException {
        Map<Object, Object> fresh = new HashMap<>();
        java.util.Set<Object> taken = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (FamilyDescriptor<?> f : Families.ALL) {
            // a dump that lists what several groups announce (conntrack's three) is taken once
            for (FamilyDescriptor.Resync r : f.resyncs()) if (groups.contains(r.group()) && taken.add(r.walk() != null ? r.walk() : r.dump())) dumpInto(f, r, fresh);
        }
        List<NetlinkEvent> out = new ArrayList<>();
        synchronized (state) {
            for (Map.Entry<Object, Object> e : fresh.entrySet()) {
                Object old = state.get(e.getKey());
                if (old == null) out.add(event(NetlinkEvent.Action.NEW, e.getValue(), true));
                else if (!old.equals(e.getValue())) out.add(event(NetlinkEvent.Action.CHANGED, e.getValue(), true));
            }
            for (Map.Entry<Object, Object> e : state.entrySet()) {
                if (!fresh.containsKey(e.getKey())) out.add(event(NetlinkEvent.Action.DELETED, e.getValue(), true));
            }
            state.clear();
            state.putAll(fresh);
        }
        out.add(new NetlinkEvent.Resynced(reason, out.size()));
        return out;
    }

    /**
     * One dump of {@code f}, as the family keeps its objects, into {@code fresh} (for a family dumped piecewise,
     * each dump its walk finds); an interrupted dump is taken again whole.
     */
    private void dumpInto(FamilyDescriptor<?> f, FamilyDescriptor.Resync r, Map<Object, Object> fresh) throws NetlinkException {
        if (r.walk() == null) {
            dumpInto(f, r.dump(), fresh);
            return;
        }
        for (FamilyDescriptor.Request d : r.walk().dumps(this::dumpList)) dumpInto(f, d, fresh);
    }

    private <T> List<T> dumpList(FamilyDescriptor.Request request, int type, FamilyDescriptor.Decoder<T> decoder, String what) throws NetlinkException {
        List<T> out = new ArrayList<>();
        dumpSocket.dump(request::write, type, (s, off, len) -> out.add(decoder.decode(s, off, len)), out::clear, what);
        return out;
    }

    private void dumpInto(FamilyDescriptor<?> f, FamilyDescriptor.Request dump, Map<Object, Object> fresh) throws NetlinkException {
        List<Object> got = new ArrayList<>();
        dumpSocket.dump(dump::write, f.newType(), (s, off, len) -> {
            Object v = f.decode(s, off, len);
            if (v != null) got.add(f.state(v));
        }, got::clear, f.name());
        for (Object v : got) fresh.put(f.key(v), v);
    }

    private static NetlinkEvent event(NetlinkEvent.Action a, Object v, boolean resync) {
        return Families.of(v).event(a, v, resync);
    }

    private void decode(MemorySegment s, int len, List<NetlinkEvent> out) throws ProtocolException {
        for (EventCodec.Decoded d : EventCodec.decode(s, len)) apply(d.family(), d.family().state(d.value()), d.deleted(), out);
    }

    private void apply(FamilyDescriptor<?> f, Object v, boolean deleted, List<NetlinkEvent> out) {
        Object k = f.key(v);
        synchronized (state) {
            Object old = deleted ? state.remove(k) : state.put(k, v);
            if (deleted) {
                out.add(f.event(NetlinkEvent.Action.DELETED, v, false));
                java.util.function.Predicate<Object> alsoGone = f.cascade(v);
                if (alsoGone != null) removeAlso(f, alsoGone, out);
            } else if (old == null) {
                out.add(f.event(NetlinkEvent.Action.NEW, v, false));
            } else if (everyNotification || !old.equals(v)) {
                out.add(f.event(NetlinkEvent.Action.CHANGED, v, false));
            }
        }
    }

    /** Removes what a deletion took with it unannounced (a filter priority's filters), each as a deletion. */
    private void removeAlso(FamilyDescriptor<?> f, java.util.function.Predicate<Object> alsoGone, List<NetlinkEvent> out) {
        for (var it = state.values().iterator(); it.hasNext(); ) {
            Object o = it.next();
            if (alsoGone.test(o)) {
                it.remove();
                out.add(f.event(NetlinkEvent.Action.DELETED, o, false));
            }
        }
    }

    /**
     * Stops the subscription. Returns at once; the reader notices within its 100 ms receive timeout,
     * closes both sockets and ends, leaving no thread or fd ({@link #awaitTermination} waits for that).
     * Idempotent.
     */
    @Override
    public void close() {
        closed = true;
    }

    /** Waits until the reader thread has ended and released its sockets; true if it has. */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return reader.join(timeout);
    }
}
