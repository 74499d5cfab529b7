package io.github.netlink4j.route;

import io.github.netlink4j.common.AddressFamily;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link RuleSpec#matches} names a rule as the kernel matches one to delete (fib_nl_delrule's rule_find):
 * each selector or action the spec sets must equal the rule's, each it leaves out matches anything. The
 * constructor refuses what the kernel would refuse (fib_rules.c, fib4_rule_configure), before sending.
 */
class RuleSpecTest {
    private static final RuleSpec INET = RuleSpec.of(AddressFamily.INET);

    /** A rule as the kernel reports it, every field open to change; the defaults are ip's "0: from all lookup main". */
    private static final class R {
        AddressFamily family = AddressFamily.INET;
        long priority;
        Optional<InetAddress> source = Optional.empty();
        int sourceLength;
        Optional<InetAddress> destination = Optional.empty();
        int destinationLength;
        int tos;
        OptionalLong fwmark = OptionalLong.empty();
        OptionalLong fwmask = OptionalLong.empty();
        Optional<String> inputLink = Optional.empty();
        Optional<String> outputLink = Optional.empty();
        boolean l3mdev;
        Optional<RuleRange> uidRange = Optional.empty();
        OptionalInt ipProtocol = OptionalInt.empty();
        Optional<RuleRange> sourcePorts = Optional.empty();
        Optional<RuleRange> destinationPorts = Optional.empty();
        int rawFlags;
        int action = 1;
        RouteTable table = RouteTable.MAIN;
        OptionalLong gotoPriority = OptionalLong.empty();
        OptionalInt suppressPrefixLength = OptionalInt.empty();
        OptionalLong suppressIfGroup = OptionalLong.empty();
        Optional<RouteProtocol> protocol = Optional.empty();

        Rule build() {
            return new Rule(family, priority, source, sourceLength, destination, destinationLength, tos, fwmark, fwmask, inputLink,
                    outputLink, l3mdev, uidRange, ipProtocol, sourcePorts, destinationPorts, rawFlags, RuleFlag.fromBits(rawFlags), action,
                    table, gotoPriority, suppressPrefixLength, suppressIfGroup, protocol, OptionalLong.empty(), OptionalLong.empty(), List.of());
        }
    }

    private static Rule rule(Consumer<R> change) {
        R r = new R();
        change.accept(r);
        return r.build();
    }

    private static InetAddress ip(String text) {
        return InetAddress.ofLiteral(text);
    }

    /** A rule with every selector set, and a non-default action and table. */
    private static final Rule FULL = rule(r -> {
        r.priority = 100;
        r.source = Optional.of(ip("10.200.1.0"));
        r.sourceLength = 24;
        r.destination = Optional.of(ip("10.200.2.0"));
        r.destinationLength = 25;
        r.tos = 0x10;
        r.fwmark = OptionalLong.of(7);
        r.fwmask = OptionalLong.of(0xff);
        r.inputLink = Optional.of("veth0");
        r.outputLink = Optional.of("veth1");
        r.uidRange = Optional.of(new RuleRange(1000, 1999));
        r.ipProtocol = OptionalInt.of(17);
        r.sourcePorts = Optional.of(new RuleRange(1000, 2000));
        r.destinationPorts = Optional.of(RuleRange.of(53));
        r.rawFlags = 0x2;
        r.table = RouteTable.of(100);
        r.suppressPrefixLength = OptionalInt.of(0);
        r.suppressIfGroup = OptionalLong.of(5);
        r.protocol = Optional.of(RouteProtocol.STATIC);
    });

    /**
     * One selector: the spec that sets it matches a rule with the same value and refuses one that differs
     * in it alone; a spec without it matches either.
     */
    private static void selector(String what, UnaryOperator<RuleSpec> set, Consumer<R> same, Consumer<R> other) {
        RuleSpec spec = set.apply(INET);
        assertTrue(spec.matches(rule(same)), what + ": the same value matches");
        assertFalse(spec.matches(rule(same.andThen(other))), what + ": another value does not");
        assertTrue(INET.matches(rule(same)) && INET.matches(rule(same.andThen(other))), what + ": a spec without it matches any");
    }

