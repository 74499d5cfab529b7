package io.github.netlink4j.internal.codec;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.route.NexthopGroupType;
import io.github.netlink4j.route.NexthopObject;
import io.github.netlink4j.route.NexthopObjectSpec;
import io.github.netlink4j.common.RawAttribute;
import io.github.netlink4j.route.RouteProtocol;
import io.github.netlink4j.route.RouteScope;
import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.internal.wire.Inet;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.Nlmsg;
import io.github.netlink4j.internal.wire.uapi.Netlink;
import io.github.netlink4j.internal.wire.uapi.Nexthop;
import io.github.netlink4j.internal.wire.uapi.Rtnetlink;

import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import io.github.netlink4j.route.NexthopFlag;
import java.util.function.ToIntFunction;

/** RTM_*NEXTHOP: {@code struct nhmsg} (8 bytes) and the NHA_* attributes of linux/nexthop.h. */
public final class NexthopCodec {
    private NexthopCodec() {}

    static final int NHMSG = 8;
    /** The message type of a nexthop in a dump, echo or notification. */
    public static final int NEW = Rtnetlink.RTM_NEWNEXTHOP;

    /** Decodes the RTM_NEWNEXTHOP or RTM_DELNEXTHOP at {@code off}. */
    public static NexthopObject decode(MemorySegment s, long off, int len) throws ProtocolException {
        Attrs a = Attrs.ofMessage(s, off, len, NHMSG, "RTM_NEWNEXTHOP", "nhmsg");
        long h = off + Nlmsg.HDRLEN;
        int family = a.u8At(h), scope = a.u8At(h + 1), protocol = a.u8At(h + 2), flags = a.s32At(h + 4);
        long id = 0;
        Optional<InetAddress> gw = Optional.empty();
        OptionalInt oif = OptionalInt.empty();
        boolean blackhole = false, fdb = false;
        List<NexthopObject.Member> group = new ArrayList<>();
        Optional<NexthopGroupType> type = Optional.empty();
        Optional<NexthopObject.Resilient> res = Optional.empty();
        List<RawAttribute> unknown = new ArrayList<>();
        while (a.next()) {
            switch (a.type()) {
                case Nexthop.NHA_ID -> id = Integer.toUnsignedLong(a.u32());
                case Nexthop.NHA_GATEWAY -> gw = Optional.of(Inet.decode(a));
                case Nexthop.NHA_OIF -> oif = OptionalInt.of(a.u32());
                case Nexthop.NHA_BLACKHOLE -> blackhole = true;
                case Nexthop.NHA_FDB -> fdb = true;
                case Nexthop.NHA_GROUP -> {
                    // struct nexthop_grp { u32 id; u8 weight; u8 resvd1; u16 resvd2; }, weight stored minus one
                    if (a.payloadLength() % 8 != 0) throw new ProtocolException("NHA_GROUP of " + a.payloadLength() + " bytes, not whole members");
                    for (long p = a.payloadOffset(); p < a.payloadOffset() + a.payloadLength(); p += 8) {
                        group.add(new NexthopObject.Member(Integer.toUnsignedLong(a.s32At(p)), a.u8At(p + 4) + 1));
                    }
                }
                case Nexthop.NHA_GROUP_TYPE -> {
                    int t = a.u16();
                    type = Optional.of(t == 1 ? NexthopGroupType.RESILIENT : NexthopGroupType.MPATH);
                }
                case Nexthop.NHA_RES_GROUP -> res = Optional.of(resilient(a.nestedAttrs("NHA_RES_GROUP")));
                default -> unknown.add(RawAttribute.of(a.type(), a.bytes()));
            }
        }
        Optional<AddressFamily> fam = family == 0 ? Optional.empty() : Optional.of(Enums.family(family, "RTM_NEWNEXTHOP"));
        return new NexthopObject(id, fam, RouteScope.of(scope), RouteProtocol.of(protocol), flags, NexthopFlag.fromBits(flags), gw, oif, blackhole, fdb, group, type, res,
                unknown);
    }

    private static NexthopObject.Resilient resilient(Attrs r) throws ProtocolException {
        int buckets = 0;
        long idle = 0, unbalancedTimer = 0, unbalancedTime = 0;
        while (r.next()) {
            switch (r.type()) {
                case Nexthop.NHA_RES_GROUP_BUCKETS -> buckets = r.u16();
                case Nexthop.NHA_RES_GROUP_IDLE_TIMER -> idle = Integer.toUnsignedLong(r.u32());
                case Nexthop.NHA_RES_GROUP_UNBALANCED_TIMER -> unbalancedTimer = Integer.toUnsignedLong(r.u32());
                case Nexthop.NHA_RES_GROUP_UNBALANCED_TIME -> unbalancedTime = r.u64();
                default -> { }
            }
        }
        // clock_t: centiseconds (USER_HZ)
        return new NexthopObject.Resilient(buckets, Duration.ofMillis(idle * 10), Duration.ofMillis(unbalancedTimer * 10),
                Duration.ofMillis(unbalancedTime * 10));
    }

