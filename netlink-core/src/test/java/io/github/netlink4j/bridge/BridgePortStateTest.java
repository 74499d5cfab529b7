package io.github.netlink4j.bridge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The states are BR_STATE_* of linux/if_bridge.h (DISABLED 0 … BLOCKING 4), both ways. */
class BridgePortStateTest {
    @ParameterizedTest
    @CsvSource({"DISABLED, 0", "LISTENING, 1", "LEARNING, 2", "FORWARDING, 3", "BLOCKING, 4"})
    void numbersAreTheUapiOnes(BridgePortState s, int brState) {
        assertEquals(brState, s.value());
        assertSame(s, BridgePortState.of(brState));
    }

    @Test
    void aNumberTheKernelDoesNotDefineIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> BridgePortState.of(5));
        assertThrows(IllegalArgumentException.class, () -> BridgePortState.of(-1));
    }
}
