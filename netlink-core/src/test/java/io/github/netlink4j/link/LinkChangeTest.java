package io.github.netlink4j.link;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "No master" is its own method and component, not an empty master name. */
class LinkChangeTest {
    @Test
    void nomasterIsExplicit() {
        assertTrue(LinkChange.empty().isEmpty());
        LinkChange free = LinkChange.empty().withoutMaster();
        assertFalse(free.isEmpty(), "nomaster is a change");
        assertTrue(free.noMaster() && free.master().isEmpty());
        assertTrue(free.withMaster("br0").master().isPresent() && !free.withMaster("br0").noMaster(), "the last word wins");
        assertThrows(IllegalArgumentException.class, () -> LinkChange.empty().withMaster(""), "an empty name is no name");
        assertThrows(IllegalArgumentException.class, () -> LinkChange.empty().withMaster("br0").withoutMaster().withMaster("br0")
                .withoutMaster().withMaster("br0").withMaster("x/y"));
    }
}
