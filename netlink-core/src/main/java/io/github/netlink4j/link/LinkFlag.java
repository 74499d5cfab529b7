package io.github.netlink4j.link;

import io.github.netlink4j.support.FlagSet;


import java.util.Set;

/**
 * Interface flags ({@code ifi_flags}, the {@code IFF_*} bits of linux/if.h), named as {@code ip link}
 * prints them.
 *
 * {@snippet :
 * boolean running = nl.links().get("veth0").flags().contains(LinkFlag.LOWER_UP);   // <…,LOWER_UP>
 * nl.links().set("veth0", LinkChange.empty().withFlag(LinkFlag.PROMISC, true));        // ip link set veth0 promisc on
 * }
 */
public enum LinkFlag {
    /** IFF_UP. */ UP(0x1),
    /** IFF_BROADCAST. */ BROADCAST(0x2),
    /** IFF_DEBUG. */ DEBUG(0x4),
    /** IFF_LOOPBACK. */ LOOPBACK(0x8),
    /** IFF_POINTOPOINT. */ POINTOPOINT(0x10),
    /** IFF_NOTRAILERS. */ NOTRAILERS(0x20),
    /** IFF_RUNNING. */ RUNNING(0x40),
    /** IFF_NOARP. */ NOARP(0x80),
    /** IFF_PROMISC. */ PROMISC(0x100),
    /** IFF_ALLMULTI. */ ALLMULTI(0x200),
    /** IFF_MASTER. */ MASTER(0x400),
    /** IFF_SLAVE. */ SLAVE(0x800),
    /** IFF_MULTICAST. */ MULTICAST(0x1000),
    /** IFF_PORTSEL. */ PORTSEL(0x2000),
    /** IFF_AUTOMEDIA. */ AUTOMEDIA(0x4000),
    /** IFF_DYNAMIC. */ DYNAMIC(0x8000),
    /** IFF_LOWER_UP. */ LOWER_UP(0x10000),
    /** IFF_DORMANT. */ DORMANT(0x20000),
    /** IFF_ECHO. */ ECHO(0x40000);

    private static final LinkFlag[] VALUES = values();
    private static final FlagSet.Table<LinkFlag> TABLE =
            new FlagSet.Table<>(VALUES, java.util.Arrays.stream(VALUES).mapToInt(f -> f.bit).toArray());
    private final int bit;

    LinkFlag(int bit) {
        this.bit = bit;
    }

    /** The IFF_* bit. */
    public int bit() {
        return bit;
    }

    /**
     * The flags set in {@code bits}, an immutable set; bits that name no constant are ignored (a
     * record keeps them in its {@code raw…} component). Shared, not allocated, for the common words.
     */
    public static Set<LinkFlag> fromBits(int bits) {
        return TABLE.of(bits);
    }

    /** The bits of {@code flags}. */
    public static int toBits(Set<LinkFlag> flags) {
        return TABLE.bits(flags);
    }
}
