package io.github.netlink4j;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.Nlmsg;
import io.github.netlink4j.internal.wire.uapi.If;
import io.github.netlink4j.internal.wire.uapi.IfLink;
import io.github.netlink4j.internal.wire.uapi.Netlink;
import io.github.netlink4j.internal.wire.uapi.Rtnetlink;
import io.github.netlink4j.internal.wire.uapi.Veth;

import java.lang.foreign.MemorySegment;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.ToIntFunction;

/** RTM_*LINK messages: {@link Link} decoded from the kernel's bytes, and requests encoded from specs. */
final class LinkCodec {
    private LinkCodec() {}

    static final int IFINFOMSG = 16;
    static final int CREATE_FLAGS = Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK | Netlink.NLM_F_EXCL | Netlink.NLM_F_CREATE;

    /** Decodes the RTM_NEWLINK at {@code off}. */
    static Link decode(MemorySegment s, long off, int len) throws ProtocolException {
        Attrs a = Attrs.ofMessage(s, off, len, IFINFOMSG, "RTM_NEWLINK", "ifinfomsg");
        long h = off + Nlmsg.HDRLEN;
        int type = a.u16At(h + 2);
        int index = a.s32At(h + 4);
        int flags = a.s32At(h + 8);
        String name = null;
        int operstate = 0, mtu = 0, group = 0;
        OptionalInt minMtu = OptionalInt.empty(), maxMtu = OptionalInt.empty(), txqlen = OptionalInt.empty();
        OptionalInt master = OptionalInt.empty(), parent = OptionalInt.empty(), netnsid = OptionalInt.empty();
        Optional<MacAddress> addr = Optional.empty(), brd = Optional.empty();
        Optional<String> qdisc = Optional.empty(), alias = Optional.empty(), kind = Optional.empty();
        Optional<LinkData> data = Optional.empty();
        Optional<LinkStats> stats = Optional.empty();
        boolean undecoded = false;
        while (a.next()) {
            switch (a.type()) {
                case IfLink.IFLA_IFNAME -> name = a.string();
                case IfLink.IFLA_MTU -> mtu = a.u32();
                case IfLink.IFLA_MIN_MTU -> minMtu = OptionalInt.of(a.u32());
                case IfLink.IFLA_MAX_MTU -> maxMtu = OptionalInt.of(a.u32());
                case IfLink.IFLA_OPERSTATE -> operstate = a.u8();
                case IfLink.IFLA_TXQLEN -> txqlen = OptionalInt.of(a.u32());
                case IfLink.IFLA_GROUP -> group = a.u32();
                case IfLink.IFLA_MASTER -> master = OptionalInt.of(a.u32());
                case IfLink.IFLA_LINK -> parent = OptionalInt.of(a.u32());
                case IfLink.IFLA_LINK_NETNSID -> netnsid = OptionalInt.of(a.u32());
                case IfLink.IFLA_ADDRESS -> addr = mac(a);
                case IfLink.IFLA_BROADCAST -> brd = mac(a);
                case IfLink.IFLA_QDISC -> qdisc = Optional.of(a.string());
                case IfLink.IFLA_IFALIAS -> alias = Optional.of(a.string());
                case IfLink.IFLA_STATS64 -> stats = Optional.of(stats64(a));
                case IfLink.IFLA_LINKINFO -> {
                    Attrs info = a.nestedAttrs("IFLA_LINKINFO");
                    String k = null;
                    Attrs kindData = null;
                    while (info.next()) {
                        if (info.type() == IfLink.IFLA_INFO_KIND) k = info.string();
                        else if (info.type() == IfLink.IFLA_INFO_DATA) kindData = info.nestedAttrs("IFLA_INFO_DATA");
                    }
                    kind = Optional.ofNullable(k);
                    if (k != null) data = Optional.of(kindData(k, kindData));
                }
                default -> undecoded = true;
            }
        }
        if (name == null) throw new ProtocolException("RTM_NEWLINK for index " + index + " has no IFLA_IFNAME");
        return new Link(index, name, type, flags, LinkFlag.of(flags), OperState.of(operstate), mtu, minMtu, maxMtu,
                addr, brd, qdisc, txqlen, group, master, parent, netnsid, alias, kind, data, stats,
                undecoded ? new UndecodedAttributes(a.bytesOfRange(h + IFINFOMSG, off + len), LinkCodec::decodesAttribute) : List.of());
    }

