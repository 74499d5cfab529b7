package io.github.netlink4j.link;

/**
 * Bonding modes ({@code IFLA_BOND_MODE}, {@code BOND_MODE_*} of linux/if_bonding.h), named as ip names
 * them.
 *
 * {@snippet :
 * nl.links().add(LinkSpec.bond("bond0", BondMode.ACTIVE_BACKUP));   // ip link add bond0 type bond mode active-backup
 * }
 */
public enum BondMode {
    /** Round robin (0). */
    BALANCE_RR("balance-rr"),
    /** One active slave (1). */
    ACTIVE_BACKUP("active-backup"),
    /** Transmit by hash (2). */
    BALANCE_XOR("balance-xor"),
    /** Every slave sends everything (3). */
    BROADCAST("broadcast"),
    /** IEEE 802.3ad LACP (4). */
    IEEE_8023AD("802.3ad"),
    /** Adaptive transmit load balancing (5). */
    BALANCE_TLB("balance-tlb"),
    /** Adaptive load balancing (6). */
    BALANCE_ALB("balance-alb");

    private static final BondMode[] VALUES = values();

    private final String text;

    BondMode(String text) {
        this.text = text;
    }

    /** The kernel value, 0 to 6. */
    public int value() {
        return ordinal();
    }

    /** The name ip uses, such as {@code active-backup}. */
    public String text() {
        return text;
    }

    /**
     * The mode with kernel value {@code value}.
     *
     * @throws IllegalArgumentException if no constant has that value
     */
    public static BondMode of(int value) {
        BondMode[] all = VALUES;
        if (value < 0 || value >= all.length) throw new IllegalArgumentException("unknown bond mode " + value);
        return all[value];
    }
}
