package io.github.netlink4j.internal.codec;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.route.RouteProtocol;
import io.github.netlink4j.route.RouteTable;
import io.github.netlink4j.route.Rule;
import io.github.netlink4j.route.RuleAction;
import io.github.netlink4j.route.RuleRange;
import io.github.netlink4j.route.RuleSpec;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static io.github.netlink4j.internal.codec.GoldenEncodeTest.assertEncodes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Policy rules against iproute2's own bytes (golden/rule/*.hex: what {@code ip rule add|del} sent;
 * golden/dump/rules.hex: what the kernel answered {@code ip rule show}), both ways.
 */
class RuleCodecTest {
    private static RuleSpec v4() {
        return RuleSpec.of(AddressFamily.INET);
    }

    @Test
    void encodesAsIpDoes() {
        assertEncodes("rule/from-lookup", w -> RuleCodec.encodeAdd(w, v4().withSource("10.200.0.0/24").withPriority(100).withLookup(RouteTable.of(100)), false));
        assertEncodes("rule/to-table-big", w -> RuleCodec.encodeAdd(w, v4().withDestination("10.200.5.0/24").withPriority(200).withLookup(RouteTable.of(1000)), false));
        assertEncodes("rule/fwmark-mask", w -> RuleCodec.encodeAdd(w, v4().withPriority(300).withFwmark(0x10, 0xff).withLookup(RouteTable.of(300)), false));
        assertEncodes("rule/not-iif-oif-prohibit", w -> RuleCodec.encodeAdd(w, v4().withInvert().withSource("10.200.9.9").withPriority(400)
                .withInputLink("veth0").withOutputLink("veth1").withAction(RuleAction.PROHIBIT), false));
        assertEncodes("rule/uid-ports-unreachable", w -> RuleCodec.encodeAdd(w, v4().withPriority(700).withUidRange(new RuleRange(1000, 2000))
                .withIpProtocol(6).withSourcePorts(RuleRange.of(80)).withDestinationPorts(new RuleRange(1000, 2000))
                .withAction(RuleAction.UNREACHABLE), false));
        assertEncodes("rule/goto", w -> RuleCodec.encodeAdd(w, v4().withPriority(800).withGoto(900), false));
        assertEncodes("rule/tos-blackhole", w -> RuleCodec.encodeAdd(w, v4().withPriority(600).withTos(0x10).withAction(RuleAction.BLACKHOLE), false));
        assertEncodes("rule/protocol", w -> RuleCodec.encodeAdd(w, v4().withPriority(1000).withProtocol(RouteProtocol.STATIC).withLookup(RouteTable.of(1000)), false));
        assertEncodes("rule/suppress", w -> RuleCodec.encodeAdd(w, v4().withSource("10.200.1.0/24").withPriority(900).withLookup(RouteTable.MAIN)
                .withSuppressPrefixLength(0), false));
        assertEncodes("rule/v6-from", w -> RuleCodec.encodeAdd(w, RuleSpec.of(AddressFamily.INET6).withSource("fd00:200::/64").withPriority(100)
                .withLookup(RouteTable.of(100)), false));
        assertEncodes("rule/del-priority", w -> RuleCodec.encodeDelete(w, v4().withPriority(100)));
    }

    @Test
    void decodesTheKernelsDump() throws Exception {
        List<Rule> rules = GoldenDecodeTest.decodeAll("dump/rules", RuleCodec::decode);
        assertEquals(List.of(0L, 100L, 300L, 400L, 700L, 800L, 1000L, 32766L, 32767L), rules.stream().map(Rule::priority).toList());
        Rule local = rules.get(0);
        assertEquals(RouteTable.LOCAL, local.table());
        assertEquals(Optional.of(RuleAction.LOOKUP), local.action());
        assertEquals(Optional.empty(), local.source());
        assertEquals("0: from all lookup local", local.toString());
        Rule from = rules.get(1);
        assertEquals(Optional.of(InetAddress.ofLiteral("10.200.0.0")), from.source());
        assertEquals(24, from.sourceLength());
        assertEquals(RouteTable.of(100), from.table());
        Rule mark = rules.get(2);
        assertEquals(OptionalLong.of(0x10), mark.fwmark());
        assertEquals(OptionalLong.of(0xff), mark.fwmask());
        assertEquals(RouteTable.of(300), mark.table(), "FRA_TABLE beyond 255");
        Rule not = rules.get(3);
        assertTrue(not.isInverted());
        assertEquals(Optional.of("veth0"), not.inputLink());
        assertEquals(Optional.of("veth1"), not.outputLink());
        assertEquals(Optional.of(RuleAction.PROHIBIT), not.action());
        assertEquals(32, not.sourceLength());
        Rule ports = rules.get(4);
        assertEquals(Optional.of(new RuleRange(1000, 2000)), ports.uidRange());
        assertEquals(OptionalInt.of(6), ports.ipProtocol());
        assertEquals(Optional.of(RuleRange.of(80)), ports.sourcePorts());
        assertEquals(Optional.of(new RuleRange(1000, 2000)), ports.destinationPorts());
        Rule jump = rules.get(5);
        assertEquals(Optional.of(RuleAction.GOTO), jump.action());
        assertEquals(OptionalLong.of(900), jump.gotoPriority());
        assertEquals(Optional.of(RouteProtocol.STATIC), rules.get(6).protocol());
        assertEquals(Optional.of(RouteProtocol.KERNEL), local.protocol(), "the default rules are the kernel's");
        for (Rule r : rules) assertFalse(r.unknown().stream().anyMatch(a -> a.type() <= 23), "every FRA_* ip prints is decoded: " + r);
    }

    @Test
    void aDecodedRuleDeletesItself() {
        Rule r = new Rule(AddressFamily.INET, 100, Optional.of(InetAddress.ofLiteral("10.200.0.0")), 24, Optional.empty(), 0, 0,
                OptionalLong.empty(), OptionalLong.empty(), Optional.empty(), Optional.empty(), false, Optional.empty(), OptionalInt.empty(),
                Optional.empty(), Optional.empty(), 0, java.util.Set.of(), 1, RouteTable.of(100), OptionalLong.empty(), OptionalInt.of(-1),
                OptionalLong.of(0xFFFF_FFFFL), Optional.empty(), OptionalLong.empty(), OptionalLong.empty(), List.of());
        assertEquals(v4().withPriority(100).withSource("10.200.0.0/24").withLookup(RouteTable.of(100)), r.toSpec());
    }
}
