package io.github.netlink4j.internal.transport;

import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.error.Errno;
import io.github.netlink4j.internal.wire.uapi.Rtnetlink;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A notification larger than the receive buffer is never dropped silently: the receive says
 * EMSGSIZE (which the subscription answers with a resync), and the buffer has grown so the next one
 * is read whole.
 */
class OversizeDatagramTest {
    @Test
    void aDatagramThatDoesNotFitIsReportedAndTheBufferGrows() throws Exception {
        try (ThrowawayNamespace t = ThrowawayNamespace.create("big");
             // a receive buffer far smaller than one RTM_NEWLINK
             EventSocket events = new EventSocket(NetlinkChannel.adopt(NetnsThreads.call(t.ns().fd(), NetlinkChannel::createFd), 1 << 20, 64))) {
            events.joinGroup(Rtnetlink.RTNLGRP_LINK);
            events.setReceiveTimeoutMillis(2_000);
            t.client().links().add(LinkSpec.ifb("ifbbig0"));
            assertEquals(-Errno.EMSGSIZE, events.receive(), "the first notification did not fit: said so");
            t.client().links().add(LinkSpec.ifb("ifbbig1"));
            int n = events.receive();
            assertTrue(n > 64, "the next one is read whole: " + n + " bytes");
            assertEquals(Rtnetlink.RTM_NEWLINK, io.github.netlink4j.internal.wire.Nlmsg.type(events.received(n), 0));
        }
    }
}
