package io.github.netlink4j.internal.codec;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.link.Netconf;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.util.Optional;
import java.util.OptionalInt;

import static io.github.netlink4j.internal.codec.HandBytes.assertWrites;
import static io.github.netlink4j.internal.codec.HandBytes.segment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * RTM_*NETCONF against linux/netconf.h (struct netconfmsg: one family byte; NETCONFA_IFINDEX 1 …
 * NETCONFA_BC_FORWARDING 8, IFINDEX_ALL -1, IFINDEX_DEFAULT -2) and rtnetlink.h (RTM_NEWNETCONF 80,
 * RTM_GETNETCONF 82), written out by hand.
 */
class NetconfCodecTest {
    /** {@code ip -4 netconf show}'s dump: struct netconfmsg (one family byte) padded to NLMSG_ALIGNTO. */
    @Test
    void dumpAsksOneFamily() {
        assertWrites("""
                14 00 00 00                 # nlmsg_len 20
                52 00                       # RTM_GETNETCONF
                01 03                       # NLM_F_REQUEST | NLM_F_DUMP
                00 00 00 00 00 00 00 00
                02 00 00 00                 # ncm_family AF_INET, padded
                """, w -> NetconfCodec.encodeDump(w, AddressFamily.INET));
        assertWrites("14 00 00 00 52 00 01 03 00 00 00 00 00 00 00 00  0a 00 00 00  # AF_INET6",
                w -> NetconfCodec.encodeDump(w, AddressFamily.INET6));
    }

    @Test
    void everyAttributeDecodes() throws Exception {
        MemorySegment s = segment("""
                5c 00 00 00                 # nlmsg_len 92
                50 00 00 00                 # RTM_NEWNETCONF
                00 00 00 00 00 00 00 00
                02 00 00 00                 # AF_INET
                08 00 01 00 ff ff ff ff     # NETCONFA_IFINDEX_ALL
                08 00 02 00 01 00 00 00     # NETCONFA_FORWARDING 1
                08 00 03 00 02 00 00 00     # NETCONFA_RP_FILTER 2 (loose)
                08 00 04 00 00 00 00 00     # NETCONFA_MC_FORWARDING 0
                08 00 05 00 01 00 00 00     # NETCONFA_PROXY_NEIGH 1
                08 00 06 00 00 00 00 00     # NETCONFA_IGNORE_ROUTES_WITH_LINKDOWN 0
                08 00 07 00 01 00 00 00     # NETCONFA_INPUT 1
                08 00 08 00 00 00 00 00     # NETCONFA_BC_FORWARDING 0
                08 00 09 00 01 00 00 00     # an attribute of a later kernel
                """);
        assertEquals(new Netconf(AddressFamily.INET, Netconf.ALL, Optional.of(true), OptionalInt.of(2), Optional.of(false),
                Optional.of(true), Optional.of(false), Optional.of(true), Optional.of(false)), NetconfCodec.decode(s, 0, 92));
    }

    @Test
    void absentAttributesStayAbsent() throws Exception {
        MemorySegment s = segment("""
                24 00 00 00 50 00 00 00 00 00 00 00 00 00 00 00
                0a 00 00 00                 # AF_INET6
                08 00 01 00 fe ff ff ff     # NETCONFA_IFINDEX_DEFAULT
                08 00 02 00 00 00 00 00     # NETCONFA_FORWARDING 0
                """);
        Optional<Boolean> none = Optional.empty();
        assertEquals(new Netconf(AddressFamily.INET6, Netconf.DEFAULT, Optional.of(false), OptionalInt.empty(), none, none, none, none, none),
                NetconfCodec.decode(s, 0, 36));
    }

    @Test
    void withoutAnIndexOrOfAnUnknownFamilyIsRefused() {
        MemorySegment noIndex = segment("1c 00 00 00 50 00 00 00 00 00 00 00 00 00 00 00  02 00 00 00  08 00 02 00 01 00 00 00");
        assertThrows(ProtocolException.class, () -> NetconfCodec.decode(noIndex, 0, 28));
        MemorySegment mpls = segment("1c 00 00 00 50 00 00 00 00 00 00 00 00 00 00 00  1c 00 00 00  08 00 01 00 01 00 00 00");
        assertThrows(ProtocolException.class, () -> NetconfCodec.decode(mpls, 0, 28), "AF_MPLS (28) has no AddressFamily");
    }

    @Test
    void onlyIpv4AndIpv6AreKnown() {
        assertTrue(NetconfCodec.knownFamily(segment("14 00 00 00 50 00 00 00 00 00 00 00 00 00 00 00  02 00 00 00"), 0, 20));
        assertTrue(NetconfCodec.knownFamily(segment("14 00 00 00 50 00 00 00 00 00 00 00 00 00 00 00  0a 00 00 00"), 0, 20));
        assertFalse(NetconfCodec.knownFamily(segment("14 00 00 00 50 00 00 00 00 00 00 00 00 00 00 00  1c 00 00 00"), 0, 20), "AF_MPLS");
        assertTrue(NetconfCodec.knownFamily(segment("10 00 00 00 50 00 00 00 00 00 00 00 00 00 00 00"), 0, 16),
                "too short to tell: left to decode, which says why");
    }
}
