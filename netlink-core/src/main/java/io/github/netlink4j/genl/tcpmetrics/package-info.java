/**
 * The kernel's TCP metrics cache (generic netlink family {@code tcp_metrics}): what it remembers per
 * destination of past connections (round-trip time, congestion window, slow-start threshold, TCP Fast
 * Open state), read and cleared with {@link io.github.netlink4j.generic.TcpMetrics}:
 *
 * {@snippet :
 * for (TcpMetricsEntry e : nl.genl().tcpMetrics().list())     // ip tcp_metrics show
 *     System.out.println(e.destination() + " rtt " + e.rtt());
 * nl.genl().tcpMetrics().flush();                             // ip tcp_metrics flush
 * }
 */
package io.github.netlink4j.genl.tcpmetrics;
