package io.github.netlink4j.genl.ethtool;

/** Where a device's transceiver is: the {@code XCVR_*} values of linux/ethtool.h (ETHTOOL_A_LINKINFO_TRANSCEIVER). */
public enum Transceiver {
    /** XCVR_INTERNAL: ethtool's "internal". */
    INTERNAL(0),
    /** XCVR_EXTERNAL: ethtool's "external". */
    EXTERNAL(1);

    private final int value;

    Transceiver(int value) {
        this.value = value;
    }

    /** The kernel's number. */
    public int value() {
        return value;
    }

    /** The transceiver numbered {@code value}; IllegalArgumentException for a number no constant has. */
    public static Transceiver of(int value) {
        for (Transceiver t : values()) if (t.value == value) return t;
        throw new IllegalArgumentException("no ethtool transceiver " + value);
    }

    /** As ethtool prints it: {@code internal}, {@code external}. */
    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
