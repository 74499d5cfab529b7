package io.github.netlink4j.internal.codec;

import io.github.netlink4j.IpvlanMode;
import io.github.netlink4j.LinkData;
import io.github.netlink4j.MacvlanMode;
import io.github.netlink4j.RawAttribute;
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
                OptionalInt stp = OptionalInt.empty(), fwd = OptionalInt.empty();
                Optional<Boolean> vf = Optional.empty();
                while (d.next()) {
                    switch (d.type()) {
                        case IfLink.IFLA_BR_STP_STATE -> stp = OptionalInt.of(d.u32());
                        case IfLink.IFLA_BR_FORWARD_DELAY -> fwd = OptionalInt.of(d.u32());
                        case IfLink.IFLA_BR_VLAN_FILTERING -> vf = Optional.of(d.u8() != 0);
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
                return new LinkData.Vlan(id, Enums.vlanProtocol(proto));
            }
            case "macvlan", "macvtap" -> {
                Optional<MacvlanMode> mode = Optional.empty();
                while (d.next()) if (d.type() == IfLink.IFLA_MACVLAN_MODE) mode = Optional.of(Enums.macvlanMode(d.u32()));
                return new LinkData.Macvlan(mode);
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
                int vni = 0;
                boolean learning = false;
                OptionalInt port = OptionalInt.empty(), under = OptionalInt.empty(), ttl = OptionalInt.empty();
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
                        default -> { }
                    }
                }
                return new LinkData.Vxlan(vni, port, group, local, under, ttl, learning);
            }
            default -> {
                List<RawAttribute> raw = new ArrayList<>();
                while (d.next()) raw.add(RawAttribute.of(d.type(), d.bytes()));
                return new LinkData.Other(raw);
            }
        }
    }
}
