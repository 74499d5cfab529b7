package io.github.netlink4j;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.Nlmsg;
import io.github.netlink4j.internal.wire.uapi.Netlink;
import io.github.netlink4j.internal.wire.uapi.Neighbour;
import io.github.netlink4j.internal.wire.uapi.Rtnetlink;

import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.util.Optional;

/** RTM_*NEIGH messages (struct ndmsg + NDA_* attributes). */
final class NeighbourCodec {
    private NeighbourCodec() {}

    static final int NDMSG = 12;

    static io.github.netlink4j.Neighbour decode(MemorySegment s, long off, int len) throws ProtocolException {
        Attrs a = Attrs.ofMessage(s, off, len, NDMSG, "RTM_NEWNEIGH", "ndmsg");
        long h = off + Nlmsg.HDRLEN;
        int family = a.u8At(h);
        int index = a.s32At(h + 4);
        int state = a.u16At(h + 8);
        int flags = a.u8At(h + 10);
        Optional<InetAddress> dst = Optional.empty();
        Optional<MacAddress> ll = Optional.empty();
        while (a.next()) {
            if (a.type() == Neighbour.NDA_DST && (a.payloadLength() == 4 || a.payloadLength() == 16)) dst = Optional.of(Inet.decode(a));
            else if (a.type() == Neighbour.NDA_LLADDR) ll = LinkCodec.mac(a);
        }
        return new io.github.netlink4j.Neighbour(family, index, dst, ll, NeighbourState.of(state), state, flags);
    }

    /** With strict checking the kernel wants ndm_ifindex 0 in a dump and the link as NDA_IFINDEX. */
    static void encodeDump(MessageWriter w, int family, int index) {
        int m = w.beginMessage(Rtnetlink.RTM_GETNEIGH, Netlink.NLM_F_REQUEST | Netlink.NLM_F_DUMP);
        w.ndmsg(family, 0, 0, 0, 0);
        if (index > 0) w.attrU32(Neighbour.NDA_IFINDEX, index);
        w.endMessage(m);
    }

    static void encode(MessageWriter w, int type, int nlFlags, NeighbourSpec n, int index) {
        int m = w.beginMessage(type, nlFlags);
        w.ndmsg(Inet.family(n.address()), index, n.state().bit(), 0, 0);
        w.attrInet(Neighbour.NDA_DST, n.address());
        if (n.lladdr().isPresent()) w.attrBytes(Neighbour.NDA_LLADDR, n.lladdr().get().bytes());
        w.endMessage(m);
    }

    static final int ADD = Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK | Netlink.NLM_F_CREATE | Netlink.NLM_F_EXCL;
    static final int REPLACE = Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK | Netlink.NLM_F_CREATE | Netlink.NLM_F_REPLACE;
    static final int DELETE = Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK;
}
