package io.github.netlink4j.internal.codec;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.route.NexthopSpec;
import io.github.netlink4j.route.Route;
import io.github.netlink4j.route.RouteCacheInfo;
import io.github.netlink4j.route.RouteFlag;
import io.github.netlink4j.route.RouteSpec;
import io.github.netlink4j.route.RouteTable;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import static io.github.netlink4j.internal.codec.HandBytes.assertWrites;
import static io.github.netlink4j.internal.codec.HandBytes.at;
import static io.github.netlink4j.internal.codec.HandBytes.segment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * RTM_*ROUTE beyond the golden captures, written out by hand from linux/rtnetlink.h (struct rtmsg,
 * RTA_DST 1, RTA_SRC 2, RTA_OIF 4, RTA_GATEWAY 5, RTA_MULTIPATH 9 of struct rtnexthop, RTA_TABLE 15).
 */
class RouteCodecTest {
    private static final Map<String, Integer> INDEX = Map.of("veth0", 3, "veth1", 2);

    private static final String ROUTE = """
            44 00 00 00                 # nlmsg_len 68
            18 00 02 00                 # RTM_NEWROUTE, NLM_F_MULTI
            44 33 22 11 88 77 66 55     # seq, pid of a dump
            02 18 10 00                 # AF_INET, rtm_dst_len 24, rtm_src_len 16, tos 0
            fe 03 00 01                 # RT_TABLE_MAIN, RTPROT_BOOT, RT_SCOPE_UNIVERSE, RTN_UNICAST
            00 02 00 00                 # rtm_flags RTM_F_CLONED
            08 00 0f 00 fe 00 00 00     # RTA_TABLE 254
            08 00 01 00 0a c8 01 00     # RTA_DST 10.200.1.0
            08 00 02 00 0a c8 00 00     # RTA_SRC 10.200.0.0
            08 00 05 00 0a c8 00 01     # RTA_GATEWAY 10.200.0.1
            08 00 04 00 03 00 00 00     # RTA_OIF 3
            """;

    @Test
    void headerFieldsDecodeWhereverTheMessageStarts() throws Exception {
        Route r = RouteCodec.decode(at(16, ROUTE), 16, 68);
        assertEquals(24, r.destinationLength());
        assertEquals(16, r.sourceLength());
        assertEquals(Optional.of(InetAddress.ofLiteral("10.200.0.0")), r.source());
        assertEquals(0x200, r.rawFlags());
        assertEquals(Set.of(RouteFlag.CLONED), r.flags());
        assertEquals(RouteTable.MAIN, r.table());
        assertEquals(OptionalInt.of(3), r.outputIndex());
    }

    @Test
    void echoOfAnotherTypeIsNoRoute() throws Exception {
        assertNull(RouteCodec.decodeEcho(segment(ROUTE.replaceFirst("18 00 02 00", "19 00 00 00")), 0, 68), "RTM_DELROUTE");
        assertEquals(24, RouteCodec.decodeEcho(segment(ROUTE), 0, 68).destinationLength());
    }

    /** A route ending in RTA_MULTIPATH {@code mp} (its whole attribute), then RTA_OIF. */
    private static MemorySegment multipath(String mp) {
        int len = 16 + 12 + HandBytes.hex(mp).length + 8;
        return at(8, String.format("%02x 00 00 00 18 00 02 00 44 33 22 11 88 77 66 55%n", len)
                + "02 18 00 00 fe 03 00 01 00 00 00 00\n" + mp + "\n08 00 04 00 03 00 00 00   # RTA_OIF\n");
    }

    @Test
    void truncatedNexthopsAreRefused() {
        MemorySegment shortHop = multipath("08 00 09 00 08 00 00 00   # RTA_MULTIPATH holding 4 bytes of an 8-byte rtnexthop");
        assertThrows(ProtocolException.class, () -> RouteCodec.decode(shortHop, 8, (int) shortHop.byteSize() - 8));
        MemorySegment longHop = multipath("""
                14 00 09 00                 # RTA_MULTIPATH, 16 bytes
                18 00 00 00 02 00 00 00     #   rtnexthop len 24: past the attribute's end
                08 00 05 00 0a c8 00 01
                """);
        assertThrows(ProtocolException.class, () -> RouteCodec.decode(longHop, 8, (int) longHop.byteSize() - 8));
        MemorySegment tinyHop = multipath("0c 00 09 00 04 00 00 00 02 00 00 00   # rtnexthop len 4, less than its own header");
        assertThrows(ProtocolException.class, () -> RouteCodec.decode(tinyHop, 8, (int) tinyHop.byteSize() - 8));
    }

    /** An RTA_MULTIPATH of one byte, the last thing in the datagram: refused before a struct rtnexthop is read past the end. */
    @Test
    void nexthopHeaderPastTheDatagramIsRefused() {
        MemorySegment s = segment("""
                21 00 00 00 18 00 02 00 44 33 22 11 88 77 66 55   # nlmsg_len 33: the last attribute unpadded
                02 18 00 00 fe 03 00 01 00 00 00 00
                05 00 09 00 02              # RTA_MULTIPATH holding one byte
                """);
        assertThrows(ProtocolException.class, () -> RouteCodec.decode(s, 0, 33));
    }

