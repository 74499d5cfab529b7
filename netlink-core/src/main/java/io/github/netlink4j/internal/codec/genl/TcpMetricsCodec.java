package io.github.netlink4j.internal.codec.genl;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.genl.GenlFamily;
import io.github.netlink4j.genl.tcpmetrics.TcpMetricsEntry;
import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.internal.wire.Inet;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.uapi.Netlink;

import java.lang.foreign.MemorySegment;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;

import static io.github.netlink4j.internal.wire.spec.gen.TcpMetrics.*;

/**
 * The tcp_metrics family's requests, written as {@code ip tcp_metrics} 6.1 writes them (golden/tcpmetrics
 * holds its bytes), and its replies decoded. Numbers are the ones generated from the kernel's spec.
 */
public final class TcpMetricsCodec {
    private TcpMetricsCodec() {}

    /** The commands the handle sends. */
    public static final int GET = TCP_METRICS_CMD_GET, DEL = TCP_METRICS_CMD_DEL;

    /** A dump of every entry. */
    public static void encodeDump(MessageWriter w, GenlFamily f) {
        int m = begin(w, f, GET, Netlink.NLM_F_DUMP);
        w.endMessage(m);
    }

    /** A get of the entry of {@code destination} (from {@code source}, if not null): no ACK, as ip asks. */
    public static void encodeGet(MessageWriter w, GenlFamily f, InetAddress destination, InetAddress source) {
        int m = begin(w, f, GET, 0);
        addresses(w, destination, source);
        w.endMessage(m);
    }

    /** Deletes the entry of {@code destination} (from {@code source}, if not null); both null: every entry. */
    public static void encodeDelete(MessageWriter w, GenlFamily f, InetAddress destination, InetAddress source) {
        int m = begin(w, f, DEL, Netlink.NLM_F_ACK);
        if (destination != null) addresses(w, destination, source);
        w.endMessage(m);
    }

    private static int begin(MessageWriter w, GenlFamily f, int cmd, int flags) {
        int m = w.beginMessage(f.id(), Netlink.NLM_F_REQUEST | flags);
        w.genlmsghdr(cmd, f.version());
        return m;
    }

    private static void addresses(MessageWriter w, InetAddress destination, InetAddress source) {
        w.attrBytes(destination instanceof Inet4Address ? TCP_METRICS_ATTR_ADDR_IPV4 : TCP_METRICS_ATTR_ADDR_IPV6, destination.getAddress());
        if (source != null) w.attrBytes(source instanceof Inet4Address ? TCP_METRICS_ATTR_SADDR_IPV4 : TCP_METRICS_ATTR_SADDR_IPV6, source.getAddress());
    }

    /** The entry in the TCP_METRICS_CMD_GET reply at {@code off}. */
    public static TcpMetricsEntry decode(MemorySegment s, long off, int len) throws ProtocolException {
        Attrs a = Attrs.ofMessage(s, off, len, GenlCodec.GENL_HDRLEN, "TCP_METRICS_CMD_GET reply", "genlmsghdr");
        InetAddress dst = null, src = null;
        long ageMs = 0, synDropTs = -1;
        OptionalLong twTsVal = OptionalLong.empty();
        OptionalInt twTsStamp = OptionalInt.empty(), mss = OptionalInt.empty(), synDrops = OptionalInt.empty();
        Optional<String> cookie = Optional.empty();
        long rttMs = 0, rttVarMs = 0, rttUs = -1, rttVarUs = -1;
        OptionalLong ssthresh = OptionalLong.empty(), cwnd = OptionalLong.empty(), reordering = OptionalLong.empty();
        Map<Integer, Long> other = new TreeMap<>();
        while (a.next()) {
            switch (a.type()) {
                case TCP_METRICS_ATTR_ADDR_IPV4, TCP_METRICS_ATTR_ADDR_IPV6 -> dst = Inet.decode(a);
                case TCP_METRICS_ATTR_SADDR_IPV4, TCP_METRICS_ATTR_SADDR_IPV6 -> src = Inet.decode(a);
                case TCP_METRICS_ATTR_AGE -> ageMs = a.u64();
                case TCP_METRICS_ATTR_TW_TSVAL -> twTsVal = OptionalLong.of(a.u32() & 0xFFFF_FFFFL);
                case TCP_METRICS_ATTR_TW_TS_STAMP -> twTsStamp = OptionalInt.of(a.u32());
                case TCP_METRICS_ATTR_FOPEN_MSS -> mss = OptionalInt.of(a.u16());
                case TCP_METRICS_ATTR_FOPEN_SYN_DROPS -> synDrops = OptionalInt.of(a.u16());
                case TCP_METRICS_ATTR_FOPEN_SYN_DROP_TS -> synDropTs = a.u64();
                case TCP_METRICS_ATTR_FOPEN_COOKIE -> {
                    byte[] b = a.bytes();
                    cookie = Optional.of(HexFormat.of().formatHex(b, 0, Math.min(b.length, 16)));
                }
                case TCP_METRICS_ATTR_VALS -> {
                    Attrs v = a.nestedAttrs("TCP_METRICS_ATTR_VALS");
                    while (v.next()) {
                        long x = v.u32() & 0xFFFF_FFFFL;
                        switch (v.type()) {
                            case TCP_METRICS_A_METRICS_RTT -> rttMs = x;
                            case TCP_METRICS_A_METRICS_RTTVAR -> rttVarMs = x;
                            case TCP_METRICS_A_METRICS_RTT_US -> rttUs = x;
                            case TCP_METRICS_A_METRICS_RTTVAR_US -> rttVarUs = x;
                            case TCP_METRICS_A_METRICS_SSTHRESH -> ssthresh = OptionalLong.of(x);
                            case TCP_METRICS_A_METRICS_CWND -> cwnd = OptionalLong.of(x);
                            case TCP_METRICS_A_METRICS_REODERING -> reordering = OptionalLong.of(x);
                            default -> other.put(v.type(), x);
                        }
                    }
                }
                default -> { } // padding and attributes newer than the spec
            }
        }
        if (dst == null) throw new ProtocolException("TCP_METRICS_CMD_GET reply without a destination address");
        // the kernel keeps srtt scaled by 8 and rttvar by 4; ip prints them unscaled, preferring the microsecond values
        long rtt = rttUs >= 0 ? rttUs >> 3 : (rttMs * 1000) >> 3;
        long rttVar = rttVarUs >= 0 ? rttVarUs >> 2 : (rttVarMs * 1000) >> 2;
        return new TcpMetricsEntry(dst, Optional.ofNullable(src), Duration.ofMillis(ageMs),
                rtt == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(rtt * 1000)),
                rttVar == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(rttVar * 1000)),
                ssthresh, cwnd, reordering, twTsVal, twTsStamp, mss, synDrops,
                synDrops.isPresent() ? Optional.of(Duration.ofMillis(Math.max(0, synDropTs))) : Optional.empty(), cookie, other);
    }
}
