package io.github.netlink4j.route;

/**
 * How a nexthop group spreads flows over its members ({@code NHA_GROUP_TYPE}, NEXTHOP_GRP_TYPE_* of
 * linux/nexthop.h).
 *
 * {@snippet :
 * nl.nexthops().add(NexthopObjectSpec.group(11, members).withResilient(8).withIdleTimer(Duration.ofSeconds(60)));   // … type resilient buckets 8
 * }
 */
public enum NexthopGroupType {
    /** NEXTHOP_GRP_TYPE_MPATH (0): hash-threshold multipath, the default ({@code mpath}). */ MPATH,
    /** NEXTHOP_GRP_TYPE_RES (1): resilient hashing over a fixed table of buckets ({@code resilient}). */ RESILIENT;

    /** The kernel value. */
    public int value() {
        return ordinal();
    }

    /** The name ip uses. */
    public String text() {
        return this == MPATH ? "mpath" : "resilient";
    }
}
