package io.github.netlink4j.internal.codec;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.common.MacAddress;
import io.github.netlink4j.neighbour.Neighbour;
import io.github.netlink4j.neighbour.NeighbourCacheInfo;
import io.github.netlink4j.neighbour.NeighbourFlag;
import io.github.netlink4j.neighbour.NeighbourState;
import io.github.netlink4j.route.RouteProtocol;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import static io.github.netlink4j.internal.codec.HandBytes.at;
import static io.github.netlink4j.internal.codec.HandBytes.segment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RTM_NEWNEIGH as the kernel sends it (linux/neighbour.h: struct ndmsg, NDA_DST 1, NDA_LLADDR 2), written out by hand. */
class NeighbourCodecTest {
    private static final String ENTRY = """
            30 00 00 00                 # nlmsg_len 48
            1c 00 02 00                 # RTM_NEWNEIGH, NLM_F_MULTI
            44 33 22 11 88 77 66 55     # seq, pid of a dump
            02 00 00 00 03 00 00 00     # AF_INET, pad, ndm_ifindex 3
            80 00 80 01                 # ndm_state NUD_PERMANENT, ndm_flags NTF_ROUTER, ndm_type RTN_UNICAST
            08 00 01 00 0a c8 00 05     # NDA_DST 10.200.0.5
            0a 00 02 00 02 00 00 00 01 07 00 00   # NDA_LLADDR 02:00:00:00:01:07
            """;

    @Test
    void headerAndAttributesDecodeWhereverTheMessageStarts() throws Exception {
        assertEquals(new Neighbour(AddressFamily.INET, 3, Optional.of(InetAddress.ofLiteral("10.200.0.5")),
                Optional.of(MacAddress.of("02:00:00:00:01:07")), 0x80, Set.of(NeighbourState.PERMANENT), 0x80, Set.of(NeighbourFlag.ROUTER)),
                NeighbourCodec.decode(at(20, ENTRY), 20, 48));
    }

    /** NDA_PROTOCOL (12), a u8 padded to 4, as the kernel reports it for {@code ip neigh add … protocol static}. */
    @Test
    void protocolIsDecodedAndAbsentWithoutIt() throws Exception {
        String withProtocol = ENTRY.replaceFirst("30 00 00 00 ", "38 00 00 00 ") + "05 00 0c 00 04 00 00 00   # NDA_PROTOCOL RTPROT_STATIC\n";
        assertEquals(Optional.of(RouteProtocol.STATIC), NeighbourCodec.decode(segment(withProtocol), 0, 56).protocol());
        assertEquals(Optional.empty(), NeighbourCodec.decode(segment(ENTRY), 0, 48).protocol());
    }

    /**
     * NDA_CACHEINFO (3, struct nda_cacheinfo: ndm_confirmed, ndm_used, ndm_updated in USER_HZ ticks, ndm_refcnt)
     * and NDA_PROBES (4, u32), as the kernel's neigh_fill_info appends them to every entry it dumps.
     */
    @Test
    void cacheInfoAndProbesAreDecodedWithTheirFieldsInTheStructsOrder() throws Exception {
        String withCache = ENTRY.replaceFirst("30 00 00 00 ", "4c 00 00 00 ") + """
                08 00 04 00 03 00 00 00       # NDA_PROBES 3
                14 00 03 00                   # NDA_CACHEINFO
                e8 03 00 00                   #   ndm_confirmed 1000 ticks
                fa 00 00 00                   #   ndm_used 250 ticks
                ff ff ff ff                   #   ndm_updated 2^32-1 ticks (unsigned)
                02 00 00 00                   #   ndm_refcnt 2
                """;
        Neighbour n = NeighbourCodec.decode(at(8, withCache), 8, 76);
        assertEquals(Optional.of(new NeighbourCacheInfo(Duration.ofMillis(2500), Duration.ofSeconds(10), Duration.ofMillis(42_949_672_950L), 2)),
                n.cacheInfo());
        assertEquals(OptionalLong.of(3), n.probes());
        Neighbour bare = NeighbourCodec.decode(segment(ENTRY), 0, 48);
        assertEquals(Optional.empty(), bare.cacheInfo());
        assertEquals(OptionalLong.empty(), bare.probes());
    }

    /** A cache info shorter than its struct is left out, as ip would read past it; the entry still decodes. */
    @Test
    void aShortCacheInfoIsLeftOut() throws Exception {
        String shortCache = ENTRY.replaceFirst("30 00 00 00 ", "40 00 00 00 ") + "10 00 03 00 e8 03 00 00 fa 00 00 00 01 00 00 00  # NDA_CACHEINFO of 12 bytes\n";
        Neighbour n = NeighbourCodec.decode(segment(shortCache), 0, 64);
        assertEquals(Optional.empty(), n.cacheInfo());
        assertEquals(Optional.of(InetAddress.ofLiteral("10.200.0.5")), n.address());
    }

    @Test
    void echoOfAnotherTypeIsNoNeighbour() throws Exception {
        assertNull(NeighbourCodec.decodeEcho(segment(ENTRY.replaceFirst("1c 00 02 00", "1d 00 00 00")), 0, 48), "RTM_DELNEIGH");
        assertEquals(3, NeighbourCodec.decodeEcho(segment(ENTRY), 0, 48).index());
    }

    /** ARP (AF_INET), NDP (AF_INET6) and the bridge's FDB (AF_BRIDGE 7); not, say, AF_MPLS (28). */
    @Test
    void knownFamiliesAreArpNdpAndFdb() {
        for (String f : new String[] {"02", "0a", "07"}) assertTrue(NeighbourCodec.knownFamily(segment(ENTRY.replaceFirst("02 00 00 00 03", f + " 00 00 00 03")), 0, 28), f);
        MemorySegment mpls = segment(ENTRY.replaceFirst("02 00 00 00 03", "1c 00 00 00 03"));
        assertFalse(NeighbourCodec.knownFamily(mpls, 0, 28), "ndmsg complete at 28 bytes");
        assertTrue(NeighbourCodec.knownFamily(mpls, 0, 27), "too short to tell: left to decode, which says why");
        assertFalse(NeighbourCodec.knownFamily(at(4, ENTRY.replaceFirst("02 00 00 00 03", "1c 00 00 00 03")), 4, 28));
    }
}
