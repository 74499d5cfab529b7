package io.github.netlink4j.internal.codec;

import io.github.netlink4j.error.ProtocolException;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;

import static io.github.netlink4j.internal.codec.HandBytes.assertWrites;
import static io.github.netlink4j.internal.codec.HandBytes.segment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * RTM_*NSID against linux/net_namespace.h and rtnetlink.h (RTM_NEWNSID 88, RTM_DELNSID 89, RTM_GETNSID 90;
 * NETNSA_NSID 1, NETNSA_FD 3), requests headed, as iproute2's ipnetns.c heads them, by struct rtgenmsg of family AF_UNSPEC.
 */
class NsidCodecTest {
    @Test
    void getAsksTheIdOfTheNamespaceBehindAnFd() {
        assertWrites("""
                1c 00 00 00                 # nlmsg_len 28
                5a 00                       # RTM_GETNSID
                01 00                       # NLM_F_REQUEST
                00 00 00 00 00 00 00 00
                00 00 00 00                 # rtgenmsg: AF_UNSPEC, padded
                08 00 03 00 05 00 00 00     # NETNSA_FD 5
                """, w -> NsidCodec.encodeGet(w, 5));
    }

    @Test
    void setSendsTheFdThenTheIdAndAsksAnAck() {
        assertWrites("""
                24 00 00 00                 # nlmsg_len 36
                58 00                       # RTM_NEWNSID
                05 00                       # NLM_F_REQUEST | NLM_F_ACK
                00 00 00 00 00 00 00 00
                00 00 00 00                 # rtgenmsg
                08 00 03 00 05 00 00 00     # NETNSA_FD 5
                08 00 01 00 07 00 00 00     # NETNSA_NSID 7
                """, w -> NsidCodec.encodeSet(w, 5, 7));
        assertWrites("""
                24 00 00 00 58 00 05 00 00 00 00 00 00 00 00 00
                00 00 00 00
                08 00 03 00 05 00 00 00
                08 00 01 00 ff ff ff ff     # NETNSA_NSID -1: the kernel picks
                """, w -> NsidCodec.encodeSet(w, 5, -1));
    }

    @Test
    void dumpListsEveryId() {
        assertWrites("""
                14 00 00 00                 # nlmsg_len 20
                5a 00                       # RTM_GETNSID
                01 03                       # NLM_F_REQUEST | NLM_F_DUMP
                00 00 00 00 00 00 00 00
                00 00 00 00                 # rtgenmsg
                """, NsidCodec::encodeDump);
    }

    private static MemorySegment message(String type, String nsid) {
        return segment("1c 00 00 00 " + type + " 00 00 00 00 00 00 00 00 00 00  00 00 00 00  08 00 01 00 " + nsid);
    }

    @Test
    void newAndDelCarryTheId() throws Exception {
        assertEquals(7, NsidCodec.decode(message("58 00", "07 00 00 00"), 0, 28));
        assertEquals(7, NsidCodec.decode(message("59 00", "07 00 00 00"), 0, 28), "RTM_DELNSID names the id that went");
        assertEquals(0, NsidCodec.decode(message("58 00", "00 00 00 00"), 0, 28), "0 is an id like any other");
    }

    @Test
    void notAssignedAndOtherMessagesAreMinusOne() throws Exception {
        assertEquals(-1, NsidCodec.decode(message("58 00", "ff ff ff ff"), 0, 28), "NETNSA_NSID_NOT_ASSIGNED");
        assertEquals(-1, NsidCodec.decode(message("58 00", "fe ff ff ff"), 0, 28), "no id is negative");
        assertEquals(-1, NsidCodec.decode(message("5a 00", "07 00 00 00"), 0, 28), "RTM_GETNSID is a request, not an id");
        assertEquals(-1, NsidCodec.decode(message("10 00", "07 00 00 00"), 0, 28), "RTM_NEWLINK");
        MemorySegment none = segment("14 00 00 00 58 00 00 00 00 00 00 00 00 00 00 00  00 00 00 00");
        assertEquals(-1, NsidCodec.decode(none, 0, 20), "RTM_NEWNSID without NETNSA_NSID");
        MemorySegment other = segment("1c 00 00 00 58 00 00 00 00 00 00 00 00 00 00 00  00 00 00 00  08 00 03 00 07 00 00 00");
        assertEquals(-1, NsidCodec.decode(other, 0, 28), "NETNSA_FD is not the id");
    }

    @Test
    void truncatedMessageIsRefused() {
        MemorySegment s = segment("12 00 00 00 58 00 00 00 00 00 00 00 00 00 00 00  00 00");
        assertThrows(ProtocolException.class, () -> NsidCodec.decode(s, 0, 18));
    }

    @Test
    void deleteIsRecognisedByItsType() {
        assertTrue(NsidCodec.isDelete(message("59 00", "07 00 00 00"), 0));
        assertFalse(NsidCodec.isDelete(message("58 00", "07 00 00 00"), 0));
    }
}
