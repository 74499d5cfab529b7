package io.github.netlink4j;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.Nlmsg;
import io.github.netlink4j.internal.wire.uapi.Netlink;
import io.github.netlink4j.internal.wire.uapi.Rtnetlink;

import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.ToIntFunction;

/** RTM_*ROUTE messages (struct rtmsg + RTA_* attributes, RTA_MULTIPATH of struct rtnexthop). */
final class RouteCodec {
    private RouteCodec() {}

    static final int RTMSG = 12;

    static Route decode(MemorySegment s, long off, int len) throws ProtocolException {
        Attrs a = Attrs.ofMessage(s, off, len, RTMSG, "RTM_NEWROUTE", "rtmsg");
        long h = off + Nlmsg.HDRLEN;
        int family = a.u8At(h);
        int dstLen = a.u8At(h + 1);
        int table = a.u8At(h + 4);
        int protocol = a.u8At(h + 5);
        int scope = a.u8At(h + 6);
        int type = a.u8At(h + 7);
        int flags = a.s32At(h + 8);
        Optional<InetAddress> dst = Optional.empty(), gw = Optional.empty(), src = Optional.empty();
        OptionalInt oif = OptionalInt.empty(), prio = OptionalInt.empty(), pref = OptionalInt.empty();
        List<NextHop> hops = new ArrayList<>();
        while (a.next()) {
            switch (a.type()) {
                case Rtnetlink.RTA_DST -> dst = Optional.of(Inet.decode(a));
                case Rtnetlink.RTA_GATEWAY -> gw = Optional.of(Inet.decode(a));
                case Rtnetlink.RTA_PREFSRC -> src = Optional.of(Inet.decode(a));
                case Rtnetlink.RTA_OIF -> oif = OptionalInt.of(a.u32());
                case Rtnetlink.RTA_PRIORITY -> prio = OptionalInt.of(a.u32());
                case Rtnetlink.RTA_TABLE -> table = a.u32();
                case Rtnetlink.RTA_MULTIPATH -> multipath(a, hops);
                case Rtnetlink.RTA_PREF -> pref = OptionalInt.of(a.u8());
                default -> { }
            }
        }
        return new Route(family, dst, dstLen, table, protocol, RouteScope.of(scope), RouteType.of(type), flags, gw, oif, src, prio, hops, pref);
    }

    /** struct rtnexthop { u16 len; u8 flags; u8 hops; s32 ifindex; } followed by its attributes. */
    private static void multipath(Attrs a, List<NextHop> hops) throws ProtocolException {
        MemorySegment s = a.segment();
        long p = a.payloadOffset();
        long end = p + a.payloadLength();
        while (p < end) {
            if (end - p < 8) throw new ProtocolException("truncated rtnexthop in RTA_MULTIPATH");
            int len = a.u16At(p);
            if (len < 8 || len > end - p) throw new ProtocolException("rtnexthop length " + len + " invalid in RTA_MULTIPATH");
            int flags = a.u8At(p + 2);
            int weight = a.u8At(p + 3) + 1;
            int ifindex = a.s32At(p + 4);
            Optional<InetAddress> gw = Optional.empty();
            Attrs na = new Attrs().reset(s, p + 8, p + len, "RTA_MULTIPATH nexthop");
            while (na.next()) if (na.type() == Rtnetlink.RTA_GATEWAY) gw = Optional.of(Inet.decode(na));
            hops.add(new NextHop(gw, ifindex, Optional.empty(), weight, flags));
            p += Nlmsg.align(len);
        }
    }

    /** RTM_GETROUTE dump of {@code family} (0 for all), every table. */
    static void encodeDump(MessageWriter w, int family) {
        int m = w.beginMessage(Rtnetlink.RTM_GETROUTE, Netlink.NLM_F_REQUEST | Netlink.NLM_F_DUMP);
        w.rtmsg(family, 0, 0, 0, 0, 0, 0, 0, 0);
        w.endMessage(m);
    }

    /** RTM_NEWROUTE/RTM_DELROUTE as {@code ip route add|replace|del} builds it. */
    static void encode(MessageWriter w, int type, int nlFlags, RouteSpec r, ToIntFunction<String> resolve) {
        boolean del = type == Rtnetlink.RTM_DELROUTE;
        int table = r.table().orElse(Rtnetlink.RT_TABLE_MAIN);
        int protocol = r.protocol().orElse(del ? 0 : Rtnetlink.RTPROT_BOOT);
        int rtype = del && r.type() == RouteType.UNICAST ? r.type().value() : r.type().value();
        int scope;
        if (r.scope().isPresent()) {
            scope = r.scope().get().value();
        } else if (r.type() == RouteType.LOCAL || r.type() == RouteType.NAT) {
            scope = Rtnetlink.RT_SCOPE_HOST;
        } else if (r.type() == RouteType.BROADCAST || r.type() == RouteType.MULTICAST || r.type() == RouteType.ANYCAST) {
            scope = Rtnetlink.RT_SCOPE_LINK;
        } else if (del) {
            scope = Rtnetlink.RT_SCOPE_NOWHERE;
        } else if (r.type() == RouteType.UNICAST && r.gateway().isEmpty() && r.multipath().isEmpty()) {
            scope = Rtnetlink.RT_SCOPE_LINK;
        } else {
            scope = Rtnetlink.RT_SCOPE_UNIVERSE;
        }
        int m = w.beginMessage(type, nlFlags);
        w.rtmsg(r.family(), r.destinationLength(), 0, 0, table < 256 ? table : Rtnetlink.RT_TABLE_UNSPEC, protocol, scope, rtype, 0);
        if (r.destination().isPresent()) w.attrInet(Rtnetlink.RTA_DST, r.destination().get());
        if (r.preferredSource().isPresent()) w.attrInet(Rtnetlink.RTA_PREFSRC, r.preferredSource().get());
        if (r.gateway().isPresent()) w.attrInet(Rtnetlink.RTA_GATEWAY, r.gateway().get());
        if (r.priority().isPresent()) w.attrU32(Rtnetlink.RTA_PRIORITY, r.priority().getAsInt());
        if (table >= 256) w.attrU32(Rtnetlink.RTA_TABLE, table);
        if (!r.multipath().isEmpty()) {
            int mp = w.beginNest(Rtnetlink.RTA_MULTIPATH);
            for (NextHop h : r.multipath()) {
                int idx = h.index() > 0 ? h.index() : h.link().map(resolve::applyAsInt).orElse(0);
                // struct rtnexthop is written as a 4-byte-aligned "attribute" whose header is the struct.
                int start = w.beginNest(0);
                byte[] hdr = new byte[4];
                java.nio.ByteBuffer.wrap(hdr).order(java.nio.ByteOrder.nativeOrder()).putInt(idx);
                w.raw(hdr);
                if (h.gateway().isPresent()) w.attrInet(Rtnetlink.RTA_GATEWAY, h.gateway().get());
                w.endNest(start);
                w.patchByte(start + 2, h.flags());
                w.patchByte(start + 3, h.weight() - 1);
            }
            w.endNest(mp);
        }
        if (r.link().isPresent()) w.attrU32(Rtnetlink.RTA_OIF, resolve.applyAsInt(r.link().get()));
        w.endMessage(m);
    }

    static final int ADD = Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK | Netlink.NLM_F_CREATE | Netlink.NLM_F_EXCL;
    static final int REPLACE = Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK | Netlink.NLM_F_CREATE | Netlink.NLM_F_REPLACE;
    static final int DELETE = Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK;
}
