package io.github.netlink4j.internal.codec.kind;

import io.github.netlink4j.internal.wire.AttrTable;
import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.uapi.IfLink;
import io.github.netlink4j.internal.wire.uapi.Veth;
import io.github.netlink4j.link.LinkData;
import io.github.netlink4j.link.LinkSpec;

import java.util.function.ToIntFunction;

/**
 * veth: IFLA_INFO_DATA › VETH_INFO_PEER carries the peer as a small link message of its own (an
 * ifinfomsg, its IFLA_IFNAME and, to create it in another namespace, IFLA_NET_NS_FD). The kernel
 * reports no data back: the peer is the link's IFLA_LINK.
 */
final class VethKind extends LinkKind<LinkSpec.Veth> {
    /** struct ifinfomsg before the peer's attributes. */
    private static final int IFINFOMSG = 16;

    VethKind() {
        super("veth", LinkSpec.Veth.class, LinkData.Veth.class);
    }

    @Override
    public AttrTable dataNames() {
        return AttrTable.of(Veth.class, "VETH_INFO_").nestMessage(Veth.VETH_INFO_PEER, IFINFOMSG);
    }

    @Override
    protected void encodeData(MessageWriter w, LinkSpec.Veth v, ToIntFunction<String> resolve) {
        int data = w.beginNest(IfLink.IFLA_INFO_DATA);
        int peer = w.beginNest(Veth.VETH_INFO_PEER);
        w.ifinfomsg(0, 0, 0, 0, 0);
        w.attrString(IfLink.IFLA_IFNAME, v.peerName());
        if (v.peerNamespace().isPresent()) w.attrU32(IfLink.IFLA_NET_NS_FD, v.peerNamespace().get().fd());
        w.endNest(peer);
        w.endNest(data);
    }

    @Override
    protected LinkData decodeData(Attrs d) {
        return new LinkData.Veth();
    }
}
