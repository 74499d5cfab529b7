package io.github.netlink4j;

import java.util.EnumSet;
import java.util.Set;

/** Interface flags ({@code ifi_flags}, the {@code IFF_*} bits of linux/if.h) as {@code ip link} names them. */
public enum LinkFlag {
    UP(0x1), BROADCAST(0x2), DEBUG(0x4), LOOPBACK(0x8), POINTOPOINT(0x10), NOTRAILERS(0x20), RUNNING(0x40),
    NOARP(0x80), PROMISC(0x100), ALLMULTI(0x200), MASTER(0x400), SLAVE(0x800), MULTICAST(0x1000),
    PORTSEL(0x2000), AUTOMEDIA(0x4000), DYNAMIC(0x8000), LOWER_UP(0x10000), DORMANT(0x20000), ECHO(0x40000);

    private static final LinkFlag[] VALUES = values();
    private final int bit;
    private static final int[] BITS = java.util.Arrays.stream(VALUES).mapToInt(f -> f.bit).toArray();
    private static final int KNOWN = FlagSet.mask(BITS);

    LinkFlag(int bit) {
        this.bit = bit;
    }

    /** The IFF_* bit. */
    public int bit() {
        return bit;
    }

    /** The flags set in {@code bits} (an immutable set; bits that name no constant are ignored). */
    public static Set<LinkFlag> of(int bits) {
        return new FlagSet<>(VALUES, BITS, bits & KNOWN);
    }
}
