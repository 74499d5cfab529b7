package io.github.netlink4j.internal.codec.kind;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.AttrTable;
import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.uapi.IfLink;
import io.github.netlink4j.link.LinkData;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.link.VlanProtocol;

import java.util.function.ToIntFunction;

/** 802.1Q/802.1ad VLAN on a parent link (IFLA_LINK): IFLA_VLAN_ID and IFLA_VLAN_PROTOCOL, as iproute2's link_vlan.c writes them. */
final class VlanKind extends LinkKind<LinkSpec.Vlan> {
    VlanKind() {
        super("vlan", LinkSpec.Vlan.class, LinkData.Vlan.class);
    }

    @Override
    public AttrTable dataNames() {
        return AttrTable.of(IfLink.class, "IFLA_VLAN_");
    }

    @Override
    protected String parent(LinkSpec.Vlan v) {
        return v.parent();
    }

    @Override
    protected void encodeData(MessageWriter w, LinkSpec.Vlan v, ToIntFunction<String> resolve) {
        int data = w.beginNest(IfLink.IFLA_INFO_DATA);
        w.attrU16(IfLink.IFLA_VLAN_ID, v.id());
        if (v.protocol() != VlanProtocol.IEEE_8021Q) w.attrU16Be(IfLink.IFLA_VLAN_PROTOCOL, v.protocol().value());
        w.endNest(data);
    }

    @Override
    protected LinkData decodeData(Attrs d) throws ProtocolException {
        if (d == null) return raw(null);
        int id = 0, proto = 0x8100;
        while (d.next()) {
            if (d.type() == IfLink.IFLA_VLAN_ID) id = d.u16();
            else if (d.type() == IfLink.IFLA_VLAN_PROTOCOL) proto = d.u16be();
        }
        return new LinkData.Vlan(id, protocol(proto));
    }

    /** IFLA_VLAN_PROTOCOL, and a bridge's IFLA_BR_VLAN_PROTOCOL, which holds the same ethertypes. */
    static VlanProtocol protocol(int v) throws ProtocolException {
        return known(VlanProtocol::of, v, "IFLA_VLAN_PROTOCOL");
    }
}