    @Test
    void eachSelectorTheSpecSetsMustEqualTheRules() {
        selector("priority", s -> s.withPriority(100), r -> r.priority = 100, r -> r.priority = 101);
        selector("from prefix", s -> s.withSource("10.200.1.0/24"),
                r -> { r.source = Optional.of(ip("10.200.1.0")); r.sourceLength = 24; }, r -> r.source = Optional.of(ip("10.200.3.0")));
        selector("from length", s -> s.withSource("10.200.1.0/24"),
                r -> { r.source = Optional.of(ip("10.200.1.0")); r.sourceLength = 24; }, r -> r.sourceLength = 23);
        selector("to prefix", s -> s.withDestination("10.200.2.0/25"),
                r -> { r.destination = Optional.of(ip("10.200.2.0")); r.destinationLength = 25; }, r -> r.destination = Optional.of(ip("10.200.2.128")));
        selector("to length", s -> s.withDestination("10.200.2.0/25"),
                r -> { r.destination = Optional.of(ip("10.200.2.0")); r.destinationLength = 25; }, r -> r.destinationLength = 26);
        selector("tos", s -> s.withTos(0x10), r -> r.tos = 0x10, r -> r.tos = 0x08);
        selector("fwmark", s -> s.withFwmark(7, 0xff), r -> { r.fwmark = OptionalLong.of(7); r.fwmask = OptionalLong.of(0xff); },
                r -> r.fwmark = OptionalLong.of(8));
        selector("fwmask", s -> s.withFwmark(7, 0xff), r -> { r.fwmark = OptionalLong.of(7); r.fwmask = OptionalLong.of(0xff); },
                r -> r.fwmask = OptionalLong.of(0xf0));
        selector("iif", s -> s.withInputLink("veth0"), r -> r.inputLink = Optional.of("veth0"), r -> r.inputLink = Optional.of("veth2"));
        selector("oif", s -> s.withOutputLink("veth1"), r -> r.outputLink = Optional.of("veth1"), r -> r.outputLink = Optional.of("veth2"));
        selector("uidrange", s -> s.withUidRange(new RuleRange(1000, 1999)), r -> r.uidRange = Optional.of(new RuleRange(1000, 1999)),
                r -> r.uidRange = Optional.of(new RuleRange(1000, 2000)));
        selector("ipproto", s -> s.withIpProtocol(17), r -> r.ipProtocol = OptionalInt.of(17), r -> r.ipProtocol = OptionalInt.of(6));
        selector("sport", s -> s.withSourcePorts(new RuleRange(1000, 2000)), r -> r.sourcePorts = Optional.of(new RuleRange(1000, 2000)),
                r -> r.sourcePorts = Optional.of(RuleRange.of(1000)));
        selector("dport", s -> s.withDestinationPorts(RuleRange.of(53)), r -> r.destinationPorts = Optional.of(RuleRange.of(53)),
                r -> r.destinationPorts = Optional.of(RuleRange.of(54)));
        selector("not", RuleSpec::withInvert, r -> r.rawFlags = 0x2, r -> r.rawFlags = 0);
        selector("suppress_prefixlength", s -> s.withSuppressPrefixLength(0), r -> r.suppressPrefixLength = OptionalInt.of(0),
                r -> r.suppressPrefixLength = OptionalInt.of(8));
        selector("suppress_ifgroup", s -> s.withSuppressIfGroup(5), r -> r.suppressIfGroup = OptionalLong.of(5),
                r -> r.suppressIfGroup = OptionalLong.of(6));
        selector("protocol", s -> s.withProtocol(RouteProtocol.STATIC), r -> r.protocol = Optional.of(RouteProtocol.STATIC),
                r -> r.protocol = Optional.of(RouteProtocol.BOOT));
    }

