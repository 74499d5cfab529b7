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
 * {@code jip nexthop} against ip 6.1: every form written by jip in one namespace and by ip in a twin,
 * compared with {@code ip -j -d nexthop}; listing, selecting, lookups, routes through nexthop ids and
 * errors through both on the same state, byte for byte.
 */
class NexthopParityTest {
    private static final String[][] SETUP = {{"link", "set", "lo", "up"}, {"link", "add", "veth0", "type", "veth", "peer", "name", "veth1"},
            {"addr", "add", "10.200.0.2/24", "dev", "veth0"}, {"addr", "add", "fd00:200::2/64", "dev", "veth0", "nodad"},
            {"link", "set", "veth0", "up"}, {"link", "set", "veth1", "up"}};
    private static final String[][] NEXTHOPS = {{"nexthop", "add", "id", "1", "via", "10.200.0.1", "dev", "veth0"},
            {"nexthop", "add", "id", "2", "blackhole"}, {"nexthop", "add", "id", "3", "via", "10.200.0.3", "dev", "veth0"},
            {"nexthop", "add", "id", "4", "via", "10.200.9.1", "dev", "veth0", "onlink"}, {"nexthop", "add", "id", "6", "dev", "veth0"},
            {"nexthop", "add", "id", "7", "via", "fd00:200::1", "dev", "veth0"}, {"-6", "nexthop", "add", "id", "8", "blackhole"},
            {"nexthop", "add", "id", "10", "group", "1,2/3"},
            {"nexthop", "add", "id", "11", "group", "1/3", "type", "resilient", "buckets", "8", "idle_timer", "60", "unbalanced_timer", "120"},
            {"nexthop", "add", "id", "12", "via", "10.200.0.5", "dev", "veth0", "protocol", "static"},
            {"nexthop", "replace", "id", "3", "via", "10.200.0.4", "dev", "veth0"},
            {"nexthop", "add", "id", "13", "via", "10.200.0.9", "fdb"}, {"nexthop", "add", "id", "14", "group", "13", "fdb"},
            {"route", "add", "10.200.50.0/24", "nhid", "10"}, {"route", "add", "10.200.51.0/24", "nhid", "1", "metric", "5"}};

    private static String[] in(ThrowawayNamespace ns, String... args) {
        List<String> a = new ArrayList<>(List.of("-n", ns.name()));
        a.addAll(List.of(args));
        return a.toArray(String[]::new);
    }

    @Test
    void whatJipWritesIsWhatIpWrites() throws IOException {
        try (ThrowawayNamespace byIp = ThrowawayNamespace.create("nh-ip"); ThrowawayNamespace byJip = ThrowawayNamespace.create("nh-jip")) {
            for (String[] c : SETUP) {
                Ip.in(byIp.name(), c);
                Ip.in(byJip.name(), c);
            }
            for (String[] c : NEXTHOPS) {
                Ip.in(byIp.name(), c);
                JipParityTest.Run r = JipParityTest.jip(in(byJip, c));
                assertEquals(0, r.exit(), String.join(" ", c) + ": " + r.err());
            }
            for (String[] show : new String[][] {{"-j", "-d", "nexthop"}, {"-j", "route"}, {"nexthop"}, {"route"}}) {
                String want = Ip.in(byIp.name(), show), got = Ip.in(byJip.name(), show);
                if (show[0].equals("-j")) assertEquals(Json.parse(want), Json.parse(got), String.join(" ", show));
                else assertEquals(want, got, String.join(" ", show));
            }
            for (String[] d : new String[][] {{"route", "del", "10.200.50.0/24"}, {"nexthop", "del", "id", "10"}, {"nexthop", "flush", "dev", "veth0"}}) {
                Ip.in(byIp.name(), d);
                JipParityTest.Run r = JipParityTest.jip(in(byJip, d));
                assertEquals(0, r.exit(), String.join(" ", d) + ": " + r.err());
                assertEquals(Ip.in(byIp.name(), "nexthop"), Ip.in(byJip.name(), "nexthop"), "after " + String.join(" ", d));
            }
        }
    }

    @Test
    void showingSelectingAndErrorsMatchIp() throws IOException {
        try (ThrowawayNamespace ns = ThrowawayNamespace.create("nh-show")) {
            for (String[] c : SETUP) Ip.in(ns.name(), c);
            for (String[] c : NEXTHOPS) Ip.in(ns.name(), c);
            for (String[] c : new String[][] {{"nexthop"}, {"nh"}, {"nexthop", "show"}, {"nexthop", "list"}, {"-j", "nexthop"}, {"-p", "-j", "nexthop"},
                    {"-d", "nexthop"}, {"-4", "nexthop"}, {"-6", "nexthop"}, {"nexthop", "show", "dev", "veth0"}, {"nexthop", "show", "groups"}, {"nexthop", "show", "fdb"},
                    {"nexthop", "show", "protocol", "4"}, {"nexthop", "show", "id", "11"}, {"nexthop", "get", "id", "10"},
                    {"-j", "nexthop", "get", "id", "11"}, {"nexthop", "get", "id", "99"}, {"route"}, {"-j", "route"}, {"-d", "route"},
                    {"route", "show", "10.200.50.0/24"}, {"route", "get", "10.200.50.1"}, {"nexthop", "add", "id", "20", "group", "1,300"},
                    {"nexthop", "add", "id", "21", "via", "10.200.0.7", "dev", "nosuch"}, {"nexthop", "add", "id", "1", "blackhole"},
                    {"nexthop", "add", "id", "22", "group", "99"}, {"nexthop", "add", "id", "23", "via", "10.200.77.1", "dev", "veth0"},
                    {"nexthop", "add", "id", "x", "blackhole"}, {"nexthop", "foo"}}) {
                String[] line = in(ns, c);
                Ip.Result want = Ip.run(line);
                JipParityTest.Run got = JipParityTest.jip(line);
                String what = "ip " + String.join(" ", line);
                if (c[0].equals("-j") || c[0].equals("-p")) assertEquals(Json.parse(want.out()), Json.parse(got.out()), what);
                else assertEquals(want.out(), got.out(), what);
                assertEquals(want.err(), got.err(), what + " (stderr)");
                assertEquals(want.exit(), got.exit(), what + " (exit status)");
            }
        }
    }
}
