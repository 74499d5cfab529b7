package io.github.netlink4j.support;

import io.github.netlink4j.address.AddressFlag;
import io.github.netlink4j.link.LinkFlag;
import io.github.netlink4j.neighbour.NeighbourFlag;
import io.github.netlink4j.neighbour.NeighbourState;
import io.github.netlink4j.route.NexthopFlag;
import io.github.netlink4j.route.RouteFlag;
import io.github.netlink4j.route.RuleFlag;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Decoding flags allocates nothing for the common words: a word without a known bit is one shared set,
 * and the small flag enums (at most eight bit positions) share one set per pattern.
 */
class FlagSetTableTest {
    @Test
    void noFlagsIsOneSharedEmptySet() {
        assertSame(LinkFlag.fromBits(0), LinkFlag.fromBits(0));
        assertSame(AddressFlag.fromBits(0), AddressFlag.fromBits(0x7000_0000), "only unknown bits: the same empty set");
        assertSame(RouteFlag.fromBits(0), RouteFlag.fromBits(0x7f), "RTNH_F_* bits are not route flags");
        assertSame(RuleFlag.fromBits(0), RuleFlag.fromBits(0));
        assertTrue(RouteFlag.fromBits(0).isEmpty());
    }

    @Test
    void smallFlagEnumsShareOneSetPerPattern() {
        for (int bits = 0; bits < 0x100; bits++) {
            assertSame(NeighbourFlag.fromBits(bits), NeighbourFlag.fromBits(bits));
            assertSame(NeighbourState.fromBits(bits), NeighbourState.fromBits(bits | 0x100), "NUD_* above the byte are ignored");
            assertSame(NexthopFlag.fromBits(bits), NexthopFlag.fromBits(bits));
            assertSame(RuleFlag.fromBits(bits), RuleFlag.fromBits(bits));
            assertSame(RouteFlag.fromBits(bits << 8), RouteFlag.fromBits(bits << 8 | 0xff));
        }
    }

    @Test
    void cachedSetsHoldExactlyTheirBits() {
        for (int bits = 0; bits < 0x10000; bits += 0x100) {
            EnumSet<RouteFlag> expected = EnumSet.noneOf(RouteFlag.class);
            for (RouteFlag f : RouteFlag.values()) if ((bits & f.bit()) != 0) expected.add(f);
            Set<RouteFlag> got = RouteFlag.fromBits(bits | 0x20000000);
            assertEquals(expected, got);
            assertEquals(bits, RouteFlag.toBits(got));
            assertEquals(bits, RouteFlag.toBits(EnumSet.copyOf(got.isEmpty() ? EnumSet.noneOf(RouteFlag.class) : got)));
        }
        for (int bits = 0; bits < 0x20; bits++) {
            EnumSet<RuleFlag> expected = EnumSet.noneOf(RuleFlag.class);
            for (RuleFlag f : RuleFlag.values()) if ((bits & f.bit()) != 0) expected.add(f);
            assertEquals(expected, RuleFlag.fromBits(bits));
        }
    }
}
