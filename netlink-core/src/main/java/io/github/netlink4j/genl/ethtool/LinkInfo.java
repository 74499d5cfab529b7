package io.github.netlink4j.genl.ethtool;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A device's link information, the reply to ETHTOOL_MSG_LINKINFO_GET: the port, PHY address and
 * transceiver that {@code ethtool DEV} prints as "Port", "PHYAD" and "Transceiver". The numbers are kept
 * as the kernel sent them, each followed by its typed value, empty when no constant names the number.
 *
 * @param link           ETHTOOL_A_HEADER_DEV_NAME
 * @param index          ETHTOOL_A_HEADER_DEV_INDEX
 * @param rawPort        ETHTOOL_A_LINKINFO_PORT, if sent
 * @param port           the port {@code rawPort} is, if a constant names it
 * @param phyAddress     ETHTOOL_A_LINKINFO_PHYADDR, if sent
 * @param rawTransceiver ETHTOOL_A_LINKINFO_TRANSCEIVER, if sent
 * @param transceiver    the transceiver {@code rawTransceiver} is, if a constant names it
 * @param mdix           ETHTOOL_A_LINKINFO_TP_MDIX (ETH_TP_MDI_*), if sent
 * @param mdixControl    ETHTOOL_A_LINKINFO_TP_MDIX_CTRL, if sent
 */
public record LinkInfo(String link, int index, OptionalInt rawPort, Optional<Port> port, OptionalInt phyAddress,
                       OptionalInt rawTransceiver, Optional<Transceiver> transceiver, OptionalInt mdix, OptionalInt mdixControl) {
    /** Checks the values. */
    public LinkInfo {
        Objects.requireNonNull(link);
        Objects.requireNonNull(rawPort);
        Objects.requireNonNull(port);
        Objects.requireNonNull(transceiver);
        Objects.requireNonNull(phyAddress);
        Objects.requireNonNull(rawTransceiver);
        Objects.requireNonNull(mdix);
        Objects.requireNonNull(mdixControl);
    }

    /** The link information of the kernel's numbers, each typed value read from its number. */
    public static LinkInfo of(String link, int index, OptionalInt rawPort, OptionalInt phyAddress, OptionalInt rawTransceiver,
                              OptionalInt mdix, OptionalInt mdixControl) {
        Optional<Port> port = Optional.empty();
        Optional<Transceiver> transceiver = Optional.empty();
        try {
            if (rawPort.isPresent()) port = Optional.of(Port.of(rawPort.getAsInt()));
        } catch (IllegalArgumentException newer) {
            // a connector of a newer kernel: the number stays in rawPort
        }
        try {
            if (rawTransceiver.isPresent()) transceiver = Optional.of(Transceiver.of(rawTransceiver.getAsInt()));
        } catch (IllegalArgumentException newer) {
            // likewise
        }
        return new LinkInfo(link, index, rawPort, port, phyAddress, rawTransceiver, transceiver, mdix, mdixControl);
    }
}
