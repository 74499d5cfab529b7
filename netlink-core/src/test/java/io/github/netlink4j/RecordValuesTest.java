package io.github.netlink4j;

import io.github.netlink4j.address.Address;
import io.github.netlink4j.address.AddressFlag;
import io.github.netlink4j.address.AddressSpec;
import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.common.MacAddress;
import io.github.netlink4j.common.RawAttribute;
import io.github.netlink4j.link.BondMode;
import io.github.netlink4j.link.IpvlanMode;
import io.github.netlink4j.link.Link;
import io.github.netlink4j.link.LinkData;
import io.github.netlink4j.link.LinkDetails;
import io.github.netlink4j.link.LinkFlag;
import io.github.netlink4j.link.LinkMode;
import io.github.netlink4j.link.LinkOptions;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.link.MacvlanMode;
import io.github.netlink4j.link.OperState;
import io.github.netlink4j.link.VlanProtocol;
import io.github.netlink4j.neighbour.Neighbour;
import io.github.netlink4j.neighbour.NeighbourSpec;
import io.github.netlink4j.neighbour.NeighbourState;
import io.github.netlink4j.route.Route;
import io.github.netlink4j.route.RoutePreference;
import io.github.netlink4j.route.RouteProtocol;
import io.github.netlink4j.route.RouteScope;
import io.github.netlink4j.route.RouteSpec;
import io.github.netlink4j.route.RouteTable;
import io.github.netlink4j.route.RouteType;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Specs and records are values: equal by their components, printed as records or in ip's words. */
class RecordValuesTest {
    @Test
    void linkSpecsAreRecordValues() {
        assertEquals(LinkSpec.veth("a0", "b0"), LinkSpec.veth("a0", "b0"));
        assertEquals(LinkSpec.veth("a0", "b0").hashCode(), LinkSpec.veth("a0", "b0").hashCode());
        assertNotEquals(LinkSpec.veth("a0", "b0"), LinkSpec.veth("a0", "b1"));
        assertNotEquals(LinkSpec.ifb("a0"), LinkSpec.bridge("a0"));
        assertNotEquals(LinkSpec.ifb("a0"), LinkSpec.ifb("a0").withOptions(LinkOptions.DEFAULTS.withMtu(1400)));
        assertEquals(LinkSpec.vxlan("vx0", 7).withPort(4789), new LinkSpec.Vxlan("vx0", 7, OptionalInt.of(4789),
                Optional.empty(), Optional.empty(), Optional.empty(), LinkOptions.DEFAULTS));
        assertEquals("Veth[name=a0, peerName=b0, peerNamespace=Optional.empty, options=" + LinkOptions.DEFAULTS + "]",
                LinkSpec.veth("a0", "b0").toString());
        assertEquals("Vlan[name=v0, parent=eth9, id=5, protocol=IEEE_8021Q, options=" + LinkOptions.DEFAULTS + "]",
                LinkSpec.vlan("v0", "eth9", 5).toString());
        assertEquals("Generic[name=k0, kind=nl4jkind, options=" + LinkOptions.DEFAULTS + "]", LinkSpec.of("k0", "nl4jkind").toString(),
                "name first, like every other factory");
        assertEquals("macvtap", LinkSpec.macvtap("m0", "eth9", MacvlanMode.BRIDGE).kind());
        assertEquals("macvlan", LinkSpec.macvlan("m0", "eth9", MacvlanMode.BRIDGE).kind());
        assertEquals("veth", LinkSpec.veth("a0", "b0").kind());
        assertEquals(BondMode.ACTIVE_BACKUP, LinkSpec.bond("b0", BondMode.ACTIVE_BACKUP).mode());
        // The records' canonical constructors validate as the factories do.
        assertThrows(IllegalArgumentException.class, () -> new LinkSpec.Bridge("a/b", LinkOptions.DEFAULTS));
        assertThrows(IllegalArgumentException.class, () -> new LinkSpec.Vlan("v0", "eth9", 4095, VlanProtocol.IEEE_8021AD, LinkOptions.DEFAULTS));
        assertThrows(NullPointerException.class, () -> new LinkSpec.Bond("b0", null, LinkOptions.DEFAULTS));
    }

