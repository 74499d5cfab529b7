package io.github.netlink4j.bridge;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A reported port: its flag set is its own, and toSpec carries what a BridgePortSettings can hold as it is
 * now, on and off alike (an off flag must be sent as off, or re-applying the spec leaves it as it was).
 */
class BridgePortTest {
    @Test
    void flagsAreCopiedAndImmutable() {
        EnumSet<BridgePortFlag> mine = EnumSet.of(BridgePortFlag.LEARNING);
        BridgePort p = new BridgePort("veth0", 7, 4, BridgePortState.FORWARDING, 32, 100, mine);
        mine.add(BridgePortFlag.ISOLATED);
        assertTrue(p.has(BridgePortFlag.LEARNING));
        assertFalse(p.has(BridgePortFlag.ISOLATED));
        assertThrows(UnsupportedOperationException.class, () -> p.flags().add(BridgePortFlag.GUARD));
    }

    @Test
    void toSpecCarriesTheSettingsAndNamesTheBridge() {
        BridgePort on = new BridgePort("veth0", 7, 4, BridgePortState.FORWARDING, 5, 7,
                Set.of(BridgePortFlag.HAIRPIN, BridgePortFlag.LEARNING, BridgePortFlag.UNICAST_FLOOD, BridgePortFlag.ISOLATED,
                        BridgePortFlag.GUARD));
        assertEquals(BridgePortSpec.of("veth0", "br0").withSettings(BridgePortSettings.empty().withHairpin(true)
                .withLearning(true).withUnicastFlood(true).withIsolated(true).withCost(7).withPriority(5)),
                on.toSpec(Map.of(4, "br0")::get));

        BridgePort off = new BridgePort("veth2", 9, 5, BridgePortState.DISABLED, 32, 100, Set.of());
        assertEquals(BridgePortSpec.of("veth2", "br1").withSettings(BridgePortSettings.empty().withHairpin(false)
                .withLearning(false).withUnicastFlood(false).withIsolated(false).withCost(100).withPriority(32)),
                off.toSpec(Map.of(5, "br1")::get));
    }
}
