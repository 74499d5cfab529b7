package io.github.netlink4j.route;

import io.github.netlink4j.common.AddressFamily;

/**
 * An IPv6 router preference ({@code RTA_PREF}, {@code ICMPV6_ROUTER_PREF_*} of linux/icmpv6.h), as ip
 * prints it.
 *
 * {@snippet :
 * Optional<RoutePreference> p = nl.routes().list(AddressFamily.INET6).get(0).preference();   // … pref medium
 * }
 */
public enum RoutePreference {
    /** {@code ICMPV6_ROUTER_PREF_MEDIUM} (0). */
    MEDIUM(0),
    /** {@code ICMPV6_ROUTER_PREF_HIGH} (1). */
    HIGH(1),
    /** {@code ICMPV6_ROUTER_PREF_LOW} (3). */
    LOW(3);

    private final int value;

    RoutePreference(int value) {
        this.value = value;
    }

    /** The kernel value. */
    public int value() {
        return value;
    }

    /** The name ip uses: {@code medium}, {@code high}, {@code low}. */
    public String text() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The preference with kernel value {@code value}.
     *
     * @throws IllegalArgumentException if no constant has that value (2 is ICMPV6_ROUTER_PREF_INVALID)
     */
    public static RoutePreference of(int value) {
        return switch (value) {
            case 0 -> MEDIUM;
            case 1 -> HIGH;
            case 3 -> LOW;
            default -> throw new IllegalArgumentException("unknown route preference " + value);
        };
    }
}
