package io.github.netlink4j.route;

import io.github.netlink4j.support.FlagSet;

import java.util.Set;

/**
 * Policy rule flags ({@code fib_rule_hdr.flags}, the {@code FIB_RULE_*} bits of linux/fib_rules.h).
 *
 * {@snippet :
 * boolean inverted = nl.rules().list(AddressFamily.INET).get(0).flags().contains(RuleFlag.INVERT);   // ip rule: "not from …"
 * }
 */
public enum RuleFlag {
    /** FIB_RULE_PERMANENT: a rule the kernel made and will not delete. */ PERMANENT(0x1),
    /** FIB_RULE_INVERT: the selectors are inverted ({@code not}). */ INVERT(0x2),
    /** FIB_RULE_UNRESOLVED: a goto whose target does not exist. */ UNRESOLVED(0x4),
    /** FIB_RULE_IIF_DETACHED: the {@code iif} link does not exist. */ IIF_DETACHED(0x8),
    /** FIB_RULE_OIF_DETACHED: the {@code oif} link does not exist. */ OIF_DETACHED(0x10);

    private static final RuleFlag[] VALUES = values();
    private static final FlagSet.Table<RuleFlag> TABLE =
            new FlagSet.Table<>(VALUES, java.util.Arrays.stream(VALUES).mapToInt(f -> f.bit).toArray());
    private final int bit;

    RuleFlag(int bit) {
        this.bit = bit;
    }

    /** The FIB_RULE_* bit. */
    public int bit() {
        return bit;
    }

    /**
     * The flags set in {@code bits}, an immutable set; bits that name no constant are ignored (a
     * record keeps them in its {@code raw…} component). Shared, not allocated, for the common words.
     */
    public static Set<RuleFlag> fromBits(int bits) {
        return TABLE.of(bits);
    }

    /** The bits of {@code flags}. */
    public static int toBits(Set<RuleFlag> flags) {
        return TABLE.bits(flags);
    }
}
