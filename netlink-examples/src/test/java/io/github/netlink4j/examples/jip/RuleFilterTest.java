package io.github.netlink4j.examples.jip;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.route.RouteProtocol;
import io.github.netlink4j.route.RouteTable;
import io.github.netlink4j.route.Rule;
import io.github.netlink4j.route.RuleAction;
import io.github.netlink4j.route.RuleRange;
import io.github.netlink4j.route.RuleSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The selectors of {@code ip rule list}: how they are read and which rules they keep. */
class RuleFilterTest {
    private static RuleFilter parse(String args) {
        return parse(args, null);
    }

    private static RuleFilter parse(String args, AddressFamily family) {
        return RuleFilter.parse(new ArrayList<>(args.isEmpty() ? List.of() : Arrays.asList(args.split(" "))), family);
    }

    private static RuleSpec v4() {
        return RuleSpec.of(AddressFamily.INET).withPriority(100);
    }

    /** A rule with every selector set, and one with none. */
    private static final Rule FULL = Records.rule(v4().withSource("10.200.0.0/24").withDestination("10.200.9.0/24").withTos(0x10).withFwmark(0x10, 0xff)
            .withInputLink("veth0").withOutputLink("veth1").withUidRange(new RuleRange(1000, 2000)).withIpProtocol(6)
            .withSourcePorts(RuleRange.of(80)).withDestinationPorts(new RuleRange(1000, 2000)).withInvert()
            .withProtocol(RouteProtocol.STATIC).withLookup(RouteTable.of(100)));
    private static final Rule PLAIN = Records.rule(RuleSpec.of(AddressFamily.INET).withPriority(200).withAction(RuleAction.PROHIBIT));

    @Test
    void readsEverySelector() {
        RuleFilter f = parse("pref 100 not tos 0x10 fwmark 0x10/0xff iif veth0 oif veth1 uidrange 1000-2000 ipproto 6 sport 80 "
                + "dport 1000-2000 lookup 100 from 10.200.0.0/24 to 10.200.9.0/24 protocol static");
        assertEquals(100L, f.priority);
        assertTrue(f.not);
        assertEquals(0x10, f.tos);
        assertEquals(0x10L, f.fwmark);
        assertEquals(0xffL, f.fwmask);
        assertEquals("veth0", f.iif);
        assertEquals("veth1", f.oif);
        assertEquals(new RuleRange(1000, 2000), f.uid);
        assertEquals(6, f.ipproto);
        assertEquals(RuleRange.of(80), f.sport);
        assertEquals(new RuleRange(1000, 2000), f.dport);
        assertEquals(RouteTable.of(100), f.table);
        assertEquals(24, f.from.bits());
        assertEquals(24, f.to.bits());
        assertEquals(RouteProtocol.STATIC, f.protocol);
        assertTrue(f.test(FULL), "every selector of the rule itself keeps it");
        assertTrue(f.protocolMatches(FULL));
        assertFalse(f.test(PLAIN));
        assertFalse(f.protocolMatches(PLAIN));
    }

    @Test
    void synonymsAndForms() {
        assertEquals(5L, parse("order 5").priority);
        assertEquals(5L, parse("priority 5").priority);
        assertEquals(4294967295L, parse("preference 0xffffffff").priority);
        assertEquals(0x10, parse("dsfield 0x10").tos);
        assertEquals(0x10L, parse("fwmark 16").fwmark);
        assertNull(parse("fwmark 16").fwmask);
        assertEquals("veth0", parse("dev veth0").iif);
        assertEquals(RouteTable.MAIN, parse("table main").table);
        assertEquals(24, parse("src 10.200.0.0/24").from.bits());
        assertEquals(24, parse("dst 10.200.0.0/24").to.bits());
        assertEquals(24, parse("10.200.0.0/24").to.bits());
        assertTrue(parse("l3mdev").l3mdev);
        assertNull(parse("protocol all").protocol);
        assertEquals(17, parse("ipproto 17").ipproto);
        // Zero is a value everywhere: the bounds are 0 and 2^32-1 (or 255) inclusive.
        assertEquals(0L, parse("pref 0").priority);
        assertEquals(0, parse("tos 0").tos);
        assertEquals(0, parse("ipproto 0").ipproto);
        assertEquals(0L, parse("fwmark 0/0").fwmask);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "pref x|x|preference value is invalid", "pref -1|-1|preference value is invalid",
            "pref 4294967296|4294967296|preference value is invalid",
            "tos 0x100|0x100|TOS value is invalid", "fwmark x|x|fwmark value is invalid", "fwmark 1/x|x|fwmask value is invalid",
            "uidrange a-b|a-b|invalid UID range", "uidrange 5-1|5-1|invalid UID range", "sport x|x|invalid port range",
            "dport x|x|invalid dport range", "lookup x|x|table id value is invalid", "protocol x|x|invalid \"protocol\"",
            "ipproto 256|256|Invalid \"ipproto\" value", "fwmark /5|''|fwmark value is invalid", "ipproto nosuchproto|nosuchproto|Invalid \"ipproto\" value"})
    void refusesWhatIpRefuses(String args, String arg, String what) {
        UsageException e = assertThrows(UsageException.class, () -> parse(args));
        assertEquals("Error: argument \"" + arg + "\" is wrong: " + what + "\n", e.getMessage());
        assertEquals(255, e.status());
    }

    @Test
    void eachSelectorLeavesTheRulesWithoutIt() {
        for (String selector : List.of("pref 100", "not", "tos 0x10", "fwmark 0x10", "fwmark 0x10/0xff", "iif veth0", "oif veth1",
                "uidrange 1000-2000", "ipproto 6", "sport 80", "dport 1000-2000", "lookup 100", "from 10.200.0.0/16", "to 10.200.9.0/24")) {
            RuleFilter f = parse(selector);
            assertTrue(f.test(FULL), selector + " keeps the rule that has it");
            assertFalse(f.test(PLAIN), selector + " leaves the rule without it");
        }
        for (String selector : List.of("pref 101", "tos 0x20", "fwmark 0x11", "iif veth1", "oif veth0", "uidrange 1000-2001",
                "ipproto 17", "sport 81", "dport 1000", "lookup 101", "from 10.200.1.0/24", "from 10.200.0.0/25", "to 10.200.8.0/24",
                "from fd00::/64")) {
            assertFalse(parse(selector).test(FULL), selector + " is not the rule's");
        }
        assertTrue(parse("").test(PLAIN));
        assertTrue(parse("from all").test(FULL), "from all is every rule");
        assertTrue(parse("from all").test(PLAIN));
        assertFalse(parse("l3mdev").test(FULL));
        assertTrue(parse("").protocolMatches(PLAIN), "no protocol asked");
        assertTrue(parse("from 10.200.0.0/24", AddressFamily.INET).test(FULL));
    }
}
