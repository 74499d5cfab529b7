package io.github.netlink4j.internal.codec;

import io.github.netlink4j.address.AddressFlag;
import io.github.netlink4j.address.AddressSpec;
import io.github.netlink4j.link.BondMode;
import io.github.netlink4j.link.IpvlanMode;
import io.github.netlink4j.link.LinkFlag;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.link.MacvlanMode;
import io.github.netlink4j.common.MacAddress;
import io.github.netlink4j.neighbour.NeighbourSpec;
import io.github.netlink4j.route.NexthopSpec;
import io.github.netlink4j.route.RouteProtocol;
import io.github.netlink4j.route.RouteScope;
import io.github.netlink4j.route.RouteSpec;
import io.github.netlink4j.route.RouteTable;
import io.github.netlink4j.route.RouteType;

import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.testing.Golden;
import io.github.netlink4j.testing.Written;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Our encoder against the bytes iproute2 6.1 sent for the same command (fixtures captured with
 * strace, see each file's header). Sequence and port are zero in both; interface indexes and the
 * namespace fd are the ones ip used in the capture.
 */
class GoldenEncodeTest {
    // Indexes in the capture namespace: lo is 1, veth1 2, veth0 3 (ip resolved names to these).
    private static final Map<String, Integer> INDEX = Map.of("lo", 1, "veth1", 2, "veth0", 3);

    static void assertEncodes(String fixture, Consumer<MessageWriter> enc) {
        MessageWriter w = new MessageWriter(64);
        enc.accept(w);
        byte[] expected = Golden.bytes(fixture);
        assertEquals(Golden.dump(expected), Golden.dump(Written.bytes(w)), fixture);
    }

    private static void create(String fixture, LinkSpec spec) {
        assertEncodes(fixture, w -> LinkCodec.encodeCreate(w, spec, INDEX::get, false));
    }

    @Test
    void vethAdd() {
        create("link/veth-add", LinkSpec.veth("veth0", "veth1"));
    }

    @Test
    void bridgeIfbDummyBondAdd() {
        create("link/bridge-add", LinkSpec.bridge("br0"));
        create("link/ifb-add", LinkSpec.ifb("ifb7"));
        create("link/dummy-add", LinkSpec.dummy("dummy0"));
        create("link/bond-add", LinkSpec.bond("bond0", BondMode.ACTIVE_BACKUP));
    }

    @Test
    void stackedKindsAdd() {
        create("link/macvlan-add", LinkSpec.macvlan("mv0", "veth0", MacvlanMode.BRIDGE));
        create("link/vlan-add", LinkSpec.vlan("veth0.100", "veth0", 100));
        create("link/ipvlan-add", LinkSpec.ipvlan("ipv0", "veth0", IpvlanMode.L2));
        create("link/vxlan-add", LinkSpec.vxlan("vx0", 42).withPort(4789)
                .withLocal(InetAddress.ofLiteral("10.200.0.2")).withRemote(InetAddress.ofLiteral("10.200.0.9"))
                .withUnderlay("veth0"));
    }

    @Test
    void linkChanges() {
        assertEncodes("link/lo-up", w -> LinkCodec.encodeChange(w, 1, LinkFlag.UP.bit(), LinkFlag.UP.bit(), null));
        assertEncodes("link/mtu-set", w -> LinkCodec.encodeChange(w, 3, 0, 0, LinkCodec.mtu(1400)));
        // ip passed its namespace fd 4; we pass the same number.
        assertEncodes("link/veth-netns", w -> LinkCodec.encodeChange(w, 2, 0, 0, LinkCodec.namespaceFd(4)));
        assertEncodes("link/veth-del", w -> LinkCodec.encodeDelete(w, 3));
    }

    @Test
    void addressAdd() {
        assertEncodes("addr/v4-add", w -> AddressCodec.encodeAdd(w, AddressSpec.of("veth0", "10.200.0.2/24"), 3, false, false));
        assertEncodes("addr/v6-add", w -> AddressCodec.encodeAdd(w,
                AddressSpec.of("veth0", "fd00:200::2/64").withFlag(AddressFlag.NODAD), 3, false, false));
    }

    @Test
    void addressOptionsAndDelete() {
        assertEncodes("addr/label-brd", w -> AddressCodec.encodeAdd(w, AddressSpec.of("veth0", "10.200.0.2/24")
                .withBroadcast(InetAddress.ofLiteral("10.200.0.255")).withLabel("veth0:web"), 3, false, false));
        assertEncodes("addr/peer-lifetimes", w -> AddressCodec.encodeAdd(w, AddressSpec.of("veth0", "10.200.1.1/32")
                .withPeer(InetAddress.ofLiteral("10.200.1.2")).withScope(RouteScope.LINK).withLifetimes(java.time.Duration.ofSeconds(3600), java.time.Duration.ofSeconds(1800)), 3, false, false));
        assertEncodes("addr/v6-flags", w -> AddressCodec.encodeAdd(w, AddressSpec.of("veth0", "fd00:200::2/64")
                .withFlag(AddressFlag.NODAD).withFlag(AddressFlag.NOPREFIXROUTE), 3, false, false));
        assertEncodes("addr/del", w -> AddressCodec.encodeDelete(w, AddressSpec.of("veth0", "10.200.0.2/24"), 3));
    }

    @Test
    void linkSetMasterAndName() {
        // In the capture namespace br0 was made after the veth pair: index 4.
        assertEncodes("link/set-master", w -> LinkCodec.encodeChange(w, 3, 0, 0, LinkCodec.master(4)));
        assertEncodes("link/set-name", w -> LinkCodec.encodeChange(w, 2, 0, 0, LinkCodec.name("peer1")));
    }

    @Test
    void routesOfEveryShape() {
        assertEncodes("route/table-metric-proto", w -> RouteCodec.encodeAdd(w, RouteSpec.to("10.200.12.0/24")
                .withGateway(InetAddress.ofLiteral("10.200.0.1")).withTable(RouteTable.of(1000)).withMetric(7)
                .withProtocol(RouteProtocol.STATIC), INDEX::get, false, false));
        assertEncodes("route/blackhole-table", w -> RouteCodec.encodeAdd(w, RouteSpec.to("10.200.9.0/24")
                .withType(RouteType.BLACKHOLE).withTable(RouteTable.of(100)), INDEX::get, false, false));
        // vethb1 is 4 and vethb0 5 in that capture.
        Map<String, Integer> mp = Map.of("veth0", 3, "vethb0", 5);
        assertEncodes("route/multipath", w -> RouteCodec.encodeAdd(w, RouteSpec.to("10.200.17.0/24").withNexthops(List.of(
                NexthopSpec.via(InetAddress.ofLiteral("10.200.0.1"), "veth0").withWeight(2),
                NexthopSpec.via(InetAddress.ofLiteral("10.200.3.1"), "vethb0"))), mp::get, false, false));
        assertEncodes("route/v6-metric", w -> RouteCodec.encodeAdd(w, RouteSpec.to("fd00:201::/64")
                .withGateway(InetAddress.ofLiteral("fd00:200::1")).withLink("veth0").withMetric(50), INDEX::get, false, false));
    }

    @Test
    void neighbourAddAndDelete() {
        assertEncodes("neigh/add", w -> NeighbourCodec.encodeAdd(w, NeighbourSpec.of("veth0", InetAddress.ofLiteral("10.200.0.7"),
                MacAddress.of("02:00:00:00:00:07")), 3, false, false));
        assertEncodes("neigh/del", w -> NeighbourCodec.encodeDelete(w, NeighbourSpec.of("veth0", InetAddress.ofLiteral("10.200.0.7")), 3));
    }

    @Test
    void routeAdd() {
        assertEncodes("route/default-via", w -> RouteCodec.encodeAdd(w,
                RouteSpec.defaultVia(InetAddress.ofLiteral("10.200.0.1")), INDEX::get, false, false));
    }

    @Test
    void echoOnlySetsTheEchoFlag() {
        MessageWriter plain = new MessageWriter(64);
        LinkCodec.encodeCreate(plain, LinkSpec.veth("veth0", "veth1"), INDEX::get, false);
        MessageWriter echo = new MessageWriter(64);
        LinkCodec.encodeCreate(echo, LinkSpec.veth("veth0", "veth1"), INDEX::get, true);
        byte[] a = Written.bytes(plain);
        byte[] b = Written.bytes(echo);
        a[6] |= 0x08; // NLM_F_ECHO
        assertEquals(Golden.dump(a), Golden.dump(b));
    }
}
