package io.github.netlink4j.examples.jip;

import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.Json;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code jip rule} against ip 6.1: every selector and action written by jip in one namespace and by ip
 * in a twin, the twins' {@code ip -j rule} compared; then listing, selecting and errors run through
 * both on the same state, byte for byte; the iproute2 testsuite's rule/dsfield.t with jip as ip.
 */
class RuleParityTest {
    private static final String[][] RULES = {
            {"rule", "add", "from", "10.200.0.0/24", "lookup", "100", "priority", "100"},
            {"rule", "add", "to", "10.200.5.0/24", "table", "1000", "pref", "200"},
            {"rule", "add", "fwmark", "0x10/0xff", "lookup", "300", "pref", "300"},
            {"rule", "add", "fwmark", "7", "lookup", "301", "pref", "301"},
            {"rule", "add", "iif", "v0", "oif", "v1", "lookup", "400", "pref", "400"},
            {"rule", "add", "not", "from", "10.200.9.9", "prohibit", "pref", "500"},
            {"rule", "add", "tos", "0x10", "blackhole", "pref", "600"},
            {"rule", "add", "uidrange", "1000-2000", "ipproto", "tcp", "sport", "80", "dport", "1000-2000", "unreachable", "pref", "700"},
            {"rule", "add", "ipproto", "udp", "sport", "1000-1010", "lookup", "701", "pref", "701"},
            {"rule", "add", "goto", "900", "pref", "800"},
            {"rule", "add", "nop", "pref", "850"},
            {"rule", "add", "from", "10.200.1.0/24", "lookup", "main", "suppress_prefixlength", "0", "pref", "900"},
            {"rule", "add", "suppress_ifgroup", "default", "lookup", "main", "pref", "950"},
            {"rule", "add", "protocol", "static", "lookup", "1000", "pref", "1000"},
            {"rule", "add", "from", "all", "to", "10.200.7.7", "lookup", "default", "pref", "1100"},
            {"rule", "add", "lookup", "1200"},
            {"-6", "rule", "add", "from", "fd00:200::/64", "lookup", "100", "pref", "100"},
            {"-6", "rule", "add", "to", "fd00:201::1", "iif", "lo", "unreachable", "pref", "200"},
            {"-6", "rule", "add", "dsfield", "0x10", "lookup", "6", "pref", "300"},
    };

    private static String[] in(ThrowawayNamespace ns, String... args) {
        List<String> a = new ArrayList<>(List.of("-n", ns.name()));
        a.addAll(List.of(args));
        return a.toArray(String[]::new);
    }

    private static void veths(ThrowawayNamespace ns) throws IOException {
        Ip.in(ns.name(), "link", "add", "v0", "type", "veth", "peer", "name", "v1");
    }

    @Test
    void everyFormJipWritesIsWhatIpWrites() throws IOException {
        try (ThrowawayNamespace byIp = ThrowawayNamespace.create("rule-ip"); ThrowawayNamespace byJip = ThrowawayNamespace.create("rule-jip")) {
            veths(byIp);
            veths(byJip);
            for (String[] r : RULES) {
                Ip.in(byIp.name(), r);
                JipParityTest.Run run = JipParityTest.jip(in(byJip, r));
                assertEquals("", run.err(), String.join(" ", r));
                assertEquals(0, run.exit(), String.join(" ", r));
            }
            for (String[] show : new String[][] {{"-j", "rule"}, {"-j", "-6", "rule"}, {"-j", "-d", "rule"}}) {
                assertEquals(Json.parse(Ip.in(byIp.name(), show)), Json.parse(Ip.in(byJip.name(), show)), String.join(" ", show));
            }
            // deletes: by priority, by selectors, by action
            for (String[] d : new String[][] {{"rule", "del", "pref", "100"}, {"rule", "del", "fwmark", "0x10/0xff", "lookup", "300"},
                    {"rule", "del", "not", "from", "10.200.9.9", "prohibit"}, {"-6", "rule", "del", "pref", "200"}, {"rule", "del", "goto", "900"}}) {
                Ip.in(byIp.name(), d);
                JipParityTest.Run run = JipParityTest.jip(in(byJip, d));
                assertEquals(0, run.exit(), String.join(" ", d) + ": " + run.err());
            }
            for (String[] show : new String[][] {{"rule"}, {"-6", "rule"}}) {
                assertEquals(Ip.in(byIp.name(), show), Ip.in(byJip.name(), show), String.join(" ", show));
            }
        }
    }

