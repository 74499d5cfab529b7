package io.github.netlink4j.generic;

import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.genl.SpecMessage;
import io.github.netlink4j.internal.codec.genl.SpecCodec;
import io.github.netlink4j.internal.transport.EventSocket;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The notifications of a family's multicast groups, from {@link SpecFamily#subscribe}: an event socket of
 * its own, read by whoever calls {@link #poll}, one caller at a time. Close it to leave the groups.
 */
public final class SpecListener implements AutoCloseable {
    /** Receives per poll at most, whatever the kernel sends: a poll always ends. */
    private static final int MAX_RECEIVES = 100_000;
    private final EventSocket events;
    private final int familyId;
    private final SpecCodec codec;

    SpecListener(EventSocket events, int familyId, SpecCodec codec) {
        this.events = events;
        this.familyId = familyId;
        this.codec = codec;
    }

    /**
     * The notifications that arrive within {@code wait}, until {@code max} of them have come (the messages
     * of one datagram are kept together, so the last may bring a few more); later ones stay queued for the
     * next poll. Notifications the kernel dropped on a full queue (ENOBUFS) are not reported.
     */
    public List<SpecMessage> poll(Duration wait, int max) throws NetlinkException {
        return poll(events, wait, max, (s, n) -> codec.decodeAll(s, n, familyId));
    }

    /** Decodes the messages of one datagram {@code [0, n)}. */
    @FunctionalInterface
    interface Datagrams<T> {
        List<T> decode(java.lang.foreign.MemorySegment s, int n) throws NetlinkException;
    }

    /** The receive loop of every listener of a generic netlink family: what {@link #poll} says, decoded by {@code decoder}. */
    static <T> List<T> poll(EventSocket events, Duration wait, int max, Datagrams<T> decoder) throws NetlinkException {
        if (wait.isNegative() || max <= 0) throw new IllegalArgumentException("poll for a non-negative time and at least one message, not " + wait + " and " + max);
        long deadline = System.nanoTime() + wait.toNanos();
        List<T> out = new ArrayList<>();
        for (int i = 0; i < MAX_RECEIVES && out.size() < max; i++) {
            long left = deadline - System.nanoTime();
            if (left <= 0) break;
            events.setReceiveTimeoutMillis(Math.max(1, left / 1_000_000));
            int n = events.receive();
            if (n < 0) continue; // the timeout (EAGAIN), a signal, or notifications lost (ENOBUFS)
            out.addAll(decoder.decode(events.received(n), n));
        }
        return out;
    }

    /** Leaves the groups and closes the socket. Idempotent. */
    @Override
    public void close() {
        events.close();
    }

    @Override
    public String toString() {
        return "SpecListener[" + codec.family() + "]";
    }
}
