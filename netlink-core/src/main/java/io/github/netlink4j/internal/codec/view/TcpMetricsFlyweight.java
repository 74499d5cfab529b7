package io.github.netlink4j.internal.codec.view;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.genl.tcpmetrics.TcpMetricsView;
import io.github.netlink4j.support.IpText;

import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.util.Optional;

import static io.github.netlink4j.internal.wire.spec.gen.TcpMetrics.*;

/**
 * The {@link TcpMetricsView} over a TCP_METRICS_CMD_GET reply: genlmsghdr and the attributes, checked as
 * {@code TcpMetricsCodec.decode} checks them (addresses of 4 or 16 bytes, each number as wide as its type, every
 * metric in TCP_METRICS_ATTR_VALS a u32, a destination present), the offered ones noted where they lie.
 */
public final class TcpMetricsFlyweight extends DumpView implements TcpMetricsView {
    private static final int GENL_HDRLEN = 4;
    private long dstAt, srcAt;
    private int dstLen, srcLen;
    private long age, rttMs, rttVarMs, rttUs, rttVarUs, ssthresh, cwnd;

    /** Points the view at the reply at {@code off}; a malformed message fails here, as the record's decoder does. */
    public void open(MemorySegment s, long off, int len) throws ProtocolException {
        open(s, off, len, GENL_HDRLEN, "TCP_METRICS_CMD_GET reply");
    }

    /** Ends the callback. */
    public void end() {
        close();
    }

    @Override
    void scan() throws ProtocolException {
        dstAt = srcAt = -1;
        dstLen = srcLen = 0;
        age = rttMs = rttVarMs = ssthresh = cwnd = 0;
        rttUs = rttVarUs = -1;
        while (a.next()) {
            switch (a.type()) {
                case TCP_METRICS_ATTR_ADDR_IPV4, TCP_METRICS_ATTR_ADDR_IPV6 -> {
                    dstAt = Views.inet(a);
                    dstLen = a.payloadLength();
                }
                case TCP_METRICS_ATTR_SADDR_IPV4, TCP_METRICS_ATTR_SADDR_IPV6 -> {
                    srcAt = Views.inet(a);
                    srcLen = a.payloadLength();
                }
                case TCP_METRICS_ATTR_AGE -> age = a.u64();
                case TCP_METRICS_ATTR_TW_TSVAL, TCP_METRICS_ATTR_TW_TS_STAMP -> a.u32();
                case TCP_METRICS_ATTR_FOPEN_MSS, TCP_METRICS_ATTR_FOPEN_SYN_DROPS -> a.u16();
                case TCP_METRICS_ATTR_FOPEN_SYN_DROP_TS -> a.u64();
                case TCP_METRICS_ATTR_VALS -> values();
                default -> { }
            }
        }
        if (dstAt < 0) throw new ProtocolException("TCP_METRICS_CMD_GET reply without a destination address");
    }

    private void values() throws ProtocolException {
        a.nestedAttrs(nest, "TCP_METRICS_ATTR_VALS");
        while (nest.next()) {
            long x = nest.u32() & 0xFFFF_FFFFL;
            switch (nest.type()) {
                case TCP_METRICS_A_METRICS_RTT -> rttMs = x;
                case TCP_METRICS_A_METRICS_RTTVAR -> rttVarMs = x;
                case TCP_METRICS_A_METRICS_RTT_US -> rttUs = x;
                case TCP_METRICS_A_METRICS_RTTVAR_US -> rttVarUs = x;
                case TCP_METRICS_A_METRICS_SSTHRESH -> ssthresh = x;
                case TCP_METRICS_A_METRICS_CWND -> cwnd = x;
                default -> { }
            }
        }
    }

    @Override
    public InetAddress destination() {
        check();
        return IpText.address(bytes(dstAt, dstLen));
    }

    @Override
    public int copyDestination(byte[] into) {
        check();
        return copy(dstAt, dstLen, into);
    }

    @Override
    public Optional<InetAddress> source() {
        check();
        return srcAt < 0 ? Optional.empty() : Optional.of(IpText.address(bytes(srcAt, srcLen)));
    }

    @Override
    public long ageMillis() {
        check();
        return age;
    }

    @Override
    public long rttMicros() {
        check();
        // the kernel keeps srtt scaled by 8, as the record's decoder reads it
        return rttUs >= 0 ? rttUs >> 3 : (rttMs * 1000) >> 3;
    }

    @Override
    public long rttVarianceMicros() {
        check();
        return rttVarUs >= 0 ? rttVarUs >> 2 : (rttVarMs * 1000) >> 2;
    }

    @Override
    public long ssthresh() {
        check();
        return ssthresh;
    }

    @Override
    public long cwnd() {
        check();
        return cwnd;
    }

    @Override
    public String toString() {
        return "TcpMetricsView[" + IpText.text(destination()) + "]";
    }
}
