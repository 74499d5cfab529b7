package io.github.netlink4j.generic;

import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.genl.netdev.PagePoolEvent;
import io.github.netlink4j.internal.codec.genl.PagePoolCodec;
import io.github.netlink4j.internal.transport.EventSocket;

import java.time.Duration;
import java.util.List;

/**
 * The netdev family's page-pool notifications as records, from {@link Netdev#subscribePagePools()}: an event
 * socket of its own in the {@code page-pool} group, read by whoever calls {@link #poll}, one caller at a time.
 * Close it to leave.
 *
 * {@snippet :
 * try (PagePoolListener l = nl.genl().netdev().subscribePagePools()) {
 *     for (PagePoolEvent e : l.poll(Duration.ofSeconds(1), 10))
 *         System.out.println(e.action() + " " + e.pool().id());   // ADD 12
 * }
 * }
 */
public final class PagePoolListener implements AutoCloseable {
    private final EventSocket events;
    private final int familyId;

    PagePoolListener(EventSocket events, int familyId) {
        this.events = events;
        this.familyId = familyId;
    }

    /**
     * The notifications that arrive within {@code wait}, until {@code max} of them have come (as
     * {@link SpecListener#poll}: one datagram's messages stay together, dropped ones are not reported).
     */
    public List<PagePoolEvent> poll(Duration wait, int max) throws NetlinkException {
        return SpecListener.poll(events, wait, max, (s, n) -> PagePoolCodec.decodeEvents(s, n, familyId));
    }

    /** Leaves the group and closes the socket. Idempotent. */
    @Override
    public void close() {
        events.close();
    }

    @Override
    public String toString() {
        return "PagePoolListener[" + familyId + "]";
    }
}