    /** The IFLA_* types {@link #decode} turns into fields (the rest stay in {@link Link#unknown()}). */
    static boolean decodesAttribute(int type) {
        return switch (type) {
            case IfLink.IFLA_IFNAME, IfLink.IFLA_MTU, IfLink.IFLA_MIN_MTU, IfLink.IFLA_MAX_MTU, IfLink.IFLA_OPERSTATE,
                 IfLink.IFLA_TXQLEN, IfLink.IFLA_GROUP, IfLink.IFLA_MASTER, IfLink.IFLA_LINK, IfLink.IFLA_LINK_NETNSID,
                 IfLink.IFLA_ADDRESS, IfLink.IFLA_BROADCAST, IfLink.IFLA_QDISC, IfLink.IFLA_IFALIAS, IfLink.IFLA_STATS64,
                 IfLink.IFLA_LINKINFO -> true;
            default -> false;
        };
    }

    /** A link-layer address attribute; the kernel's MAX_ADDR_LEN is 32. */
    static Optional<MacAddress> mac(Attrs a) throws ProtocolException {
        if (a.payloadLength() == 0) return Optional.empty();
        if (a.payloadLength() > 32) throw new ProtocolException("link-layer address of " + a.payloadLength() + " bytes (attribute " + a.type() + ")");
        return Optional.of(MacAddress.of(a.bytes()));
    }

