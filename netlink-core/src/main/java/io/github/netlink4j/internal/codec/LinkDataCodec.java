package io.github.netlink4j.internal.codec;

import io.github.netlink4j.link.IpvlanMode;
import io.github.netlink4j.link.LinkData;
import io.github.netlink4j.common.MacAddress;
import io.github.netlink4j.link.MacvlanMode;
import io.github.netlink4j.common.RawAttribute;
import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.internal.wire.uapi.IfLink;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** IFLA_LINKINFO › IFLA_INFO_DATA of the kinds the library decodes, as {@link LinkData}. */
final class LinkDataCodec {
    private LinkDataCodec() {}

    /** What IFLA_INFO_DATA ({@code d}, null if absent) says for a link of {@code kind}. */
    static LinkData decode(String kind, Attrs d) throws ProtocolException {
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
                return BridgeDataCodec.bridge(d);
            }
            case "vlan" -> {
                int id = 0, proto = 0x8100;
                while (d.next()) {
                    if (d.type() == IfLink.IFLA_VLAN_ID) id = d.u16();
                    else if (d.type() == IfLink.IFLA_VLAN_PROTOCOL) proto = d.u16be();
                }
                return new LinkData.Vlan(id, Enums.vlanProtocol(proto));
            }
            case "macvlan", "macvtap" -> {
                Optional<MacvlanMode> mode = Optional.empty();
                int flags = 0;
                OptionalInt bcLen = OptionalInt.empty(), bcUsed = OptionalInt.empty();
                List<MacAddress> sources = new ArrayList<>();
                while (d.next()) {
                    switch (d.type()) {
                        case IfLink.IFLA_MACVLAN_MODE -> mode = Optional.of(Enums.macvlanMode(d.u32()));
                        case IfLink.IFLA_MACVLAN_FLAGS -> flags = d.u16();
                        case IfLink.IFLA_MACVLAN_BC_QUEUE_LEN -> bcLen = OptionalInt.of(d.u32());
                        case IfLink.IFLA_MACVLAN_BC_QUEUE_LEN_USED -> bcUsed = OptionalInt.of(d.u32());
                        case IfLink.IFLA_MACVLAN_MACADDR_DATA -> {
                            Attrs list = d.nestedAttrs("IFLA_MACVLAN_MACADDR_DATA");
                            while (list.next()) if (list.type() == IfLink.IFLA_MACVLAN_MACADDR) LinkCodec.mac(list).ifPresent(sources::add);
                        }
                        default -> { }
                    }
                }
                return new LinkData.Macvlan(mode, flags, bcLen, bcUsed, sources);
            }
            case "ipvlan" -> {
                Optional<IpvlanMode> mode = Optional.empty();
                while (d.next()) if (d.type() == IfLink.IFLA_IPVLAN_MODE) mode = Optional.of(Enums.ipvlanMode(d.u16()));
                return new LinkData.Ipvlan(mode);
            }
            case "bond" -> {
                int mode = 0;
                while (d.next()) if (d.type() == IfLink.IFLA_BOND_MODE) mode = d.u8();
                return new LinkData.Bond(Enums.bondMode(mode));
            }
            case "vxlan" -> {
                return vxlan(d);
            }
            default -> {
                List<RawAttribute> raw = new ArrayList<>();
                while (d.next()) raw.add(RawAttribute.of(d.type(), d.bytes()));
                return new LinkData.Other(raw);
            }
        }
    }

    /** What IFLA_INFO_SLAVE_DATA ({@code d}, null if absent) says for a port of a {@code kind} master. */
    static LinkData decodeSlave(String kind, Attrs d) throws ProtocolException {
        if (d == null) return new LinkData.Other(List.of());
        if (kind.equals("bridge")) return BridgeDataCodec.port(d);
        List<RawAttribute> raw = new ArrayList<>();
        while (d.next()) raw.add(RawAttribute.of(d.type(), d.bytes()));
        return new LinkData.Other(raw);
    }

    private static LinkData.Vxlan vxlan(Attrs d) throws ProtocolException {
        int vni = 0;
        boolean learning = false, external = false, vniFilter = false, proxy = false, rsc = false, l2miss = false, l3miss = false;
        boolean ttlInherit = false, remTx = false, remRx = false, gbp = false, gpe = false;
        OptionalInt port = OptionalInt.empty(), under = OptionalInt.empty(), ttl = OptionalInt.empty(), low = OptionalInt.empty();
        OptionalInt high = OptionalInt.empty(), tos = OptionalInt.empty(), df = OptionalInt.empty(), label = OptionalInt.empty();
        OptionalInt ageing = OptionalInt.empty(), limit = OptionalInt.empty();
        Optional<Boolean> csum = Optional.empty(), csum6Tx = Optional.empty(), csum6Rx = Optional.empty();
        Optional<InetAddress> group = Optional.empty(), local = Optional.empty();
        while (d.next()) {
            switch (d.type()) {
                case IfLink.IFLA_VXLAN_ID -> vni = d.u32();
                case IfLink.IFLA_VXLAN_PORT -> port = OptionalInt.of(d.u16be());
                case IfLink.IFLA_VXLAN_GROUP, IfLink.IFLA_VXLAN_GROUP6 -> group = Optional.of(Inet.decode(d));
                case IfLink.IFLA_VXLAN_LOCAL, IfLink.IFLA_VXLAN_LOCAL6 -> local = Optional.of(Inet.decode(d));
                case IfLink.IFLA_VXLAN_LINK -> under = OptionalInt.of(d.u32());
                case IfLink.IFLA_VXLAN_TTL -> ttl = OptionalInt.of(d.u8());
                case IfLink.IFLA_VXLAN_LEARNING -> learning = d.u8() != 0;
                case IfLink.IFLA_VXLAN_TOS -> tos = OptionalInt.of(d.u8());
                case IfLink.IFLA_VXLAN_AGEING -> ageing = OptionalInt.of(d.u32());
                case IfLink.IFLA_VXLAN_LIMIT -> limit = OptionalInt.of(d.u32());
                case IfLink.IFLA_VXLAN_PORT_RANGE -> { // struct ifla_vxlan_port_range { __be16 low, high; }
                    byte[] r = d.bytes();
                    if (r.length >= 4) {
                        low = OptionalInt.of((r[0] & 0xFF) << 8 | (r[1] & 0xFF));
                        high = OptionalInt.of((r[2] & 0xFF) << 8 | (r[3] & 0xFF));
                    }
                }
                case IfLink.IFLA_VXLAN_PROXY -> proxy = d.u8() != 0;
                case IfLink.IFLA_VXLAN_RSC -> rsc = d.u8() != 0;
                case IfLink.IFLA_VXLAN_L2MISS -> l2miss = d.u8() != 0;
                case IfLink.IFLA_VXLAN_L3MISS -> l3miss = d.u8() != 0;
                case IfLink.IFLA_VXLAN_UDP_CSUM -> csum = Optional.of(d.u8() != 0);
                case IfLink.IFLA_VXLAN_UDP_ZERO_CSUM6_TX -> csum6Tx = Optional.of(d.u8() != 0);
                case IfLink.IFLA_VXLAN_UDP_ZERO_CSUM6_RX -> csum6Rx = Optional.of(d.u8() != 0);
                case IfLink.IFLA_VXLAN_REMCSUM_TX -> remTx = d.u8() != 0;
                case IfLink.IFLA_VXLAN_REMCSUM_RX -> remRx = d.u8() != 0;
                case IfLink.IFLA_VXLAN_GBP -> gbp = true; // a flag attribute
                case IfLink.IFLA_VXLAN_GPE -> gpe = true;
                case IfLink.IFLA_VXLAN_COLLECT_METADATA -> external = d.u8() != 0;
                case IfLink.IFLA_VXLAN_LABEL -> { // __be32
                    byte[] l = d.bytes();
                    if (l.length >= 4) label = OptionalInt.of((l[0] & 0xFF) << 24 | (l[1] & 0xFF) << 16 | (l[2] & 0xFF) << 8 | (l[3] & 0xFF));
                }
                case IfLink.IFLA_VXLAN_TTL_INHERIT -> ttlInherit = d.payloadLength() == 0 || d.u8() != 0;
                case IfLink.IFLA_VXLAN_DF -> df = OptionalInt.of(d.u8());
                case IfLink.IFLA_VXLAN_VNIFILTER -> vniFilter = d.u8() != 0;
                default -> { }
            }
        }
        return new LinkData.Vxlan(vni, port, group, local, under, ttl, learning, external, vniFilter, low, high, proxy, rsc, l2miss,
                l3miss, tos, ttlInherit, df, label, ageing, limit, csum, csum6Tx, csum6Rx, remTx, remRx, gbp, gpe);
    }
}
