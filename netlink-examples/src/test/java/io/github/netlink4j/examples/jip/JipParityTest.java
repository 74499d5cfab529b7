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

/**
 * jip against iproute2 on the same kernel state, byte for byte (text) or parsed (JSON): many states
 * in throwaway namespaces, error cases included. Addresses with finite lifetimes are left out of the
 * byte-for-byte checks only because the kernel's countdown may tick between the two runs.
 */
class JipParityTest {
    private ThrowawayNamespace ns;
    private ThrowawayNamespace other;

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
    }

    @AfterEach
    void tearDown() throws IOException {
        if (ns != null) ns.close();
        if (other != null) other.close();
    }

    private void ipIn(String... args) throws IOException {
        Ip.in(ns.name(), args);
    }

    /** Builds the state partly with jip and partly with ip, so both writers are exercised. */
    private void buildState() throws IOException {
        String n = ns.name();
        assertEquals(0, jip("-n", n, "link", "add", "veth0", "type", "veth", "peer", "name", "veth1").exit());
        assertEquals(0, jip("-n", n, "link", "add", "br0", "type", "bridge").exit());
        assertEquals(0, jip("-n", n, "link", "set", "veth1", "master", "br0").exit());
        assertEquals(0, jip("-n", n, "link", "set", "dev", "veth0", "up").exit());
        assertEquals(0, jip("-n", n, "link", "set", "br0", "up").exit());
        ipIn("link", "add", "ifb0", "type", "ifb");
        assertEquals(0, jip("-n", n, "link", "set", "ifb0", "alias", "an alias", "mtu", "1400").exit());
        assertEquals(0, jip("-n", n, "link", "add", "mv0", "link", "veth0", "type", "macvlan", "mode", "bridge").exit());
        assertEquals(0, jip("-n", n, "link", "add", "mt0", "link", "veth0", "type", "macvtap", "mode", "vepa").exit());
        assertEquals(0, jip("-n", n, "link", "add", "vx0", "type", "vxlan", "id", "42", "dstport", "4789",
                "local", "10.200.0.2", "remote", "10.200.0.9", "dev", "veth0").exit());
        assertEquals(0, jip("-n", n, "link", "add", "vo0", "type", "veth", "peer", "name", "vo1", "netns", other.name()).exit());
        assertEquals(0, jip("-n", n, "link", "set", "lo", "up").exit());
        assertEquals(0, jip("-n", n, "addr", "add", "10.200.0.2/24", "dev", "veth0", "label", "veth0:a").exit());
        assertEquals(0, jip("-n", n, "addr", "add", "10.200.3.2/24", "dev", "veth0", "brd", "10.200.3.255").exit());
        ipIn("addr", "add", "10.200.1.1", "peer", "10.200.1.2", "dev", "ifb0");
        assertEquals(0, jip("-n", n, "addr", "add", "fd00:200::2/64", "dev", "veth0", "nodad").exit());
        assertEquals(0, jip("-n", n, "addr", "add", "fd00:200::3/64", "dev", "veth0", "nodad", "noprefixroute").exit());
        assertEquals(0, jip("-n", n, "route", "add", "default", "via", "10.200.0.1").exit());
        assertEquals(0, jip("-n", n, "route", "add", "10.200.9.0/24", "via", "10.200.0.1", "metric", "7", "table", "100").exit());
        assertEquals(0, jip("-n", n, "route", "add", "blackhole", "10.200.8.0/24").exit());
        assertEquals(0, jip("-n", n, "route", "add", "unreachable", "10.200.7.0/24").exit());
        ipIn("route", "add", "10.200.6.0/24", "dev", "veth0", "proto", "static", "src", "10.200.0.2");
        assertEquals(0, jip("-n", n, "-6", "route", "add", "fd00:201::/64", "via", "fd00:200::1", "dev", "veth0", "metric", "50").exit());
        assertEquals(0, jip("-n", n, "neigh", "add", "10.200.0.7", "lladdr", "02:00:00:00:00:07", "dev", "veth0").exit());
    }

    private void sameText(String... args) throws IOException {
        List<String> ipArgs = new ArrayList<>(List.of("-n", ns.name()));
        ipArgs.addAll(List.of(args));
        Ip.Result want = Ip.run(ipArgs.toArray(String[]::new));
        Run got = jip(ipArgs.toArray(String[]::new));
        assertEquals(want.out(), got.out(), "ip " + String.join(" ", ipArgs));
        assertEquals(want.exit(), got.exit());
    }

    private void sameJson(String... args) throws IOException {
        List<String> ipArgs = new ArrayList<>(List.of("-n", ns.name(), "-j"));
        ipArgs.addAll(List.of(args));
        Ip.Result want = Ip.run(ipArgs.toArray(String[]::new));
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
        assertEquals(Ip.run("netns", "list").out(), jip("netns", "list").out());
        // With an id assigned, from inside a namespace that has one.
        Ip.in(ns.name(), "link", "add", "vq0", "type", "veth", "peer", "name", "vq1", "netns", other.name());
        Ip.Result want = Ip.run("netns", "exec", ns.name(), "ip", "netns", "list");
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
        jip("-n", n, "link", "add", "veth0", "type", "veth", "peer", "name", "veth1");
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
            Run got = jip(a.toArray(String[]::new));
            assertEquals(want.err(), got.err(), String.join(" ", c));
            assertEquals(want.exit(), got.exit(), String.join(" ", c));
        }
    }
}
