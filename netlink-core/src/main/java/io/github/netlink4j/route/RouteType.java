package io.github.netlink4j.route;

/**
 * Route types ({@code rtm_type}, {@code RTN_*} of linux/rtnetlink.h), as {@code ip route} names them.
 *
 * {@snippet :
 * nl.routes().add(RouteSpec.to("10.200.8.0/24").withType(RouteType.BLACKHOLE));   // ip route add blackhole 10.200.8.0/24
 * }
 */
public enum RouteType {
    /** 0. */ UNSPEC,
    /** 1: a gateway or direct route. */ UNICAST,
    /** 2: accept locally. */ LOCAL,
    /** 3: accept locally as broadcast, send as broadcast. */ BROADCAST,
    /** 4: accept locally as broadcast, send as unicast. */ ANYCAST,
    /** 5: multicast. */ MULTICAST,
    /** 6: drop silently. */ BLACKHOLE,
    /** 7: destination unreachable. */ UNREACHABLE,
    /** 8: administratively prohibited. */ PROHIBIT,
    /** 9: continue the lookup in another table. */ THROW,
    /** 10: translate this address. */ NAT,
    /** 11: use an external resolver. */ XRESOLVE;

    private static final RouteType[] VALUES = values();

    /** The kernel value. */
    public int value() {
        return ordinal();
    }

    /** The name ip uses, such as {@code unicast}. */
    public String text() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The type with kernel value {@code value}.
     *
     * @throws IllegalArgumentException if no constant has that value
     */
    public static RouteType of(int value) {
        RouteType[] all = VALUES;
        if (value < 0 || value >= all.length) throw new IllegalArgumentException("unknown route type " + value);
        return all[value];
    }

    /**
     * The type ip names {@code text} ({@code unicast}, {@code blackhole}, …) or its number, as
     * {@code ip route show type T} reads it.
     *
     * @throws IllegalArgumentException for any other text
     */
    public static RouteType of(String text) {
        for (RouteType t : VALUES) if (t != UNSPEC && t.text().equals(text)) return t;
        try {
            return of(Integer.decode(text));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("unknown route type \"" + text + "\"");
        }
    }
}
