package io.github.netlink4j.internal.codec;

import io.github.netlink4j.address.Address;
import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.address.AddressFlag;
import io.github.netlink4j.link.Link;
import io.github.netlink4j.link.LinkData;
import io.github.netlink4j.link.LinkFlag;
import io.github.netlink4j.link.LinkMode;
import io.github.netlink4j.link.LinkStats;
import io.github.netlink4j.common.MacAddress;
import io.github.netlink4j.neighbour.Neighbour;
import io.github.netlink4j.route.Nexthop;
import io.github.netlink4j.route.NexthopFlag;
import io.github.netlink4j.neighbour.NeighbourState;
import io.github.netlink4j.link.OperState;
import io.github.netlink4j.common.RawAttribute;
import io.github.netlink4j.route.Route;
import io.github.netlink4j.route.RoutePreference;
import io.github.netlink4j.route.RouteProtocol;
import io.github.netlink4j.route.RouteScope;
import io.github.netlink4j.route.RouteTable;
import io.github.netlink4j.route.RouteType;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.Messages;
import io.github.netlink4j.internal.wire.NlError;
import io.github.netlink4j.testing.Golden;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Kernel replies captured from iproute2's socket, decoded into records field by field. */
class GoldenDecodeTest {
    interface Decoder<T> {
        T decode(MemorySegment s, long off, int len) throws ProtocolException;
    }

    static <T> List<T> decodeAll(String fixture, Decoder<T> d) throws ProtocolException {
        byte[] b = Golden.bytes(fixture);
        MemorySegment s = Golden.segment(fixture);
        List<T> out = new ArrayList<>();
        Messages m = new Messages().reset(s, b.length);
        while (m.next()) out.add(d.decode(s, m.offset(), m.length()));
        return out;
    }

    @Test
    void linkDump() throws Exception {
        List<Link> links = decodeAll("dump/links", LinkCodec::decode);
        assertEquals(List.of("lo", "veth1", "veth0", "br0", "vx0"), links.stream().map(Link::name).toList());
        Link lo = links.get(0);
        assertEquals(1, lo.index());
        assertEquals(65536, lo.mtu());
        assertTrue(lo.flags().contains(LinkFlag.LOOPBACK));
        assertTrue(lo.isUp());
        assertEquals(772, lo.type());
        assertEquals("noqueue", lo.qdisc().orElseThrow());
        assertEquals(MacAddress.of("00:00:00:00:00:00"), lo.address().orElseThrow());
        Link veth1 = links.get(1);
        Link veth0 = links.get(2);
        assertEquals("veth", veth0.kind().orElseThrow());
        assertEquals(veth1.index(), veth0.parentIndex().getAsInt(), "a veth's IFLA_LINK is its peer");
        assertEquals(veth0.index(), veth1.parentIndex().getAsInt());
        assertEquals(OperState.DOWN, veth0.operState());
        assertEquals(LinkMode.DEFAULT, veth0.linkMode());
        assertEquals(68, veth0.minMtu().getAsInt());
        assertEquals(65535, veth0.maxMtu().getAsInt());
        assertEquals(1000, veth0.txQueueLength().getAsLong());
        assertEquals(MacAddress.of("ff:ff:ff:ff:ff:ff"), veth0.broadcast().orElseThrow());
        assertEquals(java.util.Optional.of(LinkStats.of()), veth0.stats(),
                "ip asked without RTEXT_FILTER_SKIP_STATS; a new veth has counted nothing");
        assertTrue(links.get(3).data().orElseThrow() instanceof LinkData.Bridge);
        // The undecoded attributes, split lazily from one copy, equal each top-level attribute the decoder skips.
        byte[] dump = Golden.bytes("dump/links");
        java.lang.foreign.MemorySegment seg = Golden.segment("dump/links");
        io.github.netlink4j.internal.wire.Messages m = new io.github.netlink4j.internal.wire.Messages().reset(seg, dump.length);
        int i = 0;
        while (m.next()) {
            if (m.type() != 16) continue;
            List<RawAttribute> expected = new java.util.ArrayList<>();
            io.github.netlink4j.internal.wire.Attrs a = new io.github.netlink4j.internal.wire.Attrs()
                    .reset(seg, m.offset() + 32, m.offset() + m.length(), "test");
            // The IFLA_* types the decoder turns into fields, named here rather than asked of the decoder.
            java.util.Set<Integer> decoded = java.util.Set.of(1, 2, 3, 4, 5, 6, 10, 13, 16, 17, 18, 20, 23, 27, 37, 50, 51,
                    30, 31, 32, 35, 39, 40, 41, 54, 56, 57, 58, 59, 60, 61);
            while (a.next()) if (!decoded.contains(a.type())) expected.add(RawAttribute.of(a.type(), a.bytes()));
            assertTrue(expected.size() > 10, "a link has many attributes the decoder keeps raw");
            assertEquals(expected, links.get(i++).unknown());
            assertTrue(expected.stream().anyMatch(r -> r.type() == 26), "IFLA_AF_SPEC is among them");
        }
        assertEquals(links.size(), i);
        LinkData.Vxlan vx = (LinkData.Vxlan) links.get(4).data().orElseThrow();
        assertEquals(42, vx.vni());
        assertEquals(4789, vx.port().getAsInt());
        assertEquals(InetAddress.ofLiteral("10.200.0.2"), vx.local().orElseThrow());
        assertEquals(InetAddress.ofLiteral("10.200.0.9"), vx.remote().orElseThrow());
        assertEquals(veth0.index(), vx.underlayIndex().getAsInt());
        assertTrue(vx.learning());
        assertFalse(veth0.unknown().isEmpty(), "attributes we do not decode are kept raw");
    }

