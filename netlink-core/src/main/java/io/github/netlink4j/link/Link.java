package io.github.netlink4j.link;

import io.github.netlink4j.common.MacAddress;
import io.github.netlink4j.common.RawAttribute;
import io.github.netlink4j.support.FlagSet;


import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * A network interface as the kernel reports it in {@code RTM_NEWLINK} (struct ifinfomsg and
 * {@code IFLA_*} attributes, rtnetlink(7)): an immutable copy, holding no reference to any buffer.
 * Attributes the kernel may leave out are Optional.
 *
 * {@snippet :
 * Link l = nl.links().get("veth0");
 * System.out.println(l);   // 3: veth0@if2 <BROADCAST,MULTICAST> mtu 1500 state DOWN mode DEFAULT … link/ether 96:61:…
 * }
 *
 * @param index         ifi_index
 * @param name          IFLA_IFNAME
 * @param type          ifi_type, the ARPHRD_* hardware type (1 Ethernet, 772 loopback)
 * @param rawFlags      ifi_flags as the kernel sent them
 * @param flags         the same as {@link LinkFlag}s
 * @param operState     IFLA_OPERSTATE
 * @param linkMode      IFLA_LINKMODE
 * @param mtu           IFLA_MTU
 * @param minMtu        IFLA_MIN_MTU
 * @param maxMtu        IFLA_MAX_MTU
 * @param address       IFLA_ADDRESS
 * @param broadcast     IFLA_BROADCAST
 * @param qdisc         IFLA_QDISC
 * @param txQueueLength IFLA_TXQLEN, a u32
 * @param group         IFLA_GROUP, a u32 (0 is "default")
 * @param masterIndex   IFLA_MASTER
 * @param parentIndex   IFLA_LINK: a veth's peer, a vlan's or macvlan's lower device
 * @param linkNetnsId   IFLA_LINK_NETNSID: the nsid of the namespace {@code parentIndex} lives in
 * @param alias         IFLA_IFALIAS
 * @param kind          IFLA_LINKINFO › IFLA_INFO_KIND
 * @param data          IFLA_LINKINFO › IFLA_INFO_DATA, decoded for known kinds
 * @param stats         IFLA_STATS64
 * @param unknown       top-level attributes not decoded above, kept raw
 * @param details       what {@code ip -d} adds: reference and queue counts, offload limits, …
 * @param slaveKind     IFLA_LINKINFO › IFLA_INFO_SLAVE_KIND: the kind of the master ({@code bridge}, {@code bond})
 * @param slaveData     IFLA_LINKINFO › IFLA_INFO_SLAVE_DATA, decoded for bridge ports
 * @param altNames      IFLA_PROP_LIST › IFLA_ALT_IFNAME: the link's alternative names, in the kernel's order
 *                      ({@code ip link property add dev NAME altname ALT})
 */
