package io.github.netlink4j.internal.codec;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.common.RawAttribute;
import io.github.netlink4j.route.RouteProtocol;
import io.github.netlink4j.route.RouteTable;
import io.github.netlink4j.route.Rule;
import io.github.netlink4j.route.RuleAction;
import io.github.netlink4j.route.RuleFlag;
import io.github.netlink4j.route.RuleRange;
import io.github.netlink4j.route.RuleSpec;
import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.internal.wire.Inet;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.Nlmsg;
import io.github.netlink4j.internal.wire.uapi.FibRules;
import io.github.netlink4j.internal.wire.uapi.Netlink;
import io.github.netlink4j.internal.wire.uapi.Rtnetlink;

import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** RTM_*RULE: {@code struct fib_rule_hdr} (12 bytes) and the FRA_* attributes of linux/fib_rules.h. */
public final class RuleCodec {
    private RuleCodec() {}

    static final int FIB_RULE_HDR = 12;
    /** The message type of a rule in a dump, echo or notification. */
    public static final int NEW = Rtnetlink.RTM_NEWRULE;

    /** Decodes the RTM_NEWRULE or RTM_DELRULE at {@code off}. */
    public static Rule decode(MemorySegment s, long off, int len) throws ProtocolException {
        Attrs a = Attrs.ofMessage(s, off, len, FIB_RULE_HDR, "RTM_NEWRULE", "fib_rule_hdr");
        long h = off + Nlmsg.HDRLEN;
        int family = a.u8At(h), dstLen = a.u8At(h + 1), srcLen = a.u8At(h + 2), tos = a.u8At(h + 3);
        long table = a.u8At(h + 4);
        int action = a.u8At(h + 7), flags = a.s32At(h + 8);
        long priority = 0;
        Optional<InetAddress> src = Optional.empty(), dst = Optional.empty();
        OptionalLong mark = OptionalLong.empty(), mask = OptionalLong.empty(), gotoP = OptionalLong.empty();
        OptionalLong supGroup = OptionalLong.empty(), flow = OptionalLong.empty();
        OptionalInt proto = OptionalInt.empty(), supLen = OptionalInt.empty();
        OptionalLong tun = OptionalLong.empty();
        Optional<String> iif = Optional.empty(), oif = Optional.empty();
        Optional<RuleRange> uid = Optional.empty(), sport = Optional.empty(), dport = Optional.empty();
        Optional<RouteProtocol> protocol = Optional.empty();
        boolean l3mdev = false;
        List<RawAttribute> unknown = new ArrayList<>();
        while (a.next()) {
            switch (a.type()) {
                case FibRules.FRA_SRC -> src = Optional.of(Inet.decode(a));
                case FibRules.FRA_DST -> dst = Optional.of(Inet.decode(a));
                case FibRules.FRA_PRIORITY -> priority = Integer.toUnsignedLong(a.u32());
                case FibRules.FRA_FWMARK -> mark = u32(a);
                case FibRules.FRA_FWMASK -> mask = u32(a);
                case FibRules.FRA_IIFNAME -> iif = Optional.of(a.string());
                case FibRules.FRA_OIFNAME -> oif = Optional.of(a.string());
                case FibRules.FRA_TABLE -> table = Integer.toUnsignedLong(a.u32());
                case FibRules.FRA_GOTO -> gotoP = u32(a);
                case FibRules.FRA_SUPPRESS_PREFIXLEN -> supLen = OptionalInt.of(a.u32());
                case FibRules.FRA_SUPPRESS_IFGROUP -> supGroup = u32(a);
                case FibRules.FRA_L3MDEV -> l3mdev = a.u8() != 0;
                case FibRules.FRA_UID_RANGE -> uid = Optional.of(range32(a));
                case FibRules.FRA_IP_PROTO -> proto = OptionalInt.of(a.u8());
                case FibRules.FRA_SPORT_RANGE -> sport = Optional.of(range16(a));
                case FibRules.FRA_DPORT_RANGE -> dport = Optional.of(range16(a));
                case FibRules.FRA_PROTOCOL -> protocol = Optional.of(RouteProtocol.of(a.u8()));
                case FibRules.FRA_FLOW -> flow = u32(a);
                case FibRules.FRA_TUN_ID -> tun = OptionalLong.of(bigEndian64(a));
                default -> unknown.add(RawAttribute.of(a.type(), a.bytes()));
            }
        }
        return new Rule(Enums.family(family, "RTM_NEWRULE"), priority, src, srcLen, dst, dstLen, tos, mark, mask, iif, oif, l3mdev, uid,
                proto, sport, dport, flags, RuleFlag.fromBits(flags), action, RouteTable.of(table), gotoP, supLen, supGroup, protocol, flow, tun, unknown);
    }

