package io.github.netlink4j.link;

import io.github.netlink4j.common.MacAddress;
import io.github.netlink4j.common.NamespaceHandle;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Link specs name their IFLA_INFO_KIND as the kernel's rtnl_link_ops do, keep their options through each
 * kind's withers, know a link by name and kind, and refuse values the kernel's link types refuse
 * (a VLAN id of 4095, a VNI over 24 bits, a port over 16).
 */
class LinkSpecTest {
    private static final LinkOptions UP_1400 = LinkOptions.DEFAULTS.withMtu(1400).withUp(true);

    @Test
    void eachSpecNamesTheKernelsKind() {
        assertEquals("veth", LinkSpec.veth("a", "b").kind());
        assertEquals("bridge", LinkSpec.bridge("a").kind());
        assertEquals("ifb", LinkSpec.ifb("a").kind());
        assertEquals("dummy", LinkSpec.dummy("a").kind());
        assertEquals("macvlan", LinkSpec.macvlan("a", "b", MacvlanMode.BRIDGE).kind());
        assertEquals("macvtap", LinkSpec.macvtap("a", "b", MacvlanMode.BRIDGE).kind());
        assertEquals("vlan", LinkSpec.vlan("a", "b", 1).kind());
        assertEquals("ipvlan", LinkSpec.ipvlan("a", "b", IpvlanMode.L2).kind());
        assertEquals("bond", LinkSpec.bond("a", BondMode.BALANCE_RR).kind());
        assertEquals("vxlan", LinkSpec.vxlan("a", 1).kind());
        assertEquals("wireguard", LinkSpec.of("a", "wireguard").kind());
    }

    @Test
    void withOptionsKeepsEverythingElse() {
        List<LinkSpec> specs = List.of(LinkSpec.veth("a", "b"), LinkSpec.bridge("a"), LinkSpec.ifb("a"), LinkSpec.dummy("a"),
                LinkSpec.macvlan("a", "b", MacvlanMode.PRIVATE), LinkSpec.macvtap("a", "b", MacvlanMode.SOURCE),
                LinkSpec.vlan("a", "b", 7).withProtocol(VlanProtocol.IEEE_8021AD), LinkSpec.ipvlan("a", "b", IpvlanMode.L3S),
                LinkSpec.bond("a", BondMode.IEEE_8023AD), LinkSpec.vxlan("a", 9).withPort(8472), LinkSpec.of("a", "nlmon"));
        for (LinkSpec s : specs) {
            LinkSpec o = s.withOptions(UP_1400);
            assertEquals(UP_1400, o.options(), s.kind());
            assertEquals(s.getClass(), o.getClass(), s.kind());
            assertEquals(s, o.withOptions(LinkOptions.DEFAULTS), s.kind() + ": only the options changed");
        }
    }

    @Test
    void kindWithersKeepTheOptions() {
        LinkSpec.Vlan v = LinkSpec.vlan("a", "b", 7).withOptions(UP_1400).withProtocol(VlanProtocol.IEEE_8021AD);
        assertEquals(new LinkSpec.Vlan("a", "b", 7, VlanProtocol.IEEE_8021AD, UP_1400), v);
        InetAddress local = InetAddress.ofLiteral("10.200.0.1");
        InetAddress remote = InetAddress.ofLiteral("239.1.1.1");
        LinkSpec.Vxlan x = LinkSpec.vxlan("vx0", 42).withOptions(UP_1400).withPort(4789).withLocal(local).withRemote(remote).withUnderlay("eth9");
        assertEquals(new LinkSpec.Vxlan("vx0", 42, OptionalInt.of(4789), Optional.of(local), Optional.of(remote), Optional.of("eth9"), UP_1400), x);
    }

    @Test
    void aLinkIsKnownByNameAndKind() {
        LinkSpec veth = LinkSpec.veth("veth0", "veth1");
        assertTrue(veth.matches(link("veth0", Optional.of("veth"))));
        assertFalse(veth.matches(link("veth2", Optional.of("veth"))), "another name");
        assertFalse(veth.matches(link("veth0", Optional.of("bridge"))), "another kind");
        assertFalse(veth.matches(link("veth0", Optional.empty())), "a link with no kind");
    }

