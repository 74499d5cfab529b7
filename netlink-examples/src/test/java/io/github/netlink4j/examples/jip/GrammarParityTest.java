package io.github.netlink4j.examples.jip;

import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.Json;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ip 6.1's grammar as jip reads it: every command line here runs through {@code ip -n NS} and through
 * jip on the same kernel state, and standard output, standard error and the exit status must be the
 * same byte for byte (JSON is compared parsed). Abbreviations, keywords in any order, show selectors,
 * lookups, counters, one-line and pretty output, and ip's errors with their exit codes.
 */
class GrammarParityTest {
    private ThrowawayNamespace ns;

    @BeforeEach
    void setUp() throws IOException {
        ns = ThrowawayNamespace.create("grammar");
        String[][] state = {
                {"link", "add", "v0", "type", "veth", "peer", "name", "v1"},
                {"link", "add", "br0", "type", "bridge"},
                {"link", "add", "ifb0", "type", "ifb"},
                {"link", "set", "v1", "master", "br0"},
                {"link", "set", "v0", "up"},
                {"link", "set", "br0", "up"},
                {"link", "set", "lo", "up"},
                {"addr", "add", "10.200.0.2/24", "dev", "v0"},
                {"addr", "add", "10.200.1.5/24", "dev", "v0", "label", "v0:x"},
                {"addr", "add", "fd00:200::2/64", "dev", "v0", "nodad"},
                {"route", "add", "default", "via", "10.200.0.1"},
                {"route", "add", "10.200.9.0/24", "via", "10.200.0.1", "proto", "static", "metric", "5"},
                {"route", "add", "10.200.7.0/24", "via", "10.200.0.1", "table", "100"},
                {"route", "add", "blackhole", "10.200.8.0/24"},
                {"-6", "route", "add", "fd00:201::/64", "via", "fd00:200::1", "dev", "v0", "metric", "50"},
                {"neigh", "add", "10.200.0.9", "lladdr", "02:00:00:00:00:09", "dev", "v0"},
                {"neigh", "add", "proxy", "10.200.0.50", "dev", "v0"},
                {"-6", "neigh", "add", "fd00:200::1", "lladdr", "02:00:00:00:00:01", "dev", "v0", "router"},
        };
        for (String[] c : state) Ip.in(ns.name(), c);
    }

    @AfterEach
    void tearDown() throws IOException {
        if (ns != null) ns.close();
    }

    private void same(String... args) throws IOException {
        List<String> a = new ArrayList<>(List.of("-n", ns.name()));
        a.addAll(List.of(args));
        String[] line = a.toArray(String[]::new);
        Ip.Result want = Ip.run(line);
        JipParityTest.Run got = JipParityTest.jip(line);
        String what = "ip " + String.join(" ", line);
        // a counter that ticked between the two runs (-s: an IPv6 packet the kernel sent on a link): ip once
        // more, after jip, is the state jip saw (as Parity.same)
        if (!want.out().equals(got.out()) || !want.err().equals(got.err())) want = Ip.run(line);
        boolean json = a.stream().anyMatch(w -> w.equals("-j") || w.equals("-json") || w.equals("--json"))
                && want.out().startsWith("[");
        if (json) assertEquals(Json.parse(want.out()), Json.parse(got.out()), what);
        else assertEquals(want.out(), got.out(), what);
        assertEquals(want.err(), got.err(), what + " (stderr)");
        assertEquals(want.exit(), got.exit(), what + " (exit status)");
    }

    @Test
    void abbreviationsAndOptionSpellings() throws IOException {
        for (String[] c : new String[][] {{"l"}, {"li"}, {"a"}, {"a", "s", "dev", "v0"}, {"r"}, {"ro", "l"}, {"n"}, {"neighbour", "lst"},
                {"link", "sh"}, {"link", "lst"}, {"-br", "l"}, {"-brief", "a"}, {"-j", "l"}, {"-json", "a"}, {"--json", "r"},
                {"-4", "a"}, {"-6", "a"}, {"-f", "inet", "a"}, {"-family", "inet6", "r"}, {"-o", "link"}, {"-oneline", "addr"},
                {"-p", "-j", "link", "show", "lo"}, {"-s", "link", "show", "lo"}, {"-s", "-s", "link", "show", "lo"},
                {"-stats", "-statistics", "link", "show", "v0"}, {"-j", "-s", "-s", "link"}, {"-s", "addr", "show", "lo"},
                {"-j", "-s", "addr"}, {"--", "link", "show", "lo"}}) {
            same(c);
        }
    }

