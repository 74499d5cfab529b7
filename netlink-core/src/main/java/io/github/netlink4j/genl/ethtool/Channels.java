package io.github.netlink4j.genl.ethtool;

import java.util.Objects;

/**
 * A device's channels ({@code ethtool -l DEV}): the most of each kind the driver allows and how many are
 * in use (ETHTOOL_MSG_CHANNELS_GET_REPLY). A maximum of 0 is what ethtool prints as "n/a": the device has
 * no channels of that kind. The counts are u32 on the wire.
 *
 * @param link          ETHTOOL_A_HEADER_DEV_NAME
 * @param index         ETHTOOL_A_HEADER_DEV_INDEX
 * @param rxMax         ETHTOOL_A_CHANNELS_RX_MAX
 * @param txMax         ETHTOOL_A_CHANNELS_TX_MAX
 * @param otherMax      ETHTOOL_A_CHANNELS_OTHER_MAX
 * @param combinedMax   ETHTOOL_A_CHANNELS_COMBINED_MAX
 * @param rx            ETHTOOL_A_CHANNELS_RX_COUNT
 * @param tx            ETHTOOL_A_CHANNELS_TX_COUNT
 * @param other         ETHTOOL_A_CHANNELS_OTHER_COUNT
 * @param combined      ETHTOOL_A_CHANNELS_COMBINED_COUNT
 */
public record Channels(String link, int index, long rxMax, long txMax, long otherMax, long combinedMax,
                       long rx, long tx, long other, long combined) {
    /** Checks the name. */
    public Channels {
        Objects.requireNonNull(link);
    }
}
