package io.github.netlink4j;

import io.github.netlink4j.error.Errno;
import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.transport.NetlinkSocket;
import io.github.netlink4j.internal.wire.Messages;
import io.github.netlink4j.internal.wire.Nlmsg;
import io.github.netlink4j.internal.wire.uapi.Netlink;
import io.github.netlink4j.internal.wire.uapi.Rtnetlink;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A subscription to rtnetlink notifications ({@code ip monitor}): its own socket, its own platform
 * reader thread and a bounded queue. Events come as the query API's records, tagged new, changed or
 * deleted.
 *
 * <p><b>Resync instead of loss.</b> The subscription keeps the state of what it follows. When the
 * kernel drops notifications because the socket overflowed (ENOBUFS), it dumps the subscribed kinds
 * again and delivers the difference as events marked {@code resync}, then a {@link
 * NetlinkEvent.Resynced}. With {@code listExisting}, the same mechanism first delivers what exists
 * (joined before the dump, so there is neither a gap nor a double).
 *
 * {@snippet :
 * try (Subscription s = Subscription.open(EnumSet.of(EventGroup.LINK), null, true)) {   // ip monitor link
 *     NetlinkEvent e = s.next(Duration.ofSeconds(5)).orElseThrow();
 * }
 * }
 */
public final class Subscription implements AutoCloseable {
    /** Receive queue used unless told otherwise. */
    public static final int DEFAULT_RCVBUF = 1 << 20;
    private static final int QUEUE = 4096;
    private static final AtomicLong COUNTER = new AtomicLong();

    private final Set<EventGroup> groups;
    private NetlinkSocket events;
    private NetlinkClient dumper;
    private final BlockingQueue<NetlinkEvent> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Consumer<NetlinkEvent> listener;
    private final Thread reader;
    private final Map<Object, Object> state = new HashMap<>();
    private volatile boolean closed;
    private volatile Throwable failure;
    private final AtomicLong resyncs = new AtomicLong();

    private Subscription(Set<EventGroup> groups, NetNamespace ns, int rcvbuf, boolean listExisting,
                         Consumer<NetlinkEvent> listener) throws IOException {
        this.groups = EnumSet.copyOf(groups);
        this.listener = listener;
        int fd = ns == null ? NetlinkSocket.createFd(Netlink.NETLINK_ROUTE)
                : ns.call(() -> NetlinkSocket.createFd(Netlink.NETLINK_ROUTE));
        NetlinkSocket s = NetlinkSocket.adopt(fd, Netlink.NETLINK_ROUTE, rcvbuf);
        this.events = s;
        try {
            s.setReceiveTimeoutMillis(100); // so close() is noticed promptly
            for (EventGroup g : groups) s.joinGroup(g.group());
            // Joined before the dump: a change made meanwhile is both dumped and notified, and the
            // state comparison drops the double.
            this.dumper = ns == null ? NetlinkClient.open() : NetlinkClient.open(ns);
            if (listExisting) resync("initial");
        } catch (IOException | RuntimeException e) {
            s.close();
            if (dumper != null) dumper.close();
            throw e;
        }
        this.reader = Thread.ofPlatform().name("netlink4j-events-" + COUNTER.incrementAndGet()).daemon(true)
                .unstarted(this::readLoop);
        reader.start();
    }

    /**
     * Subscribes to {@code groups} in {@code ns} (null: the caller's namespace) with the default
     * receive buffer. With {@code listExisting}, what exists now is delivered first as NEW events
     * marked resync, then a {@link NetlinkEvent.Resynced}{@code ("initial")}.
     */
    public static Subscription open(Set<EventGroup> groups, NetNamespace ns, boolean listExisting) throws IOException {
        return open(groups, ns, listExisting, DEFAULT_RCVBUF);
    }

