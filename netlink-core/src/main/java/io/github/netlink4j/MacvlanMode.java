package io.github.netlink4j;

/** macvlan/macvtap modes ({@code MACVLAN_MODE_*} of linux/if_link.h). */
public enum MacvlanMode {
    PRIVATE(1), VEPA(2), BRIDGE(4), PASSTHRU(8), SOURCE(16);

    private final int value;

    MacvlanMode(int value) {
        this.value = value;
    }

    /** The kernel value. */
    public int value() {
        return value;
    }

    /** The mode for a kernel value; null if unknown. */
    public static MacvlanMode of(int v) {
        for (MacvlanMode m : values()) if (m.value == v) return m;
        return null;
    }
}