    @Test
    void linkStatsAreReadFromStats64() throws Exception {
        // The fixture's counters are all zero, so write distinct values into veth0's IFLA_STATS64 and read them back.
        byte[] dump = Golden.bytes("dump/links");
        MemorySegment seg = MemorySegment.ofArray(dump);
        Messages m = new Messages().reset(seg, dump.length);
        int seen = 0;
        while (m.next()) {
            if (m.type() != 16 || seen++ != 2) continue;
            io.github.netlink4j.internal.wire.Attrs a = new io.github.netlink4j.internal.wire.Attrs()
                    .reset(seg, m.offset() + 32, m.offset() + m.length(), "test");
            long at = -1;
            int fields = 0;
            while (a.next()) {
                if (a.type() == 23) {
                    at = a.payloadOffset();
                    fields = a.payloadLength() / 8;
                }
            }
            assertTrue(at > 0, "veth0 carries IFLA_STATS64");
            assertTrue(fields >= 10, "IFLA_STATS64 has at least the ten basic counters");
            // struct rtnl_link_stats64: every field a u64 in host order, each given its own value here.
            long[] want = new long[Math.min(fields, LinkStats.FIELDS)];
            for (int i = 0; i < want.length; i++) {
                want[i] = 1000L * (i + 1) + (i == 2 ? 5_000_000_000L : 0);
                seg.set(java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED, at + 8L * i, want[i]);
            }
            Link l = LinkCodec.decode(seg, m.offset(), m.length());
            assertEquals("veth0", l.name());
            assertEquals(LinkStats.of(want), l.stats().orElseThrow());
            assertEquals(3000 + 5_000_000_000L, l.stats().orElseThrow().rxBytes());
            return;
        }
        throw new AssertionError("the fixture has fewer than three links");
    }

    @Test
    void addressDump() throws Exception {
        List<Address> addrs = decodeAll("dump/addrs", AddressCodec::decode);
        Address v4 = addrs.stream().filter(a -> a.family() == AddressFamily.INET && !a.address().isLoopbackAddress()).findFirst().orElseThrow();
        assertEquals("10.200.0.2/24", v4.cidr());
        assertEquals("veth0:a", v4.label().orElseThrow());
        assertTrue(v4.broadcast().isEmpty(), "the fixture's address was added without brd");
        assertEquals(RouteScope.UNIVERSE, v4.scope());
        assertEquals(Address.FOREVER, v4.validLifetime(), "forever");
        Address v6 = addrs.stream().filter(a -> a.address().getHostAddress().startsWith("fd00:200")).findFirst().orElseThrow();
        assertEquals(64, v6.prefixLength());
        assertTrue(v6.flags().contains(AddressFlag.NODAD));
        assertTrue(v6.flags().contains(AddressFlag.PERMANENT));
        Address lo = addrs.stream().filter(a -> a.address().isLoopbackAddress() && a.family() == AddressFamily.INET).findFirst().orElseThrow();
        assertEquals(RouteScope.HOST, lo.scope());
        assertEquals(8, lo.prefixLength());
    }

