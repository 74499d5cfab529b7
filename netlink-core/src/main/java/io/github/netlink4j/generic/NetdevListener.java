package io.github.netlink4j.generic;

import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.genl.netdev.NetdevEvent;
import io.github.netlink4j.internal.codec.genl.NetdevCodec;
import io.github.netlink4j.internal.transport.EventSocket;

import java.time.Duration;
import java.util.List;

/**
 * The netdev family's device notifications as records, from {@link Netdev#subscribe()}: an event socket of its
 * own in the {@code mgmt} group, read by whoever calls {@link #poll}, one caller at a time. Close it to leave.
 *
 * {@snippet :
 * try (NetdevListener l = nl.genl().netdev().subscribe()) {
 *     nl.links().add(LinkSpec.dummy("d0"));
 *     for (NetdevEvent e : l.poll(Duration.ofSeconds(1), 10))
 *         System.out.println(e.action() + " " + e.device().index());   // ADD 4
 * }
 * }
 */
public final class NetdevListener implements AutoCloseable {
    private final EventSocket events;
    private final int familyId;

    NetdevListener(EventSocket events, int familyId) {
        this.events = events;
        this.familyId = familyId;
    }

    /**
     * The notifications that arrive within {@code wait}, until {@code max} of them have come (as
     * {@link SpecListener#poll}: one datagram's messages stay together, dropped ones are not reported).
     */
    public List<NetdevEvent> poll(Duration wait, int max) throws NetlinkException {
        return SpecListener.poll(events, wait, max, (s, n) -> NetdevCodec.decodeEvents(s, n, familyId));
    }

    /** Leaves the group and closes the socket. Idempotent. */
    @Override
    public void close() {
        events.close();
    }

    @Override
    public String toString() {
        return "NetdevListener[" + familyId + "]";
    }
}
