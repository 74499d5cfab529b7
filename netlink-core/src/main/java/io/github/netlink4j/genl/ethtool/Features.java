package io.github.netlink4j.genl.ethtool;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The offload features of one device ({@code ethtool -k DEV}), in the kernel's order of ETH_SS_FEATURES.
 *
 * @param link     ETHTOOL_A_HEADER_DEV_NAME
 * @param index    ETHTOOL_A_HEADER_DEV_INDEX
 * @param features every feature the kernel names
 */
public record Features(String link, int index, List<Feature> features) {
    /** Copies the list. */
    public Features {
        Objects.requireNonNull(link);
        features = List.copyOf(features);
    }

    /** The feature named {@code name}, if the kernel has one so named. */
    public Optional<Feature> feature(String name) {
        return features.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** Whether each feature is on, by name, in the kernel's order. */
    public Map<String, Boolean> active() {
        Map<String, Boolean> m = new LinkedHashMap<>();
        for (Feature f : features) m.put(f.name(), f.active());
        return java.util.Collections.unmodifiableMap(m);
    }
}
