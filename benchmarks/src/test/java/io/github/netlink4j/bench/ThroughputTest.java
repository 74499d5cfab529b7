package io.github.netlink4j.bench;

import io.github.netlink4j.address.Address;
import io.github.netlink4j.address.AddressSpec;
import io.github.netlink4j.link.Link;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The throughput program does what its contract says, at small sizes, in throwaway namespaces: the
 * workloads leave the state they claim, print the keys a harness reads, and fail loudly.
 */
class ThroughputTest {

    /** Runs the program in-process; returns its exit code and the key=value lines it printed. */
    private static Map<String, String> run(int[] exit, String... args) throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            exit[0] = Throughput.run(args);
        } finally {
            System.setOut(saved);
        }
        Map<String, String> keys = new HashMap<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) keys.put(line.substring(0, eq), line.substring(eq + 1).trim());
        }
        return keys;
    }

    private static List<String> links(NetlinkClient nl, String prefix) throws Exception {
        List<String> names = new ArrayList<>();
        for (Link l : nl.links().list()) if (l.name().startsWith(prefix)) names.add(l.name());
        return names;
    }

    private static String[] args(String workload, String netns, int count, boolean pipelined) {
        List<String> a = new ArrayList<>(List.of(workload, "--netns", netns, "--count", String.valueOf(count), "--kind", "ifb"));
        if (pipelined) a.add("--pipelined");
        return a.toArray(String[]::new);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void w1CreatesW1dDeletesAndW2AddsExactlyWhatTheContractSays(boolean pipelined) throws Exception {
        try (ThrowawayNamespace t = ThrowawayNamespace.create("tp")) {
            NetlinkClient nl = t.client();
            int[] exit = new int[1];
            Map<String, String> out = run(exit, args("w1", t.name(), 5, pipelined));
            assertEquals(0, exit[0]);
            assertTrue(out.containsKey("elapsed_ns"), out.toString());
            assertEquals(List.of("dummy0", "dummy1", "dummy2", "dummy3", "dummy4"), links(nl, "dummy").stream().sorted().toList());

            run(exit, args("w1d", t.name(), 4, pipelined));
            assertEquals(0, exit[0]);
            assertEquals(List.of("dummy4"), links(nl, "dummy"));

            nl.links().rename("dummy4", "dummy0");
            nl.links().setUp("dummy0");
            int dummy0 = nl.links().get("dummy0").index();
            run(exit, args("w2", t.name(), 10, pipelined));
            assertEquals(0, exit[0]);
            List<String> addresses = nl.addresses().list().stream().filter(a -> a.index() == dummy0 && a.address() instanceof java.net.Inet4Address)
                    .map(a -> a.address().getHostAddress() + "/" + a.prefixLength()).sorted().toList();
            List<String> expected = new ArrayList<>();
            for (int i = 1; i <= 10; i++) expected.add("198.18.0." + i + "/32");
            assertEquals(expected.stream().sorted().toList(), addresses);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void w6AddsListsAndDeletesRulesLeavingTheDefaults(boolean pipelined) throws Exception {
        try (ThrowawayNamespace t = ThrowawayNamespace.create("tp")) {
            NetlinkClient nl = t.client();
            int[] exit = new int[1];
            Map<String, String> out = run(exit, args("w6", t.name(), 50, pipelined));
            assertEquals(0, exit[0]);
            for (String k : List.of("elapsed_ns", "add_ns", "list_ns", "delete_ns")) assertTrue(out.containsKey(k), k + " in " + out);
            assertEquals(List.of(0L, 32766L, 32767L), nl.rules().list(io.github.netlink4j.common.AddressFamily.INET).stream()
                    .map(io.github.netlink4j.route.Rule::priority).toList(), "every rule it added is gone again");
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void w9AddsListsAndDeletesHtbClassesWithU32Filters(boolean pipelined) throws Exception {
        try (ThrowawayNamespace t = ThrowawayNamespace.create("tp")) {
            NetlinkClient nl = t.client();
            Runner.Workload w = new Runner.Workload("w9", 30, "classes/s", "");
            Runner.prepare(w, nl, "ifb");
            int[] exit = new int[1];
            Map<String, String> out = run(exit, args("w9", t.name(), 30, pipelined));
            assertEquals(0, exit[0]);
            for (String k : List.of("elapsed_ns", "add_ns", "list_ns", "delete_ns")) assertTrue(out.containsKey(k), k + " in " + out);
            assertEquals(List.of(), nl.trafficClasses().list("dummy0"), "every class it added is gone again");
            assertEquals(List.of(), nl.filters().list("dummy0", io.github.netlink4j.tc.TcHandle.of("1:")).stream()
                    .filter(f -> (f.handle() & 0xfff) != 0).toList(), "and every filter node (the priority's table 800: may stay)");
            // tc's columns run the same operations: tc -batch, then one tc per operation
            assertTrue(IpPeer.ipBatch(w, t.name(), "ifb") > 0);
            assertEquals(List.of(), nl.trafficClasses().list("dummy0"), "tc -batch left no class behind");
            assertEquals(122, IpPeer.ipOps(w, t.name(), "ifb").size(), "30 class and 30 filter adds, two shows, 30 filter and 30 class deletes");
        }
    }

    @Test
    void w7AddsListsAndDeletesNexthops() throws Exception {
        try (ThrowawayNamespace t = ThrowawayNamespace.create("tp")) {
            NetlinkClient nl = t.client();
            nl.links().add(LinkSpec.veth("dummy0", "dummy0p"));
            nl.addresses().add(AddressSpec.of("dummy0", "198.18.0.1/15"));
            nl.links().setUp("dummy0");
            nl.links().setUp("dummy0p");
            int[] exit = new int[1];
            Map<String, String> out = run(exit, args("w7", t.name(), 40, false));
            assertEquals(0, exit[0]);
            for (String k : List.of("elapsed_ns", "add_ns", "list_ns", "delete_ns")) assertTrue(out.containsKey(k), k + " in " + out);
            assertEquals(List.of(), nl.nexthops().list(), "every nexthop it added is gone again");
        }
    }

    @Test
    void w3PrintsTheObjectsItDecodedInTheLastRound() throws Exception {
        try (ThrowawayNamespace t = ThrowawayNamespace.create("tp")) {
            NetlinkClient nl = t.client();
            nl.links().add(LinkSpec.of("dummy0", "ifb"));
            nl.links().add(LinkSpec.of("dummy1", "ifb"));
            for (int i = 0; i < 3; i++) nl.addresses().add(AddressSpec.of("dummy" + (i % 2), "198.18.1." + (i + 1) + "/32"));
            int[] exit = new int[1];
            Map<String, String> out = run(exit, "w3", "--netns", t.name(), "--count", "3", "--kind", "ifb");
            assertEquals(0, exit[0]);
            List<Address> addresses = nl.addresses().list();
            assertEquals(3, addresses.size());
            assertEquals(3, nl.links().list().size(), "lo, dummy0, dummy1");
            assertEquals("6", out.get("objects"), "3 addresses and 3 links");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"w4", "w5", "w8"})
    void scenariosLeaveNothingBehindAndSettleAfterTheirClock(String workload) throws Exception {
        for (boolean releaseEach : new boolean[] {false, true}) {
            try (ThrowawayNamespace t = ThrowawayNamespace.create("tp")) {
                int[] exit = new int[1];
                List<String> args = new ArrayList<>(List.of(workload, "--netns", t.name(), "--count", "3", "--kind", "ifb", "--verify"));
                if (releaseEach) args.add("--release-each");
                Map<String, String> out = run(exit, args.toArray(String[]::new));
                assertEquals(0, exit[0]);
                long elapsed = Long.parseLong(out.get("elapsed_ns"));
                long settled = Long.parseLong(out.get("settled_ns"));
                assertTrue(settled >= elapsed, "settled counts until after the clock stopped: " + out);
                assertEquals(3, out.get("samples_ns").split(",").length, out.toString());
                // Settled means the kernel has destroyed the scenario namespaces: their veth peers are gone.
                assertEquals(List.of(), links(t.client(), "vb"), releaseEach ? "--release-each" : "held");
                assertFalse(NetNamespace.list().stream().anyMatch(n -> n.startsWith(t.name() + "-x")), NetNamespace.list().toString());
            }
        }
    }

    @Test
    void aFailedOperationFailsTheRun() throws Exception {
        try (ThrowawayNamespace t = ThrowawayNamespace.create("tp")) {
            t.client().links().add(LinkSpec.of("dummy1", "ifb"));
            int[] exit = new int[1];
            // One at a time the first failure throws (main() turns it into exit status 1) ...
            assertThrows(io.github.netlink4j.error.AlreadyExistsException.class, () -> run(exit, args("w1", t.name(), 3, false)));
            // ... pipelined, every other link is made and the run still exits non-zero.
            t.client().links().delete("dummy0");
            run(exit, args("w1", t.name(), 3, true));
            assertEquals(1, exit[0]);
            assertEquals(List.of("dummy0", "dummy1", "dummy2"), links(t.client(), "dummy").stream().sorted().toList());
            assertThrows(IllegalArgumentException.class, () -> run(exit, "w99", "--netns", t.name(), "--count", "1"));
        }
    }

    @Test
    void verifyRefusesAScenarioThatDidNothing() throws Exception {
        try (ThrowawayNamespace t = ThrowawayNamespace.create("tp"); ThrowawayNamespace x = ThrowawayNamespace.create("tp-x")) {
            assertThrows(io.github.netlink4j.error.NoSuchLinkException.class, () -> Throughput.verifyScenario(t.client(), x.ns(), 0));
            t.client().links().add(LinkSpec.veth("vb0a", "vb0b").withPeerNamespace(x.ns()));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Throughput.verifyScenario(t.client(), x.ns(), 0));
            assertTrue(e.getMessage().contains("did not reach the seed's end state"), e.getMessage());
        }
    }
}
