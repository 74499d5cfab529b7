package io.github.netlink4j.genl.tcpmetrics;

import java.net.InetAddress;
import java.util.Optional;

/**
 * One entry of a streaming dump of the TCP metrics cache ({@code TcpMetrics.forEach} in
 * {@code io.github.netlink4j.generic}), read from the received bytes as it is asked: a view over one
 * TCP_METRICS_CMD_GET reply, reused for the next. The cache holds an entry per peer a host has talked to, so a
 * server's runs to thousands. The numbers allocate nothing, nor does {@link #copyDestination};
 * {@link #destination()} and {@link #source()} make what they return.
 *
 * <p>Valid only during the callback it was handed to: a method called after the callback returned throws
 * {@link IllegalStateException}. Keep what it returns, never the view.
 */
public interface TcpMetricsView {
    /** TCP_METRICS_ATTR_ADDR_IPV4 or _IPV6, as {@link TcpMetricsEntry#destination()}. */
    InetAddress destination();

    /** Copies the bytes of {@link #destination()} as the kernel sent them (4 or 16) into {@code into}, if it is long enough, and returns their count. */
    int copyDestination(byte[] into);

    /** TCP_METRICS_ATTR_SADDR_IPV4 or _IPV6, as {@link TcpMetricsEntry#source()}. */
    Optional<InetAddress> source();

    /** TCP_METRICS_ATTR_AGE in milliseconds, as {@link TcpMetricsEntry#age()}. */
    long ageMillis();

    /** The smoothed round-trip time in microseconds as {@link TcpMetricsEntry#rtt()} computes it; 0 where the record has none. */
    long rttMicros();

    /** Its variance in microseconds, as {@link TcpMetricsEntry#rttVariance()}; 0 where the record has none. */
    long rttVarianceMicros();

    /** TCP_METRICS_A_METRICS_SSTHRESH; 0 without one. */
    long ssthresh();

    /** TCP_METRICS_A_METRICS_CWND; 0 without one. */
    long cwnd();
}
