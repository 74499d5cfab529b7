package io.github.netlink4j.route;

import io.github.netlink4j.common.AddressFamily;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A {@link Rule} record prints as {@code ip rule} lists it, reads its action (FR_ACT_*) and turns into
 * the spec that deletes it: the table only for a lookup, the goto target only for a goto.
 */
class RuleTest {
    private static Rule rule(long priority, Optional<InetAddress> src, int srcLen, Optional<InetAddress> dst, int dstLen, boolean l3mdev,
                             int rawFlags, int action, RouteTable table, OptionalLong gotoPriority) {
        return new Rule(AddressFamily.INET, priority, src, srcLen, dst, dstLen, 0, OptionalLong.empty(), OptionalLong.empty(), Optional.empty(),
                Optional.empty(), l3mdev, Optional.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty(), rawFlags,
                RuleFlag.fromBits(rawFlags), action, table, gotoPriority, OptionalInt.empty(), OptionalLong.empty(), Optional.empty(),
                OptionalLong.empty(), OptionalLong.empty(), List.of());
    }

    private static Rule action(int action, RouteTable table, OptionalLong gotoPriority) {
        return rule(100, Optional.empty(), 0, Optional.empty(), 0, false, 0, action, table, gotoPriority);
    }

    private static Optional<InetAddress> ip(String text) {
        return Optional.of(InetAddress.ofLiteral(text));
    }

    @Test
    void rulesPrintAsIpRuleListsThem() {
        assertEquals("0: from all lookup local", rule(0, Optional.empty(), 0, Optional.empty(), 0, false, 0, 1, RouteTable.LOCAL,
                OptionalLong.empty()).toString());
        assertEquals("100: from 10.200.0.0/24 to 10.200.1.5 lookup 100",
                rule(100, ip("10.200.0.0"), 24, ip("10.200.1.5"), 32, false, 0, 1, RouteTable.of(100), OptionalLong.empty()).toString());
        assertEquals("100: from 10.200.0.5 to 10.200.1.0/24 lookup main",
                rule(100, ip("10.200.0.5"), 32, ip("10.200.1.0"), 24, false, 0, 1, RouteTable.MAIN, OptionalLong.empty()).toString());
        assertEquals("100: not from all lookup main", rule(100, Optional.empty(), 0, Optional.empty(), 0, false, 0x2, 1, RouteTable.MAIN,
                OptionalLong.empty()).toString());
        assertEquals("100: from all lookup [l3mdev-table]", rule(100, Optional.empty(), 0, Optional.empty(), 0, true, 0, 1, RouteTable.UNSPEC,
                OptionalLong.empty()).toString());
        assertEquals("100: from all goto 200", action(2, RouteTable.UNSPEC, OptionalLong.of(200)).toString());
        assertEquals("100: from all goto none", action(2, RouteTable.UNSPEC, OptionalLong.empty()).toString());
        assertEquals("100: from all blackhole", action(6, RouteTable.UNSPEC, OptionalLong.empty()).toString());
        assertEquals("100: from all prohibit", action(8, RouteTable.UNSPEC, OptionalLong.empty()).toString());
        assertEquals("100: from all nop", action(3, RouteTable.UNSPEC, OptionalLong.empty()).toString());
        String nat = action(10, RouteTable.UNSPEC, OptionalLong.empty()).toString();
        assertTrue(nat.startsWith("100: from all ") && nat.endsWith(" 10"), "an action with no name is printed by number: " + nat);
        Rule links = new Rule(AddressFamily.INET6, 5, ip("fd00:200::"), 64, Optional.empty(), 0, 0, OptionalLong.empty(), OptionalLong.empty(),
                Optional.of("veth0"), Optional.of("veth1"), false, Optional.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty(), 0,
                RuleFlag.fromBits(0), 1, RouteTable.MAIN, OptionalLong.empty(), OptionalInt.empty(), OptionalLong.empty(), Optional.empty(),
                OptionalLong.empty(), OptionalLong.empty(), List.of());
        assertEquals("5: from fd00:200::/64 iif veth0 oif veth1 lookup main", links.toString());
    }

