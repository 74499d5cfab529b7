package io.github.netlink4j;

import java.util.EnumSet;
import java.util.Set;

/** Neighbour cache states ({@code NUD_*} of linux/neighbour.h), as {@code ip neigh} prints them. */
public enum NeighbourState {
    INCOMPLETE(0x01), REACHABLE(0x02), STALE(0x04), DELAY(0x08), PROBE(0x10), FAILED(0x20), NOARP(0x40), PERMANENT(0x80);

    private static final NeighbourState[] VALUES = values();
    private final int bit;

    NeighbourState(int bit) {
        this.bit = bit;
    }

    /** The NUD_* bit. */
    public int bit() {
        return bit;
    }

    /** The states set in {@code bits} (empty for NUD_NONE). */
    public static Set<NeighbourState> of(int bits) {
        EnumSet<NeighbourState> s = EnumSet.noneOf(NeighbourState.class);
        for (NeighbourState f : VALUES) if ((bits & f.bit) != 0) s.add(f);
        return s;
    }
}