    private static LinkStats stats64(Attrs a) throws ProtocolException {
        if (a.payloadLength() < 80) throw new ProtocolException("IFLA_STATS64 of " + a.payloadLength() + " bytes, need 80");
        long p = a.payloadOffset();
        long[] v = new long[10];
        for (int i = 0; i < 10; i++) v[i] = a.u64At(p + 8L * i);
        return new LinkStats(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9]);
    }

    private static LinkData kindData(String kind, Attrs d) throws ProtocolException {
        if (d == null) {
            return switch (kind) {
                case "veth" -> new LinkData.Veth();
                default -> new LinkData.Other(List.of());
            };
        }
        switch (kind) {
            case "veth" -> {
                return new LinkData.Veth();
            }
            case "bridge" -> {
                OptionalInt stp = OptionalInt.empty(), fwd = OptionalInt.empty(), vf = OptionalInt.empty();
                while (d.next()) {
                    switch (d.type()) {
                        case IfLink.IFLA_BR_STP_STATE -> stp = OptionalInt.of(d.u32());
                        case IfLink.IFLA_BR_FORWARD_DELAY -> fwd = OptionalInt.of(d.u32());
                        case IfLink.IFLA_BR_VLAN_FILTERING -> vf = OptionalInt.of(d.u8());
                        default -> { }
                    }
                }
                return new LinkData.Bridge(stp, fwd, vf);
            }
            case "vlan" -> {
                int id = 0, proto = 0x8100;
                while (d.next()) {
                    if (d.type() == IfLink.IFLA_VLAN_ID) id = d.u16();
                    else if (d.type() == IfLink.IFLA_VLAN_PROTOCOL) proto = d.u16be();
                }
                return new LinkData.Vlan(id, proto);
            }
            case "macvlan", "macvtap" -> {
                MacvlanMode mode = null;
                while (d.next()) if (d.type() == IfLink.IFLA_MACVLAN_MODE) mode = MacvlanMode.of(d.u32());
                return new LinkData.Macvlan(mode);
            }
            case "ipvlan" -> {
                IpvlanMode mode = null;
                while (d.next()) if (d.type() == IfLink.IFLA_IPVLAN_MODE) mode = IpvlanMode.of(d.u16());
                return new LinkData.Ipvlan(mode);
            }
            case "bond" -> {
                int mode = 0;
                while (d.next()) if (d.type() == IfLink.IFLA_BOND_MODE) mode = d.u8();
                return new LinkData.Bond(mode);
            }
            case "vxlan" -> {
                int vni = 0;
                boolean learning = false;
                OptionalInt port = OptionalInt.empty(), under = OptionalInt.empty(), ttl = OptionalInt.empty();
                Optional<InetAddress> group = Optional.empty(), local = Optional.empty();
                while (d.next()) {
                    switch (d.type()) {
                        case IfLink.IFLA_VXLAN_ID -> vni = d.u32();
                        case IfLink.IFLA_VXLAN_PORT -> port = OptionalInt.of(d.u16be());
                        case IfLink.IFLA_VXLAN_GROUP, IfLink.IFLA_VXLAN_GROUP6 -> group = Inet.decodeOpt(d);
                        case IfLink.IFLA_VXLAN_LOCAL, IfLink.IFLA_VXLAN_LOCAL6 -> local = Inet.decodeOpt(d);
                        case IfLink.IFLA_VXLAN_LINK -> under = OptionalInt.of(d.u32());
                        case IfLink.IFLA_VXLAN_TTL -> ttl = OptionalInt.of(d.u8());
                        case IfLink.IFLA_VXLAN_LEARNING -> learning = d.u8() != 0;
                        default -> { }
                    }
                }
                return new LinkData.Vxlan(vni, port, group, local, under, ttl, learning);
            }
            default -> {
                List<RawAttribute> raw = new ArrayList<>();
                while (d.next()) raw.add(RawAttribute.owning(d.type(), d.bytes()));
                return new LinkData.Other(raw);
            }
        }
    }

    /** RTM_GETLINK dump: every link, stats skipped unless asked, VF info never (RTEXT_FILTER_VF off). */
    static void encodeDump(MessageWriter w, boolean stats) {
        int m = w.beginMessage(Rtnetlink.RTM_GETLINK, Netlink.NLM_F_REQUEST | Netlink.NLM_F_DUMP);
        w.ifinfomsg(0, 0, 0, 0, 0);
        if (!stats) w.attrU32(IfLink.IFLA_EXT_MASK, Rtnetlink.RTEXT_FILTER_SKIP_STATS);
        w.endMessage(m);
    }

    /** RTM_GETLINK for one link by index (if > 0) or name. */
    static void encodeGet(MessageWriter w, int index, String name) {
        // No NLM_F_ACK: the reply (or the error) is the answer, as iproute2 asks; see NetlinkSocket.get.
        int m = w.beginMessage(Rtnetlink.RTM_GETLINK, Netlink.NLM_F_REQUEST);
        w.ifinfomsg(0, 0, Math.max(index, 0), 0, 0);
        if (index <= 0) w.attrString(IfLink.IFLA_IFNAME, name);
        w.attrU32(IfLink.IFLA_EXT_MASK, Rtnetlink.RTEXT_FILTER_SKIP_STATS);
        w.endMessage(m);
    }

    /** RTM_DELLINK by index, as {@code ip link del} sends it. */
    static void encodeDelete(MessageWriter w, int index) {
        int m = w.beginMessage(Rtnetlink.RTM_DELLINK, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK);
        w.ifinfomsg(0, 0, index, 0, 0);
        w.endMessage(m);
    }

    /**
     * RTM_NEWLINK creating {@code spec}, attributes in iproute2's order: options, IFLA_LINK, IFLA_IFNAME,
     * IFLA_LINKINFO. {@code resolve} maps link names (parents, master) to indexes; {@code echo} adds
     * NLM_F_ECHO so the kernel returns the new link.
     */
    static void encodeCreate(MessageWriter w, LinkSpec spec, ToIntFunction<String> resolve, boolean echo) {
        int flags = CREATE_FLAGS | (echo ? Netlink.NLM_F_ECHO : 0);
        int m = w.beginMessage(Rtnetlink.RTM_NEWLINK, flags);
        LinkOptions o = spec.options();
        if (o == LinkOptions.DEFAULTS) {
            w.ifinfomsg(0, 0, 0, 0, 0); // most specs: no attribute to look for (five optionals)
        } else {
            int up = o.up() ? If.IFF_UP : 0;
            w.ifinfomsg(0, 0, 0, up, up);
            encodeOptions(w, o, resolve);
        }
        // The names were packed and the kind encoded when the spec was made (LinkSpecBase).
        LinkSpecBase base = (LinkSpecBase) spec;
        String parent = base.parentName();
        if (parent != null) w.attrU32(IfLink.IFLA_LINK, resolve.applyAsInt(parent));
        w.attrShortString(IfLink.IFLA_IFNAME, base.nameLo, base.nameHi, base.nameLength);
        int info = w.beginNest(IfLink.IFLA_LINKINFO);
        w.attrChars(IfLink.IFLA_INFO_KIND, base.encodedKind);
        if (spec instanceof LinkSpec.Veth v) vethData(w, v);
        else encodeKindData(w, spec, resolve);
        w.endNest(info);
        w.endMessage(m);
    }

    // Apart from encodeCreate, which stays under 325 bytes of bytecode, the JIT's limit for inlining a hot
    // method (it had grown to 327).

    private static void vethData(MessageWriter w, LinkSpec.Veth v) {
        int data = w.beginNest(IfLink.IFLA_INFO_DATA);
        int peer = w.beginNest(Veth.VETH_INFO_PEER);
        w.ifinfomsg(0, 0, 0, 0, 0);
        w.attrShortString(IfLink.IFLA_IFNAME, v.peerLo, v.peerHi, v.peerLength);
        if (v.peerNamespace().isPresent()) w.attrU32(IfLink.IFLA_NET_NS_FD, v.peerNamespace().get().fd());
        w.endNest(peer);
        w.endNest(data);
    }

    /** IFLA_INFO_DATA for the kinds other than veth (which {@link #encodeCreate} writes inline). */
    private static void encodeKindData(MessageWriter w, LinkSpec spec, ToIntFunction<String> resolve) {
        switch (spec) {
            case LinkSpec.Veth v -> throw new AssertionError("encoded inline");
            case LinkSpec.Macvlan mv -> {
                int data = w.beginNest(IfLink.IFLA_INFO_DATA);
                w.attrU32(IfLink.IFLA_MACVLAN_MODE, mv.mode().value());
                w.endNest(data);
            }
            case LinkSpec.Vlan v -> {
                int data = w.beginNest(IfLink.IFLA_INFO_DATA);
                w.attrU16(IfLink.IFLA_VLAN_ID, v.id());
                if (v.protocol() != LinkSpec.Vlan.PROTOCOL_8021Q) w.attrU16Be(IfLink.IFLA_VLAN_PROTOCOL, v.protocol());
                w.endNest(data);
            }
            case LinkSpec.Ipvlan iv -> {
                int data = w.beginNest(IfLink.IFLA_INFO_DATA);
                w.attrU16(IfLink.IFLA_IPVLAN_MODE, iv.mode().value());
                w.attrU16(IfLink.IFLA_IPVLAN_FLAGS, 0);
                w.endNest(data);
            }
            case LinkSpec.Bond b -> {
                int data = w.beginNest(IfLink.IFLA_INFO_DATA);
                w.attrU8(IfLink.IFLA_BOND_MODE, b.mode());
                w.endNest(data);
            }
            case LinkSpec.Vxlan x -> {
                int data = w.beginNest(IfLink.IFLA_INFO_DATA);
                if (x.underlay().isPresent()) w.attrU32(IfLink.IFLA_VXLAN_LINK, resolve.applyAsInt(x.underlay().get()));
                w.attrU32(IfLink.IFLA_VXLAN_ID, x.vni());
                if (x.local().isPresent()) {
                    InetAddress l = x.local().get();
                    w.attrInet(l instanceof Inet6Address ? IfLink.IFLA_VXLAN_LOCAL6 : IfLink.IFLA_VXLAN_LOCAL, l);
                }
                if (x.remote().isPresent()) {
                    InetAddress r = x.remote().get();
                    w.attrInet(r instanceof Inet6Address ? IfLink.IFLA_VXLAN_GROUP6 : IfLink.IFLA_VXLAN_GROUP, r);
                }
                w.attrU8(IfLink.IFLA_VXLAN_LEARNING, 1);
                if (x.port().isPresent()) w.attrU16Be(IfLink.IFLA_VXLAN_PORT, x.port().getAsInt());
                w.endNest(data);
            }
            case LinkSpec.Bridge b -> { }
            case LinkSpec.Ifb b -> { }
            case LinkSpec.Dummy d -> { }
            case LinkSpec.Generic g -> { }
        }
    }

    private static void encodeOptions(MessageWriter w, LinkOptions o, ToIntFunction<String> resolve) {
        if (o.mtu().isPresent()) w.attrU32(IfLink.IFLA_MTU, o.mtu().getAsInt());
        if (o.address().isPresent()) w.attrBytes(IfLink.IFLA_ADDRESS, o.address().get().bytes());
        if (o.txQueueLength().isPresent()) w.attrU32(IfLink.IFLA_TXQLEN, o.txQueueLength().getAsInt());
        if (o.alias().isPresent()) w.attrString(IfLink.IFLA_IFALIAS, o.alias().get());
        if (o.master().isPresent()) w.attrU32(IfLink.IFLA_MASTER, resolve.applyAsInt(o.master().get()));
    }

    /** RTM_NEWLINK changing link {@code index}: ifi_flags/ifi_change plus whatever {@code attrs} writes. */
    static void encodeChange(MessageWriter w, int index, int flags, int change, java.util.function.Consumer<MessageWriter> attrs) {
        int m = w.beginMessage(Rtnetlink.RTM_NEWLINK, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK);
        w.ifinfomsg(0, 0, index, flags, change);
        if (attrs != null) attrs.accept(w);
        w.endMessage(m);
    }
}