    @Test
    void theActionIsReadFromItsNumber() {
        assertEquals(Optional.of(RuleAction.LOOKUP), action(1, RouteTable.MAIN, OptionalLong.empty()).action());
        assertEquals(Optional.of(RuleAction.UNREACHABLE), action(7, RouteTable.UNSPEC, OptionalLong.empty()).action());
        assertEquals(Optional.empty(), action(10, RouteTable.UNSPEC, OptionalLong.empty()).action(), "FR_ACT 10 has no RuleAction");
        assertEquals(Optional.empty(), action(0, RouteTable.UNSPEC, OptionalLong.empty()).action(), "FR_ACT_UNSPEC");
        assertTrue(rule(1, Optional.empty(), 0, Optional.empty(), 0, false, 0x3, 1, RouteTable.MAIN, OptionalLong.empty()).isInverted());
        assertFalse(rule(1, Optional.empty(), 0, Optional.empty(), 0, false, 0x1, 1, RouteTable.MAIN, OptionalLong.empty()).isInverted());
    }

    @Test
    void theSpecCarriesOnlyWhatTheActionUses() {
        assertEquals(Optional.empty(), action(1, RouteTable.UNSPEC, OptionalLong.empty()).toSpec().table(), "a lookup in no table");
        assertEquals(Optional.of(RouteTable.MAIN), action(1, RouteTable.MAIN, OptionalLong.empty()).toSpec().table());
        assertEquals(Optional.empty(), action(6, RouteTable.MAIN, OptionalLong.empty()).toSpec().table(), "a blackhole has no table");
        assertEquals(OptionalLong.of(200), action(2, RouteTable.UNSPEC, OptionalLong.of(200)).toSpec().gotoPriority());
        assertEquals(OptionalLong.empty(), action(1, RouteTable.MAIN, OptionalLong.of(200)).toSpec().gotoPriority(), "only a goto has a target");
        assertEquals(Optional.empty(), action(10, RouteTable.UNSPEC, OptionalLong.empty()).toSpec().action());
        RuleSpec l3 = rule(1000, Optional.empty(), 0, Optional.empty(), 0, true, 0, 1, RouteTable.of(7), OptionalLong.empty()).toSpec();
        assertEquals(RuleSpec.of(AddressFamily.INET).withPriority(1000).withL3mdev(), l3, "an l3mdev rule's table is the VRF's, not the rule's");
    }

    @Test
    void theKernelsNoneMarkersAreDropped() {
        Rule r = new Rule(AddressFamily.INET, 1, Optional.empty(), 0, Optional.empty(), 0, 0, OptionalLong.empty(), OptionalLong.empty(),
                Optional.empty(), Optional.empty(), false, Optional.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty(), 0,
                RuleFlag.fromBits(0), 1, RouteTable.MAIN, OptionalLong.empty(), OptionalInt.of(0), OptionalLong.of(0xFFFF_FFFEL), Optional.empty(),
                OptionalLong.empty(), OptionalLong.empty(), List.of());
        assertEquals(OptionalInt.of(0), r.suppressPrefixLength(), "0 is a length, only -1 is none");
        assertEquals(OptionalLong.of(0xFFFF_FFFEL), r.suppressIfGroup(), "only 0xffffffff is none");
    }

    @Test
    void aRecordKeepsTheDecodersFlagSetAndCopiesAnyOther() {
        Set<RuleFlag> decoded = RuleFlag.fromBits(0x2);
        Rule kept = new Rule(AddressFamily.INET, 1, Optional.empty(), 0, Optional.empty(), 0, 0, OptionalLong.empty(), OptionalLong.empty(),
                Optional.empty(), Optional.empty(), false, Optional.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty(), 2, decoded,
                1, RouteTable.MAIN, OptionalLong.empty(), OptionalInt.empty(), OptionalLong.empty(), Optional.empty(), OptionalLong.empty(),
                OptionalLong.empty(), List.of());
        assertSame(decoded, kept.flags());
        Set<RuleFlag> mine = new HashSet<>(Set.of(RuleFlag.INVERT));
        Rule copied = new Rule(AddressFamily.INET, 1, Optional.empty(), 0, Optional.empty(), 0, 0, OptionalLong.empty(), OptionalLong.empty(),
                Optional.empty(), Optional.empty(), false, Optional.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty(), 2, mine,
                1, RouteTable.MAIN, OptionalLong.empty(), OptionalInt.empty(), OptionalLong.empty(), Optional.empty(), OptionalLong.empty(),
                OptionalLong.empty(), List.of());
        mine.add(RuleFlag.PERMANENT);
        assertEquals(Set.of(RuleFlag.INVERT), copied.flags());
    }
}