    @Test
    void showSelectors() throws IOException {
        for (String[] c : new String[][] {{"link", "show", "up"}, {"link", "show", "type", "bridge"}, {"link", "show", "type", "veth"},
                {"link", "show", "master", "br0"}, {"-br", "link", "show", "type", "bridge_slave"}, {"link", "show", "group", "default"},
                {"link", "show", "nomaster"}, {"link", "show", "v0"}, {"addr", "show", "up"}, {"addr", "show", "scope", "global"},
                {"addr", "show", "scope", "host"}, {"addr", "show", "label", "v0:*"}, {"addr", "show", "to", "10.200.0.0/24"},
                {"-j", "addr", "show", "to", "10.200.1.0/24"}, {"-j", "-br", "addr", "show", "to", "10.200.1.0/24"},
                {"addr", "show", "permanent"}, {"addr", "show", "dynamic"}, {"addr", "show", "primary"}, {"-6", "addr", "show", "-tentative"},
                {"-4", "route", "show", "default"}, {"-6", "route", "show", "default"}, {"route", "show", "dev", "v0"},
                {"route", "show", "proto", "static"}, {"route", "show", "proto", "kernel"}, {"route", "show", "type", "blackhole"},
                {"route", "show", "root", "10.200.0.0/16"}, {"route", "show", "match", "10.200.9.7"}, {"route", "show", "exact", "10.200.9.0/24"},
                {"route", "show", "10.200.9.0/24"}, {"route", "show", "table", "100"}, {"route", "show", "table", "all"},
                {"-6", "route", "show", "table", "all"}, {"route", "show", "table", "local"}, {"route", "show", "scope", "link"},
                {"route", "show", "via", "10.200.0.1"}, {"route", "show", "src", "10.200.0.2"}, {"route", "show", "metric", "5"},
                {"-j", "route", "show", "dev", "v0"}, {"-6", "route", "show", "dev", "v0"}, {"neigh", "show", "dev", "v0"},
                {"neigh", "show", "nud", "permanent"}, {"neigh", "show", "nud", "all"}, {"neigh", "show", "to", "10.200.0.0/24"},
                {"-j", "neigh", "show", "dev", "v0"}}) {
            same(c);
        }
    }

    @Test
    void lookups() throws IOException {
        for (String[] c : new String[][] {{"route", "get", "10.200.0.5"}, {"-j", "route", "get", "10.200.0.5"},
                {"route", "get", "10.200.5.5", "from", "10.200.0.2"}, {"route", "get", "fibmatch", "10.200.0.5"},
                {"route", "get", "10.200.0.2"}, {"route", "get", "10.200.0.5", "oif", "v0"}, {"-6", "route", "get", "fd00:200::9"},
                {"-j", "-6", "route", "get", "fd00:201::1"}, {"route", "get", "to", "10.200.9.1"}, {"route", "get"},
                {"route", "get", "10.200.0.5", "iif", "v1"}, {"route", "get", "10.200.8.1"},
                {"neigh", "get", "10.200.0.9", "dev", "v0"}, {"-j", "neigh", "get", "10.200.0.9", "dev", "v0"},
                {"neigh", "get", "10.200.0.77", "dev", "v0"}, {"neigh", "get", "proxy", "10.200.0.51", "dev", "v0"},
                {"neigh", "get", "proxy", "10.200.0.50", "dev", "v0"}, {"neigh", "show", "proxy"}, {"-j", "neigh", "show", "proxy"},
                {"-d", "neigh"}, {"-6", "neigh"}, {"-j", "-6", "neigh", "show", "dev", "v0"}, {"neigh", "add", "10.200.0.300", "lladdr", "02:00:00:00:00:01", "dev", "v0"},
                {"neigh", "add", "10.200.0.12", "lladdr", "zz", "dev", "v0"}, {"neigh", "add", "10.200.0.13", "dev", "v0", "nud", "bogus"}}) {
            same(c);
        }
    }

