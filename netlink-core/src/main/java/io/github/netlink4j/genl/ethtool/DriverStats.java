package io.github.netlink4j.genl.ethtool;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A driver's own statistics ({@code ethtool -S DEV}: the ETH_SS_STATS string set and ETHTOOL_GSTATS of the
 * ethtool ioctl, which netlink does not carry), in the driver's order. The names are the driver's
 * ({@code peer_ifindex}, {@code rx_queue_0_xdp_packets} for a veth) and may repeat, so they are a list.
 *
 * @param link     the device's name
 * @param counters each counter, in the driver's order
 */
public record DriverStats(String link, List<Counter> counters) {
    /** Checks that nothing is null and copies the list. */
    public DriverStats {
        Objects.requireNonNull(link);
        counters = List.copyOf(counters);
    }

    /** The value of the first counter named {@code name}, if the driver has one. */
    public OptionalLong value(String name) {
        for (Counter c : counters) {
            if (c.name().equals(name)) return OptionalLong.of(c.value());
        }
        return OptionalLong.empty();
    }

    /** One counter: its name (up to ETH_GSTRING_LEN, 32 bytes) and value (unsigned 64-bit). */
    public record Counter(String name, long value) {
        /** Checks that the name is not null. */
        public Counter {
            Objects.requireNonNull(name);
        }
    }
}