    /** Like {@link #open(Set, NetNamespace, boolean)} with a receive buffer of {@code rcvbuf} bytes. */
    public static Subscription open(Set<EventGroup> groups, NetNamespace ns, boolean listExisting, int rcvbuf) throws IOException {
        if (groups.isEmpty()) throw new IllegalArgumentException("subscribe to at least one group");
        if (rcvbuf < 0) throw new IllegalArgumentException("rcvbuf must be >= 0");
        return new Subscription(groups, ns, rcvbuf, listExisting, null);
    }

    /** The listener form: {@code listener} runs on the subscription's own thread for every event. */
    public static Subscription listen(Set<EventGroup> groups, NetNamespace ns, boolean listExisting, int rcvbuf,
                                      Consumer<NetlinkEvent> listener) throws IOException {
        Objects.requireNonNull(listener);
        if (groups.isEmpty()) throw new IllegalArgumentException("subscribe to at least one group");
        return new Subscription(groups, ns, rcvbuf, listExisting, listener);
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
                int n = events.receiveEvents();
                if (n == -Errno.EAGAIN || n == -Errno.EINTR || n == -Errno.EMSGSIZE) continue;
                if (n == -Errno.ENOBUFS) {
                    resyncs.incrementAndGet();
                    // The kernel reports the overrun before the datagrams still queued, which are older
                    // than the dump about to be taken: drop them, or they would undo newer state.
                    events.drain();
                    for (NetlinkEvent e : resyncEvents("ENOBUFS")) deliver(e);
                    continue;
                }
                pending.clear();
                decode(events.received(n), n, pending);
                for (NetlinkEvent e : pending) deliver(e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            if (!closed) failure = t;
        } finally {
            // The reader owns the sockets: they are closed when it stops, never under its feet.
            events.close();
            dumper.close();
        }
    }

    private final List<NetlinkEvent> initial = new ArrayList<>();

    private void resync(String reason) throws NetlinkException {
        initial.addAll(resyncEvents(reason));
    }