    @Test
    void addressRouteAndNeighbourSpecsAreRecordValues() {
        AddressSpec a = AddressSpec.of("veth0", "10.200.0.2/24").withLabel("veth0:web");
        assertEquals(a, new AddressSpec("veth0", InetAddress.ofLiteral("10.200.0.2"), 24, Optional.empty(), Optional.empty(),
                Optional.of("veth0:web"), Optional.empty(), Set.of(), Address.FOREVER, Address.FOREVER));
        assertEquals(a.hashCode(), AddressSpec.of("veth0", "10.200.0.2/24").withLabel("veth0:web").hashCode());
        assertNotEquals(a, AddressSpec.of("veth0", "10.200.0.2/24"));
        assertEquals(AddressFamily.INET6, AddressSpec.of("veth0", "fd00:200::2/64").family());
        assertThrows(UnsupportedOperationException.class, () -> AddressSpec.of("veth0", "10.200.0.2/24").withFlag(AddressFlag.NODAD).flags().add(AddressFlag.SECONDARY));
        RouteSpec r = RouteSpec.to("10.200.1.0/24").withGateway(InetAddress.ofLiteral("10.200.0.1")).withTable(RouteTable.of(100));
        assertEquals(r, RouteSpec.to("10.200.1.0/24").withTable(RouteTable.of(100)).withGateway(InetAddress.ofLiteral("10.200.0.1")));
        // host bits are refused, as ip route add refuses them, never silently cleared
        assertThrows(IllegalArgumentException.class, () -> RouteSpec.to("10.200.1.9/24"));
        assertEquals(AddressFamily.INET, r.family());
        assertEquals(Optional.of(RouteTable.of(100)), r.table());
        assertEquals(AddressFamily.INET6, RouteSpec.defaultRoute(AddressFamily.INET6).family());
        assertThrows(IllegalArgumentException.class, () -> RouteSpec.defaultRoute(AddressFamily.BRIDGE));
        assertThrows(IllegalArgumentException.class, () -> RouteSpec.to("10.200.1.0/24").withTable(RouteTable.UNSPEC));
        NeighbourSpec n = NeighbourSpec.of("veth0", InetAddress.ofLiteral("10.200.0.7"), MacAddress.of("02:00:00:00:00:07"));
        assertEquals(n, NeighbourSpec.of("veth0", InetAddress.ofLiteral("10.200.0.7"), MacAddress.of("02:00:00:00:00:07")));
        assertEquals(AddressFamily.INET, n.family());
    }

