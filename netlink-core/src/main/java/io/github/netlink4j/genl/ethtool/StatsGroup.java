package io.github.netlink4j.genl.ethtool;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One group of a device's standard statistics ({@code ethtool -S DEV --groups NAME}, an ETHTOOL_A_STATS_GRP
 * nest of ETHTOOL_MSG_STATS_GET_REPLY): the counters the driver reports, named by the kernel's string set of
 * the group (ETHTOOL_A_STATS_GRP_SS_ID, such as ETH_SS_STATS_ETH_MAC), in the kernel's order. A counter the
 * driver does not keep is absent, not zero: a device without the group's callbacks (a veth) reports the group
 * with no counters at all.
 *
 * @param id          ETHTOOL_A_STATS_GRP_ID: the group's bit in the ETH_SS_STATS_STD string set (0 eth-phy,
 *                    1 eth-mac, 2 eth-ctrl, 3 rmon, …)
 * @param name        the group's name in that string set, such as {@code "eth-mac"}
 * @param stringSet   ETHTOOL_A_STATS_GRP_SS_ID: the string set naming its counters
 * @param counters    each counter's value by its name (ETHTOOL_A_STATS_GRP_STAT), unsigned 64-bit
 * @param rxHistogram the RMON received-frame length histogram (ETHTOOL_A_STATS_GRP_HIST_RX), empty elsewhere
 * @param txHistogram the RMON sent-frame length histogram (ETHTOOL_A_STATS_GRP_HIST_TX), empty elsewhere
 */
public record StatsGroup(int id, String name, int stringSet, Map<String, Long> counters, List<Bucket> rxHistogram,
                         List<Bucket> txHistogram) {
    /** Checks that nothing is null and copies the collections (the counters keep the kernel's order). */
    public StatsGroup {
        Objects.requireNonNull(name);
        counters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counters));
        rxHistogram = List.copyOf(rxHistogram);
        txHistogram = List.copyOf(txHistogram);
    }

    /**
     * One bucket of an RMON histogram: frames of {@code low} to {@code high} bytes (ETHTOOL_A_STATS_GRP_HIST_BKT_LOW
     * and _HI; a high of 0 is the kernel's "and longer") and how many there were (_HIST_VAL, unsigned 64-bit).
     */
    public record Bucket(long low, long high, long value) {}
}
