package io.github.netlink4j.internal.codec;

import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.link.VlanProtocol;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.uapi.IfLink;
import io.github.netlink4j.internal.wire.uapi.Veth;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.function.ToIntFunction;

/** The kind-specific part of a link creation: IFLA_INFO_DATA of the kinds that have one (iproute2's link_*.c parsers). */
final class LinkKindCodec {
    private LinkKindCodec() {}

    /** IFLA_INFO_DATA of the kinds that have one. */
    static void encodeKindData(MessageWriter w, LinkSpec spec, ToIntFunction<String> resolve) {
        switch (spec) {
            case LinkSpec.Veth v -> {
                int data = w.beginNest(IfLink.IFLA_INFO_DATA);
                int peer = w.beginNest(Veth.VETH_INFO_PEER);
                w.ifinfomsg(0, 0, 0, 0, 0);
                w.attrString(IfLink.IFLA_IFNAME, v.peerName());
                if (v.peerNamespace().isPresent()) w.attrU32(IfLink.IFLA_NET_NS_FD, v.peerNamespace().get().fd());
                w.endNest(peer);
                w.endNest(data);
            }
            case LinkSpec.Macvlan mv -> {
                int data = w.beginNest(IfLink.IFLA_INFO_DATA);
                w.attrU32(IfLink.IFLA_MACVLAN_MODE, mv.mode().value());
                w.endNest(data);
            }
            case LinkSpec.Vlan v -> {
                int data = w.beginNest(IfLink.IFLA_INFO_DATA);
                w.attrU16(IfLink.IFLA_VLAN_ID, v.id());
                if (v.protocol() != VlanProtocol.IEEE_8021Q) w.attrU16Be(IfLink.IFLA_VLAN_PROTOCOL, v.protocol().value());
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
                w.attrU8(IfLink.IFLA_BOND_MODE, b.mode().value());
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

}