    @Test
    void theActionAndItsTargetAreMatchedToo() {
        selector("lookup table", s -> s.withLookup(RouteTable.of(100)), r -> r.table = RouteTable.of(100), r -> r.table = RouteTable.of(200));
        selector("lookup action", s -> s.withLookup(RouteTable.of(100)), r -> r.table = RouteTable.of(100), r -> r.action = 6);
        // FR_ACT_BLACKHOLE is 6, FR_ACT_PROHIBIT 8 (linux/fib_rules.h); these carry no table (RT_TABLE_UNSPEC)
        selector("blackhole", s -> s.withAction(RuleAction.BLACKHOLE), r -> { r.action = 6; r.table = RouteTable.UNSPEC; }, r -> r.action = 8);
        selector("goto target", s -> s.withGoto(200), r -> { r.action = 2; r.table = RouteTable.UNSPEC; r.gotoPriority = OptionalLong.of(200); },
                r -> r.gotoPriority = OptionalLong.of(300));
        selector("l3mdev", RuleSpec::withL3mdev, r -> { r.l3mdev = true; r.table = RouteTable.UNSPEC; }, r -> r.l3mdev = false);
    }

    @Test
    void theFamilyIsAlwaysPartOfTheKey() {
        Rule v6 = rule(r -> r.family = AddressFamily.INET6);
        assertFalse(INET.matches(v6));
        assertTrue(RuleSpec.of(AddressFamily.INET6).matches(v6));
    }

    @Test
    void aFullRuleIsMatchedByItsOwnSpecAndByTheEmptyOne() {
        assertTrue(FULL.toSpec().matches(FULL));
        assertTrue(INET.matches(FULL), "a spec that sets nothing names every rule of its family");
        RuleSpec expected = INET.withPriority(100).withSource("10.200.1.0/24").withDestination("10.200.2.0/25").withTos(0x10)
                .withFwmark(7, 0xff).withInputLink("veth0").withOutputLink("veth1").withUidRange(new RuleRange(1000, 1999))
                .withIpProtocol(17).withSourcePorts(new RuleRange(1000, 2000)).withDestinationPorts(RuleRange.of(53)).withInvert()
                .withLookup(RouteTable.of(100)).withSuppressPrefixLength(0).withSuppressIfGroup(5).withProtocol(RouteProtocol.STATIC);
        assertEquals(expected, FULL.toSpec());
    }

    @Test
    void aFullMaskIsNoMask() {
        // ip rule add fwmark 7 sends FRA_FWMASK only when a mask is given; 0xffffffff is the kernel's default
        assertEquals(OptionalLong.empty(), INET.withFwmark(7, 0xFFFF_FFFFL).fwmask());
        assertEquals(OptionalLong.of(0xFFFF_FFFEL), INET.withFwmark(7, 0xFFFF_FFFEL).fwmask());
        assertEquals(OptionalLong.of(7), INET.withFwmark(7, 0xFFFF_FFFFL).fwmark());
    }

    @Test
    void prefixLengthsAreBoundByTheFamily() {
        assertEquals(32, INET.withSource("10.200.1.1/32").sourceLength());
        assertEquals(0, INET.withDestination("0.0.0.0/0").destinationLength());
        assertEquals(128, RuleSpec.of(AddressFamily.INET6).withDestination("fd00:200::1/128").destinationLength());
        assertThrows(IllegalArgumentException.class, () -> new B().sourceLength(33).build());
        assertThrows(IllegalArgumentException.class, () -> new B().sourceLength(-1).build());
        assertThrows(IllegalArgumentException.class, () -> new B().destinationLength(33).build());
        assertThrows(IllegalArgumentException.class, () -> new B().destinationLength(-1).build());
        assertDoesNotThrow(() -> new B().sourceLength(32).destinationLength(32).build());
        assertDoesNotThrow(() -> new B().family(AddressFamily.INET6).sourceLength(128).destinationLength(128).build());
        assertThrows(IllegalArgumentException.class, () -> new B().family(AddressFamily.INET6).sourceLength(129).build());
        assertThrows(IllegalArgumentException.class, () -> new B().family(AddressFamily.INET6).destinationLength(129).build());
    }

