package io.github.netlink4j.support;

import io.github.netlink4j.address.AddressFlag;
import io.github.netlink4j.link.LinkFlag;


import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bit-backed flag sets the decoders return behave as the EnumSets they replace. */
class FlagSetTest {
    @Test
    void everyAddressFlagCombinationEqualsItsEnumSet() {
        for (int bits = 0; bits < 0x1000; bits++) {
            EnumSet<AddressFlag> expected = EnumSet.noneOf(AddressFlag.class);
            for (AddressFlag f : AddressFlag.values()) if ((bits & f.bit()) != 0) expected.add(f);
            Set<AddressFlag> got = AddressFlag.fromBits(bits | 0x7000_0000); // unknown high bits are ignored
            assertEquals(expected, got);
            assertEquals(got, expected);
            assertEquals(expected.hashCode(), got.hashCode());
            assertEquals(expected.size(), got.size());
            assertEquals(java.util.List.copyOf(expected), java.util.List.copyOf(got), "iteration in declaration order");
            assertEquals(bits, AddressFlag.toBits(got));
            for (AddressFlag f : AddressFlag.values()) assertEquals(expected.contains(f), got.contains(f));
        }
        assertFalse(AddressFlag.fromBits(0xfff).contains(LinkFlag.UP));
        assertFalse(AddressFlag.fromBits(0xfff).contains("PERMANENT"));
    }

    @Test
    void linkFlagsAndImmutability() {
        int bits = 0x1 | 0x8 | 0x10000; // UP, LOOPBACK, LOWER_UP
        Set<LinkFlag> got = LinkFlag.fromBits(bits);
        assertEquals(EnumSet.of(LinkFlag.UP, LinkFlag.LOOPBACK, LinkFlag.LOWER_UP), got);
        assertTrue(LinkFlag.fromBits(0).isEmpty());
        assertThrows(UnsupportedOperationException.class, () -> got.add(LinkFlag.NOARP));
        assertThrows(UnsupportedOperationException.class, () -> got.remove(LinkFlag.UP));
        assertThrows(UnsupportedOperationException.class, got::clear);
        assertThrows(java.util.NoSuchElementException.class, () -> {
            var it = LinkFlag.fromBits(0).iterator();
            it.next();
        });
    }
}
