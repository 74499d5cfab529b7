package io.github.netlink4j;

/**
 * The 64-bit link counters ({@code IFLA_STATS64}, struct rtnl_link_stats64), first ten fields.
 *
 * @param rxPackets  packets received
 * @param txPackets  packets sent
 * @param rxBytes    bytes received
 * @param txBytes    bytes sent
 * @param rxErrors   receive errors
 * @param txErrors   transmit errors
 * @param rxDropped  received packets dropped
 * @param txDropped  packets dropped on transmit
 * @param multicast  multicast packets received
 * @param collisions collisions
 */
public record LinkStats(long rxPackets, long txPackets, long rxBytes, long txBytes, long rxErrors, long txErrors,
                        long rxDropped, long txDropped, long multicast, long collisions) {
}
