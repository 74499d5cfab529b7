package io.github.netlink4j;

/** ipvlan modes ({@code IPVLAN_MODE_L2}, {@code _L3}, {@code _L3S}). */
public enum IpvlanMode {
    L2, L3, L3S;

    /** The kernel value (0, 1, 2). */
    public int value() {
        return ordinal();
    }

    /** The mode for a kernel value; null if unknown. */
    public static IpvlanMode of(int v) {
        return v >= 0 && v < values().length ? values()[v] : null;
    }
}
