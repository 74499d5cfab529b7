package io.github.netlink4j.genl.ethtool;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A device's standard statistics ({@code ethtool -S DEV --all-groups}, ETHTOOL_MSG_STATS_GET_REPLY): the
 * groups the kernel answered for, each with the counters the driver keeps.
 *
 * @param link   the device's name (ETHTOOL_A_HEADER_DEV_NAME)
 * @param index  its interface index (ETHTOOL_A_HEADER_DEV_INDEX)
 * @param source ETHTOOL_A_STATS_SRC: which MAC the counters are of (ETHTOOL_MAC_STATS_SRC_AGGREGATE 0, _EMAC 1,
 *               _PMAC 2); empty from kernels before 6.4
 * @param groups the groups, in the kernel's order
 */
public record StandardStats(String link, int index, OptionalInt source, List<StatsGroup> groups) {
    /** Checks that nothing is null and copies the list. */
    public StandardStats {
        Objects.requireNonNull(link);
        Objects.requireNonNull(source);
        groups = List.copyOf(groups);
    }

    /** The group named {@code name} ({@code "eth-mac"}, {@code "rmon"}, …), if the kernel reported it. */
    public Optional<StatsGroup> group(String name) {
        return groups.stream().filter(g -> g.name().equals(name)).findFirst();
    }
}
