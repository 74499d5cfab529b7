package io.github.netlink4j.route;

import io.github.netlink4j.common.AddressFamily;

import java.net.InetAddress;
import java.util.Optional;

/**
 * One nexthop object of a streaming dump ({@link io.github.netlink4j.Nexthops#forEach}), read from the
 * received bytes as it is asked: a view over one RTM_NEWNEXTHOP, reused for the next. Everything but
 * {@link #gateway()}, which makes what it returns, allocates nothing; a group's members are read by position.
 *
 * <p>Valid only during the callback it was handed to: a method called after the callback returned throws
 * {@link IllegalStateException}.
 *
 * {@snippet :
 * nl.nexthops().forEach(v -> { if (v.isGroup()) System.out.println(v.id() + " has " + v.groupSize() + " members"); });
 * }
 */
public interface NexthopView {
    /** NHA_ID. */
    long id();

    /** nh_family; empty (AF_UNSPEC) for a group. */
    Optional<AddressFamily> family();

    /** nh_scope. */
    RouteScope scope();

    /** nh_protocol. */
    RouteProtocol protocol();

    /** nh_flags as the kernel sent them. */
    int rawFlags();

    /** Whether nh_flags has {@code flag}. */
    boolean has(NexthopFlag flag);

    /** NHA_GATEWAY; empty without one. */
    Optional<InetAddress> gateway();

    /** Copies NHA_GATEWAY's bytes into {@code into}, if it is long enough, and returns their count, 0 without one. */
    int copyGateway(byte[] into);

    /** NHA_OIF, 0 without one (a group, a blackhole). */
    int outputIndex();

    /** NHA_BLACKHOLE. */
    boolean blackhole();

    /** NHA_FDB. */
    boolean fdb();

    /** Whether NHA_GROUP lists members. */
    boolean isGroup();

    /** The number of NHA_GROUP members, 0 for a single nexthop. */
    int groupSize();

    /**
     * The id of member {@code i} of NHA_GROUP.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= i < groupSize()}
     */
    long memberId(int i);

    /**
     * The weight (1..256) of member {@code i} of NHA_GROUP.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= i < groupSize()}
     */
    int memberWeight(int i);

    /** NHA_GROUP_TYPE; empty for a single nexthop. */
    Optional<NexthopGroupType> groupType();
}
