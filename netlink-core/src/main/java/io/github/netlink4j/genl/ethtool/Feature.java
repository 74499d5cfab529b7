package io.github.netlink4j.genl.ethtool;

import java.util.Objects;

/**
 * One offload feature of a device, as {@code ethtool -k} shows it: its name in the kernel's
 * ETH_SS_FEATURES string set, whether it is on, whether the user asked for it, and whether it can be
 * changed at all. One bit of each of the four bitsets of ETHTOOL_MSG_FEATURES_GET_REPLY.
 *
 * @param name       the feature's name ({@code tx-checksum-ip-generic})
 * @param active     its bit in ETHTOOL_A_FEATURES_ACTIVE: the feature is on
 * @param wanted     its bit in ETHTOOL_A_FEATURES_WANTED: the user asked for it on
 * @param changeable its bit in ETHTOOL_A_FEATURES_HW: the driver lets it be changed
 * @param noChange   its bit in ETHTOOL_A_FEATURES_NOCHANGE: the kernel never changes it
 */
public record Feature(String name, boolean active, boolean wanted, boolean changeable, boolean noChange) {
    /** Checks the name. */
    public Feature {
        Objects.requireNonNull(name);
    }

    /** Whether {@code ethtool -k} prints it as {@code [fixed]}: not changeable, or never changed by the kernel. */
    public boolean fixed() {
        return !changeable || noChange;
    }
}