    @Test
    void routeDump() throws Exception {
        List<Route> routes = decodeAll("dump/routes", RouteCodec::decode);
        Route def = routes.stream().filter(r -> r.family() == AddressFamily.INET && r.isDefault() && r.table().equals(RouteTable.MAIN)).findFirst().orElseThrow();
        assertEquals(InetAddress.ofLiteral("10.200.0.1"), def.gateway().orElseThrow());
        assertEquals(RouteProtocol.BOOT, def.protocol());
        assertEquals(RouteType.UNICAST, def.type());
        Route bh = routes.stream().filter(r -> r.type() == RouteType.BLACKHOLE).findFirst().orElseThrow();
        assertEquals("10.200.9.0/24", bh.destinationText());
        Route connected = routes.stream().filter(r -> r.family() == AddressFamily.INET && r.table().equals(RouteTable.MAIN) && r.scope().equals(RouteScope.LINK)).findFirst().orElseThrow();
        assertEquals(InetAddress.ofLiteral("10.200.0.2"), connected.preferredSource().orElseThrow());
        Route local = routes.stream().filter(r -> r.type() == RouteType.LOCAL).findFirst().orElseThrow();
        assertEquals(RouteTable.LOCAL, local.table());
        assertEquals("10.200.0.2", local.destinationText());
        assertEquals(RouteScope.HOST, local.scope());
        assertEquals(RouteProtocol.KERNEL, local.protocol());
        assertEquals(InetAddress.ofLiteral("10.200.0.2"), local.preferredSource().orElseThrow());
        List<Route> linkLocal = routes.stream().filter(r -> "fe80::/64".equals(r.destinationText())).toList();
        assertEquals(2, linkLocal.size(), "one per veth end");
        for (Route r : linkLocal) {
            assertEquals(AddressFamily.INET6, r.family());
            assertEquals(java.util.OptionalLong.of(256), r.metric());
            assertEquals(java.util.Optional.of(RoutePreference.MEDIUM), r.preference());
            assertEquals(RouteTable.MAIN, r.table());
        }
        assertEquals(9, routes.size());
    }

    @Test
    void multipathAndTableRoutes() throws Exception {
        List<Route> routes = decodeAll("dump/routes-multipath", RouteCodec::decode);
        Route t = routes.stream().filter(r -> "10.200.12.0/24".equals(r.destinationText())).findFirst().orElseThrow();
        assertEquals(RouteTable.of(1000), t.table(), "RTA_TABLE wins over rtm_table (252, RT_TABLE_COMPAT)");
        assertEquals(RouteProtocol.STATIC, t.protocol());
        assertEquals(java.util.OptionalLong.of(7), t.metric());
        assertEquals(InetAddress.ofLiteral("10.200.0.1"), t.gateway().orElseThrow());
        assertEquals(java.util.OptionalInt.of(3), t.outputIndex());
        Route mp = routes.stream().filter(r -> "10.200.17.0/24".equals(r.destinationText())).findFirst().orElseThrow();
        assertEquals(List.of(
                new Nexthop(java.util.Optional.of(InetAddress.ofLiteral("10.200.0.1")), 3, 2, java.util.Set.of(NexthopFlag.LINKDOWN)),
                new Nexthop(java.util.Optional.of(InetAddress.ofLiteral("10.200.3.1")), 5, 1, java.util.Set.of(NexthopFlag.LINKDOWN))),
                mp.multipath(), "the capture's veth peers are down: RTNH_F_LINKDOWN");
        assertTrue(mp.gateway().isEmpty() && mp.outputIndex().isEmpty());
        assertEquals(RouteTable.MAIN, mp.table());
    }

    @Test
    void nsidDump() throws Exception {
        assertEquals(List.of(7, 7), decodeAll("dump/nsids", NsidCodec::decode), "ip's own lookup, then the dump entry");
    }