    private static void same(ThrowawayNamespace ns, String... args) throws IOException {
        String[] line = in(ns, args);
        Ip.Result want = Ip.run(line);
        JipParityTest.Run got = JipParityTest.jip(line);
        String what = "ip " + String.join(" ", line);
        assertEquals(want.out(), got.out(), what);
        assertEquals(want.err(), got.err(), what + " (stderr)");
        assertEquals(want.exit(), got.exit(), what + " (exit status)");
    }

    @Test
    void listingSelectorsAndErrorsMatchIp() throws IOException {
        try (ThrowawayNamespace ns = ThrowawayNamespace.create("rule-show")) {
            veths(ns);
            for (String[] r : RULES) Ip.in(ns.name(), r);
            for (String[] c : new String[][] {{"rule"}, {"ru"}, {"rule", "show"}, {"rule", "list"}, {"rule", "lst"}, {"-6", "rule"},
                    {"-j", "rule"}, {"-p", "-j", "rule"}, {"-d", "rule"}, {"rule", "show", "pref", "300"}, {"rule", "show", "priority", "700"},
                    {"rule", "show", "table", "main"}, {"rule", "show", "lookup", "100"}, {"rule", "show", "from", "10.200.0.0/24"},
                    {"rule", "show", "from", "10.200.0.0/16"}, {"rule", "show", "to", "10.200.5.0/24"}, {"rule", "show", "iif", "v0"},
                    {"rule", "show", "oif", "v1"}, {"rule", "show", "not"}, {"rule", "show", "fwmark", "0x10/0xff"}, {"rule", "show", "fwmark", "7"},
                    {"rule", "show", "tos", "0x10"}, {"rule", "show", "uidrange", "1000-2000"}, {"rule", "show", "ipproto", "udp"},
                    {"rule", "show", "sport", "80"}, {"rule", "show", "dport", "1000-2000"}, {"-6", "rule", "show", "dsfield", "0x10"},
                    {"rule", "add", "pref", "99999999999", "lookup", "1"}, {"rule", "add", "lookup", "nosuchtable"},
                    {"rule", "add", "from", "fd00::/64", "lookup", "1"}, {"-4", "rule", "add", "from", "fd00::/64", "lookup", "1"},
                    {"rule", "add"}, {"rule", "del"}, {"rule", "add", "uidrange", "7", "lookup", "1"}, {"rule", "add", "sport", "x", "lookup", "1"},
                    {"rule", "add", "ipproto", "nosuchproto", "lookup", "1"}, {"rule", "add", "bogus"}, {"rule", "foo"},
                    {"rule", "add", "from", "10.200.0.0/24", "lookup", "100", "priority", "100"}, {"rule", "del", "pref", "4242"}}) {
                same(ns, c);
            }
        }
    }

    @Test
    void flushLeavesWhatIpLeaves() throws IOException {
        try (ThrowawayNamespace byIp = ThrowawayNamespace.create("rule-fl-ip"); ThrowawayNamespace byJip = ThrowawayNamespace.create("rule-fl-jip")) {
            for (ThrowawayNamespace ns : new ThrowawayNamespace[] {byIp, byJip}) {
                veths(ns);
                for (String[] r : RULES) Ip.in(ns.name(), r);
            }
            Ip.in(byIp.name(), "rule", "flush", "table", "100");
            assertEquals(0, JipParityTest.jip(in(byJip, "rule", "flush", "table", "100")).exit());
            assertEquals(Ip.in(byIp.name(), "rule"), Ip.in(byJip.name(), "rule"));
            Ip.in(byIp.name(), "rule", "flush");
            assertEquals(0, JipParityTest.jip(in(byJip, "rule", "flush")).exit());
            assertEquals(Ip.in(byIp.name(), "rule"), Ip.in(byJip.name(), "rule"));
            assertEquals("0:\tfrom all lookup local\n", Ip.in(byJip.name(), "rule"), "flush keeps the local rule only");
        }
    }
}
