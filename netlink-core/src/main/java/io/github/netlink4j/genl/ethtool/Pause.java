package io.github.netlink4j.genl.ethtool;

import java.util.Objects;
import java.util.Optional;

/**
 * A device's pause frame settings ({@code ethtool -a}, ETHTOOL_MSG_PAUSE_GET_REPLY); each is empty when the
 * driver does not report it.
 *
 * @param link    the device's name (ETHTOOL_A_HEADER_DEV_NAME)
 * @param index   its interface index (ETHTOOL_A_HEADER_DEV_INDEX)
 * @param autoneg ETHTOOL_A_PAUSE_AUTONEG: pause negotiated with the link partner
 * @param rx      ETHTOOL_A_PAUSE_RX: pause frames received are obeyed
 * @param tx      ETHTOOL_A_PAUSE_TX: pause frames are sent
 */
public record Pause(String link, int index, Optional<Boolean> autoneg, Optional<Boolean> rx, Optional<Boolean> tx) {
    /** Checks that nothing is null. */
    public Pause {
        Objects.requireNonNull(link);
        Objects.requireNonNull(autoneg);
        Objects.requireNonNull(rx);
        Objects.requireNonNull(tx);
    }
}
