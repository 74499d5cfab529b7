package io.github.netlink4j.examples.jip;

import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.Json;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * jip against iproute2 on the same kernel state, byte for byte (text) or parsed (JSON): many states
 * in throwaway namespaces, error cases included. Addresses with finite lifetimes are left out of the
 * byte-for-byte checks only because the kernel's countdown may tick between the two runs.
 */
class JipParityTest {
    private ThrowawayNamespace ns;
    private ThrowawayNamespace other;
    private ThrowawayNamespace ipOnly;
    private ThrowawayNamespace ipOnlyPeer;

    record Run(int exit, String out, String err) {}

    static Run jip(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = new Jip(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Run(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @BeforeEach
    void setUp() throws IOException {
        ns = ThrowawayNamespace.create("parity");
        other = ThrowawayNamespace.create("parity-peer");
        ipOnly = ThrowawayNamespace.create("parity-ip");
        ipOnlyPeer = ThrowawayNamespace.create("parity-ip-peer");
    }

    @AfterEach
    void tearDown() throws IOException {
        for (ThrowawayNamespace t : new ThrowawayNamespace[] {ns, other, ipOnly, ipOnlyPeer}) if (t != null) t.close();
    }

    private void ipIn(String... args) throws IOException {
        Ip.in(ns.name(), args);
    }

    /** The state both namespaces get: each command, and whether jip (or ip) writes it in the mixed build. */
    private static final String[][] STATE = {
            {"jip", "link", "add", "veth0", "type", "veth", "peer", "name", "veth1"},
            {"jip", "link", "add", "br0", "type", "bridge"},
            {"jip", "link", "set", "veth1", "master", "br0"},
            {"jip", "link", "set", "dev", "veth0", "up"},
            {"jip", "link", "set", "br0", "up"},
            {"ip", "link", "add", "ifb0", "type", "ifb"},
            {"jip", "link", "set", "ifb0", "alias", "an alias", "mtu", "1400"},
            {"jip", "link", "add", "mv0", "link", "veth0", "type", "macvlan", "mode", "bridge"},
            {"jip", "link", "add", "mt0", "link", "veth0", "type", "macvtap", "mode", "vepa"},
            {"jip", "link", "add", "vx0", "type", "vxlan", "id", "42", "dstport", "4789", "local", "10.200.0.2", "remote", "10.200.0.9", "dev", "veth0"},
            {"jip", "link", "add", "vo0", "type", "veth", "peer", "name", "vo1", "netns", "{PEER}"},
            {"jip", "link", "set", "lo", "up"},
            {"jip", "addr", "add", "10.200.0.2/24", "dev", "veth0", "label", "veth0:a"},
            {"jip", "addr", "add", "10.200.3.2/24", "dev", "veth0", "brd", "10.200.3.255"},
            {"ip", "addr", "add", "10.200.1.1", "peer", "10.200.1.2", "dev", "ifb0"},
            {"jip", "addr", "add", "fd00:200::2/64", "dev", "veth0", "nodad"},
            {"jip", "addr", "add", "fd00:200::3/64", "dev", "veth0", "nodad", "noprefixroute"},
            {"jip", "route", "add", "default", "via", "10.200.0.1"},
            {"jip", "route", "add", "10.200.9.0/24", "via", "10.200.0.1", "metric", "7", "table", "100"},
            {"jip", "route", "add", "blackhole", "10.200.8.0/24"},
            {"jip", "route", "add", "unreachable", "10.200.7.0/24"},
            {"ip", "route", "add", "10.200.6.0/24", "dev", "veth0", "proto", "static", "src", "10.200.0.2"},
            {"jip", "-6", "route", "add", "fd00:201::/64", "via", "fd00:200::1", "dev", "veth0", "metric", "50"},
            {"jip", "neigh", "add", "10.200.0.7", "lladdr", "02:00:00:00:00:07", "dev", "veth0"},
    };

    /**
     * Builds {@link #STATE} in {@code target}: with {@code mixed}, partly with jip and partly with ip, so
     * both writers are exercised; otherwise with ip alone, the reference the mixed build is compared to.
     */
    private static void buildState(ThrowawayNamespace target, ThrowawayNamespace peer, boolean mixed) throws IOException {
        for (String[] line : STATE) {
            List<String> cmd = new ArrayList<>();
            for (int i = 1; i < line.length; i++) cmd.add(line[i].replace("{PEER}", peer.name()));
            if (mixed && line[0].equals("jip")) {
                List<String> a = new ArrayList<>(List.of("-n", target.name()));
                a.addAll(cmd);
                Run r = jip(a.toArray(String[]::new));
                assertEquals(0, r.exit(), "jip " + String.join(" ", cmd) + ": " + r.err());
            } else {
                Ip.in(target.name(), cmd.toArray(String[]::new));
            }
        }
    }

    private void buildState() throws IOException {
        buildState(ns, other, true);
    }

    /** Values that differ between two namespaces by design: indexes, random MACs, bridge ids and timers. */
    static Object masked(Object json) {
        if (json instanceof java.util.Map<?, ?> m) {
            java.util.Map<String, Object> out = new java.util.TreeMap<>();
            for (var e : m.entrySet()) {
                String k = (String) e.getKey();
                boolean vary = k.equals("ifindex") || k.equals("link_index") || k.equals("perm_address")
                        || k.equals("address") && randomMac(e.getValue())
                        || k.endsWith("_timer") || k.equals("bridge_id") || k.equals("root_id")
                        || k.equals("designated_root") || k.equals("designated_bridge") || k.equals("id") || k.equals("no");
                out.put(k, vary ? "*" : masked(e.getValue()));
            }
            return out;
        }
        if (json instanceof List<?> l) return l.stream().map(JipParityTest::masked).toList();
        return json;
    }

    /** A MAC the kernel made up (veth, bridge): not ff:ff:…, not one the state set (02:00:00:00:00:xx). */
    private static boolean randomMac(Object v) {
        return v instanceof String s && s.matches("[0-9a-f]{2}(:[0-9a-f]{2}){5}") && !s.equals("ff:ff:ff:ff:ff:ff")
                && !s.startsWith("02:00:00:00:00:") && !s.equals("00:00:00:00:00:00");
    }

    @Test
    void theStateJipBuildsIsTheStateIpBuilds() throws Exception {
        buildState(ns, other, true);
        buildState(ipOnly, ipOnlyPeer, false);
        for (String[] show : new String[][] {{"-d", "link", "show"}, {"-d", "addr", "show"}, {"route", "show", "table", "all"},
                {"-6", "route", "show", "table", "all"}, {"neigh", "show"}}) {
            List<String> a = new ArrayList<>(List.of("-j"));
            a.addAll(List.of(show));
            String mixed = Ip.in(ns.name(), a.toArray(String[]::new));
            String reference = Ip.in(ipOnly.name(), a.toArray(String[]::new));
            assertTrue(mixed.length() > 2, "ip " + String.join(" ", a) + " printed " + mixed);
            assertEquals(masked(Json.parse(reference)), masked(Json.parse(mixed)), "ip " + String.join(" ", a));
        }
    }

    private void sameText(String... args) throws IOException {
        List<String> ipArgs = new ArrayList<>(List.of("-n", ns.name()));
        ipArgs.addAll(List.of(args));
        Ip.Result want = Ip.run(ipArgs.toArray(String[]::new));
        assertEquals(0, want.exit(), "ip " + String.join(" ", ipArgs) + " failed: " + want.err());
        assertTrue(!want.out().isEmpty(), "ip " + String.join(" ", ipArgs) + " printed nothing");
        Run got = jip(ipArgs.toArray(String[]::new));
        assertEquals(want.out(), got.out(), "ip " + String.join(" ", ipArgs));
        assertEquals(want.exit(), got.exit());
    }

    private void sameJson(String... args) throws IOException {
        List<String> ipArgs = new ArrayList<>(List.of("-n", ns.name(), "-j"));
        ipArgs.addAll(List.of(args));
        Ip.Result want = Ip.run(ipArgs.toArray(String[]::new));
        assertEquals(0, want.exit(), "ip " + String.join(" ", ipArgs) + " failed: " + want.err());
        assertTrue(want.out().length() > 2, "ip " + String.join(" ", ipArgs) + " printed no objects: " + want.out());
        Run got = jip(ipArgs.toArray(String[]::new));
        assertEquals(Json.parse(want.out()), Json.parse(got.out()), "ip " + String.join(" ", ipArgs));
    }

    @Test
    void outputsMatchIproute2() throws Exception {
        buildState();
        sameText("link", "show");
        sameText("-br", "link");
        sameText("link", "show", "dev", "veth0");
        sameText("addr", "show");
        sameText("-br", "addr");
        sameText("addr", "show", "dev", "ifb0");
        sameText("-4", "addr");
        sameText("-6", "addr");
        sameText("route", "show");
        sameText("-6", "route", "show");
        sameText("route", "show", "table", "100");
        sameText("neigh", "show");
        sameJson("link");
        sameJson("addr");
        sameJson("route");
        sameJson("-6", "route");
        sameJson("-br", "link");
    }

    @Test
    void netnsListMatches() throws Exception {
        Ip.Result list = Ip.run("netns", "list");
        assertTrue(list.out().contains(ns.name()), "ip netns list shows our namespace: " + list.out());
        assertEquals(list.out(), jip("netns", "list").out());
        // With an id assigned, from inside a namespace that has one.
        Ip.in(ns.name(), "link", "add", "vq0", "type", "veth", "peer", "name", "vq1", "netns", other.name());
        Ip.Result want = Ip.run("netns", "exec", ns.name(), "ip", "netns", "list");
        assertTrue(want.out().contains(other.name() + " (id: "), "ip shows the id it assigned: " + want.out());
        Run got = jipInside(ns.name(), "netns", "list");
        assertEquals(want.out(), got.out());
    }

    private static Run jipInside(String netns, String... args) throws IOException {
        try (var handle = io.github.netlink4j.NetNamespace.open(netns)) {
            return handle.call(() -> jip(args));
        }
    }

    @Test
    void errorsMatchIproute2() throws Exception {
        String n = ns.name();
        assertEquals(0, jip("-n", n, "link", "add", "veth0", "type", "veth", "peer", "name", "veth1").exit());
        Ip.in(n, "addr", "add", "10.200.0.2/24", "dev", "veth0");
        String[][] cases = {
                {"link", "show", "dev", "nosuch0"},
                {"link", "set", "nosuch0", "up"},
                {"link", "del", "nosuch0"},
                {"link", "add", "veth0", "type", "veth", "peer", "name", "veth1"},
                {"link", "add", "d0", "type", "dummy"},
                {"addr", "add", "10.200.0.2/24", "dev", "veth0"},
                {"addr", "del", "10.200.0.99/24", "dev", "veth0"},
                {"link", "set", "veth0", "mtu", "70000"},
        };
        for (String[] c : cases) {
            List<String> a = new ArrayList<>(List.of("-n", n));
            a.addAll(List.of(c));
            Ip.Result want = Ip.run(a.toArray(String[]::new));
            assertNotEquals(0, want.exit(), "ip " + String.join(" ", c) + " was meant to fail");
            assertTrue(!want.err().isEmpty(), "ip " + String.join(" ", c) + " said nothing");
            Run got = jip(a.toArray(String[]::new));
            assertEquals(want.err(), got.err(), String.join(" ", c));
            assertEquals(want.exit(), got.exit(), String.join(" ", c));
        }
    }
}
