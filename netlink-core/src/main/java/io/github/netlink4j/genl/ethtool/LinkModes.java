package io.github.netlink4j.genl.ethtool;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A device's link modes and settings, the reply to ETHTOOL_MSG_LINKMODES_GET: what {@code ethtool DEV}
 * prints as "Supported link modes", "Advertised link modes", "Link partner advertised link modes",
 * "Speed", "Duplex", "Auto-negotiation", "Lanes" and "master-slave". Link modes are named as the kernel
 * names them (its {@code link-modes} string set, ETH_SS_LINK_MODES: {@code 1000baseT/Full}, and also the
 * mode bits that are not speeds: {@code Autoneg}, {@code TP}, {@code Pause}, {@code Asym_Pause},
 * {@code FEC_NONE}, …), in the kernel's bit order.
 *
 * @param link              ETHTOOL_A_HEADER_DEV_NAME
 * @param index             ETHTOOL_A_HEADER_DEV_INDEX
 * @param autoneg           ETHTOOL_A_LINKMODES_AUTONEG: auto-negotiation is on
 * @param speed             ETHTOOL_A_LINKMODES_SPEED in Mb/s; empty for SPEED_UNKNOWN
 * @param duplex            ETHTOOL_A_LINKMODES_DUPLEX; {@link Duplex#UNKNOWN} when not sent
 * @param lanes             ETHTOOL_A_LINKMODES_LANES, sent when the driver reports lanes
 * @param supported         the mask of ETHTOOL_A_LINKMODES_OURS: the modes the device supports
 * @param advertised        the value of ETHTOOL_A_LINKMODES_OURS within the mask: the modes it advertises
 * @param peer              ETHTOOL_A_LINKMODES_PEER: the modes the link partner advertises (empty when none)
 * @param masterSlaveConfig ETHTOOL_A_LINKMODES_MASTER_SLAVE_CFG (MASTER_SLAVE_CFG_*), sent when the driver has one
 * @param masterSlaveState  ETHTOOL_A_LINKMODES_MASTER_SLAVE_STATE (MASTER_SLAVE_STATE_*), likewise
 * @param rateMatching      ETHTOOL_A_LINKMODES_RATE_MATCHING (RATE_MATCH_*), if sent
 */
public record LinkModes(String link, int index, boolean autoneg, OptionalInt speed, Duplex duplex, OptionalInt lanes,
                        Set<String> supported, Set<String> advertised, Set<String> peer,
                        OptionalInt masterSlaveConfig, OptionalInt masterSlaveState, OptionalInt rateMatching) {
    /** Checks that nothing is null and copies the sets, keeping their order. */
    public LinkModes {
        Objects.requireNonNull(link);
        Objects.requireNonNull(speed);
        Objects.requireNonNull(duplex);
        Objects.requireNonNull(lanes);
        supported = copy(supported);
        advertised = copy(advertised);
        peer = copy(peer);
        Objects.requireNonNull(masterSlaveConfig);
        Objects.requireNonNull(masterSlaveState);
        Objects.requireNonNull(rateMatching);
    }

    private static Set<String> copy(Collection<String> names) {
        for (String n : names) Objects.requireNonNull(n);
        return Collections.unmodifiableSet(new LinkedHashSet<>(names));
    }
}
