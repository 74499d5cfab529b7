package io.github.netlink4j.internal.codec;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.route.NexthopGroupType;
import io.github.netlink4j.route.NexthopObject;
import io.github.netlink4j.route.NexthopObjectSpec;
import io.github.netlink4j.route.Route;
import io.github.netlink4j.route.RouteSpec;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static io.github.netlink4j.internal.codec.GoldenEncodeTest.assertEncodes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Nexthop objects against iproute2's bytes (golden/nexthop/*.hex, route/nhid.hex) and the kernel's dump (dump/nexthops.hex). */
class NexthopCodecTest {
    /** veth0's index in every capture: lo 1, veth1 2, veth0 3. */
    private static final Map<String, Integer> INDEX = Map.of("veth0", 3);

    @Test
    void encodesAsIpDoes() {
        assertEncodes("nexthop/via-dev", w -> NexthopCodec.encodeAdd(w, NexthopObjectSpec.via(1, InetAddress.ofLiteral("10.200.0.1"), "veth0"),
                INDEX::get, false, false));
        assertEncodes("nexthop/v6-via-dev", w -> NexthopCodec.encodeAdd(w, NexthopObjectSpec.via(7, InetAddress.ofLiteral("fd00:200::1"), "veth0"),
                INDEX::get, false, false));
        assertEncodes("nexthop/dev-only", w -> NexthopCodec.encodeAdd(w, NexthopObjectSpec.dev(6, "veth0"), INDEX::get, false, false));
        assertEncodes("nexthop/onlink", w -> NexthopCodec.encodeAdd(w, NexthopObjectSpec.via(4, InetAddress.ofLiteral("10.200.9.1"), "veth0")
                .withOnlink(), INDEX::get, false, false));
        assertEncodes("nexthop/blackhole", w -> NexthopCodec.encodeAdd(w, NexthopObjectSpec.blackhole(2, AddressFamily.INET), INDEX::get, false, false));
        assertEncodes("nexthop/group-weights", w -> NexthopCodec.encodeAdd(w, NexthopObjectSpec.group(10,
                List.of(new NexthopObject.Member(1, 2), new NexthopObject.Member(3, 1))), INDEX::get, false, false));
        assertEncodes("nexthop/resilient", w -> NexthopCodec.encodeAdd(w, NexthopObjectSpec.group(11,
                List.of(new NexthopObject.Member(1, 1), new NexthopObject.Member(3, 1))).withResilient(8).withIdleTimer(Duration.ofSeconds(60)).withUnbalancedTimer(Duration.ofSeconds(120)),
                INDEX::get, false, false));
        assertEncodes("nexthop/del", w -> NexthopCodec.encodeDelete(w, 2));
        assertEncodes("route/nhid", w -> RouteCodec.encodeAdd(w, RouteSpec.to("10.200.50.0/24").withNexthopId(1), INDEX::get, false, false));
    }

    @Test
    void decodesTheKernelsDump() throws Exception {
        List<NexthopObject> all = GoldenDecodeTest.decodeAll("dump/nexthops", NexthopCodec::decode);
        assertEquals(List.of(1L, 2L, 3L, 4L, 10L, 11L), all.stream().map(NexthopObject::id).toList());
        NexthopObject one = all.get(0);
        assertEquals(Optional.of(InetAddress.ofLiteral("10.200.0.1")), one.gateway());
        assertEquals(OptionalInt.of(3), one.outputIndex());
        assertFalse(one.isGroup());
        assertTrue(all.get(1).blackhole());
        assertTrue(all.get(3).flags().contains(io.github.netlink4j.route.NexthopFlag.ONLINK), "RTNH_F_ONLINK");
        NexthopObject group = all.get(4);
        assertEquals(List.of(new NexthopObject.Member(1, 2), new NexthopObject.Member(3, 1)), group.group());
        assertEquals(Optional.of(NexthopGroupType.MPATH), group.groupType());
        NexthopObject res = all.get(5);
        assertEquals(Optional.of(NexthopGroupType.RESILIENT), res.groupType());
        assertEquals(8, res.resilient().orElseThrow().buckets());
        assertEquals(Duration.ofSeconds(60), res.resilient().orElseThrow().idleTimer());
        assertEquals(Duration.ofSeconds(120), res.resilient().orElseThrow().unbalancedTimer());
        // Every NHA_* of linux/nexthop.h here (up to NHA_RES_BUCKET, 13) is decoded; newer kernels add more, kept raw.
        for (NexthopObject n : all) assertTrue(n.unknown().stream().allMatch(a -> a.type() > 13), "decoded: " + n + " " + n.unknown());
    }

