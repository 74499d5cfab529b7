package io.github.netlink4j.neighbour;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.common.MacAddress;
import io.github.netlink4j.route.RouteProtocol;

import java.net.InetAddress;
import java.util.Optional;

/**
 * One neighbour entry of a streaming dump ({@link io.github.netlink4j.Neighbours#forEach}), read from the
 * received bytes as it is asked: a view over one RTM_NEWNEIGH, reused for the next. The numbers, the
 * enums, the {@code has} tests, {@link #protocol()} and the {@code copy…} methods allocate nothing;
 * {@link #address()} and {@link #lladdr()} make what they return.
 *
 * <p>Valid only during the callback it was handed to: a method called after the callback returned throws
 * {@link IllegalStateException}.
 *
 * {@snippet :
 * nl.neighbours().forEach(v -> { if (v.has(NeighbourState.REACHABLE)) System.out.println(v.address() + " " + v.lladdr()); });
 * }
 */
public interface NeighbourView {
    /** ndm_ifindex: the link's index. */
    int index();

    /** ndm_family. */
    AddressFamily family();

    /** NDA_DST; empty without one (a bridge FDB entry). */
    Optional<InetAddress> address();

    /** Copies NDA_DST's bytes (4 or 16) into {@code into}, if it is long enough, and returns their count, 0 without one. */
    int copyAddress(byte[] into);

    /** NDA_LLADDR; empty without one (an incomplete entry). */
    Optional<MacAddress> lladdr();

    /** Copies NDA_LLADDR into {@code into}, if it is long enough, and returns its length, 0 without one. */
    int copyLladdr(byte[] into);

    /** ndm_state as the kernel sent it. */
    int rawState();

    /** Whether ndm_state has {@code state}. */
    boolean has(NeighbourState state);

    /** ndm_flags as the kernel sent them. */
    int rawFlags();

    /** Whether ndm_flags has {@code flag}. */
    boolean has(NeighbourFlag flag);

    /** NDA_PROTOCOL: who added the entry; empty when the kernel reports none. */
    Optional<RouteProtocol> protocol();
}
