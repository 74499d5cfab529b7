package io.github.netlink4j.neighbour;

import io.github.netlink4j.common.MacAddress;
import io.github.netlink4j.support.FlagSet;


import java.util.Set;

/**
 * Neighbour cache states ({@code ndm_state}, {@code NUD_*} of linux/neighbour.h), as {@code ip neigh}
 * prints them.
 *
 * {@snippet :
 * nl.neighbours().add(NeighbourSpec.of("veth0", InetAddress.ofLiteral("10.200.0.7"), MacAddress.of("02:00:00:00:00:07"))
 *         .withState(NeighbourState.REACHABLE));                 // … nud reachable
 * }
 */
public enum NeighbourState {
    /** NUD_INCOMPLETE. */ INCOMPLETE(0x01),
    /** NUD_REACHABLE. */ REACHABLE(0x02),
    /** NUD_STALE. */ STALE(0x04),
    /** NUD_DELAY. */ DELAY(0x08),
    /** NUD_PROBE. */ PROBE(0x10),
    /** NUD_FAILED. */ FAILED(0x20),
    /** NUD_NOARP. */ NOARP(0x40),
    /** NUD_PERMANENT. */ PERMANENT(0x80);

    private static final NeighbourState[] VALUES = values();
    private static final FlagSet.Table<NeighbourState> TABLE =
            new FlagSet.Table<>(VALUES, java.util.Arrays.stream(VALUES).mapToInt(f -> f.bit).toArray());
    private final int bit;

    NeighbourState(int bit) {
        this.bit = bit;
    }

    /** The NUD_* bit. */
    public int bit() {
        return bit;
    }

    /**
     * The states set in {@code bits}, an immutable set (empty for NUD_NONE); bits that name no constant are ignored (a
     * record keeps them in its {@code raw…} component). Shared, not allocated, for the common words.
     */
    public static Set<NeighbourState> fromBits(int bits) {
        return TABLE.of(bits);
    }

    /** The bits of {@code flags}. */
    public static int toBits(Set<NeighbourState> flags) {
        return TABLE.bits(flags);
    }
}