    @Test
    void errorsAndExitStatuses() throws IOException {
        for (String[] c : new String[][] {{"foo"}, {"link", "foo"}, {"addr", "foo"}, {"route", "foo"}, {"neigh", "foo"},
                {"link", "set"}, {"link", "set", "v1", "nosuchword"}, {"link", "set", "nosuch", "up"}, {"link", "set", "v1", "mtu", "abc"},
                {"link", "set", "v1", "master", "nosuch"}, {"link", "del"}, {"link", "show", "dev", "nosuch"}, {"-x"}, {"-f", "foo", "link"},
                {"addr", "add", "10.200.0.300/24", "dev", "v0"}, {"-4", "route", "show", "default", "garbage"},
                {"-6", "route", "show", "10.200.0.0/24"}, {"route", "flush"}, {"addr", "flush"}, {"neigh", "flush"},
                {"route", "show", "table", "nosuch"}, {"route", "show", "dev", "nosuch"}, {"link", "set", "v1", "promisc", "maybe"},
                {"link", "set", "v1", "group", "abc"}, {"route", "change", "10.200.99.0/24", "dev", "v0"}, {"route", "add", "10.200.0.300/24", "dev", "v0"},
                {"link", "add", "m0", "link", "v0", "type", "macvlan", "mode", "foo"},
                {"link", "add", "m0", "link", "v0", "type", "macvtap", "mode", "BRIDGE"},
                {"link", "add", "i0", "link", "v0", "type", "ipvlan", "mode", "foo"}}) {
            same(c);
        }
        // help: ip's usage on standard error and exit status 255; the text lists what jip does.
        for (String[] c : new String[][] {{"help"}, {"link", "help"}, {"addr", "help"}, {"route", "help"}, {"neigh", "help"}, {"netns", "help"}}) {
            JipParityTest.Run r = JipParityTest.jip(c);
            assertEquals(255, r.exit(), String.join(" ", c));
            assertEquals("", r.out());
            assertTrue(r.err().startsWith("Usage:"), String.join(" ", c) + ": " + r.err());
        }
    }

    /** Modifying commands: ip on one namespace, jip on a twin, and the twins' state compared with ip -j. */
    @Test
    void keywordsInAnyOrderChangeWhatIpChanges() throws IOException, InterruptedException {
        try (ThrowawayNamespace byIp = ThrowawayNamespace.create("grammar-ip");
             ThrowawayNamespace twin = ThrowawayNamespace.create("grammar-twin")) {
            for (String[] c : new String[][] {{"link", "add", "t0", "type", "veth", "peer", "name", "t1"},
                    {"link", "add", "tb", "type", "bridge"}, {"link", "add", "ifb1", "type", "ifb"}}) {
                Ip.in(byIp.name(), c);
                Ip.in(twin.name(), c);
            }
            String[][] changes = {{"link", "set", "up", "dev", "t0"}, {"l", "s", "dev", "t1", "mtu", "1400", "up", "master", "tb"},
                    {"link", "set", "ifb1", "txqlen", "77", "alias", "x y", "name", "ifb9"}, {"link", "set", "dev", "t1", "nomaster"},
                    {"a", "a", "10.200.3.1/24", "dev", "t0"}, {"addr", "add", "dev", "t0", "10.200.4.1/24", "label", "t0:a"},
                    {"r", "a", "10.200.40.0/24", "dev", "t0", "via", "10.200.3.9", "metric", "9"},
                    {"route", "replace", "10.200.40.0/24", "via", "10.200.3.8", "dev", "t0", "metric", "9"},
                    {"addr", "flush", "dev", "t0", "label", "t0:a"}, {"route", "flush", "root", "10.200.40.0/24"},
                    {"link", "set", "ifb9", "promisc", "on", "arp", "off", "group", "5", "multicast", "off"},
                    {"link", "set", "dev", "t1", "allmulticast", "on", "trailers", "off"},
                    {"route", "append", "10.200.41.0/24", "dev", "t0", "via", "10.200.3.9", "metric", "3"},
                    {"route", "prepend", "10.200.42.0/24", "dev", "t0"},
                    {"route", "change", "10.200.41.0/24", "via", "10.200.3.7", "dev", "t0", "metric", "3"},
                    {"neigh", "add", "proxy", "10.200.3.50", "dev", "t0"}, {"neigh", "add", "10.200.3.51", "lladdr", "02:00:00:00:00:51", "dev", "t0", "nud", "noarp"},
                    {"neigh", "replace", "10.200.3.52", "lladdr", "02:00:00:00:00:52", "dev", "t0", "nud", "reachable"}};
            for (String[] c : changes) {
                List<String> a = new ArrayList<>(List.of("-n", twin.name()));
                a.addAll(List.of(c));
                JipParityTest.Run r = JipParityTest.jip(a.toArray(String[]::new));
                assertEquals(0, r.exit(), "jip " + String.join(" ", c) + ": " + r.err());
                Ip.in(byIp.name(), c);
            }
            for (String[] show : new String[][] {{"-j", "link", "show"}, {"-j", "addr", "show", "scope", "global"}, {"-j", "route", "show", "table", "all"},
                    {"-4", "-j", "neigh", "show", "nud", "all"}, {"-j", "neigh", "show", "proxy"}}) {
                Object want = JipParityTest.masked(Json.parse(Ip.in(byIp.name(), show)));
                Object got = JipParityTest.masked(Json.parse(Ip.in(twin.name(), show)));
                // IPv6 autoconfiguration adds link-local routes asynchronously after carrier: let both
                // namespaces settle (bounded) before comparing their routes.
                for (int i = 0; i < 30 && show[1].equals("route") && !want.equals(got); i++) {
                    Thread.sleep(100);
                    want = JipParityTest.masked(Json.parse(Ip.in(byIp.name(), show)));
                    got = JipParityTest.masked(Json.parse(Ip.in(twin.name(), show)));
                }
                if (List.of(show).contains("neigh")) { // the neighbour table's order is its hash order, seeded per namespace
                    want = sorted(want);
                    got = sorted(got);
                }
                if (show[1].equals("route")) {
                    want = withoutLinkLocalHosts(want);
                    got = withoutLinkLocalHosts(got);
                }
                String wantText = want.toString();
                assertTrue(wantText.contains("ifb9") || !show[1].equals("link"), "the rename happened: " + wantText);
                assertEquals(want, got, String.join(" ", show));
            }
        }
    }

