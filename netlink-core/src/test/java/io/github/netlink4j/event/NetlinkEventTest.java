package io.github.netlink4j.event;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two events a subscription makes itself: Resynced is the end of a resync (so it is one, and a
 * change), Failed is the last event and no resync (a listener applying "resync" events must not treat a
 * failure as state).
 */
class NetlinkEventTest {
    @Test
    void resyncedIsAResyncedChange() {
        NetlinkEvent e = new NetlinkEvent.Resynced("ENOBUFS", 3);
        assertEquals(NetlinkEvent.Action.CHANGED, e.action());
        assertTrue(e.resync());
    }

    @Test
    void failedIsADeletionAndNoResync() {
        NetlinkEvent e = new NetlinkEvent.Failed(new IllegalStateException("socket closed"));
        assertEquals(NetlinkEvent.Action.DELETED, e.action());
        assertFalse(e.resync());
    }
}