    @Test
    void requestsDecodeIntoWhatTheySay() throws Exception {
        // Both ways: the captured requests read back into the records their specs describe.
        Address p = decodeAll("addr/peer-lifetimes", AddressCodec::decode).get(0);
        assertEquals(InetAddress.ofLiteral("10.200.1.1"), p.address());
        assertEquals(InetAddress.ofLiteral("10.200.1.2"), p.peer().orElseThrow());
        assertEquals(32, p.prefixLength());
        assertEquals(RouteScope.LINK, p.scope());
        assertEquals(java.time.Duration.ofSeconds(3600), p.validLifetime());
        assertEquals(java.time.Duration.ofSeconds(1800), p.preferredLifetime());
        Address l = decodeAll("addr/label-brd", AddressCodec::decode).get(0);
        assertEquals("veth0:web", l.label().orElseThrow());
        assertEquals(InetAddress.ofLiteral("10.200.0.255"), l.broadcast().orElseThrow());
        assertEquals(java.util.Set.of(AddressFlag.NODAD, AddressFlag.NOPREFIXROUTE),
                decodeAll("addr/v6-flags", AddressCodec::decode).get(0).flags(), "IFA_FLAGS over the header's byte");
        Route r = decodeAll("route/table-metric-proto", RouteCodec::decode).get(0);
        assertEquals(RouteTable.of(1000), r.table());
        assertEquals(java.util.OptionalLong.of(7), r.metric());
        assertEquals(RouteProtocol.STATIC, r.protocol());
        Route v6 = decodeAll("route/v6-metric", RouteCodec::decode).get(0);
        assertEquals(AddressFamily.INET6, v6.family());
        assertEquals("fd00:201::/64", v6.destinationText());
        Neighbour n = decodeAll("neigh/add", NeighbourCodec::decode).get(0);
        assertEquals(new Neighbour(AddressFamily.INET, 3, java.util.Optional.of(InetAddress.ofLiteral("10.200.0.7")),
                java.util.Optional.of(MacAddress.of("02:00:00:00:00:07")), 0x80, java.util.Set.of(NeighbourState.PERMANENT), 0, java.util.Set.of()), n);
        Link set = decodeAll("link/set-name", LinkCodec::decode).get(0);
        assertEquals("peer1", set.name());
        assertEquals(2, set.index());
    }

    /** A lookup's answer carries the cache entry's references (users 2); the IPv6 route of {@code expires 300} its time left. */
    @Test
    void routeCacheInfo() throws Exception {
        Route got = decodeAll("route/get-reply", RouteCodec::decode).get(0);
        assertTrue(got.isCloned());
        assertEquals(java.util.Optional.of(new io.github.netlink4j.route.RouteCacheInfo(2, 0, java.time.Duration.ZERO, java.time.Duration.ZERO, 0, 0)),
                got.cacheInfo());
        List<Route> v6 = decodeAll("dump/route-v6-expires", RouteCodec::decode);
        Route expiring = v6.stream().filter(r -> r.destinationText().equals("fd00:201::/64")).findFirst().orElseThrow();
        // rta_expires 0x752e = 29998 ticks
        assertEquals(java.time.Duration.ofMillis(299_980), expiring.cacheInfo().orElseThrow().expires());
        assertEquals(java.time.Duration.ZERO, v6.get(0).cacheInfo().orElseThrow().expires(), "the prefix route does not expire");
    }

    @Test
    void neighbourDump() throws Exception {
        List<Neighbour> n = decodeAll("dump/neigh", NeighbourCodec::decode);
        assertEquals(1, n.size());
        assertEquals(InetAddress.ofLiteral("10.200.0.7"), n.get(0).address().orElseThrow());
        assertEquals(MacAddress.of("02:00:00:00:00:07"), n.get(0).lladdr().orElseThrow());
        assertTrue(n.get(0).state().contains(NeighbourState.PERMANENT));
        // NDA_CACHEINFO: 2 ticks (20 ms) since each of confirmed, used and updated; no reference
        java.time.Duration twoTicks = java.time.Duration.ofMillis(20);
        assertEquals(java.util.Optional.of(new io.github.netlink4j.neighbour.NeighbourCacheInfo(twoTicks, twoTicks, twoTicks, 0)), n.get(0).cacheInfo());
        assertEquals(java.util.OptionalLong.of(0), n.get(0).probes());
    }

    @Test
    void errorWithExtendedAck() throws Exception {
        MemorySegment s = Golden.segment("error/dummy-unknown-kind");
        NlError e = NlError.decode(s, 0, Golden.bytes("error/dummy-unknown-kind").length);
        assertEquals(95, e.errno());
        assertEquals("Unknown device type", e.message());
        MemorySegment x = Golden.segment("error/veth-exists");
        NlError exists = NlError.decode(x, 0, Golden.bytes("error/veth-exists").length);
        assertEquals(17, exists.errno());
        assertEquals(null, exists.message());
    }
}
