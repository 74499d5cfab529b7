package io.github.netlink4j.internal.codec.kind;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.AttrTable;
import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.uapi.IfLink;
import io.github.netlink4j.link.BondMode;
import io.github.netlink4j.link.LinkData;
import io.github.netlink4j.link.LinkSpec;

import java.util.function.ToIntFunction;

/** bond: IFLA_BOND_MODE; its ports' IFLA_INFO_SLAVE_DATA stays raw. */
final class BondKind extends LinkKind<LinkSpec.Bond> {
    BondKind() {
        super("bond", LinkSpec.Bond.class, LinkData.Bond.class);
    }

    @Override
    public AttrTable dataNames() {
        return AttrTable.of(IfLink.class, "IFLA_BOND_");
    }

    @Override
    protected void encodeData(MessageWriter w, LinkSpec.Bond b, ToIntFunction<String> resolve) {
        int data = w.beginNest(IfLink.IFLA_INFO_DATA);
        w.attrU8(IfLink.IFLA_BOND_MODE, b.mode().value());
        w.endNest(data);
    }

    @Override
    protected LinkData decodeData(Attrs d) throws ProtocolException {
        if (d == null) return raw(null);
        int mode = 0;
        while (d.next()) if (d.type() == IfLink.IFLA_BOND_MODE) mode = d.u8();
        return new LinkData.Bond(known(BondMode::of, mode, "IFLA_BOND_MODE"));
    }
}
