package io.github.netlink4j;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.route.RouteTable;
import io.github.netlink4j.route.Rule;
import io.github.netlink4j.route.RuleAction;
import io.github.netlink4j.route.RuleRange;
import io.github.netlink4j.route.RuleSpec;

import io.github.netlink4j.error.KernelException;
import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.Json;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Policy rules through the API, cross-checked with {@code ip -j rule}; each test in a throwaway namespace of its own. */
class RulesTest {
    private ThrowawayNamespace t;
    private NetlinkClient nl;
    private String ns;

    @BeforeEach
    void setUp() throws IOException {
        t = ThrowawayNamespace.create("rules");
        nl = t.client();
        ns = t.name();
    }

    @AfterEach
    void tearDown() throws IOException {
        if (t != null) t.close();
    }

    private List<Map<String, Object>> ipRules(String... family) throws IOException {
        List<String> a = new ArrayList<>(List.of(family));
        a.addAll(List.of("-j", "rule"));
        return Json.array(Ip.in(ns, a.toArray(String[]::new)));
    }

    @Test
    void addReturnsTheKernelsRuleAndIpReadsIt() throws IOException {
        Rule r = nl.rules().add(RuleSpec.of(AddressFamily.INET).withSource("10.200.0.0/24").withPriority(100).withLookup(RouteTable.of(100)));
        assertEquals(100, r.priority());
        assertEquals(Optional.of(InetAddress.ofLiteral("10.200.0.0")), r.source());
        assertEquals(RouteTable.of(100), r.table());
        Map<String, Object> ip = ipRules().stream().filter(m -> ((Number) m.get("priority")).longValue() == 100).findFirst().orElseThrow();
        assertEquals("10.200.0.0", ip.get("src"));
        assertEquals(24L, ((Number) ip.get("srclen")).longValue());
        assertEquals("100", ip.get("table"));
    }

    /**
     * The header's table is one byte: 255 fits there, 256 and above go in FRA_TABLE as ip sends them.
     * The rules added here read back through ip the same as those ip added with the same words.
     */
    @Test
    void tablesOnBothSidesOfTheHeadersByteReadBackAsIpWroteThem() throws IOException {
        for (long table : new long[] {255, 256, 4242}) {
            nl.rules().add(RuleSpec.of(AddressFamily.INET).withSource("10.200.1.0/24").withPriority(table).withLookup(RouteTable.of(table)));
            Ip.in(ns, "rule", "add", "from", "10.200.1.0/24", "priority", Long.toString(table + 10_000), "lookup", Long.toString(table));
        }
        List<Map<String, Object>> rules = ipRules();
        for (long table : new long[] {255, 256, 4242}) {
            Map<String, Object> ours = rules.stream().filter(m -> ((Number) m.get("priority")).longValue() == table).findFirst().orElseThrow();
            Map<String, Object> ips = rules.stream().filter(m -> ((Number) m.get("priority")).longValue() == table + 10_000).findFirst().orElseThrow();
            assertEquals(ips.get("table"), ours.get("table"), "lookup " + table + ": " + rules);
            assertEquals(RouteTable.of(table), nl.rules().list(AddressFamily.INET).stream().filter(r -> r.priority() == table).findFirst().orElseThrow().table());
        }
    }

    @Test
    void readsWhatIpWrote() throws IOException {
        Ip.in(ns, "rule", "add", "not", "fwmark", "0x5/0xf", "iif", "lo", "uidrange", "10-20", "ipproto", "udp", "dport", "53",
                "lookup", "7", "pref", "77");
        Ip.in(ns, "-6", "rule", "add", "to", "fd00:200::/64", "goto", "32766", "pref", "66");
        Rule v4 = nl.rules().list(AddressFamily.INET).stream().filter(r -> r.priority() == 77).findFirst().orElseThrow();
        assertTrue(v4.isInverted());
        assertEquals(java.util.OptionalLong.of(5), v4.fwmark());
        assertEquals(java.util.OptionalLong.of(0xf), v4.fwmask());
        assertEquals(Optional.of("lo"), v4.inputLink());
        assertEquals(Optional.of(new RuleRange(10, 20)), v4.uidRange());
        assertEquals(OptionalInt.of(17), v4.ipProtocol());
        assertEquals(Optional.of(RuleRange.of(53)), v4.destinationPorts());
        assertEquals(RouteTable.of(7), v4.table());
        Rule v6 = nl.rules().list(AddressFamily.INET6).stream().filter(r -> r.priority() == 66).findFirst().orElseThrow();
        assertEquals(Optional.of(RuleAction.GOTO), v6.action());
        assertEquals(java.util.OptionalLong.of(32766), v6.gotoPriority());
        assertEquals(64, v6.destinationLength());
        // and deletes it by its own spec
        nl.rules().delete(v4.toSpec());
        assertTrue(nl.rules().list(AddressFamily.INET).stream().noneMatch(r -> r.priority() == 77));
    }

