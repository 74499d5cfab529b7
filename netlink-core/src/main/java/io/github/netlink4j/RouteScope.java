package io.github.netlink4j;

/** Route and address scopes ({@code RT_SCOPE_*} of linux/rtnetlink.h). */
public enum RouteScope {
    UNIVERSE(0), SITE(200), LINK(253), HOST(254), NOWHERE(255);

    private final int value;

    RouteScope(int value) {
        this.value = value;
    }

    /** The kernel value. */
    public int value() {
        return value;
    }

    /** The scope for a kernel value; values between the named ones map to the nearest known, UNIVERSE below SITE. */
    private static final RouteScope[] VALUES = values();

    public static RouteScope of(int v) {
        for (RouteScope s : VALUES) if (s.value == v) return s;
        return v < 200 ? UNIVERSE : v < 253 ? SITE : NOWHERE;
    }
}
