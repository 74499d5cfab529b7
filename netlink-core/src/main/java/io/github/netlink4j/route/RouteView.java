package io.github.netlink4j.route;

import io.github.netlink4j.common.AddressFamily;

import java.net.InetAddress;
import java.util.Optional;

/**
 * One route of a streaming dump ({@link io.github.netlink4j.Routes#forEach}), read from the received bytes
 * as it is asked: a view over one RTM_NEWROUTE, reused for the next. The numbers, the enums, the tables,
 * protocols and scopes the kernel numbers below 256, and the {@code copy…} methods allocate nothing;
 * {@link #destination()} and {@link #gateway()} make what they return.
 *
 * <p>Valid only during the callback it was handed to: a method called after the callback returned throws
 * {@link IllegalStateException}.
 *
 * {@snippet :
 * nl.routes().forEach(AddressFamily.INET, RouteSelector.of(RouteTable.MAIN),
 *         v -> System.out.println(v.destination() + "/" + v.destinationLength() + " dev " + v.outputIndex()));
 * }
 */
public interface RouteView {
    /** RTA_TABLE, or rtm_table without it. */
    RouteTable table();

    /** rtm_family. */
    AddressFamily family();

    /** RTA_DST; empty for a default route. */
    Optional<InetAddress> destination();

    /** Copies RTA_DST's bytes into {@code into}, if it is long enough, and returns their count: 0 for a default route. */
    int copyDestination(byte[] into);

    /** rtm_dst_len. */
    int destinationLength();

    /** RTA_GATEWAY; empty without one (a route of a multipath set has its gateways in its next hops). */
    Optional<InetAddress> gateway();

    /** Copies RTA_GATEWAY's bytes into {@code into}, if it is long enough, and returns their count, 0 without one. */
    int copyGateway(byte[] into);

    /** RTA_OIF, 0 without one (a multipath route, a blackhole). */
    int outputIndex();

    /** RTA_PRIORITY, the metric, a u32; 0 when the kernel sent none, which is the metric such a route has. */
    long metric();

    /** rtm_protocol. */
    RouteProtocol protocol();

    /** rtm_type. */
    RouteType type();

    /** rtm_scope. */
    RouteScope scope();
}
