package io.github.netlink4j;

/** Route types ({@code RTN_*} of linux/rtnetlink.h), as {@code ip route} names them. */
public enum RouteType {
    UNSPEC, UNICAST, LOCAL, BROADCAST, ANYCAST, MULTICAST, BLACKHOLE, UNREACHABLE, PROHIBIT, THROW, NAT, XRESOLVE;

    /** The kernel value (RTN_UNICAST = 1, …). */
    public int value() {
        return ordinal();
    }

    /** The type for a kernel value; UNSPEC if unknown. */
    public static RouteType of(int v) {
        return v >= 0 && v < values().length ? values()[v] : UNSPEC;
    }
}
