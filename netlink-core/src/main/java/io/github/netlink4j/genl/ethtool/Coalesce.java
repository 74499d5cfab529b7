package io.github.netlink4j.genl.ethtool;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A device's interrupt coalescing parameters ({@code ethtool -c}, ETHTOOL_MSG_COALESCE_GET_REPLY), by the
 * names the kernel's ethtool spec gives them ({@code rx-usecs}, {@code tx-max-frames},
 * {@code use-adaptive-rx}, …): some thirty numbers and switches, of which a driver reports those it has.
 * A switch is 0 or 1. Kept as a map rather than thirty fields: a driver reports a few, and each kernel adds some.
 *
 * @param link       the device's name (ETHTOOL_A_HEADER_DEV_NAME)
 * @param index      its interface index (ETHTOOL_A_HEADER_DEV_INDEX)
 * @param parameters the ETHTOOL_A_COALESCE_* values the driver reported, in the kernel's order
 */
public record Coalesce(String link, int index, Map<String, Long> parameters) {
    /** Copies the map, keeping its order. */
    public Coalesce {
        Objects.requireNonNull(link);
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** The parameter named {@code name} ({@code rx-usecs}), if the driver reported it. */
    public OptionalLong parameter(String name) {
        Long v = parameters.get(name);
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }
}
