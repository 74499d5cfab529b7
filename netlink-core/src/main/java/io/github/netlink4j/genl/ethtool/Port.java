package io.github.netlink4j.genl.ethtool;

/**
 * The connector of a device, the {@code PORT_*} values of linux/ethtool.h that ETHTOOL_A_LINKINFO_PORT
 * carries; {@link #toString()} is what {@code ethtool DEV} prints after "Port:".
 */
public enum Port {
    /** PORT_TP. */
    TWISTED_PAIR(0x00, "Twisted Pair"),
    /** PORT_AUI. */
    AUI(0x01, "AUI"),
    /** PORT_BNC. */
    BNC(0x02, "BNC"),
    /** PORT_MII. */
    MII(0x03, "MII"),
    /** PORT_FIBRE. */
    FIBRE(0x04, "FIBRE"),
    /** PORT_DA: direct attach copper. */
    DIRECT_ATTACH(0x05, "Direct Attach Copper"),
    /** PORT_NONE. */
    NONE(0xef, "None"),
    /** PORT_OTHER. */
    OTHER(0xff, "Other");

    private final int value;
    private final String text;

    Port(int value, String text) {
        this.value = value;
        this.text = text;
    }

    /** The kernel's number. */
    public int value() {
        return value;
    }

    /** The port numbered {@code value}; IllegalArgumentException for a number no constant has. */
    public static Port of(int value) {
        for (Port p : values()) if (p.value == value) return p;
        throw new IllegalArgumentException("no ethtool port " + value);
    }

    /** As ethtool prints it. */
    @Override
    public String toString() {
        return text;
    }
}
