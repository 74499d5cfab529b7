package io.github.netlink4j.genl.ethtool;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The link modes' records on their own: what a change may hold (the kernel's policy, checked first), and Duplex's numbers. */
class LinkModesChangeTest {
    @Test
    void duplexByNumberAndAsEthtoolPrintsIt() {
        for (Duplex d : Duplex.values()) assertEquals(d, Duplex.of(d.value()));
        assertEquals(Duplex.HALF, Duplex.of(0));
        assertEquals(Duplex.FULL, Duplex.of(1));
        assertEquals(Duplex.UNKNOWN, Duplex.of(0xff));
        assertThrows(IllegalArgumentException.class, () -> Duplex.of(2));
        assertEquals("Half", Duplex.HALF.toString());
        assertEquals("Full", Duplex.FULL.toString());
        assertEquals("Unknown!", Duplex.UNKNOWN.toString());
    }

    @Test
    void eachWithSetsItsOwnFieldAndLeavesTheOthers() {
        LinkModesChange c = LinkModesChange.empty().withSpeed(100).withDuplex(Duplex.HALF).withLanes(2).withAutoneg(false);
        assertEquals(OptionalInt.of(100), c.speed());
        assertEquals(Optional.of(Duplex.HALF), c.duplex());
        assertEquals(OptionalInt.of(2), c.lanes());
        assertEquals(Optional.of(false), c.autoneg());
        assertTrue(c.advertised().isEmpty() && c.advertisedChanges().isEmpty());
        assertFalse(c.isEmpty());
        assertTrue(LinkModesChange.empty().isEmpty());
        for (LinkModesChange one : List.of(LinkModesChange.empty().withSpeed(0), LinkModesChange.empty().withDuplex(Duplex.FULL),
                LinkModesChange.empty().withLanes(1), LinkModesChange.empty().withAutoneg(true), LinkModesChange.empty().withAdvertised(Set.of()),
                LinkModesChange.empty().withAdvertising("10baseT/Half", false))) {
            assertFalse(one.isEmpty(), one.toString());
        }
        LinkModesChange adv = LinkModesChange.empty().withAdvertising("b", true).withAdvertising("a", false).withAdvertising("b", false);
        assertEquals(List.of("b", "a"), List.copyOf(adv.advertisedChanges().keySet()), "in the order first named");
        assertEquals(Map.of("a", false, "b", false), adv.advertisedChanges());
    }

    @Test
    void whatTheKernelWouldRefuseIsRefusedHere() {
        assertThrows(IllegalArgumentException.class, () -> LinkModesChange.empty().withSpeed(-1), "SPEED_UNKNOWN is not a speed to ask for");
        assertThrows(IllegalArgumentException.class, () -> LinkModesChange.empty().withDuplex(Duplex.UNKNOWN));
        for (int bad : new int[] {0, 3, 5, 6, 7, 16, -8, Integer.MIN_VALUE}) {
            assertThrows(IllegalArgumentException.class, () -> LinkModesChange.empty().withLanes(bad), "lanes " + bad);
        }
        for (int good : new int[] {1, 2, 4, 8}) assertEquals(OptionalInt.of(good), LinkModesChange.empty().withLanes(good).lanes());
        assertThrows(IllegalArgumentException.class, () -> LinkModesChange.empty().withAdvertised(Set.of("a")).withAdvertising("b", true),
                "whole or one by one, not both");
        assertThrows(IllegalArgumentException.class, () -> LinkModesChange.empty().withAdvertising("b", true).withAdvertised(Set.of("a")));
        assertThrows(IllegalArgumentException.class, () -> LinkModesChange.empty().withAdvertising("", true));
        assertThrows(IllegalArgumentException.class, () -> LinkModesChange.empty().withAdvertised(Set.of("")));
        assertThrows(NullPointerException.class, () -> LinkModesChange.empty().withDuplex(null));
    }

    @Test
    void linkModesKeepsTheKernelsOrderAndCopiesItsSets() {
        java.util.LinkedHashSet<String> in = new java.util.LinkedHashSet<>(List.of("1000baseT/Full", "10baseT/Half"));
        LinkModes m = new LinkModes("eth0", 1, true, OptionalInt.empty(), Duplex.UNKNOWN, OptionalInt.empty(), in, Set.of(), Set.of(),
                OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty());
        in.add("x");
        assertEquals(List.of("1000baseT/Full", "10baseT/Half"), List.copyOf(m.supported()));
        assertThrows(UnsupportedOperationException.class, () -> m.supported().add("y"));
    }
}
