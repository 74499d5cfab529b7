package io.github.netlink4j.genl.tcpmetrics;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What the kernel remembers of the TCP connections to one destination (from one source), as
 * {@code ip tcp_metrics show} prints it: one TCP_METRICS_CMD_GET reply.
 *
 * @param destination       TCP_METRICS_ATTR_ADDR_IPV4 or _IPV6
 * @param source            TCP_METRICS_ATTR_SADDR_IPV4 or _IPV6 (kernels before 3.13 send none)
 * @param age               TCP_METRICS_ATTR_AGE: since the entry was last updated
 * @param rtt               the smoothed round-trip time (TCP_METRICS_A_METRICS_RTT_US, else _RTT in ms, over 8 as
 *                          the kernel keeps it scaled, as ip prints it); empty when the kernel sent none or 0
 * @param rttVariance       the same of TCP_METRICS_A_METRICS_RTTVAR_US / _RTTVAR (scaled by 4)
 * @param ssthresh          TCP_METRICS_A_METRICS_SSTHRESH
 * @param cwnd              TCP_METRICS_A_METRICS_CWND
 * @param reordering        TCP_METRICS_A_METRICS_REODERING (the uapi's spelling)
 * @param twTsVal           TCP_METRICS_ATTR_TW_TSVAL
 * @param twTsStamp         TCP_METRICS_ATTR_TW_TS_STAMP, seconds (signed)
 * @param fastOpenMss       TCP_METRICS_ATTR_FOPEN_MSS
 * @param fastOpenSynDrops  TCP_METRICS_ATTR_FOPEN_SYN_DROPS
 * @param fastOpenSynDropAge TCP_METRICS_ATTR_FOPEN_SYN_DROP_TS: since the last SYN drop
 * @param fastOpenCookie    TCP_METRICS_ATTR_FOPEN_COOKIE as lowercase hex (at most 16 bytes)
 * @param otherMetrics      metrics of the values nest this library does not name, by attribute type
 */
public record TcpMetricsEntry(InetAddress destination, Optional<InetAddress> source, Duration age,
                              Optional<Duration> rtt, Optional<Duration> rttVariance, OptionalLong ssthresh,
                              OptionalLong cwnd, OptionalLong reordering, OptionalLong twTsVal, OptionalInt twTsStamp,
                              OptionalInt fastOpenMss, OptionalInt fastOpenSynDrops, Optional<Duration> fastOpenSynDropAge,
                              Optional<String> fastOpenCookie, Map<Integer, Long> otherMetrics) {
    /** Checks that nothing is null and copies the map. */
    public TcpMetricsEntry {
        Objects.requireNonNull(destination);
        Objects.requireNonNull(source);
        Objects.requireNonNull(age);
        Objects.requireNonNull(rtt);
        Objects.requireNonNull(rttVariance);
        Objects.requireNonNull(ssthresh);
        Objects.requireNonNull(cwnd);
        Objects.requireNonNull(reordering);
        Objects.requireNonNull(twTsVal);
        Objects.requireNonNull(twTsStamp);
        Objects.requireNonNull(fastOpenMss);
        Objects.requireNonNull(fastOpenSynDrops);
        Objects.requireNonNull(fastOpenSynDropAge);
        Objects.requireNonNull(fastOpenCookie);
        otherMetrics = Map.copyOf(otherMetrics);
    }
}