    @Test
    void selectorsOfAnotherFamilyOrBeyondTheirFieldAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> RuleSpec.of(AddressFamily.BRIDGE), "rules are INET or INET6");
        // lengths that fit both families, so that only the family can be refused
        assertTrue(assertThrows(IllegalArgumentException.class, () -> INET.withSource("fd00:200::/32")).getMessage().contains("is not inet"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> INET.withDestination("fd00:200::/32")).getMessage().contains("is not inet"));
        RuleSpec v6 = RuleSpec.of(AddressFamily.INET6);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> v6.withSource("10.200.0.0/24")).getMessage().contains("is not inet6"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> v6.withDestination("10.200.0.0/24")).getMessage().contains("is not inet6"));
        assertEquals(255, INET.withTos(255).tos());
        assertThrows(IllegalArgumentException.class, () -> INET.withTos(256), "tos is one byte of fib_rule_hdr");
        assertThrows(IllegalArgumentException.class, () -> INET.withTos(-1));
        assertEquals(OptionalInt.of(255), INET.withIpProtocol(255).ipProtocol());
        assertEquals(OptionalInt.of(0), INET.withIpProtocol(0).ipProtocol());
        assertThrows(IllegalArgumentException.class, () -> INET.withIpProtocol(256), "FRA_IP_PROTO is a u8");
        assertThrows(IllegalArgumentException.class, () -> INET.withIpProtocol(-1));
        assertEquals(65535, INET.withSourcePorts(new RuleRange(1, 65535)).sourcePorts().orElseThrow().end());
        assertThrows(IllegalArgumentException.class, () -> INET.withSourcePorts(new RuleRange(1, 65536)), "ports are u16");
        assertThrows(IllegalArgumentException.class, () -> INET.withDestinationPorts(new RuleRange(1, 65536)));
        assertEquals(0xFFFF_FFFFL, INET.withUidRange(new RuleRange(0, 0xFFFF_FFFFL)).uidRange().orElseThrow().end());
        assertThrows(IllegalArgumentException.class, () -> INET.withUidRange(new RuleRange(0, 0x1_0000_0000L)), "uids are u32");
        assertThrows(IllegalArgumentException.class, () -> INET.withInputLink("a/b"));
        assertThrows(IllegalArgumentException.class, () -> INET.withOutputLink(""));
        assertEquals(OptionalInt.of(0), INET.withSuppressPrefixLength(0).suppressPrefixLength());
        assertThrows(IllegalArgumentException.class, () -> INET.withSuppressPrefixLength(-1), "-1 is the kernel's none: leave it empty");
    }

    @Test
    void actionsAndTheirTargetsMustAgree() {
        assertThrows(IllegalArgumentException.class, () -> INET.withAction(RuleAction.GOTO), "a goto needs its target");
        assertThrows(IllegalArgumentException.class, () -> INET.withGoto(5).withAction(RuleAction.NOP));
        assertEquals(Optional.of(RuleAction.GOTO), INET.withGoto(5).action());
        assertEquals(OptionalLong.of(5), INET.withGoto(5).gotoPriority());
        assertThrows(IllegalArgumentException.class, () -> INET.withL3mdev().withLookup(RouteTable.of(5)), "l3mdev picks the table itself");
        RuleSpec l3 = INET.withL3mdev();
        assertTrue(l3.l3mdev());
        assertEquals(Optional.of(RuleAction.LOOKUP), l3.action());
        assertEquals(Optional.of(RuleAction.PROHIBIT), INET.withAction(RuleAction.PROHIBIT).action());
        RuleSpec lookup = INET.withLookup(RouteTable.LOCAL);
        assertEquals(Optional.of(RuleAction.LOOKUP), lookup.action());
        assertEquals(Optional.of(RouteTable.LOCAL), lookup.table());
    }

    /** The canonical constructor with one field at a time, for the checks no wither reaches. */
    private static final class B {
        private AddressFamily family = AddressFamily.INET;
        private int sourceLength;
        private int destinationLength;

        B family(AddressFamily f) {
            family = f;
            return this;
        }

        B sourceLength(int l) {
            sourceLength = l;
            return this;
        }

        B destinationLength(int l) {
            destinationLength = l;
            return this;
        }

        RuleSpec build() {
            return new RuleSpec(family, OptionalLong.empty(), Optional.empty(), sourceLength, Optional.empty(), destinationLength, 0,
                    OptionalLong.empty(), OptionalLong.empty(), Optional.empty(), Optional.empty(), false, Optional.empty(),
                    OptionalInt.empty(), Optional.empty(), Optional.empty(), false, Optional.empty(), Optional.empty(), OptionalLong.empty(),
                    OptionalInt.empty(), OptionalLong.empty(), Optional.empty());
        }
    }
}