    private static Link link(String name, Optional<String> kind) {
        return new Link(3, name, 1, 0, LinkFlag.fromBits(0), OperState.DOWN, LinkMode.DEFAULT, 1500, OptionalInt.empty(), OptionalInt.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), OptionalLong.empty(), 0, OptionalInt.empty(), OptionalInt.empty(),
                OptionalInt.empty(), Optional.empty(), kind, Optional.empty(), Optional.empty(), List.of(), LinkDetails.NONE, Optional.empty(),
                Optional.empty());
    }

    @Test
    void vlanIdsAreTwelveBitsBut4095IsReserved() {
        assertEquals(0, LinkSpec.vlan("a", "b", 0).id());
        assertEquals(4094, LinkSpec.vlan("a", "b", 4094).id());
        assertThrows(IllegalArgumentException.class, () -> LinkSpec.vlan("a", "b", 4095), "VLAN_VID_MASK is reserved");
        assertThrows(IllegalArgumentException.class, () -> LinkSpec.vlan("a", "b", -1));
        assertThrows(IllegalArgumentException.class, () -> LinkSpec.vlan("a", "b/c", 1), "the lower link's name is checked too");
    }

    @Test
    void vxlanValuesAreCheckedAgainstTheirFields() {
        assertEquals(0xFFFFFF, LinkSpec.vxlan("a", 0xFFFFFF).vni());
        assertEquals(0, LinkSpec.vxlan("a", 0).vni());
        assertThrows(IllegalArgumentException.class, () -> LinkSpec.vxlan("a", 0x1000000), "a VNI is 24 bits");
        assertThrows(IllegalArgumentException.class, () -> LinkSpec.vxlan("a", -1));
        assertEquals(OptionalInt.of(65535), LinkSpec.vxlan("a", 1).withPort(65535).port());
        assertEquals(OptionalInt.of(0), LinkSpec.vxlan("a", 1).withPort(0).port());
        assertThrows(IllegalArgumentException.class, () -> LinkSpec.vxlan("a", 1).withPort(65536));
        assertThrows(IllegalArgumentException.class, () -> LinkSpec.vxlan("a", 1).withPort(-1));
        assertThrows(IllegalArgumentException.class, () -> LinkSpec.vxlan("a", 1).withUnderlay("a b"));
        LinkSpec.Vxlan v4 = LinkSpec.vxlan("a", 1).withLocal(InetAddress.ofLiteral("10.200.0.1"));
        assertThrows(IllegalArgumentException.class, () -> v4.withRemote(InetAddress.ofLiteral("fd00:200::2")), "one family");
        assertDoesNotThrow(() -> v4.withRemote(InetAddress.ofLiteral("10.200.0.2")));
        assertDoesNotThrow(() -> LinkSpec.vxlan("a", 1).withRemote(InetAddress.ofLiteral("fd00:200::2")), "a remote alone");
    }

    @Test
    void aGenericKindIsOneToThirtyTwoPrintableCharacters() {
        assertEquals("k".repeat(32), LinkSpec.of("a", "k".repeat(32)).kind());
        assertEquals("!~", LinkSpec.of("a", "!~").kind(), "'!' (33) and '~' (126) are the printable ends");
        assertThrows(IllegalArgumentException.class, () -> LinkSpec.of("a", "k".repeat(33)));
        assertThrows(IllegalArgumentException.class, () -> LinkSpec.of("a", ""));
        assertThrows(IllegalArgumentException.class, () -> LinkSpec.of("a", null));
        assertThrows(IllegalArgumentException.class, () -> LinkSpec.of("a", "wire guard"), "a space (32)");
        assertThrows(IllegalArgumentException.class, () -> LinkSpec.of("a", "wg\u007f"), "DEL (127)");
        assertThrows(IllegalArgumentException.class, () -> LinkSpec.of("a/b", "dummy"));
    }

    @Test
    void aVethsPeerNamespaceIsKeptBesideTheRest() {
        LinkSpec.Veth v = LinkSpec.veth("a", "b").withOptions(UP_1400);
        assertEquals(Optional.empty(), v.peerNamespace());
        NamespaceHandle ns = () -> 42; // a descriptor number only: nothing is opened or sent here
        LinkSpec.Veth there = v.withPeerNamespace(ns);
        assertEquals(new LinkSpec.Veth("a", "b", Optional.of(ns), UP_1400), there);
        assertEquals(there, there.withOptions(LinkOptions.DEFAULTS).withOptions(UP_1400), "the namespace survives withOptions");
        assertThrows(IllegalArgumentException.class, () -> LinkSpec.veth("a", "b:c"), "the peer's name is checked");
        assertThrows(NullPointerException.class, () -> new LinkSpec.Veth("a", "b", null, LinkOptions.DEFAULTS));
    }

    @Test
    void optionsAreCheckedAndEachWitherSetsItsOwn() {
        MacAddress mac = MacAddress.of("02:00:00:00:00:01");
        LinkOptions all = new LinkOptions(OptionalInt.of(1400), Optional.of(mac), OptionalLong.of(0), Optional.of("lab"), Optional.of("br0"), true);
        assertEquals(all, LinkOptions.DEFAULTS.withMtu(1400).withAddress(mac).withTxQueueLength(0).withAlias("lab").withMaster("br0").withUp(true));
        assertEquals(all, all.withMtu(1400).withAddress(mac).withTxQueueLength(0).withAlias("lab").withMaster("br0").withUp(true));
        assertFalse(all.withUp(false).up());
        assertThrows(IllegalArgumentException.class, () -> LinkOptions.DEFAULTS.withMtu(67));
        assertThrows(IllegalArgumentException.class, () -> LinkOptions.DEFAULTS.withAddress(MacAddress.of(new byte[20])), "an InfiniBand address");
        assertThrows(IllegalArgumentException.class, () -> LinkOptions.DEFAULTS.withTxQueueLength(0x1_0000_0000L));
        assertThrows(IllegalArgumentException.class, () -> LinkOptions.DEFAULTS.withMaster(""));
        assertThrows(IllegalArgumentException.class, () -> LinkOptions.DEFAULTS.withAlias("\0"));
    }
}
