package io.github.netlink4j.genl.ethtool;

/**
 * A link's duplex, the {@code DUPLEX_*} values of linux/ethtool.h that ETHTOOL_A_LINKMODES_DUPLEX carries;
 * {@link #toString()} is what {@code ethtool DEV} prints after "Duplex:".
 */
public enum Duplex {
    /** DUPLEX_HALF. */
    HALF(0x00, "Half"),
    /** DUPLEX_FULL. */
    FULL(0x01, "Full"),
    /** DUPLEX_UNKNOWN: no link, or a driver that does not know. */
    UNKNOWN(0xff, "Unknown!");

    private final int value;
    private final String text;

    Duplex(int value, String text) {
        this.value = value;
        this.text = text;
    }

    /** The kernel's number. */
    public int value() {
        return value;
    }

    /** The duplex numbered {@code value}; IllegalArgumentException for a number no constant has. */
    public static Duplex of(int value) {
        for (Duplex d : values()) if (d.value == value) return d;
        throw new IllegalArgumentException("no duplex " + value);
    }

    /** As ethtool prints it. */
    @Override
    public String toString() {
        return text;
    }
}
