package io.github.netlink4j.genl.ethtool;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The link settings to change, as {@code ethtool -s DEV speed N lanes N duplex D autoneg on|off advertise …}
 * changes them (ETHTOOL_MSG_LINKMODES_SET); what is left empty is left as it is. The advertised modes are
 * given either as the whole set ({@code advertise 0x2f}: every other mode is no longer advertised) or as
 * modes turned on and off ({@code advertise 10baseT/Half on 100baseT/Full off}: the others unchanged),
 * never both. With auto-negotiation on and no advertised modes given, the kernel advertises every
 * supported mode that matches the speed, lanes and duplex asked for. Immutable: each {@code with…} returns
 * a copy; bad values are refused when the copy is made, before anything is sent.
 *
 * {@snippet :
 * nl.genl().ethtool().linkModes().set("tap0", LinkModesChange.empty().withSpeed(100).withDuplex(Duplex.FULL).withAutoneg(false));
 * }
 *
 * @param autoneg            ETHTOOL_A_LINKMODES_AUTONEG
 * @param speed              ETHTOOL_A_LINKMODES_SPEED, in Mb/s (0 to 2147483647)
 * @param duplex             ETHTOOL_A_LINKMODES_DUPLEX: {@link Duplex#HALF} or {@link Duplex#FULL}
 * @param lanes              ETHTOOL_A_LINKMODES_LANES: 1, 2, 4 or 8
 * @param advertised         ETHTOOL_A_LINKMODES_OURS as the whole set of advertised modes, by name
 * @param advertisedChanges  ETHTOOL_A_LINKMODES_OURS as modes turned on (true) or off (false), by name, in order
 */
public record LinkModesChange(Optional<Boolean> autoneg, OptionalInt speed, Optional<Duplex> duplex, OptionalInt lanes,
                              Optional<Set<String>> advertised, Map<String, Boolean> advertisedChanges) {
    private static final LinkModesChange EMPTY = new LinkModesChange(Optional.empty(), OptionalInt.empty(), Optional.empty(),
            OptionalInt.empty(), Optional.empty(), Map.of());

    /** Checks the values and copies the modes, keeping their order. */
    public LinkModesChange {
        Objects.requireNonNull(autoneg);
        Objects.requireNonNull(speed);
        Objects.requireNonNull(duplex);
        Objects.requireNonNull(lanes);
        Objects.requireNonNull(advertised);
        Objects.requireNonNull(advertisedChanges);
        if (speed.isPresent() && speed.getAsInt() < 0) throw new IllegalArgumentException("speed " + speed.getAsInt() + " is negative");
        if (duplex.orElse(Duplex.FULL) == Duplex.UNKNOWN) throw new IllegalArgumentException("duplex is half or full");
        if (lanes.isPresent() && (lanes.getAsInt() < 1 || lanes.getAsInt() > 8 || Integer.bitCount(lanes.getAsInt()) != 1)) {
            throw new IllegalArgumentException("lanes " + lanes.getAsInt() + " is not 1, 2, 4 or 8");
        }
        advertised = advertised.map(LinkModesChange::names);
        Map<String, Boolean> changes = new LinkedHashMap<>();
        advertisedChanges.forEach((k, v) -> changes.put(name(k), Objects.requireNonNull(v, "on or off for " + k)));
        advertisedChanges = Collections.unmodifiableMap(changes);
        if (advertised.isPresent() && !advertisedChanges.isEmpty()) {
            throw new IllegalArgumentException("the advertised modes are given whole or changed one by one, not both");
        }
    }

    private static Set<String> names(Set<String> modes) {
        Set<String> out = new LinkedHashSet<>();
        for (String m : modes) out.add(name(m));
        return Collections.unmodifiableSet(out);
    }

    private static String name(String mode) {
        if (mode == null || mode.isEmpty()) throw new IllegalArgumentException("a link mode without a name");
        return mode;
    }

    /** A change of nothing. */
    public static LinkModesChange empty() {
        return EMPTY;
    }

    /** A copy that turns auto-negotiation on or off. */
    public LinkModesChange withAutoneg(boolean on) {
        return new LinkModesChange(Optional.of(on), speed, duplex, lanes, advertised, advertisedChanges);
    }

    /** A copy that sets the speed, in Mb/s. */
    public LinkModesChange withSpeed(int mbps) {
        return new LinkModesChange(autoneg, OptionalInt.of(mbps), duplex, lanes, advertised, advertisedChanges);
    }

    /** A copy that sets the duplex. */
    public LinkModesChange withDuplex(Duplex d) {
        return new LinkModesChange(autoneg, speed, Optional.of(d), lanes, advertised, advertisedChanges);
    }

    /** A copy that sets the number of lanes. */
    public LinkModesChange withLanes(int n) {
        return new LinkModesChange(autoneg, speed, duplex, OptionalInt.of(n), advertised, advertisedChanges);
    }

    /** A copy that advertises exactly {@code modes} (and no other mode). */
    public LinkModesChange withAdvertised(Set<String> modes) {
        return new LinkModesChange(autoneg, speed, duplex, lanes, Optional.of(modes), advertisedChanges);
    }

    /** A copy that also turns the advertising of {@code mode} on or off, the other modes left as they are. */
    public LinkModesChange withAdvertising(String mode, boolean on) {
        Map<String, Boolean> changes = new LinkedHashMap<>(advertisedChanges);
        changes.put(name(mode), on);
        return new LinkModesChange(autoneg, speed, duplex, lanes, advertised, changes);
    }

    /** Whether it changes nothing. */
    public boolean isEmpty() {
        return autoneg.isEmpty() && speed.isEmpty() && duplex.isEmpty() && lanes.isEmpty() && advertised.isEmpty() && advertisedChanges.isEmpty();
    }
}
