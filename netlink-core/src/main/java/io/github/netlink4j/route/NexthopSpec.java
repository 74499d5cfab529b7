package io.github.netlink4j.route;

import io.github.netlink4j.support.Validate;


import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * One path of a multipath route to add: {@code nexthop via GW dev LINK weight W} (a {@code struct
 * rtnexthop} in {@code RTA_MULTIPATH}).
 *
 * {@snippet :
 * nl.routes().add(RouteSpec.to("10.200.17.0/24").withNexthops(List.of(
 *         NexthopSpec.via(InetAddress.ofLiteral("10.200.0.1"), "veth0").withWeight(2),
 *         NexthopSpec.via(InetAddress.ofLiteral("10.200.3.1"), "veth2"))));   // ip route add … nexthop via … weight 2 nexthop via …
 * }
 *
 * @param gateway the gateway (RTA_GATEWAY inside the nexthop)
 * @param link    the output link's name (rtnh_ifindex once resolved)
 * @param weight  1 to 256
 */
public record NexthopSpec(Optional<InetAddress> gateway, String link, int weight) {
    /** Validates the link name and the weight. */
    public NexthopSpec {
        Objects.requireNonNull(gateway);
        Validate.ifName(link);
        if (weight < 1 || weight > 256) throw new IllegalArgumentException("nexthop weight " + weight + " is out of range (1 to 256)");
    }

    /** A path via {@code gateway} out of {@code link} with weight 1. */
    public static NexthopSpec via(InetAddress gateway, String link) {
        return new NexthopSpec(Optional.of(gateway), link, 1);
    }

    /** A copy with {@code weight} set. */
    public NexthopSpec withWeight(int weight) {
        return new NexthopSpec(gateway, link, weight);
    }
}