    /**
     * -d for every kind this kernel has, text byte for byte and JSON parsed, in a namespace whose bridge
     * stays down so that its timers read 0.00 in both runs.
     */
    @Test
    void detailsMatchIpForEveryKindHere() throws IOException {
        try (ThrowawayNamespace d = ThrowawayNamespace.create("grammar-d")) {
            for (String[] c : new String[][] {{"link", "add", "v0", "type", "veth", "peer", "name", "v1"},
                    {"link", "add", "br0", "type", "bridge"}, {"link", "set", "v1", "master", "br0"}, {"link", "set", "v0", "up"},
                    {"link", "add", "ifb0", "type", "ifb"}, {"link", "set", "ifb0", "alias", "an alias"},
                    {"link", "add", "mv0", "link", "v0", "type", "macvlan", "mode", "bridge"},
                    {"link", "add", "mt0", "link", "v0", "type", "macvtap", "mode", "vepa"},
                    {"link", "add", "mv1", "link", "v0", "type", "macvlan", "mode", "private"},
                    {"link", "add", "vx0", "type", "vxlan", "id", "42", "dstport", "4789", "local", "10.200.0.2", "remote", "10.200.0.9", "dev", "v0"},
                    {"link", "add", "vx1", "type", "vxlan", "id", "43", "group", "239.1.1.1", "dev", "v0", "ttl", "5", "nolearning", "ageing", "0"},
                    {"link", "add", "vx6", "type", "vxlan", "id", "44", "remote", "fd00:200::9", "local", "fd00:200::2", "dstport", "4790", "tos", "inherit"},
                    {"addr", "add", "10.200.0.2/24", "dev", "v0"}, {"route", "add", "10.200.7.0/24", "via", "10.200.0.1", "table", "100"}}) {
                Ip.in(d.name(), c);
            }
            ThrowawayNamespace saved = ns;
            ns = d;
            try {
                for (String[] c : new String[][] {{"-d", "link"}, {"-j", "-d", "link"}, {"-d", "link", "show", "v1"}, {"-d", "-o", "link"},
                        {"-d", "addr"}, {"-j", "-d", "addr"}, {"-d", "route", "show", "table", "all"}, {"-j", "-d", "route", "show", "table", "all"},
                        {"-d", "-s", "link", "show", "br0"}, {"-d", "route", "get", "10.200.0.5"}, {"-p", "-j", "-d", "link", "show", "vx1"}}) {
                    same(c);
                }
            } finally {
                ns = saved;
            }
        }
    }

    /**
     * The routes less those to link-local addresses (fe80::/64 itself stays): the addresses are made from
     * the links' random MACs, so the twins' differ by design once autoconfiguration has given them.
     */
    private static Object withoutLinkLocalHosts(Object routes) {
        return ((List<?>) routes).stream().filter(r -> !(r instanceof java.util.Map<?, ?> m && m.get("dst") instanceof String d
                && d.startsWith("fe80:") && !d.contains("/"))).toList();
    }

    private static Object sorted(Object list) {
        return ((List<?>) list).stream().map(Object::toString).sorted().toList();
    }
}
