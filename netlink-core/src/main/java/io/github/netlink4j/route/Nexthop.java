package io.github.netlink4j.route;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.support.FlagSet;

import java.net.InetAddress;
import java.util.Optional;

/**
 * One path of a multipath route as the kernel reports it ({@code struct rtnexthop} in
 * {@code RTA_MULTIPATH}): {@code nexthop via GW dev LINK weight W}. Requests use {@link NexthopSpec}.
 *
 * {@snippet :
 * for (Nexthop h : nl.routes().list(AddressFamily.INET).get(0).multipath()) System.out.println(h);   // the nexthop lines of ip route
 * }
 *
 * @param gateway     RTA_GATEWAY inside the nexthop
 * @param outputIndex rtnh_ifindex
 * @param weight      1 to 256 (rtnh_hops + 1)
 * @param flags       rtnh_flags
 */
public record Nexthop(Optional<InetAddress> gateway, int outputIndex, int weight, java.util.Set<NexthopFlag> flags) {
    /** Makes the set immutable. */
    public Nexthop {
        flags = flags instanceof FlagSet ? flags : java.util.Set.copyOf(flags);
    }
}