    @Test
    void vocabularyTypes() {
        assertEquals(AddressFamily.INET6, AddressFamily.of(10));
        assertEquals(AddressFamily.INET, AddressFamily.of(InetAddress.ofLiteral("10.200.0.1")));
        assertThrows(IllegalArgumentException.class, () -> AddressFamily.of(3));
        // Every enum's of(int) returns the constant or throws, the same way.
        assertEquals(BondMode.IEEE_8023AD, BondMode.of(4));
        assertThrows(IllegalArgumentException.class, () -> BondMode.of(7));
        assertEquals(MacvlanMode.SOURCE, MacvlanMode.of(16));
        assertThrows(IllegalArgumentException.class, () -> MacvlanMode.of(3));
        assertEquals(IpvlanMode.L3S, IpvlanMode.of(2));
        assertThrows(IllegalArgumentException.class, () -> IpvlanMode.of(3));
        assertEquals(LinkMode.DORMANT, LinkMode.of(1));
        assertThrows(IllegalArgumentException.class, () -> LinkMode.of(-1));
        assertEquals(OperState.UP, OperState.of(6));
        assertThrows(IllegalArgumentException.class, () -> OperState.of(7));
        assertEquals(RouteType.BLACKHOLE, RouteType.of(6));
        assertThrows(IllegalArgumentException.class, () -> RouteType.of(12));
        assertEquals(VlanProtocol.IEEE_8021AD, VlanProtocol.of(0x88a8));
        assertThrows(IllegalArgumentException.class, () -> VlanProtocol.of(0x0800));
        // Open sets: any number in range, named as ip names them.
        assertEquals(RouteTable.MAIN, RouteTable.of(254));
        assertEquals(RouteTable.MAIN, RouteTable.of("main"));
        assertEquals("local", RouteTable.LOCAL.toString());
        assertEquals("100", RouteTable.of("100").toString());
        assertEquals(4294967295L, RouteTable.of(4294967295L).value());
        assertThrows(IllegalArgumentException.class, () -> RouteTable.of("nosuch"));
        assertThrows(IllegalArgumentException.class, () -> RouteTable.of(1L << 32));
        assertEquals(RouteProtocol.STATIC, RouteProtocol.of("static"));
        assertEquals("bgp", RouteProtocol.of(186).toString());
        assertEquals("77", RouteProtocol.of(77).toString());
        assertThrows(IllegalArgumentException.class, () -> RouteProtocol.of(256));
        assertEquals(RouteScope.LINK, RouteScope.of("link"));
        assertEquals("global", RouteScope.UNIVERSE.toString());
        assertEquals("100", RouteScope.of(100).toString());
        assertEquals(EnumSet.of(LinkFlag.UP, LinkFlag.LOWER_UP), LinkFlag.fromBits(0x10001));
    }

    private static Link veth0() {
        return new Link(3, "veth0", 1, 0x1003, LinkFlag.fromBits(0x1003), OperState.DOWN, LinkMode.DEFAULT, 1500,
                OptionalInt.of(68), OptionalInt.of(65535), Optional.of(MacAddress.of("96:61:0a:00:00:01")),
                Optional.of(MacAddress.of("ff:ff:ff:ff:ff:ff")), Optional.of("noqueue"), java.util.OptionalLong.of(1000), 0,
                OptionalInt.empty(), OptionalInt.of(2), OptionalInt.empty(), Optional.empty(), Optional.of("veth"),
                Optional.of(new LinkData.Veth()), Optional.empty(),
                List.of(RawAttribute.of(26, new byte[1500]), RawAttribute.of(26, new byte[8]), RawAttribute.of(43, new byte[4])),
                LinkDetails.NONE, Optional.empty(), Optional.empty());
    }

