package io.github.netlink4j.internal.codec;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.route.Nexthop;
import io.github.netlink4j.route.NexthopSpec;
import io.github.netlink4j.route.Route;
import io.github.netlink4j.route.RouteCacheInfo;
import io.github.netlink4j.route.RoutePreference;
import io.github.netlink4j.route.RouteQuery;
import io.github.netlink4j.route.RouteProtocol;
import io.github.netlink4j.route.RouteScope;
import io.github.netlink4j.route.RouteSpec;
import io.github.netlink4j.route.RouteTable;
import io.github.netlink4j.route.RouteType;
import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.internal.wire.Inet;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.Nlmsg;
import io.github.netlink4j.internal.wire.uapi.Netlink;
import io.github.netlink4j.internal.wire.uapi.Rtnetlink;

import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import io.github.netlink4j.route.RouteFlag;
import java.util.function.ToIntFunction;

/** RTM_*ROUTE messages (struct rtmsg + RTA_* attributes, RTA_MULTIPATH of struct rtnexthop). */
public final class RouteCodec {
    private RouteCodec() {}

    static final int RTMSG = 12;
    /** The message type of a route in a dump, echo or notification. */
    public static final int NEW = Rtnetlink.RTM_NEWROUTE;

    /** Decodes the RTM_NEWROUTE or RTM_DELROUTE at {@code off}. */
    public static Route decode(MemorySegment s, long off, int len) throws ProtocolException {
        Attrs a = Attrs.ofMessage(s, off, len, RTMSG, "RTM_NEWROUTE", "rtmsg");
        long h = off + Nlmsg.HDRLEN;
        int family = a.u8At(h);
        int dstLen = a.u8At(h + 1);
        int srcLen = a.u8At(h + 2);
        long table = a.u8At(h + 4);
        int protocol = a.u8At(h + 5);
        int scope = a.u8At(h + 6);
        int type = a.u8At(h + 7);
        int flags = a.s32At(h + 8);
        Optional<InetAddress> dst = Optional.empty(), gw = Optional.empty(), src = Optional.empty();
        OptionalInt oif = OptionalInt.empty(), iif = OptionalInt.empty();
        OptionalLong prio = OptionalLong.empty(), uid = OptionalLong.empty(), nhid = OptionalLong.empty();
        Optional<InetAddress> from = Optional.empty();
        Optional<RoutePreference> pref = Optional.empty();
        List<Nexthop> hops = new ArrayList<>();
        Optional<RouteCacheInfo> cache = Optional.empty();
        while (a.next()) {
            switch (a.type()) {
                case Rtnetlink.RTA_DST -> dst = Optional.of(Inet.decode(a));
                case Rtnetlink.RTA_GATEWAY -> gw = Optional.of(Inet.decode(a));
                case Rtnetlink.RTA_PREFSRC -> src = Optional.of(Inet.decode(a));
                case Rtnetlink.RTA_OIF -> oif = OptionalInt.of(a.u32());
                case Rtnetlink.RTA_PRIORITY -> prio = OptionalLong.of(Integer.toUnsignedLong(a.u32()));
                case Rtnetlink.RTA_TABLE -> table = Integer.toUnsignedLong(a.u32());
                case Rtnetlink.RTA_MULTIPATH -> multipath(a, hops);
                case Rtnetlink.RTA_PREF -> pref = Optional.of(Enums.routePreference(a.u8()));
                case Rtnetlink.RTA_SRC -> from = Optional.of(Inet.decode(a));
                case Rtnetlink.RTA_IIF -> iif = OptionalInt.of(a.u32());
                case Rtnetlink.RTA_UID -> uid = OptionalLong.of(Integer.toUnsignedLong(a.u32()));
                case Rtnetlink.RTA_NH_ID -> nhid = OptionalLong.of(Integer.toUnsignedLong(a.u32()));
                case Rtnetlink.RTA_CACHEINFO -> cache = cacheInfo(a);
                default -> { }
            }
        }
        return new Route(Enums.family(family, "RTM_NEWROUTE"), dst, dstLen, RouteTable.of(table), RouteProtocol.of(protocol),
                RouteScope.of(scope), Enums.routeType(type), flags, RouteFlag.fromBits(flags), gw, oif, src, prio, hops, pref, from, srcLen, iif, uid, nhid, cache);
    }

    /**
     * struct rta_cacheinfo: rta_clntref, rta_lastuse (ticks), rta_expires (signed ticks), rta_error, rta_used,
     * rta_id, then rta_ts and rta_tsage, which no kernel fills any more; u32 each. Shorter than its first six
     * fields, it is left out.
     */
    private static Optional<RouteCacheInfo> cacheInfo(Attrs a) {
        if (a.payloadLength() < 24) return Optional.empty();
        long p = a.payloadOffset();
        return Optional.of(new RouteCacheInfo(u32(a, p), u32(a, p + 16), Duration.ofMillis(u32(a, p + 4) * 10),
                Duration.ofMillis(a.s32At(p + 8) * 10L), u32(a, p + 12), u32(a, p + 20)));
    }