public record Link(int index, String name, int type, int rawFlags, Set<LinkFlag> flags, OperState operState,
                   LinkMode linkMode, int mtu, OptionalInt minMtu, OptionalInt maxMtu, Optional<MacAddress> address,
                   Optional<MacAddress> broadcast, Optional<String> qdisc, OptionalLong txQueueLength, long group,
                   OptionalInt masterIndex, OptionalInt parentIndex, OptionalInt linkNetnsId, Optional<String> alias,
                   Optional<String> kind, Optional<LinkData> data, Optional<LinkStats> stats,
                   List<RawAttribute> unknown, LinkDetails details, Optional<String> slaveKind, Optional<LinkData> slaveData,
                   List<String> altNames) {
    /** Makes the collections immutable (the decoders' own immutable sets and lists are kept as they are). */
    public Link {
        flags = flags instanceof FlagSet ? flags : Set.copyOf(flags);
        unknown = RawAttribute.isArea(unknown) ? unknown : List.copyOf(unknown);
        altNames = List.copyOf(altNames);
    }

    /** A link without alternative names. */
    public Link(int index, String name, int type, int rawFlags, Set<LinkFlag> flags, OperState operState,
                LinkMode linkMode, int mtu, OptionalInt minMtu, OptionalInt maxMtu, Optional<MacAddress> address,
                Optional<MacAddress> broadcast, Optional<String> qdisc, OptionalLong txQueueLength, long group,
                OptionalInt masterIndex, OptionalInt parentIndex, OptionalInt linkNetnsId, Optional<String> alias,
                Optional<String> kind, Optional<LinkData> data, Optional<LinkStats> stats,
                List<RawAttribute> unknown, LinkDetails details, Optional<String> slaveKind, Optional<LinkData> slaveData) {
        this(index, name, type, rawFlags, flags, operState, linkMode, mtu, minMtu, maxMtu, address, broadcast, qdisc, txQueueLength, group,
                masterIndex, parentIndex, linkNetnsId, alias, kind, data, stats, unknown, details, slaveKind, slaveData, List.of());
    }

    /**
     * The spec that makes this link again ({@code ip link add} with what the record carries): its kind
     * and kind data (veth peer, vlan id and protocol, macvlan/ipvlan/bond mode, vxlan id, port, local,
     * remote and underlay), and its MTU, address, txqlen, alias, master and whether it is up. Links are
     * named by {@code linkNames} from their indexes (the peer, the lower link, the master, the underlay):
     * {@code names::get} over {@code nl.links().list()}. A kind without a spec of its own comes back as
     * {@link LinkSpec#of(String, String)}.
     *
     * @throws IllegalStateException when the record has no kind (a physical or loopback link, which no
     *                               spec makes), or is a veth whose peer lives in another namespace
     */
    public LinkSpec toSpec(IntFunction<String> linkNames) {
        String k = kind.orElseThrow(() -> new IllegalStateException(name + " has no kind: no spec makes it"));
        LinkSpec spec = switch (k) {
            case "veth" -> {
                if (linkNetnsId.isPresent()) throw new IllegalStateException(name + "'s peer is in another namespace");
                yield LinkSpec.veth(name, linkNames.apply(parentIndex.orElseThrow(() -> new IllegalStateException(name + " has no peer"))));
            }
            case "bridge" -> LinkSpec.bridge(name);
            case "ifb" -> LinkSpec.ifb(name);
            case "dummy" -> LinkSpec.dummy(name);
            case "vlan" -> data.orElseThrow() instanceof LinkData.Vlan v
                    ? LinkSpec.vlan(name, lower(linkNames), v.id()).withProtocol(v.protocol()) : LinkSpec.of(name, k);
            case "macvlan", "macvtap" -> {
                MacvlanMode m = data.orElseThrow() instanceof LinkData.Macvlan v ? v.mode().orElse(MacvlanMode.VEPA) : MacvlanMode.VEPA;
                yield k.equals("macvlan") ? LinkSpec.macvlan(name, lower(linkNames), m) : LinkSpec.macvtap(name, lower(linkNames), m);
            }
            case "ipvlan" -> LinkSpec.ipvlan(name, lower(linkNames),
                    data.orElseThrow() instanceof LinkData.Ipvlan v ? v.mode().orElse(IpvlanMode.L3) : IpvlanMode.L3);
            case "bond" -> data.orElseThrow() instanceof LinkData.Bond b ? LinkSpec.bond(name, b.mode()) : LinkSpec.of(name, k);
            case "vxlan" -> {
                if (!(data.orElseThrow() instanceof LinkData.Vxlan x)) yield LinkSpec.of(name, k);
                yield new LinkSpec.Vxlan(name, x.vni(), x.port(), x.local().filter(a -> !a.isAnyLocalAddress()),
                        x.remote().filter(a -> !a.isAnyLocalAddress()),
                        x.underlayIndex().isPresent() && x.underlayIndex().getAsInt() != 0
                                ? Optional.of(linkNames.apply(x.underlayIndex().getAsInt())) : Optional.empty(),
                        LinkOptions.DEFAULTS);
            }
            default -> LinkSpec.of(name, k);
        };
        LinkOptions o = new LinkOptions(OptionalInt.of(mtu), address, txQueueLength, alias,
                masterIndex.isPresent() ? Optional.of(linkNames.apply(masterIndex.getAsInt())) : Optional.empty(), isUp());
        return spec.withOptions(o);
    }

    private String lower(IntFunction<String> linkNames) {
        return linkNames.apply(parentIndex.orElseThrow(() -> new IllegalStateException(name + " has no lower link")));
    }

    /** Whether the link is administratively up (IFF_UP). */
    public boolean isUp() {
        return flags.contains(LinkFlag.UP);
    }

    /** Whether the link has carrier (IFF_LOWER_UP). */
    public boolean hasCarrier() {
        return flags.contains(LinkFlag.LOWER_UP);
    }

    /**
     * The hardware type as ip names it after {@code link/}: {@code ether}, {@code loopback},
     * {@code none}, … or {@code [N]} for a type it has no name for (ll_types.c).
     */
    public String typeName() {
        return switch (type) {
            case 0 -> "netrom";
            case 1 -> "ether";
            case 24 -> "ieee1394";
            case 32 -> "infiniband";
            case 512 -> "ppp";
            case 768 -> "ipip";
            case 769 -> "tunnel6";
            case 772 -> "loopback";
            case 776 -> "sit";
            case 778 -> "gre";
            case 783 -> "irda";
            case 801 -> "ieee802.11";
            case 823 -> "gre6";
            case 824 -> "netlink";
            case 65534 -> "none";
            case 65535 -> "void";
            default -> "[" + type + "]";
        };
    }

    // The order ip prints interface flags in (print_link_flags).
    private static final List<LinkFlag> FLAG_ORDER = List.of(LinkFlag.LOOPBACK, LinkFlag.BROADCAST, LinkFlag.POINTOPOINT,
            LinkFlag.MULTICAST, LinkFlag.NOARP, LinkFlag.ALLMULTI, LinkFlag.PROMISC, LinkFlag.MASTER, LinkFlag.SLAVE,
            LinkFlag.DEBUG, LinkFlag.DYNAMIC, LinkFlag.AUTOMEDIA, LinkFlag.PORTSEL, LinkFlag.NOTRAILERS, LinkFlag.UP,
            LinkFlag.LOWER_UP, LinkFlag.DORMANT, LinkFlag.ECHO);

    /**
     * One line in ip's words: {@code 3: veth0@if2 <BROADCAST,MULTICAST> mtu 1500 state DOWN mode DEFAULT
     * link/ether 96:61:…}; attributes not decoded are in {@link #unknown()}, never printed.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append(index).append(": ").append(name);
        parentIndex.ifPresent(p -> sb.append("@if").append(p));
        java.util.StringJoiner f = new java.util.StringJoiner(",", "<", ">");
        if (flags.contains(LinkFlag.UP) && !flags.contains(LinkFlag.RUNNING)) f.add("NO-CARRIER");
        for (LinkFlag x : FLAG_ORDER) if (flags.contains(x)) f.add(x.name());
        sb.append(": ").append(f).append(" mtu ").append(mtu);
        qdisc.ifPresent(q -> sb.append(" qdisc ").append(q));
        masterIndex.ifPresent(m -> sb.append(" master if").append(m));
        sb.append(" state ").append(operState).append(" mode ").append(linkMode);
        txQueueLength.ifPresent(q -> sb.append(" qlen ").append(q));
        sb.append(" link/").append(typeName());
        address.ifPresent(a -> sb.append(' ').append(a));
        broadcast.ifPresent(b -> sb.append(" brd ").append(b));
        linkNetnsId.ifPresent(n -> sb.append(" link-netnsid ").append(n));
        kind.ifPresent(k -> sb.append(" kind ").append(k));
        alias.ifPresent(a -> sb.append(" alias ").append(a));
        return sb.toString();
    }
}
