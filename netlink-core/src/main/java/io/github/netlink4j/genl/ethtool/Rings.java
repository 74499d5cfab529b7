package io.github.netlink4j.genl.ethtool;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A device's ring sizes ({@code ethtool -g DEV}, ETHTOOL_MSG_RINGS_GET_REPLY): the most the hardware
 * allows and what is set, each present only when the driver reports it.
 *
 * @param link       ETHTOOL_A_HEADER_DEV_NAME
 * @param index      ETHTOOL_A_HEADER_DEV_INDEX
 * @param rxMax      ETHTOOL_A_RINGS_RX_MAX
 * @param rxMiniMax  ETHTOOL_A_RINGS_RX_MINI_MAX
 * @param rxJumboMax ETHTOOL_A_RINGS_RX_JUMBO_MAX
 * @param txMax      ETHTOOL_A_RINGS_TX_MAX
 * @param rx         ETHTOOL_A_RINGS_RX
 * @param rxMini     ETHTOOL_A_RINGS_RX_MINI
 * @param rxJumbo    ETHTOOL_A_RINGS_RX_JUMBO
 * @param tx         ETHTOOL_A_RINGS_TX
 * @param rxBufLen   ETHTOOL_A_RINGS_RX_BUF_LEN
 * @param cqeSize    ETHTOOL_A_RINGS_CQE_SIZE
 */
public record Rings(String link, int index, OptionalLong rxMax, OptionalLong rxMiniMax, OptionalLong rxJumboMax,
                    OptionalLong txMax, OptionalLong rx, OptionalLong rxMini, OptionalLong rxJumbo, OptionalLong tx,
                    OptionalLong rxBufLen, OptionalLong cqeSize) {
    /** Checks the values. */
    public Rings {
        Objects.requireNonNull(link);
        for (OptionalLong v : new OptionalLong[] {rxMax, rxMiniMax, rxJumboMax, txMax, rx, rxMini, rxJumbo, tx, rxBufLen, cqeSize}) {
            Objects.requireNonNull(v);
        }
    }
}
