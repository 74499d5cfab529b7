package io.github.netlink4j.internal.codec.kind;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.AttrTable;
import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.uapi.IfLink;
import io.github.netlink4j.link.IpvlanMode;
import io.github.netlink4j.link.LinkData;
import io.github.netlink4j.link.LinkSpec;

import java.util.Optional;
import java.util.function.ToIntFunction;

/** ipvlan on a parent link (IFLA_LINK): IFLA_IPVLAN_MODE, and IFLA_IPVLAN_FLAGS 0 as ip writes it. */
final class IpvlanKind extends LinkKind<LinkSpec.Ipvlan> {
    IpvlanKind() {
        super("ipvlan", LinkSpec.Ipvlan.class, LinkData.Ipvlan.class);
    }

    @Override
    public AttrTable dataNames() {
        return AttrTable.of(IfLink.class, "IFLA_IPVLAN_");
    }

    @Override
    protected String parent(LinkSpec.Ipvlan v) {
        return v.parent();
    }

    @Override
    protected void encodeData(MessageWriter w, LinkSpec.Ipvlan v, ToIntFunction<String> resolve) {
        int data = w.beginNest(IfLink.IFLA_INFO_DATA);
        w.attrU16(IfLink.IFLA_IPVLAN_MODE, v.mode().value());
        w.attrU16(IfLink.IFLA_IPVLAN_FLAGS, 0);
        w.endNest(data);
    }

    @Override
    protected LinkData decodeData(Attrs d) throws ProtocolException {
        if (d == null) return raw(null);
        Optional<IpvlanMode> mode = Optional.empty();
        while (d.next()) if (d.type() == IfLink.IFLA_IPVLAN_MODE) mode = Optional.of(known(IpvlanMode::of, d.u16(), "IFLA_IPVLAN_MODE"));
        return new LinkData.Ipvlan(mode);
    }
}
