package io.github.netlink4j.generic;

import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.genl.ethtool.EthtoolEvent;
import io.github.netlink4j.internal.codec.genl.EthtoolEvents;
import io.github.netlink4j.internal.transport.EventSocket;

import java.time.Duration;
import java.util.List;

/**
 * ethtool's notifications as records, from {@link Ethtool#subscribe()} ({@code ethtool --monitor}): an event
 * socket of its own in the {@code monitor} group, read by whoever calls {@link #poll}, one caller at a time.
 * Close it to leave.
 *
 * {@snippet :
 * try (EthtoolListener l = nl.genl().ethtool().subscribe()) {
 *     nl.genl().ethtool().channels().set("veth0", ChannelsChange.empty().withRx(2));
 *     for (EthtoolEvent e : l.poll(Duration.ofSeconds(1), 10))
 *         if (e instanceof EthtoolEvent.ChannelsChanged c) System.out.println(c.channels().rx());   // 2
 * }
 * }
 */
public final class EthtoolListener implements AutoCloseable {
    private final EventSocket events;
    private final int familyId;
    private final List<String> featureNames;
    private final List<String> linkModeNames;

    EthtoolListener(EventSocket events, int familyId, List<String> featureNames, List<String> linkModeNames) {
        this.events = events;
        this.familyId = familyId;
        this.featureNames = List.copyOf(featureNames.stream().map(n -> n == null ? "" : n).toList());
        this.linkModeNames = List.copyOf(linkModeNames.stream().map(n -> n == null ? "" : n).toList());
    }

    /** The notifications that arrive within {@code wait}, until {@code max} of them have come (as {@link SpecListener#poll}). */
    public List<EthtoolEvent> poll(Duration wait, int max) throws NetlinkException {
        return SpecListener.poll(events, wait, max, (s, n) -> EthtoolEvents.decodeAll(s, n, familyId, featureNames, linkModeNames));
    }

    /** Leaves the group and closes the socket. Idempotent. */
    @Override
    public void close() {
        events.close();
    }

    @Override
    public String toString() {
        return "EthtoolListener[" + familyId + "]";
    }
}
