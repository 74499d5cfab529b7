package io.github.netlink4j.link;

import io.github.netlink4j.common.MacAddress;
import io.github.netlink4j.common.RawAttribute;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A {@link Link} record turns back into the {@link LinkSpec} of its kind (what {@code ip link add} would
 * make it with), names its hardware type as ip's ll_types.c does, and prints one line in ip's words.
 */
class LinkTest {
    private static final IntFunction<String> NAMES = Map.of(2, "eth9", 3, "veth0", 4, "veth1", 7, "br0")::get;
    private static final MacAddress MAC = MacAddress.of("02:00:00:00:00:09");
    private static final LinkData OTHER = new LinkData.Other(List.of(RawAttribute.of(1, new byte[4])));

    /** A link as the kernel reports it; defaults are a down, kind-less Ethernet link with nothing optional. */
    private static final class L {
        int index = 5;
        String name = "x0";
        int type = 1;
        int rawFlags = 0x1002;
        int mtu = 1500;
        Optional<MacAddress> address = Optional.empty();
        Optional<String> qdisc = Optional.empty();
        OptionalLong txQueueLength = OptionalLong.empty();
        OptionalInt masterIndex = OptionalInt.empty();
        OptionalInt parentIndex = OptionalInt.empty();
        OptionalInt linkNetnsId = OptionalInt.empty();
        Optional<String> alias = Optional.empty();
        Optional<String> kind = Optional.empty();
        Optional<LinkData> data = Optional.empty();

        Link build() {
            return new Link(index, name, type, rawFlags, LinkFlag.fromBits(rawFlags), OperState.DOWN, LinkMode.DEFAULT, mtu, OptionalInt.empty(),
                    OptionalInt.empty(), address, Optional.empty(), qdisc, txQueueLength, 0, masterIndex, parentIndex, linkNetnsId, alias, kind,
                    data, Optional.empty(), List.of(), LinkDetails.NONE, Optional.empty(), Optional.empty());
        }
    }

    private static Link link(Consumer<L> change) {
        L l = new L();
        change.accept(l);
        return l.build();
    }

    private static Link kind(String kind, LinkData data, int parent) {
        return link(l -> {
            l.kind = Optional.of(kind);
            l.data = Optional.ofNullable(data);
            if (parent > 0) l.parentIndex = OptionalInt.of(parent);
        });
    }

    /** The options of a down link whose MTU is 1500: what every toSpec below carries unless it says otherwise. */
    private static final LinkOptions MTU_1500 = LinkOptions.DEFAULTS.withMtu(1500);

    @Test
    void eachKindBecomesItsOwnSpec() {
        assertEquals(LinkSpec.veth("x0", "veth1").withOptions(MTU_1500), kind("veth", new LinkData.Veth(), 4).toSpec(NAMES));
        assertEquals(LinkSpec.bridge("x0").withOptions(MTU_1500), kind("bridge", null, 0).toSpec(NAMES));
        assertEquals(LinkSpec.ifb("x0").withOptions(MTU_1500), kind("ifb", null, 0).toSpec(NAMES));
        assertEquals(LinkSpec.dummy("x0").withOptions(MTU_1500), kind("dummy", null, 0).toSpec(NAMES));
        assertEquals(LinkSpec.vlan("x0", "eth9", 100).withProtocol(VlanProtocol.IEEE_8021AD).withOptions(MTU_1500),
                kind("vlan", new LinkData.Vlan(100, VlanProtocol.IEEE_8021AD), 2).toSpec(NAMES));
        LinkData.Macvlan bridgeMode = new LinkData.Macvlan(Optional.of(MacvlanMode.BRIDGE), 0, OptionalInt.empty(), OptionalInt.empty(), List.of());
        assertEquals(LinkSpec.macvlan("x0", "eth9", MacvlanMode.BRIDGE).withOptions(MTU_1500), kind("macvlan", bridgeMode, 2).toSpec(NAMES));
        assertEquals(LinkSpec.macvtap("x0", "eth9", MacvlanMode.BRIDGE).withOptions(MTU_1500), kind("macvtap", bridgeMode, 2).toSpec(NAMES));
        assertEquals(LinkSpec.ipvlan("x0", "eth9", IpvlanMode.L2).withOptions(MTU_1500),
                kind("ipvlan", new LinkData.Ipvlan(Optional.of(IpvlanMode.L2)), 2).toSpec(NAMES));
        assertEquals(LinkSpec.bond("x0", BondMode.ACTIVE_BACKUP).withOptions(MTU_1500),
                kind("bond", new LinkData.Bond(BondMode.ACTIVE_BACKUP), 0).toSpec(NAMES));
        assertEquals(LinkSpec.of("x0", "wireguard").withOptions(MTU_1500), kind("wireguard", OTHER, 0).toSpec(NAMES));
    }