    @Test
    void recordsPrintOneLineInIpWords() {
        assertEquals("3: veth0@if2: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state DOWN mode DEFAULT qlen 1000 "
                + "link/ether 96:61:0a:00:00:01 brd ff:ff:ff:ff:ff:ff kind veth", veth0().toString());
        Address a = new Address(AddressFamily.INET, 3, InetAddress.ofLiteral("10.200.0.2"), 24, Optional.empty(),
                Optional.of(InetAddress.ofLiteral("10.200.0.255")), Optional.empty(), RouteScope.UNIVERSE, 0, Set.of(),
                Address.FOREVER, Address.FOREVER);
        assertEquals("inet 10.200.0.2/24 brd 10.200.0.255 scope global if3", a.toString());
        Address v6 = new Address(AddressFamily.INET6, 3, InetAddress.ofLiteral("fd00:200::2"), 64, Optional.empty(), Optional.empty(),
                Optional.empty(), RouteScope.UNIVERSE, 0x82, AddressFlag.fromBits(0x82), Address.FOREVER, Address.FOREVER);
        assertEquals("inet6 fd00:200::2/64 scope global nodad permanent if3", v6.toString());
        Route r = new Route(AddressFamily.INET, Optional.of(InetAddress.ofLiteral("10.200.1.0")), 24, RouteTable.of(100), RouteProtocol.BOOT,
                RouteScope.UNIVERSE, RouteType.UNICAST, 0, Set.of(), Optional.of(InetAddress.ofLiteral("10.200.0.1")), OptionalInt.of(3),
                Optional.empty(), OptionalLong.of(7), List.of(), Optional.empty(), Optional.empty(), 0, OptionalInt.empty(),
                OptionalLong.empty(), OptionalLong.empty());
        assertEquals("10.200.1.0/24 via 10.200.0.1 dev if3 table 100 proto boot scope global metric 7", r.toString());
        Route bh = new Route(AddressFamily.INET, Optional.of(InetAddress.ofLiteral("10.200.9.0")), 24, RouteTable.MAIN, RouteProtocol.STATIC,
                RouteScope.UNIVERSE, RouteType.BLACKHOLE, 0, Set.of(), Optional.empty(), OptionalInt.empty(), Optional.empty(), OptionalLong.empty(),
                List.of(), Optional.empty(), Optional.empty(), 0, OptionalInt.empty(), OptionalLong.empty(), OptionalLong.empty());
        assertEquals("blackhole 10.200.9.0/24 proto static scope global", bh.toString());
        Route ra = new Route(AddressFamily.INET6, Optional.empty(), 0, RouteTable.MAIN, RouteProtocol.RA, RouteScope.UNIVERSE,
                RouteType.UNICAST, 0, Set.of(), Optional.of(InetAddress.ofLiteral("fe80::1")), OptionalInt.of(3), Optional.empty(),
                OptionalLong.of(1024), List.of(), Optional.of(RoutePreference.HIGH), Optional.empty(), 0, OptionalInt.empty(),
                OptionalLong.empty(), OptionalLong.empty());
        assertEquals("default via fe80::1 dev if3 proto ra scope global metric 1024 pref high", ra.toString());
        assertEquals(RoutePreference.LOW, RoutePreference.of(3));
        assertThrows(IllegalArgumentException.class, () -> RoutePreference.of(2));
        Neighbour n = new Neighbour(AddressFamily.INET, 3, Optional.of(InetAddress.ofLiteral("10.200.0.7")),
                Optional.of(MacAddress.of("02:00:00:00:00:07")), 0x80, NeighbourState.fromBits(0x80), 0, Set.of());
        assertEquals("10.200.0.7 dev if3 lladdr 02:00:00:00:00:07 PERMANENT", n.toString());
    }

    @Test
    void undecodedAttributesAreNeverPrinted() {
        String s = veth0().toString();
        assertFalse(veth0().unknown().isEmpty(), "the premise: the link has undecoded attributes");
        assertTrue(!s.contains("undecoded") && !s.contains("attributes"), s);
        assertTrue(!s.contains("0000000000"), "no payload hex in " + s);
    }

    @Test
    void rawAttributeAreasSplitWhenReadAndRefuseMalformedOnes() {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(16).order(java.nio.ByteOrder.nativeOrder());
        b.putShort((short) 5).putShort((short) 0x8003).put((byte) 7).put(new byte[3]); // type 3 with NLA_F_NESTED, 1 byte
        b.putShort((short) 8).putShort((short) 9).putInt(42);
        List<RawAttribute> l = RawAttribute.listOf(b.array());
        assertEquals(List.of(RawAttribute.of(3, new byte[] {7}), RawAttribute.of(9, java.nio.ByteBuffer.allocate(4)
                .order(java.nio.ByteOrder.nativeOrder()).putInt(42).array())), l);
        assertEquals("[2 attributes, types 3, 9]", l.toString());
        assertThrows(UnsupportedOperationException.class, () -> l.add(RawAttribute.of(1, new byte[0])));
        assertEquals(List.of(RawAttribute.of(9, java.nio.ByteBuffer.allocate(4).order(java.nio.ByteOrder.nativeOrder()).putInt(42).array())),
                RawAttribute.of(26, java.util.Arrays.copyOfRange(b.array(), 8, 16)).nested());
        byte[] bad = b.array().clone();
        bad[8] = 40; // a length past the end
        assertThrows(IllegalStateException.class, () -> RawAttribute.listOf(bad).size());
    }
}
