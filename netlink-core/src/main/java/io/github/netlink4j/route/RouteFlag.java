package io.github.netlink4j.route;

import io.github.netlink4j.support.FlagSet;

import java.util.Set;

/**
 * Route flags ({@code rtm_flags}, the {@code RTM_F_*} bits of linux/rtnetlink.h). The low bits of the
 * same word are next-hop flags ({@link Route#nexthopFlags()}), the top half a lookup's routing-cache
 * flags ({@link Route#cacheFlags()}).
 *
 * {@snippet :
 * boolean offloaded = nl.routes().list(AddressFamily.INET).get(0).flags().contains(RouteFlag.OFFLOAD);
 * }
 */
public enum RouteFlag {
    /** RTM_F_NOTIFY: notify the user of route changes. */ NOTIFY(0x100),
    /** RTM_F_CLONED: a cache entry the kernel made for a lookup, not a route someone added. */ CLONED(0x200),
    /** RTM_F_EQUALIZE: multipath equalizer (unused). */ EQUALIZE(0x400),
    /** RTM_F_PREFIX: a prefix route made from an address. */ PREFIX(0x800),
    /** RTM_F_LOOKUP_TABLE: a lookup answers with the table that matched. */ LOOKUP_TABLE(0x1000),
    /** RTM_F_FIB_MATCH: a lookup answers with the matching route. */ FIB_MATCH(0x2000),
    /** RTM_F_OFFLOAD: offloaded to hardware. */ OFFLOAD(0x4000),
    /** RTM_F_TRAP: trapped to the CPU by hardware. */ TRAP(0x8000);

    private static final RouteFlag[] VALUES = values();
    private static final FlagSet.Table<RouteFlag> TABLE =
            new FlagSet.Table<>(VALUES, java.util.Arrays.stream(VALUES).mapToInt(f -> f.bit).toArray());
    private final int bit;

    RouteFlag(int bit) {
        this.bit = bit;
    }

    /** The RTM_F_* bit. */
    public int bit() {
        return bit;
    }

    /**
     * The flags set in {@code bits}, an immutable set; bits that name no constant are ignored (a
     * record keeps them in its {@code raw…} component). Shared, not allocated, for the common words.
     */
    public static Set<RouteFlag> fromBits(int bits) {
        return TABLE.of(bits);
    }

    /** The bits of {@code flags}. */
    public static int toBits(Set<RouteFlag> flags) {
        return TABLE.bits(flags);
    }
}