    @Test
    void modesTheKernelLeftOutAreTheKernelsDefaults() {
        // macvlan's default mode is VEPA (macvlan_newlink), ipvlan's L3 (ipvlan_nl_newlink)
        LinkData.Macvlan none = new LinkData.Macvlan(Optional.empty(), 0, OptionalInt.empty(), OptionalInt.empty(), List.of());
        assertEquals(LinkSpec.macvlan("x0", "eth9", MacvlanMode.VEPA).withOptions(MTU_1500), kind("macvlan", none, 2).toSpec(NAMES));
        assertEquals(LinkSpec.macvlan("x0", "eth9", MacvlanMode.VEPA).withOptions(MTU_1500), kind("macvlan", OTHER, 2).toSpec(NAMES));
        assertEquals(LinkSpec.ipvlan("x0", "eth9", IpvlanMode.L3).withOptions(MTU_1500),
                kind("ipvlan", new LinkData.Ipvlan(Optional.empty()), 2).toSpec(NAMES));
        assertEquals(LinkSpec.ipvlan("x0", "eth9", IpvlanMode.L3).withOptions(MTU_1500), kind("ipvlan", OTHER, 2).toSpec(NAMES));
    }

    @Test
    void kindDataThatCannotBeReadGivesTheGenericSpec() {
        assertEquals(LinkSpec.of("x0", "vlan").withOptions(MTU_1500), kind("vlan", OTHER, 2).toSpec(NAMES));
        assertEquals(LinkSpec.of("x0", "bond").withOptions(MTU_1500), kind("bond", OTHER, 0).toSpec(NAMES));
        assertEquals(LinkSpec.of("x0", "vxlan").withOptions(MTU_1500), kind("vxlan", OTHER, 0).toSpec(NAMES));
    }

    private static LinkData.Vxlan vxlan(Optional<InetAddress> local, Optional<InetAddress> remote, OptionalInt underlay) {
        return new LinkData.Vxlan(42, OptionalInt.of(4789), remote, local, underlay, OptionalInt.empty(), true, false, false,
                OptionalInt.empty(), OptionalInt.empty(), false, false, false, false, OptionalInt.empty(), false, OptionalInt.empty(),
                OptionalInt.empty(), Optional.empty(), OptionalLong.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false, false,
                false, false);
    }

    @Test
    void aVxlanKeepsItsEndpointsAndUnderlayButNotTheWildcards() {
        InetAddress local = InetAddress.ofLiteral("10.200.0.1");
        InetAddress remote = InetAddress.ofLiteral("10.200.0.2");
        assertEquals(LinkSpec.vxlan("x0", 42).withPort(4789).withLocal(local).withRemote(remote).withUnderlay("eth9").withOptions(MTU_1500),
                kind("vxlan", vxlan(Optional.of(local), Optional.of(remote), OptionalInt.of(2)), 0).toSpec(NAMES));
        // the kernel reports 0.0.0.0 and ifindex 0 for "not set"; a spec sends nothing instead
        InetAddress any = InetAddress.ofLiteral("0.0.0.0");
        assertEquals(LinkSpec.vxlan("x0", 42).withPort(4789).withOptions(MTU_1500),
                kind("vxlan", vxlan(Optional.of(any), Optional.of(any), OptionalInt.of(0)), 0).toSpec(NAMES));
        assertEquals(LinkSpec.vxlan("x0", 42).withPort(4789).withOptions(MTU_1500),
                kind("vxlan", vxlan(Optional.empty(), Optional.empty(), OptionalInt.empty()), 0).toSpec(NAMES));
    }

    @Test
    void theCommonOptionsComeAlong() {
        Link l = link(x -> {
            x.kind = Optional.of("dummy");
            x.rawFlags = 0x1003;
            x.mtu = 9000;
            x.address = Optional.of(MAC);
            x.txQueueLength = OptionalLong.of(0);
            x.alias = Optional.of("lab");
            x.masterIndex = OptionalInt.of(7);
        });
        assertEquals(LinkSpec.dummy("x0").withOptions(LinkOptions.DEFAULTS.withMtu(9000).withAddress(MAC).withTxQueueLength(0).withAlias("lab")
                .withMaster("br0").withUp(true)), l.toSpec(NAMES));
    }

    @Test
    void linksNoSpecMakesAreRefused() {
        assertThrows(IllegalStateException.class, () -> link(l -> { }).toSpec(NAMES), "no kind: a physical link");
        assertThrows(IllegalStateException.class, () -> kind("veth", new LinkData.Veth(), 0).toSpec(NAMES), "a veth without its peer");
        Link elsewhere = link(l -> {
            l.kind = Optional.of("veth");
            l.parentIndex = OptionalInt.of(4);
            l.linkNetnsId = OptionalInt.of(0);
        });
        assertThrows(IllegalStateException.class, () -> elsewhere.toSpec(NAMES), "the peer is in another namespace");
        assertThrows(IllegalStateException.class, () -> kind("vlan", new LinkData.Vlan(5, VlanProtocol.IEEE_8021Q), 0).toSpec(NAMES),
                "a vlan without its lower link");
    }