    /** The nexthop in an echo or reply message at {@code off}, or null if the message is not RTM_NEWNEXTHOP. */
    public static NexthopObject decodeEcho(MemorySegment s, long off, int len) throws ProtocolException {
        return Nlmsg.type(s, off) == Rtnetlink.RTM_NEWNEXTHOP ? decode(s, off, len) : null;
    }

    /** RTM_GETNEXTHOP dump, every family. */
    public static void encodeDump(MessageWriter w) {
        int m = w.beginMessage(Rtnetlink.RTM_GETNEXTHOP, Netlink.NLM_F_REQUEST | Netlink.NLM_F_DUMP);
        w.raw(new byte[NHMSG]);
        w.endMessage(m);
    }

    /** RTM_GETNEXTHOP for nexthop {@code id} ({@code ip nexthop get id N}); no ACK: the object or an error answers. */
    public static void encodeGet(MessageWriter w, long id) {
        int m = w.beginMessage(Rtnetlink.RTM_GETNEXTHOP, Netlink.NLM_F_REQUEST);
        w.raw(new byte[NHMSG]);
        w.attrU32(Nexthop.NHA_ID, (int) id);
        w.endMessage(m);
    }

    /** RTM_DELNEXTHOP of {@code id} ({@code ip nexthop del id N}). */
    public static void encodeDelete(MessageWriter w, long id) {
        int m = w.beginMessage(Rtnetlink.RTM_DELNEXTHOP, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK);
        w.raw(new byte[NHMSG]);
        w.attrU32(Nexthop.NHA_ID, (int) id);
        w.endMessage(m);
    }

    /**
     * RTM_NEWNEXTHOP as {@code ip nexthop add|replace} builds it for {@code id N [via A] [dev D]
     * [blackhole] [fdb] [onlink] [group …] [type resilient buckets B idle_timer T unbalanced_timer U]
     * [protocol P]}: attributes in that order.
     */
    public static void encodeAdd(MessageWriter w, NexthopObjectSpec n, ToIntFunction<String> resolve, boolean replace, boolean echo) {
        int flags = Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK | Netlink.NLM_F_CREATE | (replace ? Netlink.NLM_F_REPLACE : Netlink.NLM_F_EXCL)
                | (echo ? Netlink.NLM_F_ECHO : 0);
        int m = w.beginMessage(Rtnetlink.RTM_NEWNEXTHOP, flags);
        int nhFlags = n.onlink() ? Rtnetlink.RTNH_F_ONLINK : 0;
        int family = n.family().map(AddressFamily::value).orElse(0), protocol = n.protocol().map(RouteProtocol::value).orElse(0);
        w.raw(new byte[] {(byte) family, 0, (byte) protocol, 0,
                (byte) nhFlags, (byte) (nhFlags >>> 8), (byte) (nhFlags >>> 16), (byte) (nhFlags >>> 24)});
        if (n.id().isPresent()) w.attrU32(Nexthop.NHA_ID, (int) n.id().getAsLong());
        if (n.gateway().isPresent()) w.attrInet(Nexthop.NHA_GATEWAY, n.gateway().get());
        if (n.link().isPresent()) w.attrU32(Nexthop.NHA_OIF, resolve.applyAsInt(n.link().get()));
        if (n.blackhole()) w.attrFlag(Nexthop.NHA_BLACKHOLE);
        if (n.fdb()) w.attrFlag(Nexthop.NHA_FDB);
        if (!n.group().isEmpty()) {
            byte[] g = new byte[8 * n.group().size()];
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(g).order(java.nio.ByteOrder.nativeOrder());
            for (NexthopObject.Member mem : n.group()) b.putInt((int) mem.id()).put((byte) (mem.weight() - 1)).put((byte) 0).putShort((short) 0);
            w.attrBytes(Nexthop.NHA_GROUP, g);
        }
        if (n.groupType().isPresent()) {
            if (n.groupType().get() == NexthopGroupType.RESILIENT) {
                int nest = w.beginNest(Nexthop.NHA_RES_GROUP | Netlink.NLA_F_NESTED);
                if (n.buckets().isPresent()) w.attrU16(Nexthop.NHA_RES_GROUP_BUCKETS, n.buckets().getAsInt());
                if (n.idleTimer().isPresent()) w.attrU32(Nexthop.NHA_RES_GROUP_IDLE_TIMER, (int) (n.idleTimer().get().toSeconds() * 100));
                if (n.unbalancedTimer().isPresent()) {
                    w.attrU32(Nexthop.NHA_RES_GROUP_UNBALANCED_TIMER, (int) (n.unbalancedTimer().get().toSeconds() * 100));
                }
                w.endNest(nest);
            }
            w.attrU16(Nexthop.NHA_GROUP_TYPE, n.groupType().get().value());
        }
        w.endMessage(m);
    }
}