    @Test
    void routesDecodeTheirNexthopId() throws Exception {
        // route/nhid.hex is what ip sent; the decoder reads a request the same way as a reply
        List<Route> r = GoldenDecodeTest.decodeAll("route/nhid", RouteCodec::decode);
        assertEquals(java.util.OptionalLong.of(1), r.get(0).nexthopId());
    }

    /** {@code ip nexthop add id 3 via 10.200.0.1 fdb}: NHA_FDB (11 of linux/nexthop.h) a flag after the gateway. */
    @Test
    void fdbIsAFlagAttribute() {
        HandBytes.assertWrites("""
                2c 00 00 00                 # nlmsg_len 44
                68 00 05 06                 # RTM_NEWNEXTHOP, NLM_F_REQUEST | ACK | EXCL | CREATE
                00 00 00 00 00 00 00 00
                02 00 00 00 00 00 00 00     # nhmsg: AF_INET, scope, protocol, resvd, nh_flags
                08 00 01 00 03 00 00 00     # NHA_ID 3
                08 00 06 00 0a c8 00 01     # NHA_GATEWAY 10.200.0.1
                04 00 0b 00                 # NHA_FDB
                """, w -> NexthopCodec.encodeAdd(w, NexthopObjectSpec.via(3, InetAddress.ofLiteral("10.200.0.1")).withFdb(), INDEX::get, false, false));
    }

    /**
     * A resilient group as the kernel dumps it (nexthop.h: struct nexthop_grp {u32 id; u8 weight-1; u8; u16},
     * NHA_RES_GROUP_* timers in clock_t, centiseconds), with a dump's sequence and port, after another message.
     */
    private static final String RESILIENT = """
            64 00 00 00                 # nlmsg_len 100
            68 00 02 00                 # RTM_NEWNEXTHOP, NLM_F_MULTI
            44 33 22 11 88 77 66 55     # seq, pid
            00 fd 04 00 04 00 00 00     # nhmsg: AF_UNSPEC, RT_SCOPE_LINK, RTPROT_STATIC, resvd, RTNH_F_ONLINK
            08 00 01 00 0a 00 00 00     # NHA_ID 10
            14 00 02 00                 # NHA_GROUP, two members
            01 00 00 00 00 00 00 00     #   id 1, weight 1
            02 00 00 00 02 00 00 00     #   id 2, weight 3
            06 00 03 00 01 00 00 00     # NHA_GROUP_TYPE NEXTHOP_GRP_TYPE_RES
            28 00 0c 80                 # NHA_RES_GROUP | NLA_F_NESTED
            06 00 01 00 20 00 00 00     #   NHA_RES_GROUP_BUCKETS 32
            08 00 02 00 f4 01 00 00     #   NHA_RES_GROUP_IDLE_TIMER 500 (5 s)
            08 00 03 00 e8 03 00 00     #   NHA_RES_GROUP_UNBALANCED_TIMER 1000 (10 s)
            0c 00 04 00 fa 00 00 00 00 00 00 00   # NHA_RES_GROUP_UNBALANCED_TIME 250 (2.5 s)
            """;

    @Test
    void resilientGroupDecodesWithItsTimers() throws Exception {
        NexthopObject n = NexthopCodec.decode(HandBytes.at(12, RESILIENT), 12, 100);
        assertEquals(10, n.id());
        assertEquals(Optional.empty(), n.family());
        assertEquals(io.github.netlink4j.route.RouteScope.LINK, n.scope());
        assertEquals(io.github.netlink4j.route.RouteProtocol.STATIC, n.protocol());
        assertEquals(4, n.rawFlags());
        assertEquals(List.of(new NexthopObject.Member(1, 1), new NexthopObject.Member(2, 3)), n.group());
        assertEquals(Optional.of(NexthopGroupType.RESILIENT), n.groupType());
        assertEquals(Optional.of(new NexthopObject.Resilient(32, Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofMillis(2500))),
                n.resilient());
    }

    @Test
    void malformedGroupsAndOtherEchoesAreNotNexthops() throws Exception {
        String torn = RESILIENT.replace("14 00 02 00                 # NHA_GROUP, two members", "10 00 02 00   # NHA_GROUP of 12 bytes")
                .replace("02 00 00 00 02 00 00 00     #   id 2, weight 3", "02 00 00 00 08 00 09 00   # (the next attribute)");
        org.junit.jupiter.api.Assertions.assertThrows(io.github.netlink4j.error.ProtocolException.class,
                () -> NexthopCodec.decode(HandBytes.segment(torn), 0, 100));
        org.junit.jupiter.api.Assertions.assertNull(NexthopCodec.decodeEcho(HandBytes.segment(RESILIENT.replace("68 00 02 00", "69 00 00 00")), 0, 100),
                "RTM_DELNEXTHOP");
        assertEquals(10, NexthopCodec.decodeEcho(HandBytes.segment(RESILIENT), 0, 100).id());
    }
}
