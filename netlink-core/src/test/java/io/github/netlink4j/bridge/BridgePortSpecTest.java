package io.github.netlink4j.bridge;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * matches is what an idempotent apply asks ("is this port already as the spec wants it?"): the name and
 * the bridge must agree, and every setting the spec sets; what it leaves empty never matters.
 */
class BridgePortSpecTest {
    private static final int BR0 = 4;
    private static final BridgePort PORT = new BridgePort("veth0", 7, BR0, BridgePortState.FORWARDING, 5, 100,
            Set.of(BridgePortFlag.HAIRPIN, BridgePortFlag.UNICAST_FLOOD));

    @Test
    void namesAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> BridgePortSpec.of("", "br0"));
        assertThrows(IllegalArgumentException.class, () -> BridgePortSpec.of("veth0", "br 0"));
        assertThrows(NullPointerException.class, () -> new BridgePortSpec("veth0", "br0", null));
    }

    @Test
    void ofSetsNothingAndWithSettingsReplaces() {
        BridgePortSpec s = BridgePortSpec.of("veth0", "br0");
        assertEquals(BridgePortSettings.empty(), s.settings());
        BridgePortSettings h = BridgePortSettings.empty().withHairpin(true);
        assertEquals(new BridgePortSpec("veth0", "br0", h), s.withSettings(h));
    }

    @Test
    void aSpecSettingNothingMatchesThePortInItsBridge() {
        assertTrue(BridgePortSpec.of("veth0", "br0").matches(PORT, BR0));
        assertFalse(BridgePortSpec.of("veth1", "br0").matches(PORT, BR0), "another port");
        assertFalse(BridgePortSpec.of("veth0", "br0").matches(PORT, BR0 + 1), "another bridge");
    }

    @Test
    void everySetSettingMustAgree() {
        BridgePortSettings e = BridgePortSettings.empty();
        BridgePortSpec base = BridgePortSpec.of("veth0", "br0");
        BridgePortSettings same = e.withHairpin(true).withLearning(false).withUnicastFlood(true).withIsolated(false)
                .withCost(100).withPriority(5);
        assertTrue(base.withSettings(same).matches(PORT, BR0));

        assertFalse(base.withSettings(e.withHairpin(false)).matches(PORT, BR0));
        assertFalse(base.withSettings(e.withLearning(true)).matches(PORT, BR0));
        assertFalse(base.withSettings(e.withUnicastFlood(false)).matches(PORT, BR0));
        assertFalse(base.withSettings(e.withIsolated(true)).matches(PORT, BR0));
        assertFalse(base.withSettings(e.withCost(101)).matches(PORT, BR0));
        assertFalse(base.withSettings(e.withPriority(6)).matches(PORT, BR0));
        // one differing setting among agreeing ones is enough to differ
        assertFalse(base.withSettings(same.withPriority(6)).matches(PORT, BR0));
        assertFalse(base.withSettings(same.withHairpin(false)).matches(PORT, BR0));
    }
}
