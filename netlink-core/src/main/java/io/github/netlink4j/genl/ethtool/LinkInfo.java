package io.github.netlink4j.genl.ethtool;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A device's link information, the reply to ETHTOOL_MSG_LINKINFO_GET: the port, PHY address and
 * transceiver that {@code ethtool DEV} prints as "Port", "PHYAD" and "Transceiver". The numbers are kept
 * as the kernel sent them; {@link #port()} and {@link #transceiver()} read them when a constant names them.
 *
 * @param link           ETHTOOL_A_HEADER_DEV_NAME
 * @param index          ETHTOOL_A_HEADER_DEV_INDEX
 * @param rawPort        ETHTOOL_A_LINKINFO_PORT, if sent
 * @param phyAddress     ETHTOOL_A_LINKINFO_PHYADDR, if sent
 * @param rawTransceiver ETHTOOL_A_LINKINFO_TRANSCEIVER, if sent
 * @param mdix           ETHTOOL_A_LINKINFO_TP_MDIX (ETH_TP_MDI_*), if sent
 * @param mdixControl    ETHTOOL_A_LINKINFO_TP_MDIX_CTRL, if sent
 */
public record LinkInfo(String link, int index, OptionalInt rawPort, OptionalInt phyAddress, OptionalInt rawTransceiver,
                       OptionalInt mdix, OptionalInt mdixControl) {
    /** Checks the values. */
    public LinkInfo {
        Objects.requireNonNull(link);
        Objects.requireNonNull(rawPort);
        Objects.requireNonNull(phyAddress);
        Objects.requireNonNull(rawTransceiver);
        Objects.requireNonNull(mdix);
        Objects.requireNonNull(mdixControl);
    }

    /** The port, when the kernel sent one that {@link Port} names. */
    public Optional<Port> port() {
        if (rawPort.isEmpty()) return Optional.empty();
        try {
            return Optional.of(Port.of(rawPort.getAsInt()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The transceiver, when the kernel sent one that {@link Transceiver} names. */
    public Optional<Transceiver> transceiver() {
        if (rawTransceiver.isEmpty()) return Optional.empty();
        try {
            return Optional.of(Transceiver.of(rawTransceiver.getAsInt()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
