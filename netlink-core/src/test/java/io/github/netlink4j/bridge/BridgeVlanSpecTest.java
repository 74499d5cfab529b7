package io.github.netlink4j.bridge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * VLAN ids 1..4094 (0 and 4095 are reserved by 802.1Q; the kernel's br_vlan_valid_id refuses them), a
 * reported VLAN's toSpec adds it again, and matches compares port, id and both flags.
 */
class BridgeVlanSpecTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 4094})
    void idsAtTheEdgesAreKept(int vid) {
        assertEquals(vid, BridgeVlanSpec.of("veth0", vid).vid());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 4095})
    void reservedIdsAreRefused(int vid) {
        assertThrows(IllegalArgumentException.class, () -> BridgeVlanSpec.of("veth0", vid));
    }

    @Test
    void portNameIsChecked() {
        assertThrows(IllegalArgumentException.class, () -> BridgeVlanSpec.of("a/b", 10));
    }

    @Test
    void ofIsTaggedBothWaysAndWithersSetOneFlag() {
        assertEquals(new BridgeVlanSpec("veth0", 100, false, false), BridgeVlanSpec.of("veth0", 100));
        assertEquals(new BridgeVlanSpec("veth0", 100, true, false), BridgeVlanSpec.of("veth0", 100).withPvid(true));
        assertEquals(new BridgeVlanSpec("veth0", 100, false, true), BridgeVlanSpec.of("veth0", 100).withUntagged(true));
        assertEquals(new BridgeVlanSpec("veth0", 100, true, true), BridgeVlanSpec.of("veth0", 100).withPvid(true).withUntagged(true));
        assertEquals(new BridgeVlanSpec("veth0", 100, true, false),
                BridgeVlanSpec.of("veth0", 100).withPvid(true).withUntagged(true).withUntagged(false));
        assertEquals(new BridgeVlanSpec("veth0", 100, false, true),
                BridgeVlanSpec.of("veth0", 100).withPvid(true).withUntagged(true).withPvid(false));
    }

    @Test
    void aReportedVlanGivesItsSpecBack() {
        assertEquals(new BridgeVlanSpec("veth0", 100, true, false), new BridgeVlan("veth0", 7, 100, true, false).toSpec());
        assertEquals(new BridgeVlanSpec("veth1", 1, false, true), new BridgeVlan("veth1", 8, 1, false, true).toSpec());
    }

    @Test
    void matchesComparesPortIdAndFlags() {
        BridgeVlanSpec s = BridgeVlanSpec.of("veth0", 100).withPvid(true);
        assertTrue(s.matches(new BridgeVlan("veth0", 7, 100, true, false)));
        assertFalse(s.matches(new BridgeVlan("veth1", 7, 100, true, false)));
        assertFalse(s.matches(new BridgeVlan("veth0", 7, 101, true, false)));
        assertFalse(s.matches(new BridgeVlan("veth0", 7, 100, false, false)));
        assertFalse(s.matches(new BridgeVlan("veth0", 7, 100, true, true)));
    }
}
