package io.github.netlink4j.genl.ethtool;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A device's Energy-Efficient Ethernet settings ({@code ethtool --show-eee}, ETHTOOL_MSG_EEE_GET_REPLY); each
 * is empty when the driver does not report it. The advertised link modes (bitsets) are not kept here.
 *
 * @param link         the device's name (ETHTOOL_A_HEADER_DEV_NAME)
 * @param index        its interface index (ETHTOOL_A_HEADER_DEV_INDEX)
 * @param active       ETHTOOL_A_EEE_ACTIVE: EEE is in use on the link now
 * @param enabled      ETHTOOL_A_EEE_ENABLED: EEE is enabled
 * @param txLpiEnabled ETHTOOL_A_EEE_TX_LPI_ENABLED: transmit low-power idle is enabled
 * @param txLpiTimer   ETHTOOL_A_EEE_TX_LPI_TIMER, in microseconds
 */
public record Eee(String link, int index, Optional<Boolean> active, Optional<Boolean> enabled, Optional<Boolean> txLpiEnabled,
                  OptionalLong txLpiTimer) {
    /** Checks that nothing is null. */
    public Eee {
        Objects.requireNonNull(link);
        Objects.requireNonNull(active);
        Objects.requireNonNull(enabled);
        Objects.requireNonNull(txLpiEnabled);
        Objects.requireNonNull(txLpiTimer);
    }
}