    @Test
    void deleteLeavesProtocolAndScopeToTheKernel() {
        assertWrites("""
                2c 00 00 00                 # nlmsg_len 44
                19 00 05 00                 # RTM_DELROUTE, NLM_F_REQUEST | NLM_F_ACK
                00 00 00 00 00 00 00 00
                02 18 00 00                 # AF_INET, /24
                fe 00 ff 01                 # RT_TABLE_MAIN, protocol unspecified, RT_SCOPE_NOWHERE, RTN_UNICAST
                00 00 00 00
                08 00 01 00 0a c8 01 00     # RTA_DST
                08 00 05 00 0a c8 00 01     # RTA_GATEWAY
                """, w -> RouteCodec.encodeDelete(w, RouteSpec.to("10.200.1.0/24").withGateway(InetAddress.ofLiteral("10.200.0.1")), INDEX::get));
    }

    /** ip route change, append and prepend: the same route, flags of linux/netlink.h (REPLACE 0x100, CREATE 0x400, APPEND 0x800). */
    @Test
    void modesDifferOnlyInTheirFlags() {
        RouteSpec r = RouteSpec.to("10.200.1.0/24").withGateway(InetAddress.ofLiteral("10.200.0.1"));
        String body = """
                00 00 00 00 00 00 00 00
                02 18 00 00 fe 03 00 01 00 00 00 00   # RT_TABLE_MAIN, RTPROT_BOOT, RT_SCOPE_UNIVERSE (via a gateway), RTN_UNICAST
                08 00 01 00 0a c8 01 00
                08 00 05 00 0a c8 00 01
                """;
        assertWrites("2c 00 00 00 18 00 0d 01   # REQUEST | ACK | ECHO | REPLACE\n" + body,
                w -> RouteCodec.encodeNew(w, r, INDEX::get, RouteCodec.Mode.CHANGE, true));
        assertWrites("2c 00 00 00 18 00 05 0c   # REQUEST | ACK | CREATE | APPEND\n" + body,
                w -> RouteCodec.encodeNew(w, r, INDEX::get, RouteCodec.Mode.APPEND, false));
        assertWrites("2c 00 00 00 18 00 05 04   # REQUEST | ACK | CREATE\n" + body,
                w -> RouteCodec.encodeNew(w, r, INDEX::get, RouteCodec.Mode.PREPEND, false));
        assertWrites("2c 00 00 00 18 00 05 05   # REQUEST | ACK | CREATE | REPLACE\n" + body,
                w -> RouteCodec.encodeNew(w, r, INDEX::get, RouteCodec.Mode.REPLACE, false));
        assertWrites("2c 00 00 00 18 00 05 06   # REQUEST | ACK | CREATE | EXCL\n" + body,
                w -> RouteCodec.encodeNew(w, r, INDEX::get, RouteCodec.Mode.ADD, false));
    }

    @Test
    void referencedLinksAreTheOutputThenTheHops() {
        RouteSpec mp = RouteSpec.to("10.200.1.0/24").withNexthops(List.of(NexthopSpec.via(InetAddress.ofLiteral("10.200.0.1"), "veth0"),
                NexthopSpec.via(InetAddress.ofLiteral("10.200.0.2"), "veth1")));
        assertEquals(List.of("veth0", "veth1"), RouteCodec.referencedLinks(mp));
        assertEquals(List.of("veth1"), RouteCodec.referencedLinks(RouteSpec.to("10.200.1.0/24").withLink("veth1")));
    }

    /**
     * RTA_CACHEINFO (12, struct rta_cacheinfo of linux/rtnetlink.h: rta_clntref, rta_lastuse, rta_expires (signed),
     * rta_error, rta_used, rta_id, rta_ts, rta_tsage; u32 each, times in USER_HZ ticks), each field its own value.
     */
    @Test
    void cacheInfoFieldsAreReadInTheStructsOrder() throws Exception {
        String withCache = ROUTE.replaceFirst("44 00 00 00 ", "68 00 00 00 ") + """
                24 00 0c 00                 # RTA_CACHEINFO len 36
                03 00 00 00                 #   rta_clntref 3
                5e 01 00 00                 #   rta_lastuse 350 ticks
                9c ff ff ff                 #   rta_expires -100 ticks
                8f ff ff ff                 #   rta_error -113 (EHOSTUNREACH, negated)
                07 00 00 00                 #   rta_used 7
                34 12 00 00                 #   rta_id 0x1234
                00 00 00 00 00 00 00 00     #   rta_ts, rta_tsage
                """;
        Route r = RouteCodec.decode(segment(withCache), 0, 104);
        assertEquals(Optional.of(new RouteCacheInfo(3, 7, java.time.Duration.ofMillis(3500), java.time.Duration.ofSeconds(-1), 0xFFFF_FF8FL, 0x1234)),
                r.cacheInfo());
        assertEquals(Optional.empty(), RouteCodec.decode(segment(ROUTE), 0, 68).cacheInfo());
        String shortCache = ROUTE.replaceFirst("44 00 00 00 ", "5c 00 00 00 ") + """
                18 00 0c 00 03 00 00 00 5e 01 00 00 9c ff ff ff 8f ff ff ff 07 00 00 00   # RTA_CACHEINFO of 20 bytes: no rta_id
                """;
        assertEquals(Optional.empty(), RouteCodec.decode(segment(shortCache), 0, 92).cacheInfo(), "shorter than the fields read");
    }
}
