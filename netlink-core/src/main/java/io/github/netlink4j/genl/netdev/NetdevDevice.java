package io.github.netlink4j.genl.netdev;

import java.util.Set;
import java.util.OptionalLong;

/**
 * One device as the netdev family reports it (NETDEV_CMD_DEV_GET): its index and XDP capabilities.
 *
 * @param index           NETDEV_A_DEV_IFINDEX
 * @param rawXdpFeatures  NETDEV_A_DEV_XDP_FEATURES as sent, bits of newer kernels included
 * @param xdpFeatures     the bits of {@code rawXdpFeatures} that {@link XdpFeature} names
 * @param xdpZcMaxSegs    NETDEV_A_DEV_XDP_ZC_MAX_SEGS, if sent
 * @param xdpRxMetadata   NETDEV_A_DEV_XDP_RX_METADATA_FEATURES by the spec's names ({@code timestamp}, {@code hash}, …)
 * @param xskFeatures     NETDEV_A_DEV_XSK_FEATURES by the spec's names ({@code tx-timestamp}, …)
 */
public record NetdevDevice(int index, long rawXdpFeatures, Set<XdpFeature> xdpFeatures, OptionalLong xdpZcMaxSegs,
                           Set<String> xdpRxMetadata, Set<String> xskFeatures) {
    /** Copies the sets. */
    public NetdevDevice {
        xdpFeatures = Set.copyOf(xdpFeatures);
        xdpRxMetadata = Set.copyOf(xdpRxMetadata);
        xskFeatures = Set.copyOf(xskFeatures);
        java.util.Objects.requireNonNull(xdpZcMaxSegs);
    }
}
