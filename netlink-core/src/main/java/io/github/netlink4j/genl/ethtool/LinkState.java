package io.github.netlink4j.genl.ethtool;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A device's link state, the reply to ETHTOOL_MSG_LINKSTATE_GET: whether a link is detected and, when
 * the driver knows, why not ({@code ethtool DEV}: "Link detected: no (No cable)") and the signal quality.
 *
 * @param link        ETHTOOL_A_HEADER_DEV_NAME
 * @param index       ETHTOOL_A_HEADER_DEV_INDEX
 * @param detected    ETHTOOL_A_LINKSTATE_LINK, if the driver reports it
 * @param sqi         ETHTOOL_A_LINKSTATE_SQI, signal quality, if reported
 * @param sqiMax      ETHTOOL_A_LINKSTATE_SQI_MAX, if reported
 * @param rawExtState ETHTOOL_A_LINKSTATE_EXT_STATE, if reported
 * @param extState    the state {@code rawExtState} is, if a constant names it
 * @param extSubstate ETHTOOL_A_LINKSTATE_EXT_SUBSTATE (its meaning depends on the state), if reported
 * @param downCount   ETHTOOL_A_LINKSTATE_EXT_DOWN_CNT, how often the link went down, if reported
 */
public record LinkState(String link, int index, Optional<Boolean> detected, OptionalLong sqi, OptionalLong sqiMax,
                        OptionalInt rawExtState, Optional<LinkExtState> extState, OptionalInt extSubstate, OptionalLong downCount) {
    /** Checks the values. */
    public LinkState {
        Objects.requireNonNull(link);
        Objects.requireNonNull(detected);
        Objects.requireNonNull(sqi);
        Objects.requireNonNull(sqiMax);
        Objects.requireNonNull(rawExtState);
        Objects.requireNonNull(extState);
        Objects.requireNonNull(extSubstate);
        Objects.requireNonNull(downCount);
    }

    /** The link state of the kernel's values, the extended state read from its number. */
    public static LinkState of(String link, int index, Optional<Boolean> detected, OptionalLong sqi, OptionalLong sqiMax,
                               OptionalInt rawExtState, OptionalInt extSubstate, OptionalLong downCount) {
        Optional<LinkExtState> ext = Optional.empty();
        try {
            if (rawExtState.isPresent()) ext = Optional.of(LinkExtState.of(rawExtState.getAsInt()));
        } catch (IllegalArgumentException newer) {
            // a state of a newer kernel: the number stays in rawExtState
        }
        return new LinkState(link, index, detected, sqi, sqiMax, rawExtState, ext, extSubstate, downCount);
    }
}
