package io.github.netlink4j.internal.codec;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.conntrack.ConntrackCounters;
import io.github.netlink4j.conntrack.ConntrackCpuStats;
import io.github.netlink4j.conntrack.ConntrackEntry;
import io.github.netlink4j.conntrack.ConntrackStatus;
import io.github.netlink4j.conntrack.ConntrackTuple;
import io.github.netlink4j.conntrack.TcpState;
import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.internal.wire.Inet;
import io.github.netlink4j.internal.wire.Nlmsg;
import io.github.netlink4j.internal.wire.uapi.NfConntrack;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Decodes nfnetlink_conntrack's answers: entries (IPCTNL_MSG_CT_NEW in dumps, gets and notifications,
 * IPCTNL_MSG_CT_DELETE in destroy notifications) and statistics. Numbers inside CTA_* are big-endian.
 */
public final class ConntrackDecoder {
    private ConntrackDecoder() {}

    private static final ValueLayout.OfShort BE16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(java.nio.ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfInt BE32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(java.nio.ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfLong BE64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(java.nio.ByteOrder.BIG_ENDIAN);

    /** The entry in the message at {@code off}; null for one of a family conntrack-tools does not print (neither inet nor inet6). */
    public static ConntrackEntry decode(MemorySegment s, long off, int len) throws ProtocolException {
        Attrs a = Attrs.ofMessage(s, off, len, ConntrackCodec.NFGENMSG, "IPCTNL_MSG_CT_NEW", "nfgenmsg");
        int fam = Nlmsg.u8(s, off + Nlmsg.HDRLEN);
        if (fam != AddressFamily.INET.value() && fam != AddressFamily.INET6.value()) return null;
        ConntrackTuple orig = null, reply = null;
        int status = 0;
        Optional<Duration> timeout = Optional.empty();
        OptionalLong mark = OptionalLong.empty(), id = OptionalLong.empty(), use = OptionalLong.empty();
        OptionalInt zone = OptionalInt.empty();
        Optional<ConntrackCounters> co = Optional.empty(), cr = Optional.empty();
        Optional<Instant> start = Optional.empty(), stop = Optional.empty();
        Optional<TcpState> tcp = Optional.empty();
        Optional<String> helper = Optional.empty();
        while (a.next()) {
            switch (a.type()) {
                case NfConntrack.CTA_TUPLE_ORIG -> orig = tuple(a.nestedAttrs("CTA_TUPLE_ORIG"));
                case NfConntrack.CTA_TUPLE_REPLY -> reply = tuple(a.nestedAttrs("CTA_TUPLE_REPLY"));
                case NfConntrack.CTA_STATUS -> status = be32(a);
                case NfConntrack.CTA_TIMEOUT -> timeout = Optional.of(Duration.ofSeconds(Integer.toUnsignedLong(be32(a))));
                case NfConntrack.CTA_MARK -> mark = OptionalLong.of(Integer.toUnsignedLong(be32(a)));
                case NfConntrack.CTA_ID -> id = OptionalLong.of(Integer.toUnsignedLong(be32(a)));
                case NfConntrack.CTA_USE -> use = OptionalLong.of(Integer.toUnsignedLong(be32(a)));
                case NfConntrack.CTA_ZONE -> zone = OptionalInt.of(be16(a));
                case NfConntrack.CTA_COUNTERS_ORIG -> co = counters(a.nestedAttrs("CTA_COUNTERS_ORIG"));
                case NfConntrack.CTA_COUNTERS_REPLY -> cr = counters(a.nestedAttrs("CTA_COUNTERS_REPLY"));
                case NfConntrack.CTA_PROTOINFO -> tcp = tcpState(a.nestedAttrs("CTA_PROTOINFO"));
                case NfConntrack.CTA_HELP -> helper = helper(a.nestedAttrs("CTA_HELP"));
                case NfConntrack.CTA_TIMESTAMP -> {
                    Attrs t = a.nestedAttrs("CTA_TIMESTAMP");
                    while (t.next()) {
                        if (t.type() == NfConntrack.CTA_TIMESTAMP_START) start = Optional.of(instant(be64(t)));
                        else if (t.type() == NfConntrack.CTA_TIMESTAMP_STOP) stop = Optional.of(instant(be64(t)));
                    }
                }
                default -> { } // NAT, sequence adjustment, labels, secctx, synproxy: not typed yet
            }
        }
        if (orig == null || reply == null) throw new ProtocolException("conntrack entry without " + (orig == null ? "CTA_TUPLE_ORIG" : "CTA_TUPLE_REPLY"));
        return new ConntrackEntry(AddressFamily.of(fam), orig, reply, status, ConntrackStatus.fromBits(status), timeout, mark, zone, co, cr,
                start, stop, tcp, id, use, helper);
    }

    /** Whether the message at {@code off} announces a destroyed entry (IPCTNL_MSG_CT_DELETE). */
    public static boolean isDestroy(MemorySegment s, long off) {
        return Nlmsg.type(s, off) == ConntrackCodec.DELETE;
    }

    private static ConntrackTuple tuple(Attrs a) throws ProtocolException {
        InetAddress src = null, dst = null;
        int proto = -1;
        OptionalInt sport = OptionalInt.empty(), dport = OptionalInt.empty(), icmpId = OptionalInt.empty(), type = OptionalInt.empty(),
                code = OptionalInt.empty();
        while (a.next()) {
            if (a.type() == NfConntrack.CTA_TUPLE_IP) {
                Attrs ip = a.nestedAttrs("CTA_TUPLE_IP");
                while (ip.next()) {
                    switch (ip.type()) {
                        case NfConntrack.CTA_IP_V4_SRC, NfConntrack.CTA_IP_V6_SRC -> src = Inet.decode(ip);
                        case NfConntrack.CTA_IP_V4_DST, NfConntrack.CTA_IP_V6_DST -> dst = Inet.decode(ip);
                        default -> { }
                    }
                }
            } else if (a.type() == NfConntrack.CTA_TUPLE_PROTO) {
                Attrs p = a.nestedAttrs("CTA_TUPLE_PROTO");
                while (p.next()) {
                    switch (p.type()) {
                        case NfConntrack.CTA_PROTO_NUM -> proto = p.u8();
                        case NfConntrack.CTA_PROTO_SRC_PORT -> sport = OptionalInt.of(be16(p));
                        case NfConntrack.CTA_PROTO_DST_PORT -> dport = OptionalInt.of(be16(p));
                        case NfConntrack.CTA_PROTO_ICMP_ID, NfConntrack.CTA_PROTO_ICMPV6_ID -> icmpId = OptionalInt.of(be16(p));
                        case NfConntrack.CTA_PROTO_ICMP_TYPE, NfConntrack.CTA_PROTO_ICMPV6_TYPE -> type = OptionalInt.of(p.u8());
                        case NfConntrack.CTA_PROTO_ICMP_CODE, NfConntrack.CTA_PROTO_ICMPV6_CODE -> code = OptionalInt.of(p.u8());
                        default -> { }
                    }
                }
            }
        }
        if (src == null || dst == null || proto < 0) {
            throw new ProtocolException("conntrack tuple without " + (src == null ? "source" : dst == null ? "destination" : "CTA_PROTO_NUM")
                    + " while parsing " + a.context());
        }
        try {
            return new ConntrackTuple(src, dst, proto, sport, dport, icmpId, type, code);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(e.getMessage() + " while parsing " + a.context());
        }
    }

    private static Optional<ConntrackCounters> counters(Attrs a) throws ProtocolException {
        long packets = 0, bytes = 0;
        while (a.next()) {
            if (a.type() == NfConntrack.CTA_COUNTERS_PACKETS) packets = be64(a);
            else if (a.type() == NfConntrack.CTA_COUNTERS_BYTES) bytes = be64(a);
        }
        return Optional.of(new ConntrackCounters(packets, bytes));
    }

    private static Optional<TcpState> tcpState(Attrs a) throws ProtocolException {
        while (a.next()) {
            if (a.type() != NfConntrack.CTA_PROTOINFO_TCP) continue;
            Attrs t = a.nestedAttrs("CTA_PROTOINFO_TCP");
            while (t.next()) {
                if (t.type() == NfConntrack.CTA_PROTOINFO_TCP_STATE) {
                    int v = t.u8();
                    return v <= TcpState.SYN_SENT2.value() ? Optional.of(TcpState.of(v)) : Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> helper(Attrs a) throws ProtocolException {
        while (a.next()) if (a.type() == NfConntrack.CTA_HELP_NAME) return Optional.of(a.string());
        return Optional.empty();
    }

    /** One CPU's statistics from the IPCTNL_MSG_CT_GET_STATS_CPU message at {@code off}. */
    public static ConntrackCpuStats decodeCpuStats(MemorySegment s, long off, int len) throws ProtocolException {
        Attrs a = Attrs.ofMessage(s, off, len, ConntrackCodec.NFGENMSG, "IPCTNL_MSG_CT_GET_STATS_CPU", "nfgenmsg");
        int cpu = Short.toUnsignedInt(s.get(BE16, off + Nlmsg.HDRLEN + 2));
        long[] v = new long[NfConntrack.CTA_STATS_CHAIN_TOOLONG + 1];
        while (a.next()) if (a.type() < v.length) v[a.type()] = Integer.toUnsignedLong(be32(a));
        return new ConntrackCpuStats(cpu, v[NfConntrack.CTA_STATS_FOUND], v[NfConntrack.CTA_STATS_INVALID], v[NfConntrack.CTA_STATS_INSERT],
                v[NfConntrack.CTA_STATS_INSERT_FAILED], v[NfConntrack.CTA_STATS_DROP], v[NfConntrack.CTA_STATS_EARLY_DROP],
                v[NfConntrack.CTA_STATS_ERROR], v[NfConntrack.CTA_STATS_SEARCH_RESTART], v[NfConntrack.CTA_STATS_CLASH_RESOLVE],
                v[NfConntrack.CTA_STATS_CHAIN_TOOLONG]);
    }

    /** CTA_STATS_GLOBAL_ENTRIES of the IPCTNL_MSG_CT_GET_STATS reply at {@code off}. */
    public static long decodeCount(MemorySegment s, long off, int len) throws ProtocolException {
        Attrs a = Attrs.ofMessage(s, off, len, ConntrackCodec.NFGENMSG, "IPCTNL_MSG_CT_GET_STATS", "nfgenmsg");
        while (a.next()) if (a.type() == NfConntrack.CTA_STATS_GLOBAL_ENTRIES) return Integer.toUnsignedLong(be32(a));
        throw new ProtocolException("IPCTNL_MSG_CT_GET_STATS without CTA_STATS_GLOBAL_ENTRIES");
    }

    private static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Long.divideUnsigned(nanos, 1_000_000_000L), Long.remainderUnsigned(nanos, 1_000_000_000L));
    }

    private static void need(Attrs a, int n) throws ProtocolException {
        if (a.payloadLength() < n) {
            throw new ProtocolException("attribute type " + a.type() + " has " + a.payloadLength() + " bytes, needs " + n + " while parsing " + a.context());
        }
    }

    private static int be16(Attrs a) throws ProtocolException {
        need(a, 2);
        return Short.toUnsignedInt(a.segment().get(BE16, a.payloadOffset()));
    }

    private static int be32(Attrs a) throws ProtocolException {
        need(a, 4);
        return a.segment().get(BE32, a.payloadOffset());
    }

    private static long be64(Attrs a) throws ProtocolException {
        need(a, 8);
        return a.segment().get(BE64, a.payloadOffset());
    }
}
