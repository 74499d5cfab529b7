package io.github.netlink4j.link;

import io.github.netlink4j.common.MacAddress;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each wither of {@link LinkChange} sets its one part of the RTM_NEWLINK and keeps the others; any one
 * part makes the change non-empty; values are checked as the single-property setters check them.
 */
class LinkChangeWitherTest {
    private static final MacAddress MAC = MacAddress.of("02:00:00:00:00:09");
    private static final MacAddress BRD = MacAddress.of("02:00:00:00:00:fe");

    /** Every part but the master set, so each wither's copy can be checked to keep them all. */
    private static final LinkChange ALL = new LinkChange(Optional.of(true), OptionalInt.of(1400), Optional.of("uplink"), Optional.of(MAC),
            Optional.empty(), true, Optional.of("to the lab"), OptionalLong.of(500), Map.of(LinkFlag.PROMISC, true), OptionalLong.of(3),
            Optional.of(BRD));

    @Test
    void eachPartAloneMakesTheChangeNonEmpty() {
        Map<String, UnaryOperator<LinkChange>> parts = Map.of("up", c -> c.withUp(false), "mtu", c -> c.withMtu(1400), "name",
                c -> c.withName("x0"), "address", c -> c.withAddress(MAC), "master", c -> c.withMaster("br0"), "nomaster",
                LinkChange::withoutMaster, "alias", c -> c.withAlias(""), "txqueuelen", c -> c.withTxQueueLength(0), "flag",
                c -> c.withFlag(LinkFlag.NOARP, false), "group", c -> c.withGroup(0));
        parts.forEach((what, set) -> assertFalse(set.apply(LinkChange.empty()).isEmpty(), what));
        assertFalse(LinkChange.empty().withBroadcast(BRD).isEmpty(), "broadcast"); // Map.of stops at ten
        assertTrue(LinkChange.empty().isEmpty());
    }

    @Test
    void eachWitherSetsItsPartAndKeepsTheRest() {
        assertEquals(ALL, LinkChange.empty().withUp(true).withMtu(1400).withName("uplink").withAddress(MAC).withoutMaster()
                .withAlias("to the lab").withTxQueueLength(500).withFlag(LinkFlag.PROMISC, true).withGroup(3).withBroadcast(BRD));
        assertEquals(ALL, ALL.withUp(true));
        assertEquals(ALL, ALL.withMtu(1400));
        assertEquals(ALL, ALL.withName("uplink"));
        assertEquals(ALL, ALL.withAddress(MAC));
        assertEquals(ALL, ALL.withoutMaster());
        assertEquals(ALL, ALL.withAlias("to the lab"));
        assertEquals(ALL, ALL.withTxQueueLength(500));
        assertEquals(ALL, ALL.withFlag(LinkFlag.PROMISC, true));
        assertEquals(ALL, ALL.withGroup(3));
        assertEquals(ALL, ALL.withBroadcast(BRD));
        LinkChange enslaved = ALL.withMaster("br0");
        assertEquals(new LinkChange(Optional.of(true), OptionalInt.of(1400), Optional.of("uplink"), Optional.of(MAC), Optional.of("br0"), false,
                Optional.of("to the lab"), OptionalLong.of(500), Map.of(LinkFlag.PROMISC, true), OptionalLong.of(3), Optional.of(BRD)), enslaved);
        assertEquals(ALL, enslaved.withoutMaster());
    }

    @Test
    void flagsAccumulateAndTheLastWordOnOneFlagWins() {
        LinkChange c = LinkChange.empty().withFlag(LinkFlag.PROMISC, true).withFlag(LinkFlag.NOARP, true).withFlag(LinkFlag.PROMISC, false);
        assertEquals(Map.of(LinkFlag.PROMISC, false, LinkFlag.NOARP, true), c.flags());
        assertThrows(UnsupportedOperationException.class, () -> c.flags().put(LinkFlag.DEBUG, true), "a record's map is a copy");
        assertThrows(IllegalArgumentException.class, () -> LinkChange.empty().withFlag(LinkFlag.UP, true), "UP is withUp's");
    }

    @Test
    void valuesAreCheckedWhenTheChangeIsMade() {
        assertThrows(IllegalArgumentException.class, () -> LinkChange.empty().withMtu(67), "below IPv4's minimum of 68");
        assertEquals(OptionalInt.of(68), LinkChange.empty().withMtu(68).mtu());
        assertThrows(IllegalArgumentException.class, () -> LinkChange.empty().withName("a:b"));
        assertThrows(IllegalArgumentException.class, () -> LinkChange.empty().withAddress(MacAddress.of(new byte[8])), "an 8-byte link-layer address is no Ethernet MAC");
        assertEquals("x".repeat(255), LinkChange.empty().withAlias("x".repeat(255)).alias().orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> LinkChange.empty().withAlias("x".repeat(256)), "IFALIASZ is 256 with the NUL");
        assertThrows(IllegalArgumentException.class, () -> LinkChange.empty().withTxQueueLength(-1));
        assertThrows(IllegalArgumentException.class, () -> LinkChange.empty().withGroup(0x1_0000_0000L));
        assertEquals(OptionalLong.of(0xFFFF_FFFFL), LinkChange.empty().withGroup(0xFFFF_FFFFL).group());
    }
}
