package io.github.netlink4j.genl;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A CTRL_ATTR_MCAST_GROUPS entry: named, with an id above 0 (the kernel gives group ids from 1; 0 joins nothing). */
class GenlMulticastGroupTest {
    @Test
    void keepsNameAndId() {
        GenlMulticastGroup g = new GenlMulticastGroup("monitor", 1);
        assertEquals("monitor", g.name());
        assertEquals(1, g.id());
    }

    @Test
    void refusesNoNameAndIdsBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> new GenlMulticastGroup(null, 5));
        assertThrows(IllegalArgumentException.class, () -> new GenlMulticastGroup("", 5));
        assertThrows(IllegalArgumentException.class, () -> new GenlMulticastGroup("monitor", 0));
        assertThrows(IllegalArgumentException.class, () -> new GenlMulticastGroup("monitor", -1));
    }
}