    private static long u32(Attrs a, long off) {
        return Integer.toUnsignedLong(a.s32At(off));
    }

    /** struct rtnexthop { u16 len; u8 flags; u8 hops; s32 ifindex; } followed by its attributes. */
    private static void multipath(Attrs a, List<Nexthop> hops) throws ProtocolException {
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
            hops.add(new Nexthop(gw, ifindex, weight, io.github.netlink4j.route.NexthopFlag.fromBits(flags)));
            p += Nlmsg.align(len);
        }
    }

    /** The object in an echo or reply message at {@code off}, or null if the message is not RTM_NEWROUTE. */
    public static Route decodeEcho(MemorySegment s, long off, int len) throws ProtocolException {
        return Nlmsg.type(s, off) == Rtnetlink.RTM_NEWROUTE ? decode(s, off, len) : null;
    }

    /** RTM_GETROUTE dump of {@code family} (null: both), every table. */
    public static void encodeDump(MessageWriter w, AddressFamily family) {
        encodeDump(w, family, 0, 0, 0, 0);
    }

    /**
     * RTM_GETROUTE dump of {@code family} (null: both) as {@code ip route show table T dev D proto P type X}
     * asks it: rtm_protocol and rtm_type in the header, RTA_TABLE (u32, rtm_table left 0) and RTA_OIF;
     * 0 leaves a selector out. The kernel applies them under NETLINK_GET_STRICT_CHK.
     */
    public static void encodeDump(MessageWriter w, AddressFamily family, long table, int oif, int protocol, int type) {
        int m = w.beginMessage(Rtnetlink.RTM_GETROUTE, Netlink.NLM_F_REQUEST | Netlink.NLM_F_DUMP);
        w.rtmsg(family == null ? 0 : family.value(), 0, 0, 0, 0, protocol, 0, type, 0);
        if (table != 0) w.attrU32(Rtnetlink.RTA_TABLE, (int) table);
        if (oif != 0) w.attrU32(Rtnetlink.RTA_OIF, oif);
        w.endMessage(m);
    }

    /**
     * RTM_GETROUTE as {@code ip route get ADDR [from A] [iif D] [oif D] [mark M] [fibmatch]} builds it: a
     * full-length RTA_DST, RTA_SRC when {@code from} is given, RTA_IIF and RTA_OIF as indexes, RTA_MARK,
     * RTA_UID, and RTM_F_FIB_MATCH for the matching route itself instead of the resolved one.
     */
    public static void encodeGet(MessageWriter w, RouteQuery q, ToIntFunction<String> resolve) {
        int m = w.beginMessage(Rtnetlink.RTM_GETROUTE, Netlink.NLM_F_REQUEST);
        int dstBits = q.destination().getAddress().length * 8;
        int srcBits = q.source().map(s -> s.getAddress().length * 8).orElse(0);
        w.rtmsg(q.family().value(), dstBits, srcBits, 0, 0, 0, 0, 0, q.fibMatch() ? Rtnetlink.RTM_F_FIB_MATCH : 0);
        w.attrInet(Rtnetlink.RTA_DST, q.destination());
        if (q.source().isPresent()) w.attrInet(Rtnetlink.RTA_SRC, q.source().get());
        if (q.inputLink().isPresent()) w.attrU32(Rtnetlink.RTA_IIF, resolve.applyAsInt(q.inputLink().get()));
        if (q.outputLink().isPresent()) w.attrU32(Rtnetlink.RTA_OIF, resolve.applyAsInt(q.outputLink().get()));
        if (q.mark().isPresent()) w.attrU32(Rtnetlink.RTA_MARK, (int) q.mark().getAsLong());
        if (q.uid().isPresent()) w.attrU32(Rtnetlink.RTA_UID, (int) q.uid().getAsLong());
        w.endMessage(m);
    }

    /**
     * RTM_NEWROUTE as {@code ip route add} (or {@code replace}) builds it for {@code [TYPE] PREFIX [src S]
     * [via GW] [table T] [metric M] [nexthop …] [dev D]}: RTA_DST, RTA_PREFSRC, RTA_GATEWAY, RTA_TABLE
     * (tables from 256 up; below, rtm_table), RTA_PRIORITY, RTA_MULTIPATH, RTA_OIF. With {@code echo} the
     * kernel sends the route back.
     */
    public static void encodeAdd(MessageWriter w, RouteSpec r, ToIntFunction<String> resolve, boolean replace, boolean echo) {
        encode(w, Rtnetlink.RTM_NEWROUTE, (replace ? REPLACE : ADD) | (echo ? Netlink.NLM_F_ECHO : 0), r, resolve);
    }

    /** What a RTM_NEWROUTE asks beyond its route: ip's add, replace, change, append and prepend. */
    public enum Mode {
        /** NLM_F_CREATE|NLM_F_EXCL. */ ADD(ADD_FLAGS),
        /** NLM_F_CREATE|NLM_F_REPLACE. */ REPLACE(REPLACE_FLAGS),
        /** NLM_F_REPLACE: only an existing route changes. */ CHANGE(Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK | Netlink.NLM_F_REPLACE),
        /** NLM_F_CREATE|NLM_F_APPEND: after the routes it matches. */ APPEND(Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK | Netlink.NLM_F_CREATE | Netlink.NLM_F_APPEND),
        /** NLM_F_CREATE: before the routes it matches. */ PREPEND(Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK | Netlink.NLM_F_CREATE);

        final int flags;

        Mode(int flags) {
            this.flags = flags;
        }
    }

    /** RTM_NEWROUTE in {@code mode}; with {@code echo} the kernel sends the route back. */
    public static void encodeNew(MessageWriter w, RouteSpec r, ToIntFunction<String> resolve, Mode mode, boolean echo) {
        encode(w, Rtnetlink.RTM_NEWROUTE, mode.flags | (echo ? Netlink.NLM_F_ECHO : 0), r, resolve);
    }

    /** RTM_DELROUTE as {@code ip route del} builds it. */
    public static void encodeDelete(MessageWriter w, RouteSpec r, ToIntFunction<String> resolve) {
        encode(w, Rtnetlink.RTM_DELROUTE, DELETE, r, resolve);
    }

    /** The link names a spec refers to: its output link and its next hops' links. */
    public static List<String> referencedLinks(RouteSpec r) {
        List<String> names = new ArrayList<>();
        r.link().ifPresent(names::add);
        for (NexthopSpec h : r.multipath()) names.add(h.link());
        return names;
    }

    private static void encode(MessageWriter w, int type, int nlFlags, RouteSpec r, ToIntFunction<String> resolve) {
        boolean del = type == Rtnetlink.RTM_DELROUTE;
        long table = r.table().orElse(RouteTable.MAIN).value();
        int protocol = r.protocol().map(RouteProtocol::value).orElse(del ? 0 : RouteProtocol.BOOT.value());
        int scope;
        if (r.scope().isPresent()) {
            scope = r.scope().get().value();
        } else if (r.type() == RouteType.LOCAL || r.type() == RouteType.NAT) {
            scope = RouteScope.HOST.value();
        } else if (r.type() == RouteType.BROADCAST || r.type() == RouteType.MULTICAST || r.type() == RouteType.ANYCAST) {
            scope = RouteScope.LINK.value();
        } else if (del) {
            scope = RouteScope.NOWHERE.value();
        } else if (r.type() == RouteType.UNICAST && r.gateway().isEmpty() && r.multipath().isEmpty() && r.nexthopId().isEmpty()) {
            scope = RouteScope.LINK.value();
        } else {
            scope = RouteScope.UNIVERSE.value();
        }
        int m = w.beginMessage(type, nlFlags);
        w.rtmsg(r.family().value(), r.destinationLength(), 0, 0, table < 256 ? (int) table : Rtnetlink.RT_TABLE_UNSPEC, protocol, scope,
                r.type().value(), 0);
        if (r.destination().isPresent()) w.attrInet(Rtnetlink.RTA_DST, r.destination().get());
        if (r.preferredSource().isPresent()) w.attrInet(Rtnetlink.RTA_PREFSRC, r.preferredSource().get());
        if (r.gateway().isPresent()) w.attrInet(Rtnetlink.RTA_GATEWAY, r.gateway().get());
        if (table >= 256) w.attrU32(Rtnetlink.RTA_TABLE, (int) table);
        if (r.metric().isPresent()) w.attrU32(Rtnetlink.RTA_PRIORITY, (int) r.metric().getAsLong());
        if (!r.multipath().isEmpty()) {
            int mp = w.beginNest(Rtnetlink.RTA_MULTIPATH);
            for (NexthopSpec h : r.multipath()) {
                // struct rtnexthop {len, flags, hops, ifindex} written as a 4-byte "attribute" header (len,
                // then flags and hops patched in) followed by the index and the nexthop's own attributes.
                int start = w.beginNest(0);
                byte[] idx = new byte[4];
                java.nio.ByteBuffer.wrap(idx).order(java.nio.ByteOrder.nativeOrder()).putInt(resolve.applyAsInt(h.link()));
                w.raw(idx);
                if (h.gateway().isPresent()) w.attrInet(Rtnetlink.RTA_GATEWAY, h.gateway().get());
                w.endNest(start);
                w.patchByte(start + 2, 0);
                w.patchByte(start + 3, h.weight() - 1);
            }
            w.endNest(mp);
        }
        if (r.link().isPresent()) w.attrU32(Rtnetlink.RTA_OIF, resolve.applyAsInt(r.link().get()));
        if (r.nexthopId().isPresent()) w.attrU32(Rtnetlink.RTA_NH_ID, (int) r.nexthopId().getAsLong());
        w.endMessage(m);
    }

    private static final int ADD_FLAGS = Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK | Netlink.NLM_F_CREATE | Netlink.NLM_F_EXCL;
    private static final int REPLACE_FLAGS = Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK | Netlink.NLM_F_CREATE | Netlink.NLM_F_REPLACE;
    private static final int ADD = ADD_FLAGS;
    private static final int REPLACE = REPLACE_FLAGS;
    private static final int DELETE = Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK;
}
