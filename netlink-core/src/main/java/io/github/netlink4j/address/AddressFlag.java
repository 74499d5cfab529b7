package io.github.netlink4j.address;

import io.github.netlink4j.support.FlagSet;


import java.util.Set;

/**
 * Address flags ({@code IFA_F_*} of linux/if_addr.h), named as {@code ip addr} prints them.
 *
 * {@snippet :
 * nl.addresses().add(AddressSpec.of("veth0", "fd00:200::2/64").withFlag(AddressFlag.NODAD));   // … nodad
 * boolean tentative = nl.addresses().list("veth0").get(0).flags().contains(AddressFlag.TENTATIVE);
 * }
 */
public enum AddressFlag {
    /** IFA_F_SECONDARY. */ SECONDARY(0x01),
    /** IFA_F_NODAD. */ NODAD(0x02),
    /** IFA_F_OPTIMISTIC. */ OPTIMISTIC(0x04),
    /** IFA_F_DADFAILED. */ DADFAILED(0x08),
    /** IFA_F_HOMEADDRESS. */ HOMEADDRESS(0x10),
    /** IFA_F_DEPRECATED. */ DEPRECATED(0x20),
    /** IFA_F_TENTATIVE. */ TENTATIVE(0x40),
    /** IFA_F_PERMANENT. */ PERMANENT(0x80),
    /** IFA_F_MANAGETEMPADDR. */ MANAGETEMPADDR(0x100),
    /** IFA_F_NOPREFIXROUTE. */ NOPREFIXROUTE(0x200),
    /** IFA_F_MCAUTOJOIN. */ MCAUTOJOIN(0x400),
    /** IFA_F_STABLE_PRIVACY. */ STABLE_PRIVACY(0x800);

    private static final AddressFlag[] VALUES = values();
    private static final FlagSet.Table<AddressFlag> TABLE =
            new FlagSet.Table<>(VALUES, java.util.Arrays.stream(VALUES).mapToInt(f -> f.bit).toArray());
    private final int bit;

    AddressFlag(int bit) {
        this.bit = bit;
    }

    /** The IFA_F_* bit. */
    public int bit() {
        return bit;
    }

    /**
     * The flags set in {@code bits}, an immutable set; bits that name no constant are ignored (a
     * record keeps them in its {@code raw…} component). Shared, not allocated, for the common words.
     */
    public static Set<AddressFlag> fromBits(int bits) {
        return TABLE.of(bits);
    }

    /** The bits of {@code flags}. */
    public static int toBits(Set<AddressFlag> flags) {
        return TABLE.bits(flags);
    }
}