    private static OptionalLong u32(Attrs a) throws ProtocolException {
        return OptionalLong.of(Integer.toUnsignedLong(a.u32()));
    }

    private static long bigEndian64(Attrs a) throws ProtocolException {
        byte[] b = a.bytes();
        if (b.length < 8) throw new ProtocolException("FRA_TUN_ID of " + b.length + " bytes, need 8");
        long v = 0;
        for (int i = 0; i < 8; i++) v = v << 8 | (b[i] & 0xFF);
        return v;
    }

    private static RuleRange range32(Attrs a) throws ProtocolException {
        if (a.payloadLength() < 8) throw new ProtocolException("FRA_UID_RANGE of " + a.payloadLength() + " bytes, need 8");
        long start = Integer.toUnsignedLong(a.s32At(a.payloadOffset())), end = Integer.toUnsignedLong(a.s32At(a.payloadOffset() + 4));
        if (end < start) throw new ProtocolException("FRA_UID_RANGE " + start + "-" + end + " runs backwards");
        return new RuleRange(start, end);
    }

    private static RuleRange range16(Attrs a) throws ProtocolException {
        if (a.payloadLength() < 4) throw new ProtocolException("port range of " + a.payloadLength() + " bytes, need 4");
        int start = a.u16At(a.payloadOffset()), end = a.u16At(a.payloadOffset() + 2);
        if (end < start) throw new ProtocolException("port range " + start + "-" + end + " runs backwards");
        return new RuleRange(start, end);
    }

    /** The rule in an echo or reply message at {@code off}, or null if the message is not RTM_NEWRULE. */
    public static Rule decodeEcho(MemorySegment s, long off, int len) throws ProtocolException {
        return Nlmsg.type(s, off) == Rtnetlink.RTM_NEWRULE ? decode(s, off, len) : null;
    }

