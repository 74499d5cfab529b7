package io.github.netlink4j.internal.codec;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.route.RouteProtocol;
import io.github.netlink4j.route.RouteTable;
import io.github.netlink4j.route.Rule;
import io.github.netlink4j.route.RuleAction;
import io.github.netlink4j.route.RuleRange;
import io.github.netlink4j.route.RuleSpec;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
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

    /** {@code ip rule add priority 1000 l3mdev}: the table comes from the VRF device, so none is written (linux/fib_rules.h FRA_L3MDEV 19). */
    @Test
    void l3mdevLeavesTheTableUnset() {
        HandBytes.assertWrites("""
                2c 00 00 00                 # nlmsg_len 44
                20 00 05 06                 # RTM_NEWRULE, NLM_F_REQUEST | ACK | EXCL | CREATE
                00 00 00 00 00 00 00 00
                02 00 00 00 00 00 00 01 00 00 00 00   # fib_rule_hdr: AF_INET, table 0, FR_ACT_TO_TBL
                08 00 06 00 e8 03 00 00     # FRA_PRIORITY 1000
                05 00 13 00 01 00 00 00     # FRA_L3MDEV 1
                """, w -> RuleCodec.encodeAdd(w, v4().withPriority(1000).withL3mdev(), false));
    }

    /** {@code ip rule add priority 10 lookup 256}: the first table that does not fit fib_rule_hdr's byte goes in FRA_TABLE (15). */
    @Test
    void table256IsAnAttribute() {
        HandBytes.assertWrites("""
                2c 00 00 00 20 00 05 06 00 00 00 00 00 00 00 00
                02 00 00 00 00 00 00 01 00 00 00 00   # AF_INET, table RT_TABLE_UNSPEC, FR_ACT_TO_TBL
                08 00 06 00 0a 00 00 00     # FRA_PRIORITY 10
                08 00 0f 00 00 01 00 00     # FRA_TABLE 256
                """, w -> RuleCodec.encodeAdd(w, v4().withPriority(10).withLookup(RouteTable.of(256)), false));
    }

    /** {@code ip rule add priority 900 lookup main suppress_ifgroup 5} (FRA_SUPPRESS_IFGROUP 13). */
    @Test
    void suppressIfGroup() {
        HandBytes.assertWrites("""
                2c 00 00 00 20 00 05 06 00 00 00 00 00 00 00 00
                02 00 00 00 fe 00 00 01 00 00 00 00   # AF_INET, RT_TABLE_MAIN, FR_ACT_TO_TBL
                08 00 06 00 84 03 00 00     # FRA_PRIORITY 900
                08 00 0d 00 05 00 00 00     # FRA_SUPPRESS_IFGROUP 5
                """, w -> RuleCodec.encodeAdd(w, v4().withPriority(900).withLookup(RouteTable.MAIN).withSuppressIfGroup(5), false));
    }

    /** A rule as the kernel dumps it, with the attributes no capture holds (FRA_TUN_ID 12 is big-endian: nla_put_be64). */
    private static final String RULE = """
            60 00 00 00                 # nlmsg_len 96
            20 00 02 00                 # RTM_NEWRULE, NLM_F_MULTI
            44 33 22 11 88 77 66 55     # seq, pid
            02 18 10 10                 # AF_INET, dst_len 24, src_len 16, tos 0x10
            fc 00 00 01                 # table 252, res1, res2, FR_ACT_TO_TBL
            02 00 00 00                 # flags FIB_RULE_INVERT
            08 00 06 00 32 00 00 00     # FRA_PRIORITY 50
            08 00 01 00 0a c8 01 00     # FRA_DST 10.200.1.0
            08 00 02 00 0a c8 00 00     # FRA_SRC 10.200.0.0
            0c 00 0c 00 01 02 03 04 05 06 07 08   # FRA_TUN_ID
            05 00 13 00 01 00 00 00     # FRA_L3MDEV 1
            08 00 0b 00 10 00 00 00     # FRA_FLOW 16
            08 00 0d 00 05 00 00 00     # FRA_SUPPRESS_IFGROUP 5
            08 00 28 00 2a 00 00 00     # type 40, of a later kernel: kept
            """;

    @Test
    void kernelRuleDecodesWhereverTheMessageStarts() throws Exception {
        Rule r = RuleCodec.decode(HandBytes.at(12, RULE), 12, 96);
        assertEquals(24, r.destinationLength());
        assertEquals(16, r.sourceLength());
        assertEquals(0x10, r.tos());
        assertEquals(RouteTable.of(252), r.table());
        assertTrue(r.isInverted());
        assertEquals(50, r.priority());
        assertEquals(Optional.of(InetAddress.ofLiteral("10.200.1.0")), r.destination());
        assertEquals(OptionalLong.of(0x0102030405060708L), r.tunnelId());
        assertTrue(r.l3mdev());
        assertEquals(OptionalLong.of(16), r.realms());
        assertEquals(OptionalLong.of(5), r.suppressIfGroup());
        assertEquals(List.of(io.github.netlink4j.common.RawAttribute.ofU32(40, 42)), r.unknown());
    }

    /** {@code ip rule add uidrange 1000-1000}: struct fib_rule_uid_range {u32 start; u32 end}, a range of one uid. */
    @Test
    void aUidRangeOfOneUid() throws Exception {
        MemorySegment s = HandBytes.segment("""
                28 00 00 00 20 00 02 00 00 00 00 00 00 00 00 00
                02 00 00 00 fe 00 00 01 00 00 00 00   # AF_INET, RT_TABLE_MAIN, FR_ACT_TO_TBL
                0c 00 14 00 e8 03 00 00 e8 03 00 00   # FRA_UID_RANGE 1000-1000
                """);
        assertEquals(Optional.of(RuleRange.of(1000)), RuleCodec.decode(s, 0, 40).uidRange());
    }

    @Test
    void shortTunnelIdAndOtherEchoesAreRefused() throws Exception {
        String shortTun = RULE.replace("0c 00 0c 00 01 02 03 04 05 06 07 08", "08 00 0c 00 01 02 03 04 04 00 28 00");
        org.junit.jupiter.api.Assertions.assertThrows(io.github.netlink4j.error.ProtocolException.class,
                () -> RuleCodec.decode(HandBytes.segment(shortTun), 0, 96));
        org.junit.jupiter.api.Assertions.assertNull(RuleCodec.decodeEcho(HandBytes.segment(RULE.replace("20 00 02 00", "21 00 00 00")), 0, 96),
                "RTM_DELRULE");
        assertEquals(50, RuleCodec.decodeEcho(HandBytes.segment(RULE), 0, 96).priority());
    }
}
