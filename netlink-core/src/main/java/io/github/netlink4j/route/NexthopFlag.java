package io.github.netlink4j.route;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.support.FlagSet;


import java.util.Set;

/**
 * Next-hop flags ({@code rtnh_flags} and the low bits of {@code rtm_flags}: {@code RTNH_F_*} of
 * linux/rtnetlink.h).
 *
 * {@snippet :
 * boolean onlink = nl.routes().list(AddressFamily.INET).get(0).nexthopFlags().contains(NexthopFlag.ONLINK);
 * }
 */
public enum NexthopFlag {
    /** RTNH_F_DEAD: the next hop is dead. */ DEAD(1),
    /** RTNH_F_PERVASIVE: recursive gateway lookup. */ PERVASIVE(2),
    /** RTNH_F_ONLINK: the gateway is forced on link. */ ONLINK(4),
    /** RTNH_F_OFFLOAD: offloaded to hardware. */ OFFLOAD(8),
    /** RTNH_F_LINKDOWN: the carrier of the output link is down. */ LINKDOWN(16),
    /** RTNH_F_UNRESOLVED: the next hop's address is not resolved yet. */ UNRESOLVED(32),
    /** RTNH_F_TRAP: trapped to the CPU by hardware. */ TRAP(64);

    private static final NexthopFlag[] VALUES = values();
    private static final FlagSet.Table<NexthopFlag> TABLE =
            new FlagSet.Table<>(VALUES, java.util.Arrays.stream(VALUES).mapToInt(f -> f.bit).toArray());
    private final int bit;

    NexthopFlag(int bit) {
        this.bit = bit;
    }

    /** The RTNH_F_* bit. */
    public int bit() {
        return bit;
    }

    /**
     * The flags set in {@code bits}, an immutable set; bits that name no constant are ignored (a
     * record keeps them in its {@code raw…} component). Shared, not allocated, for the common words.
     */
    public static Set<NexthopFlag> fromBits(int bits) {
        return TABLE.of(bits);
    }

    /** The bits of {@code flags}. */
    public static int toBits(Set<NexthopFlag> flags) {
        return TABLE.bits(flags);
    }
}