    /** RTM_GETRULE dump of {@code family}. */
    public static void encodeDump(MessageWriter w, AddressFamily family) {
        int m = w.beginMessage(Rtnetlink.RTM_GETRULE, Netlink.NLM_F_REQUEST | Netlink.NLM_F_DUMP);
        w.raw(new byte[] {(byte) family.value(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        w.endMessage(m);
    }

    /**
     * RTM_NEWRULE as {@code ip rule add} builds it (NLM_F_CREATE|NLM_F_EXCL, action LOOKUP and table
     * main unless told otherwise), with {@code echo} asking the rule back.
     */
    public static void encodeAdd(MessageWriter w, RuleSpec r, boolean echo) {
        encode(w, Rtnetlink.RTM_NEWRULE, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK | Netlink.NLM_F_CREATE | Netlink.NLM_F_EXCL
                | (echo ? Netlink.NLM_F_ECHO : 0), r);
    }

    /** RTM_DELRULE as {@code ip rule del} builds it: only what the spec sets, for the kernel to match. */
    public static void encodeDelete(MessageWriter w, RuleSpec r) {
        encode(w, Rtnetlink.RTM_DELRULE, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK, r);
    }

    /**
     * The attributes in the order ip writes them for {@code from P to P priority N tos T fwmark M/K
     * protocol P lookup T suppress_prefixlength L suppress_ifgroup G iif D oif D l3mdev uidrange R
     * ipproto P sport R dport R goto N} (ip writes them in command-line order; the golden captures use this order).
     */
    private static void encode(MessageWriter w, int type, int flags, RuleSpec r) {
        boolean add = type == Rtnetlink.RTM_NEWRULE;
        int m = w.beginMessage(type, flags);
        long table = r.table().map(RouteTable::value).orElse(add && (r.action().isEmpty() || r.action().get() == RuleAction.LOOKUP) && !r.l3mdev()
                ? RouteTable.MAIN.value() : 0L);
        int action = r.action().map(RuleAction::value).orElse(add ? RuleAction.LOOKUP.value() : 0);
        w.raw(new byte[] {(byte) r.family().value(), (byte) r.destinationLength(), (byte) r.sourceLength(), (byte) r.tos(),
                (byte) (table < 256 ? table : 0), 0, 0, (byte) action, 0, 0, 0, 0});
        if (r.invert()) w.patchByte(w.size() - 4, FibRules.FIB_RULE_INVERT); // the low byte of flags, host order
        if (r.source().isPresent()) w.attrInet(FibRules.FRA_SRC, r.source().get());
        if (r.destination().isPresent()) w.attrInet(FibRules.FRA_DST, r.destination().get());
        if (r.priority().isPresent()) w.attrU32(FibRules.FRA_PRIORITY, (int) r.priority().getAsLong());
        if (r.fwmark().isPresent()) w.attrU32(FibRules.FRA_FWMARK, (int) r.fwmark().getAsLong());
        if (r.fwmask().isPresent()) w.attrU32(FibRules.FRA_FWMASK, (int) r.fwmask().getAsLong());
        if (r.protocol().isPresent()) w.attrU8(FibRules.FRA_PROTOCOL, r.protocol().get().value());
        if (table >= 256) w.attrU32(FibRules.FRA_TABLE, (int) table);
        if (r.suppressPrefixLength().isPresent()) w.attrU32(FibRules.FRA_SUPPRESS_PREFIXLEN, r.suppressPrefixLength().getAsInt());
        if (r.suppressIfGroup().isPresent()) w.attrU32(FibRules.FRA_SUPPRESS_IFGROUP, (int) r.suppressIfGroup().getAsLong());
        if (r.inputLink().isPresent()) w.attrString(FibRules.FRA_IIFNAME, r.inputLink().get());
        if (r.outputLink().isPresent()) w.attrString(FibRules.FRA_OIFNAME, r.outputLink().get());
        if (r.l3mdev()) w.attrU8(FibRules.FRA_L3MDEV, 1);
        if (r.uidRange().isPresent()) w.attrBytes(FibRules.FRA_UID_RANGE, hostOrder32(r.uidRange().get()));
        if (r.ipProtocol().isPresent()) w.attrU8(FibRules.FRA_IP_PROTO, r.ipProtocol().getAsInt());
        if (r.sourcePorts().isPresent()) w.attrBytes(FibRules.FRA_SPORT_RANGE, hostOrder16(r.sourcePorts().get()));
        if (r.destinationPorts().isPresent()) w.attrBytes(FibRules.FRA_DPORT_RANGE, hostOrder16(r.destinationPorts().get()));
        if (r.gotoPriority().isPresent()) w.attrU32(FibRules.FRA_GOTO, (int) r.gotoPriority().getAsLong());
        w.endMessage(m);
    }

    private static byte[] hostOrder32(RuleRange r) {
        return java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.nativeOrder()).putInt((int) r.start()).putInt((int) r.end()).array();
    }

    private static byte[] hostOrder16(RuleRange r) {
        return java.nio.ByteBuffer.allocate(4).order(java.nio.ByteOrder.nativeOrder()).putShort((short) r.start()).putShort((short) r.end()).array();
    }
}
