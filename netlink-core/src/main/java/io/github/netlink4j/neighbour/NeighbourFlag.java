package io.github.netlink4j.neighbour;

import io.github.netlink4j.support.FlagSet;

import java.util.Set;

/**
 * Neighbour entry flags ({@code ndm_flags}, {@code NTF_*} of linux/neighbour.h).
 *
 * {@snippet :
 * boolean router = nl.neighbours().get("veth0", InetAddress.ofLiteral("fd00:200::1")).flags().contains(NeighbourFlag.ROUTER);
 * }
 */
public enum NeighbourFlag {
    /** NTF_USE. */ USE(0x01),
    /** NTF_SELF. */ SELF(0x02),
    /** NTF_MASTER. */ MASTER(0x04),
    /** NTF_PROXY: a proxy entry. */ PROXY(0x08),
    /** NTF_EXT_LEARNED: learned outside the kernel. */ EXT_LEARNED(0x10),
    /** NTF_OFFLOADED. */ OFFLOADED(0x20),
    /** NTF_STICKY. */ STICKY(0x40),
    /** NTF_ROUTER: an IPv6 router. */ ROUTER(0x80);

    private static final NeighbourFlag[] VALUES = values();
    private static final FlagSet.Table<NeighbourFlag> TABLE =
            new FlagSet.Table<>(VALUES, java.util.Arrays.stream(VALUES).mapToInt(f -> f.bit).toArray());
    private final int bit;

    NeighbourFlag(int bit) {
        this.bit = bit;
    }

    /** The NTF_* bit. */
    public int bit() {
        return bit;
    }

    /**
     * The flags set in {@code bits}, an immutable set; bits that name no constant are ignored (a
     * record keeps them in its {@code raw…} component). Shared, not allocated, for the common words.
     */
    public static Set<NeighbourFlag> fromBits(int bits) {
        return TABLE.of(bits);
    }

    /** The bits of {@code flags}. */
    public static int toBits(Set<NeighbourFlag> flags) {
        return TABLE.bits(flags);
    }
}
