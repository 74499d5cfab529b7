package io.github.netlink4j.internal.codec;

import io.github.netlink4j.address.Address;
import io.github.netlink4j.neighbour.Neighbour;
import io.github.netlink4j.testing.Golden;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One multicast datagram of several notifications: captured deletions (golden/addr/del, golden/neigh/del:
 * the kernel echoes a deletion to listeners in the request's own form) and hand-written messages of
 * linux/rtnetlink.h types, some of which no family takes.
 */
class EventCodecTest {
    private static final String NSID_7 = "1c 00 00 00 58 00 00 00 00 00 00 00 00 00 00 00  00 00 00 00  08 00 01 00 07 00 00 00  # RTM_NEWNSID, NETNSA_NSID 7";
    private static final String NSID_NONE = "1c 00 00 00 58 00 00 00 00 00 00 00 00 00 00 00  00 00 00 00  08 00 01 00 ff ff ff ff  # NETNSA_NSID_NOT_ASSIGNED";
    private static final String MPLS_NEIGH = "1c 00 00 00 1c 00 00 00 00 00 00 00 00 00 00 00  1c 00 00 00 03 00 00 00 00 00 00 00  # RTM_NEWNEIGH of AF_MPLS";
    private static final String MDB = "1c 00 00 00 54 00 00 00 00 00 00 00 00 00 00 00  07 00 00 00 03 00 00 00 00 00 00 00  # RTM_NEWMDB (br_port_msg)";

    private static MemorySegment datagram(byte[]... messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] m : messages) out.writeBytes(m);
        return MemorySegment.ofArray(out.toByteArray());
    }

    @Test
    void everyNotificationOfAFamilyDecodesInOrder() throws Exception {
        MemorySegment s = datagram(Golden.bytes("addr/del"), HandBytes.hex(NSID_7), HandBytes.hex(MPLS_NEIGH), HandBytes.hex(NSID_NONE),
                HandBytes.hex(MDB), Golden.bytes("neigh/del"));
        List<EventCodec.Decoded> events = EventCodec.decode(s, (int) s.byteSize());
        assertEquals(3, events.size(), "the AF_MPLS neighbour, the unassigned nsid and the bridge MDB entry are left out: " + events);

        EventCodec.Decoded addr = events.get(0);
        assertSame(Families.of(addr.value()), addr.family());
        assertEquals(InetAddress.ofLiteral("10.200.0.2"), ((Address) addr.value()).address());
        assertTrue(addr.deleted(), "RTM_DELADDR");

        EventCodec.Decoded nsid = events.get(1);
        assertEquals(7, nsid.value());
        assertFalse(nsid.deleted(), "RTM_NEWNSID");

        EventCodec.Decoded neigh = events.get(2);
        assertEquals(Optional.of(InetAddress.ofLiteral("10.200.0.7")), ((Neighbour) neigh.value()).address());
        assertTrue(neigh.deleted(), "RTM_DELNEIGH");
    }

    @Test
    void onlyTheGivenLengthIsRead() throws Exception {
        MemorySegment s = datagram(HandBytes.hex(NSID_7), Golden.bytes("addr/del"));
        assertEquals(List.of(7), EventCodec.decode(s, 28).stream().map(EventCodec.Decoded::value).toList());
        assertEquals(List.of(), EventCodec.decode(MemorySegment.ofArray(HandBytes.hex(MDB)), 28));
    }
}
