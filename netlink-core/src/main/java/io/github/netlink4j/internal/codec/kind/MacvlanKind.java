package io.github.netlink4j.internal.codec.kind;

import io.github.netlink4j.common.MacAddress;
import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.AttrTable;
import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.internal.wire.LinkLayer;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.uapi.IfLink;
import io.github.netlink4j.link.LinkData;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.link.MacvlanMode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.ToIntFunction;

/**
 * macvlan and macvtap on a parent link (IFLA_LINK): one spec ({@link LinkSpec.Macvlan}, {@code tap}
 * telling them apart), one data record and the same {@code IFLA_MACVLAN_*} attributes, so macvtap's
 * descriptor ({@link MacvtapKind}) is this class under the other name.
 */
class MacvlanKind extends LinkKind<LinkSpec.Macvlan> {
    MacvlanKind() {
        this("macvlan");
    }

    MacvlanKind(String kind) {
        super(kind, LinkSpec.Macvlan.class, LinkData.Macvlan.class);
    }

    @Override
    public AttrTable dataNames() {
        return AttrTable.of(IfLink.class, "IFLA_MACVLAN_");
    }

    @Override
    protected String parent(LinkSpec.Macvlan m) {
        return m.parent();
    }

    @Override
    protected void encodeData(MessageWriter w, LinkSpec.Macvlan m, ToIntFunction<String> resolve) {
        int data = w.beginNest(IfLink.IFLA_INFO_DATA);
        w.attrU32(IfLink.IFLA_MACVLAN_MODE, m.mode().value());
        w.endNest(data);
    }

    @Override
    protected LinkData decodeData(Attrs d) throws ProtocolException {
        if (d == null) return raw(null);
        Optional<MacvlanMode> mode = Optional.empty();
        int flags = 0;
        OptionalInt bcLen = OptionalInt.empty(), bcUsed = OptionalInt.empty();
        List<MacAddress> sources = new ArrayList<>();
        while (d.next()) {
            switch (d.type()) {
                case IfLink.IFLA_MACVLAN_MODE -> mode = Optional.of(known(MacvlanMode::of, d.u32(), "IFLA_MACVLAN_MODE"));
                case IfLink.IFLA_MACVLAN_FLAGS -> flags = d.u16();
                case IfLink.IFLA_MACVLAN_BC_QUEUE_LEN -> bcLen = OptionalInt.of(d.u32());
                case IfLink.IFLA_MACVLAN_BC_QUEUE_LEN_USED -> bcUsed = OptionalInt.of(d.u32());
                case IfLink.IFLA_MACVLAN_MACADDR_DATA -> {
                    Attrs list = d.nestedAttrs("IFLA_MACVLAN_MACADDR_DATA");
                    while (list.next()) if (list.type() == IfLink.IFLA_MACVLAN_MACADDR) LinkLayer.address(list).ifPresent(sources::add);
                }
                default -> { }
            }
        }
        return new LinkData.Macvlan(mode, flags, bcLen, bcUsed, sources);
    }
}
