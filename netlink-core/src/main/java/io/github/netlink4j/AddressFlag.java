package io.github.netlink4j;

import java.util.EnumSet;
import java.util.Set;

/** Address flags ({@code IFA_F_*} of linux/if_addr.h), named as {@code ip addr} prints them. */
public enum AddressFlag {
    SECONDARY(0x01), NODAD(0x02), OPTIMISTIC(0x04), DADFAILED(0x08), HOMEADDRESS(0x10), DEPRECATED(0x20),
    TENTATIVE(0x40), PERMANENT(0x80), MANAGETEMPADDR(0x100), NOPREFIXROUTE(0x200), MCAUTOJOIN(0x400),
    STABLE_PRIVACY(0x800);

    private static final AddressFlag[] VALUES = values();
    private final int bit;
    private static final int[] BITS = java.util.Arrays.stream(VALUES).mapToInt(f -> f.bit).toArray();
    private static final int KNOWN = FlagSet.mask(BITS);
    @SuppressWarnings("unchecked")
    private static final Set<AddressFlag>[] CACHED = new Set[0x1000]; // every combination of the 12 flags

    AddressFlag(int bit) {
        this.bit = bit;
    }

    /** The IFA_F_* bit. */
    public int bit() {
        return bit;
    }

    /** The flags set in {@code bits} (an immutable set; bits that name no constant are ignored). */
    public static Set<AddressFlag> of(int bits) {
        int i = bits & KNOWN; // KNOWN is 0xfff: the cache covers every combination
        Set<AddressFlag> s = CACHED[i];
        if (s == null) CACHED[i] = s = new FlagSet<>(VALUES, BITS, i); // immutable: a racing duplicate is harmless
        return s;
    }

    /** The bits of {@code flags}. */
    public static int bits(Set<AddressFlag> flags) {
        int b = 0;
        for (AddressFlag f : flags) b |= f.bit;
        return b;
    }
}
