package io.github.netlink4j.route;

/**
 * The scope of a route or address ({@code rtm_scope}, {@code ifa_scope}; {@code RT_SCOPE_*} of
 * linux/rtnetlink.h): any value from 0 to 255, with the kernel's named scopes as constants, printed
 * with ip's names ({@code global}, {@code site}, {@code link}, {@code host}, {@code nowhere}) or the number.
 *
 * {@snippet :
 * nl.routes().add(RouteSpec.to("10.200.9.0/24").withLink("veth0").withScope(RouteScope.LINK));   // … scope link
 * }
 *
 * @param value the kernel value
 */
public record RouteScope(int value) {
    /** {@code RT_SCOPE_UNIVERSE} (0), printed {@code global}. */ public static final RouteScope UNIVERSE = new RouteScope(0);
    /** {@code RT_SCOPE_SITE} (200). */ public static final RouteScope SITE = new RouteScope(200);
    /** {@code RT_SCOPE_LINK} (253). */ public static final RouteScope LINK = new RouteScope(253);
    /** {@code RT_SCOPE_HOST} (254). */ public static final RouteScope HOST = new RouteScope(254);
    /** {@code RT_SCOPE_NOWHERE} (255). */ public static final RouteScope NOWHERE = new RouteScope(255);

    /** Checks the value: 0 to 255. */
    public RouteScope {
        if (value < 0 || value > 255) throw new IllegalArgumentException("scope " + value + " is out of range (0 to 255)");
    }

    /** The scope with kernel value {@code value} (0 to 255). */
    public static RouteScope of(int value) {
        return switch (value) {
            case 0 -> UNIVERSE;
            case 200 -> SITE;
            case 253 -> LINK;
            case 254 -> HOST;
            case 255 -> NOWHERE;
            default -> new RouteScope(value);
        };
    }

    /**
     * Parses ip's spelling: {@code global}, {@code universe}, {@code site}, {@code link}, {@code host},
     * {@code nowhere} or a number.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static RouteScope of(String text) {
        return switch (text) {
            case "global", "universe" -> UNIVERSE;
            case "site" -> SITE;
            case "link" -> LINK;
            case "host" -> HOST;
            case "nowhere" -> NOWHERE;
            default -> {
                try {
                    yield of(Integer.parseInt(text));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("unknown scope \"" + text + "\"", e);
                }
            }
        };
    }

    /** The name ip prints, or the number. */
    @Override
    public String toString() {
        return switch (value) {
            case 0 -> "global";
            case 200 -> "site";
            case 253 -> "link";
            case 254 -> "host";
            case 255 -> "nowhere";
            default -> Integer.toString(value);
        };
    }
}