    @Test
    void upAndCarrierAreTheirOwnFlags() {
        // IFF_UP 0x1, IFF_RUNNING 0x40, IFF_LOWER_UP 0x10000 (linux/if.h)
        assertTrue(link(l -> l.rawFlags = 0x1).isUp());
        assertFalse(link(l -> l.rawFlags = 0x10040).isUp());
        assertTrue(link(l -> l.rawFlags = 0x10000).hasCarrier());
        assertFalse(link(l -> l.rawFlags = 0x41).hasCarrier());
    }

    @Test
    void hardwareTypesAreNamedAsIpNamesThem() {
        // ARPHRD_* of linux/if_arp.h and the names of iproute2's lib/ll_types.c
        Map<Integer, String> names = Map.ofEntries(Map.entry(0, "netrom"), Map.entry(1, "ether"), Map.entry(24, "ieee1394"),
                Map.entry(32, "infiniband"), Map.entry(512, "ppp"), Map.entry(768, "ipip"), Map.entry(769, "tunnel6"),
                Map.entry(772, "loopback"), Map.entry(776, "sit"), Map.entry(778, "gre"), Map.entry(783, "irda"),
                Map.entry(801, "ieee802.11"), Map.entry(823, "gre6"), Map.entry(824, "netlink"), Map.entry(65534, "none"),
                Map.entry(65535, "void"), Map.entry(280, "[280]"));
        names.forEach((type, name) -> assertEquals(name, link(l -> l.type = type).typeName(), "type " + type));
    }

    @Test
    void oneLineWithEverythingIpPrints() {
        Link l = link(x -> {
            x.index = 9;
            x.name = "vx0";
            x.rawFlags = 0x11043; // UP, BROADCAST, RUNNING, MULTICAST, LOWER_UP
            x.qdisc = Optional.of("noqueue");
            x.masterIndex = OptionalInt.of(7);
            x.parentIndex = OptionalInt.of(4);
            x.linkNetnsId = OptionalInt.of(1);
            x.txQueueLength = OptionalLong.of(1000);
            x.address = Optional.of(MAC);
            x.kind = Optional.of("veth");
            x.alias = Optional.of("lab");
        });
        assertEquals("9: vx0@if4: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master if7 state DOWN mode DEFAULT qlen 1000"
                + " link/ether 02:00:00:00:00:09 link-netnsid 1 kind veth alias lab", l.toString());
        assertEquals("5: x0: <BROADCAST,MULTICAST> mtu 1500 state DOWN mode DEFAULT link/ether", link(x -> { }).toString());
        // ip's print_link_flags order, not the bits' order: LOOPBACK before BROADCAST, NOARP after MULTICAST, UP near the end
        assertEquals("5: x0: <LOOPBACK,NOARP,PROMISC,SLAVE,UP> mtu 1500 state DOWN mode DEFAULT link/loopback",
                link(x -> { x.type = 772; x.rawFlags = 0x1 | 0x8 | 0x40 | 0x80 | 0x100 | 0x800; }).toString());
    }

    @Test
    void theDecodersImmutableCollectionsAreKeptAndOthersCopied() {
        Set<LinkFlag> decoded = LinkFlag.fromBits(0x1003);
        List<RawAttribute> area = RawAttribute.listOf(new byte[] {8, 0, 43, 0, 1, 2, 3, 4});
        Link kept = new Link(1, "x0", 1, 0x1003, decoded, OperState.UP, LinkMode.DEFAULT, 1500, OptionalInt.empty(), OptionalInt.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), OptionalLong.empty(), 0, OptionalInt.empty(), OptionalInt.empty(),
                OptionalInt.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), area, LinkDetails.NONE,
                Optional.empty(), Optional.empty());
        assertSame(decoded, kept.flags());
        assertSame(area, kept.unknown());
        // a malformed area is refused when it is read, not when the record is made (the area's split is lazy)
        List<RawAttribute> bad = RawAttribute.listOf(new byte[] {40, 0, 43, 0, 1, 2, 3, 4});
        Link lazy = new Link(1, "x0", 1, 0, Set.of(), OperState.UP, LinkMode.DEFAULT, 1500, OptionalInt.empty(), OptionalInt.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), OptionalLong.empty(), 0, OptionalInt.empty(), OptionalInt.empty(),
                OptionalInt.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), bad, LinkDetails.NONE,
                Optional.empty(), Optional.empty());
        assertThrows(IllegalStateException.class, () -> lazy.unknown().size());
        Set<LinkFlag> mine = new HashSet<>(Set.of(LinkFlag.UP));
        List<RawAttribute> list = new ArrayList<>(List.of(RawAttribute.of(43, new byte[4])));
        Link copied = new Link(1, "x0", 1, 1, mine, OperState.UP, LinkMode.DEFAULT, 1500, OptionalInt.empty(), OptionalInt.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), OptionalLong.empty(), 0, OptionalInt.empty(), OptionalInt.empty(),
                OptionalInt.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), list, LinkDetails.NONE,
                Optional.empty(), Optional.empty());
        mine.add(LinkFlag.PROMISC);
        list.clear();
        assertEquals(Set.of(LinkFlag.UP), copied.flags(), "the caller's set is copied");
        assertEquals(1, copied.unknown().size(), "the caller's list is copied");
    }
}
