package io.github.netlink4j.genl.ethtool;

/**
 * Why a link is down, as the driver tells it: {@code enum ethtool_link_ext_state} of linux/ethtool.h
 * (ETHTOOL_A_LINKSTATE_EXT_STATE), printed by ethtool as "Link detected: no (Cable issue)".
 */
public enum LinkExtState {
    /** ETHTOOL_LINK_EXT_STATE_AUTONEG. */
    AUTONEG,
    /** ETHTOOL_LINK_EXT_STATE_LINK_TRAINING_FAILURE. */
    LINK_TRAINING_FAILURE,
    /** ETHTOOL_LINK_EXT_STATE_LINK_LOGICAL_MISMATCH. */
    LINK_LOGICAL_MISMATCH,
    /** ETHTOOL_LINK_EXT_STATE_BAD_SIGNAL_INTEGRITY. */
    BAD_SIGNAL_INTEGRITY,
    /** ETHTOOL_LINK_EXT_STATE_NO_CABLE. */
    NO_CABLE,
    /** ETHTOOL_LINK_EXT_STATE_CABLE_ISSUE. */
    CABLE_ISSUE,
    /** ETHTOOL_LINK_EXT_STATE_EEPROM_ISSUE. */
    EEPROM_ISSUE,
    /** ETHTOOL_LINK_EXT_STATE_CALIBRATION_FAILURE. */
    CALIBRATION_FAILURE,
    /** ETHTOOL_LINK_EXT_STATE_POWER_BUDGET_EXCEEDED. */
    POWER_BUDGET_EXCEEDED,
    /** ETHTOOL_LINK_EXT_STATE_OVERHEAT. */
    OVERHEAT,
    /** ETHTOOL_LINK_EXT_STATE_MODULE. */
    MODULE;

    /** The kernel's number (the enum counts from 0). */
    public int value() {
        return ordinal();
    }

    /** The state numbered {@code value}; IllegalArgumentException for a number no constant has. */
    public static LinkExtState of(int value) {
        if (value < 0 || value >= values().length) throw new IllegalArgumentException("no link extended state " + value);
        return values()[value];
    }
}
