package io.github.netlink4j.bridge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The documented ranges (cost 1..65535, BR_MIN_PATH_COST..BR_MAX_PATH_COST: the kernel answers ERANGE above;
 * priority 0..63, the kernel's BR_MAX_PORT_PRIORITY), checked before anything is sent, and each with*
 * changing only its own setting.
 */
class BridgePortSettingsTest {
    @ParameterizedTest
    @ValueSource(longs = {1, 65535})
    void costAtTheEdgesIsKept(long cost) {
        assertEquals(OptionalLong.of(cost), BridgePortSettings.empty().withCost(cost).cost());
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, 65536, 0xFFFF_FFFFL, 0x1_0000_0000L})
    void costOutsideTheRangeIsRefused(long cost) {
        assertThrows(IllegalArgumentException.class, () -> BridgePortSettings.empty().withCost(cost));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 63})
    void priorityAtTheEdgesIsKept(int p) {
        assertEquals(OptionalInt.of(p), BridgePortSettings.empty().withPriority(p).priority());
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 64})
    void priorityOutsideTheRangeIsRefused(int p) {
        assertThrows(IllegalArgumentException.class, () -> BridgePortSettings.empty().withPriority(p));
    }

    @Test
    void emptyChangesNothing() {
        assertEquals(new BridgePortSettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                OptionalLong.empty(), OptionalInt.empty()), BridgePortSettings.empty());
    }

    @Test
    void eachWithSetsOnlyItsOwnSetting() {
        BridgePortSettings all = BridgePortSettings.empty().withHairpin(true).withLearning(false).withUnicastFlood(true)
                .withIsolated(false).withCost(7).withPriority(5);
        assertEquals(new BridgePortSettings(Optional.of(true), Optional.of(false), Optional.of(true), Optional.of(false),
                OptionalLong.of(7), OptionalInt.of(5)), all);
        // and each keeps the others when applied last
        assertEquals(Optional.of(false), all.withHairpin(false).hairpin());
        assertEquals(all, all.withHairpin(false).withHairpin(true));
        assertEquals(all, all.withLearning(true).withLearning(false));
        assertEquals(all, all.withUnicastFlood(false).withUnicastFlood(true));
        assertEquals(all, all.withIsolated(true).withIsolated(false));
        assertEquals(all, all.withCost(9).withCost(7));
        assertEquals(all, all.withPriority(9).withPriority(5));
    }
}
