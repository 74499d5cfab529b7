package io.github.netlink4j.link;

/**
 * ipvlan modes ({@code IFLA_IPVLAN_MODE}: {@code IPVLAN_MODE_L2}, {@code _L3}, {@code _L3S}).
 *
 * {@snippet :
 * nl.links().add(LinkSpec.ipvlan("ipv0", "veth0", IpvlanMode.L2));   // ip link add ipv0 link veth0 type ipvlan mode l2
 * }
 */
public enum IpvlanMode {
    /** Layer 2 (0). */
    L2,
    /** Layer 3 (1). */
    L3,
    /** Layer 3 with netfilter (2). */
    L3S;

    private static final IpvlanMode[] VALUES = values();

    /** The kernel value. */
    public int value() {
        return ordinal();
    }

    /**
     * The mode with kernel value {@code value}.
     *
     * @throws IllegalArgumentException if no constant has that value
     */
    public static IpvlanMode of(int value) {
        IpvlanMode[] all = VALUES;
        if (value < 0 || value >= all.length) throw new IllegalArgumentException("unknown ipvlan mode " + value);
        return all[value];
    }
}
