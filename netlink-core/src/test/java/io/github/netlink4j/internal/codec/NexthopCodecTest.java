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
}
