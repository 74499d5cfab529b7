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

    AddressFlag(int bit) {
        this.bit = bit;
    }

    /** The IFA_F_* bit. */
    public int bit() {
        return bit;
    }

    /** The flags set in {@code bits}. */
    public static Set<AddressFlag> of(int bits) {
        EnumSet<AddressFlag> s = EnumSet.noneOf(AddressFlag.class);
        for (AddressFlag f : VALUES) if ((bits & f.bit) != 0) s.add(f);
        return s;
    }

    /** The bits of {@code flags}. */
    public static int bits(Set<AddressFlag> flags) {
        int b = 0;
        for (AddressFlag f : flags) b |= f.bit;
        return b;
    }
}
