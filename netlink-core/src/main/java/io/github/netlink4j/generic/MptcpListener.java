package io.github.netlink4j.generic;

import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.genl.mptcp.MptcpEvent;
import io.github.netlink4j.internal.codec.genl.MptcpEvents;
import io.github.netlink4j.internal.transport.EventSocket;

import java.time.Duration;
import java.util.List;

/**
 * The MPTCP path manager's events as records, from {@link Mptcp#subscribe()} ({@code ip mptcp monitor}): an
 * event socket of its own in the {@code mptcp_pm_events} group, read by whoever calls {@link #poll}, one caller
 * at a time. Close it to leave.
 */
public final class MptcpListener implements AutoCloseable {
    private final EventSocket events;
    private final int familyId;

    MptcpListener(EventSocket events, int familyId) {
        this.events = events;
        this.familyId = familyId;
    }

    /** The events that arrive within {@code wait}, until {@code max} of them have come (as {@link SpecListener#poll}). */
    public List<MptcpEvent> poll(Duration wait, int max) throws NetlinkException {
        return SpecListener.poll(events, wait, max, (s, n) -> MptcpEvents.decodeAll(s, n, familyId));
    }

    /** Leaves the group and closes the socket. Idempotent. */
    @Override
    public void close() {
        events.close();
    }

    @Override
    public String toString() {
        return "MptcpListener[" + familyId + "]";
    }
}
