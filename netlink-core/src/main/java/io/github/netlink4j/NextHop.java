package io.github.netlink4j;

import java.net.InetAddress;
import java.util.Optional;

/**
 * One path of a multipath route ({@code struct rtnexthop} in RTA_MULTIPATH): {@code nexthop via GW dev
 * LINK weight W}.
 *
 * @param gateway the gateway (RTA_GATEWAY inside the nexthop)
 * @param index   the output link index (rtnh_ifindex); 0 in a spec resolves {@code link}
 * @param link    the output link name, for specs (empty in decoded routes)
 * @param weight  1 to 256 (rtnh_hops + 1)
 * @param flags   RTNH_F_* bits (dead, onlink, linkdown …)
 */
public record NextHop(Optional<InetAddress> gateway, int index, Optional<String> link, int weight, int flags) {
    /** Validates the weight. */
    public NextHop {
        if (weight < 1 || weight > 256) throw new IllegalArgumentException("nexthop weight " + weight + " is out of range (1 to 256)");
        link.ifPresent(Validate::ifName);
    }

    /** A path via {@code gateway} out of {@code link} with weight 1. */
    public static NextHop via(InetAddress gateway, String link) {
        return new NextHop(Optional.of(gateway), 0, Optional.of(link), 1, 0);
    }

    /** The same path with another weight. */
    public NextHop withWeight(int w) {
        return new NextHop(gateway, index, link, w, flags);
    }
}
