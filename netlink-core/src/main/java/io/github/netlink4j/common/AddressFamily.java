package io.github.netlink4j.common;


/**
 * The address family of an address, route or neighbour entry: the {@code AF_*} number of
 * linux/socket.h that rtnetlink messages carry ({@code ifa_family}, {@code rtm_family},
 * {@code ndm_family}), and what {@code ip -4}/{@code ip -6} select. One type for every handle.
 *
 * {@snippet :
 * List<Route> v6 = nl.routes().list(AddressFamily.INET6);   // ip -6 route show table all
 * AddressFamily f = AddressFamily.of(InetAddress.ofLiteral("10.200.0.2"));   // INET
 * }
 */
public enum AddressFamily {
    /** IPv4 ({@code AF_INET}, 2). */
    INET(2, "inet"),
    /** IPv6 ({@code AF_INET6}, 10). */
    INET6(10, "inet6"),
    /** Bridge forwarding entries ({@code AF_BRIDGE}, 7): neighbour notifications of a bridge's FDB. */
    BRIDGE(7, "bridge");

    private final int value;
    private final String text;

    AddressFamily(int value, String text) {
        this.value = value;
        this.text = text;
    }

    /** The kernel's {@code AF_*} number. */
    public int value() {
        return value;
    }

    /** The family as ip names it: {@code inet}, {@code inet6}, {@code bridge}. */
    public String text() {
        return text;
    }

    /**
     * The family with kernel number {@code value}.
     *
     * @throws IllegalArgumentException if no constant has that number
     */
    public static AddressFamily of(int value) {
        return switch (value) {
            case 2 -> INET;
            case 10 -> INET6;
            case 7 -> BRIDGE;
            default -> throw new IllegalArgumentException("unknown address family " + value);
        };
    }

    /** The family of {@code address}: INET for an {@link java.net.Inet4Address}, else INET6. */
    public static AddressFamily of(java.net.InetAddress address) {
        return address instanceof java.net.Inet4Address ? INET : INET6;
    }
}