    @Test
    void aThousandRulesListAndDelete() throws IOException {
        List<RuleSpec> specs = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            specs.add(RuleSpec.of(AddressFamily.INET).withSource("10.200." + (i / 256) + "." + (i % 256) + "/32").withPriority(1000 + i)
                    .withLookup(RouteTable.of(100 + i % 7)));
        }
        assertTrue(nl.rules().addAll(specs).allSucceeded());
        List<Rule> listed = nl.rules().list(AddressFamily.INET);
        assertEquals(1003, listed.size(), "1,000 rules and the three defaults");
        assertEquals(1003, ipRules().size(), "ip sees the same");
        for (int i = 0; i < 1000; i++) {
            Rule r = listed.get(i + 1); // after 0: local
            assertEquals(1000 + i, r.priority());
            assertEquals(RouteTable.of(100 + i % 7), r.table());
        }
        List<RuleSpec> del = new ArrayList<>();
        for (int i = 0; i < 1000; i++) del.add(RuleSpec.of(AddressFamily.INET).withPriority(1000 + i));
        assertTrue(nl.rules().deleteAll(del).allSucceeded());
        assertEquals(List.of(0L, 32766L, 32767L), nl.rules().list(AddressFamily.INET).stream().map(Rule::priority).toList());
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsSent() throws IOException {
        List<Rule> before = nl.rules().list();
        assertThrows(IllegalArgumentException.class, () -> RuleSpec.of(AddressFamily.INET).withPriority(1L << 32));
        assertThrows(IllegalArgumentException.class, () -> RuleSpec.of(AddressFamily.INET).withPriority(-1));
        assertThrows(IllegalArgumentException.class, () -> RouteTable.of("nosuchtable"));
        assertThrows(IllegalArgumentException.class, () -> RuleSpec.of(AddressFamily.INET).withSource("fd00:200::/64"));
        assertThrows(IllegalArgumentException.class, () -> RuleSpec.of(AddressFamily.INET6).withDestination("10.200.0.0/24"));
        assertThrows(IllegalArgumentException.class, () -> RuleSpec.of(AddressFamily.INET).withSource("10.200.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> RuleSpec.of(AddressFamily.INET).withSourcePorts(new RuleRange(1, 70000)));
        assertThrows(IllegalArgumentException.class, () -> new RuleRange(5, 4));
        assertThrows(IllegalArgumentException.class, () -> RuleSpec.of(AddressFamily.BRIDGE));
        assertThrows(IllegalArgumentException.class, () -> RuleSpec.of(AddressFamily.INET).withInputLink("a/b"));
        assertEquals(before, nl.rules().list(), "nothing changed");
        // what only the kernel can refuse comes back with its words
        KernelException e = assertThrows(KernelException.class, () -> nl.rules().add(RuleSpec.of(AddressFamily.INET).withTos(0x28)
                .withPriority(5).withLookup(RouteTable.of(5))));
        // The kernel's own words, as ip prints them for the same request on this kernel (our operation
        // text names "tos" too, so finding the word in the message would prove nothing).
        Ip.Result ip = Ip.run("-n", ns, "rule", "add", "tos", "0x28", "pref", "5", "table", "5");
        assertEquals(2, ip.exit(), ip.err());
        assertEquals(ip.err().strip(), "Error: " + e.extAckMessage().orElseThrow() + ".", e.getMessage());
        assertTrue(e.getMessage().contains(e.extAckMessage().orElseThrow()), e.getMessage());
        assertThrows(KernelException.class, () -> nl.rules().delete(AddressFamily.INET, 4242));
    }

    @Test
    void findAndGetNameTheRuleASpecMatches() throws Exception {
        nl.rules().add(RuleSpec.of(AddressFamily.INET).withSource("10.200.7.0/24").withPriority(700).withLookup(RouteTable.of(70)));
        nl.rules().add(RuleSpec.of(AddressFamily.INET).withSource("10.200.8.0/24").withPriority(800).withLookup(RouteTable.of(80)));
        Rule r = nl.rules().get(RuleSpec.of(AddressFamily.INET).withSource("10.200.8.0/24"));
        assertEquals(800L, r.priority());
        assertEquals(RouteTable.of(80), r.table());
        Map<String, Object> ip = ipRules("-4").stream().filter(x -> "10.200.8.0".equals(x.get("src"))).findFirst().orElseThrow();
        assertEquals(((Number) ip.get("priority")).longValue(), r.priority());
        assertTrue(nl.rules().find(RuleSpec.of(AddressFamily.INET).withSource("10.200.8.0/24").withLookup(RouteTable.of(70))).isEmpty(), "every field set must match");
        assertThrows(io.github.netlink4j.error.NotFoundException.class, () -> nl.rules().get(RuleSpec.of(AddressFamily.INET).withPriority(701)));
    }
}