    /** Dumps the subscribed kinds and turns the difference from what we knew into events. */
    private List<NetlinkEvent> resyncEvents(String reason) throws NetlinkException {
        Map<Object, Object> fresh = new HashMap<>();
        if (groups.contains(EventGroup.LINK)) for (Link l : dumper.links().list()) fresh.put(key(l), normal(l));
        boolean a4 = groups.contains(EventGroup.IPV4_ADDRESS), a6 = groups.contains(EventGroup.IPV6_ADDRESS);
        if (a4 || a6) {
            for (Address a : dumper.addresses().list()) {
                if (a.family() == Inet.AF_INET ? a4 : a6) fresh.put(key(a), a);
            }
        }
        if (groups.contains(EventGroup.IPV4_ROUTE)) for (Route r : dumper.routes().list(4)) fresh.put(key(r), r);
        if (groups.contains(EventGroup.IPV6_ROUTE)) for (Route r : dumper.routes().list(6)) fresh.put(key(r), r);
        if (groups.contains(EventGroup.NEIGHBOUR)) for (Neighbour n : dumper.neighbours().list()) fresh.put(key(n), n);
        if (groups.contains(EventGroup.NSID)) for (int id : dumper.nsids().list()) fresh.put(List.of("nsid", id), id);
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

    private static NetlinkEvent event(NetlinkEvent.Action a, Object v, boolean resync) {
        return switch (v) {
            case Link l -> new NetlinkEvent.LinkEvent(a, l, resync);
            case Address ad -> new NetlinkEvent.AddressEvent(a, ad, resync);
            case Route r -> new NetlinkEvent.RouteEvent(a, r, resync);
            case Neighbour n -> new NetlinkEvent.NeighbourEvent(a, n, resync);
            case Integer id -> new NetlinkEvent.NsidEvent(a, id, resync);
            default -> throw new IllegalStateException("unknown state object " + v);
        };
    }

    private void decode(MemorySegment s, int len, List<NetlinkEvent> out) throws ProtocolException {
        Messages m = new Messages().reset(s, len);
        while (m.next()) {
            long off = m.offset();
            int l = m.length();
            switch (m.type()) {
                case Rtnetlink.RTM_NEWLINK -> apply(normal(LinkCodec.decode(s, off, l)), false, out);
                case Rtnetlink.RTM_DELLINK -> apply(normal(LinkCodec.decode(s, off, l)), true, out);
                case Rtnetlink.RTM_NEWADDR -> apply(AddressCodec.decode(s, off, l), false, out);
                case Rtnetlink.RTM_DELADDR -> apply(AddressCodec.decode(s, off, l), true, out);
                case Rtnetlink.RTM_NEWROUTE -> apply(RouteCodec.decode(s, off, l), false, out);
                case Rtnetlink.RTM_DELROUTE -> apply(RouteCodec.decode(s, off, l), true, out);
                case Rtnetlink.RTM_NEWNEIGH -> apply(NeighbourCodec.decode(s, off, l), false, out);
                case Rtnetlink.RTM_DELNEIGH -> apply(NeighbourCodec.decode(s, off, l), true, out);
                case Rtnetlink.RTM_NEWNSID, Rtnetlink.RTM_DELNSID -> {
                    int id = Nsids.nsidOf(s, off, l);
                    if (id >= 0) apply(id, m.type() == Rtnetlink.RTM_DELNSID, out);
                }
                default -> { }
            }
        }
    }

    private void apply(Object v, boolean deleted, List<NetlinkEvent> out) {
        Object k = keyOf(v);
        synchronized (state) {
            Object old = deleted ? state.remove(k) : state.put(k, v);
            if (deleted) {
                out.add(event(NetlinkEvent.Action.DELETED, v, false));
            } else if (old == null) {
                out.add(event(NetlinkEvent.Action.NEW, v, false));
            } else if (!old.equals(v)) {
                out.add(event(NetlinkEvent.Action.CHANGED, v, false));
            }
        }
    }

    private static Object keyOf(Object v) {
        return switch (v) {
            case Link l -> key(l);
            case Address a -> key(a);
            case Route r -> key(r);
            case Neighbour n -> key(n);
            case Integer id -> List.of("nsid", id);
            default -> throw new IllegalStateException();
        };
    }

    private static Object key(Link l) {
        return List.of("link", l.index());
    }

    private static Object key(Address a) {
        return List.of("addr", a.family(), a.index(), a.address(), a.prefixLength(), a.peer());
    }

    private static Object key(Route r) {
        return List.of("route", r.family(), r.table(), r.destination(), r.destinationLength(), r.priority(), r.type(),
                r.outputIndex());
    }

    private static Object key(Neighbour n) {
        return List.of("neigh", n.family(), n.index(), n.address());
    }

    /** A link without the counters that notifications carry and dumps skip, so equal means unchanged. */
    private static Link normal(Link l) {
        List<RawAttribute> kept = new ArrayList<>();
        for (RawAttribute a : l.unknown()) {
            // IFLA_STATS (7), IFLA_AF_SPEC (26, carries per-family counters), IFLA_XDP (43), IFLA_CARRIER_CHANGES (35),
            // IFLA_CARRIER_UP/DOWN_COUNT (47, 48): counters and volatile state that do not make a link "changed".
            if (a.type() != 7 && a.type() != 26 && a.type() != 43 && a.type() != 35 && a.type() != 47 && a.type() != 48) kept.add(a);
        }
        return new Link(l.index(), l.name(), l.type(), l.rawFlags(), l.flags(), l.operState(), l.mtu(), l.minMtu(), l.maxMtu(),
                l.address(), l.broadcast(), l.qdisc(), l.txQueueLength(), l.group(), l.masterIndex(), l.parentIndex(),
                l.linkNetnsId(), l.alias(), l.kind(), l.data(), Optional.empty(), kept);
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
