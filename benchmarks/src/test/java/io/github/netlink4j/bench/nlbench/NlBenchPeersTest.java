package io.github.netlink4j.bench.nlbench;

import io.github.netlink4j.json.Json;

import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.bench.nlbench.peer.Program;
import io.github.netlink4j.testing.Privileged;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The peer programs' columns at a tiny size: each runs every workload it has, leaves no namespace of
 * this process behind, reports every documented key with its own exec baseline taken out, and the
 * result's environment names the peer's packages. A peer whose Debian packages are absent is skipped,
 * with the packages it lacks, also under CI=true: CI does not install Go, libmnl or pyroute2.
 */
class NlBenchPeersTest {
    private static final String OWN = Guard.PREFIX + ProcessHandle.current().pid() + "-";
    private static final List<String> WORKLOADS = List.of("w1", "w2", "w3", "routes", "routes6", "neigh", "addr6", "w1d");

    @ParameterizedTest
    @EnumSource(Program.class)
    void aPeerColumnAtATinySizeLeavesNothingAndReportsItsKeys(Program peer, @TempDir Path dir) throws Exception {
        Privileged.require();
        Assumptions.assumeTrue(peer.unavailable().isEmpty(), () -> "skipped: " + peer.unavailable().orElse(""));
        Path json = dir.resolve("p.json");
        String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("run"), WORKLOADS.stream()).toArray(String[]::new);
        Cli c = Cli.run(concat(args, "--count", "3", "--repeat", "2", "--warmup", "0", "--peers", peer.column(), "--json", json.toString()));
        assertEquals(0, c.status(), c.err());
        assertEquals(List.of(), NetNamespace.list().stream().filter(n -> n.startsWith(OWN)).toList(), "namespaces left behind");

        Map<?, ?> doc = (Map<?, ?>) Json.read(Files.readString(json));
        assertEquals(List.of(), SchemaKeys.problems(doc));
        Map<?, ?> versions = (Map<?, ?>) ((Map<?, ?>) doc.get("env")).get("peer_versions");
        assertTrue(String.valueOf(versions.get(peer.column())).contains(peer.packages().get(0)), versions.toString());
        List<?> cells = (List<?>) doc.get("cells");
        for (String w : WORKLOADS) {
            List<Map<?, ?>> mine = cells.stream().<Map<?, ?>>map(o -> (Map<?, ?>) o).filter(m -> m.get("workload").equals(w)).toList();
            if (!peer.supports(w)) {
                assertEquals(List.of("netlink4j"), mine.stream().map(m -> m.get("column")).toList(), "no peer column where it has no equivalent");
                continue;
            }
            assertEquals(List.of("netlink4j", peer.column()), mine.stream().map(m -> m.get("column")).toList());
            assertEquals(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments(), mine.get(0).get("jvm_flags"),
                    "the steady column measured in this JVM, with its flags");
            Map<?, ?> cell = mine.get(1);
            assertNull(cell.get("jvm_flags"), "a peer program runs no JVM");
            assertEquals("process", cell.get("mode"));
            assertNull(cell.get("alloc_bytes_per_op"), "no JVM, no allocation figure");
            // w3 only dumps: no add or delete to time one by one
            if (w.equals("w3")) assertNull(cell.get("latency_ns"), "w3 has no per-request samples: " + cell);
            else assertNotNull(cell.get("latency_ns"), "the peer times each add and delete: " + cell);
            assertTrue(((Number) ((Map<?, ?>) cell.get("ops_per_s")).get("median")).doubleValue() > 0);
            long baseline = ((Number) cell.get("exec_baseline_ns")).longValue();
            assertTrue(baseline > 0, "the peer's own exec baseline was measured");
            for (Object s : (List<?>) cell.get("samples")) {
                Map<?, ?> x = (Map<?, ?>) s;
                long net = ((Number) x.get("net_ns")).longValue(), elapsed = ((Number) x.get("elapsed_ns")).longValue();
                assertTrue(net == -1 || net == elapsed - baseline, "the baseline is taken out of net_ns: " + x + ", baseline " + baseline);
            }
        }
    }

    /**
     * The C peer makes one sendto and one recvfrom per request, and a route is added and deleted: 4 system
     * calls per route, plus the dump's few shared by N. Its start (exec, libc, setns, socket) is ~40 more,
     * which the noop run takes out; left in, they would add 2 per route at N=20.
     */
    @Test
    void syscallsPerOperationLeaveTheProgramsStartOut(@TempDir Path dir) throws Exception {
        Privileged.require();
        Assumptions.assumeTrue(Program.MNL.unavailable().isEmpty(), () -> "skipped: " + Program.MNL.unavailable().orElse(""));
        Assumptions.assumeTrue(io.github.netlink4j.bench.nlbench.peer.Syscalls.unavailable().isEmpty(), "skipped: no perf");
        Path json = dir.resolve("s.json");
        Cli c = Cli.run("run", "routes", "--count", "20", "--repeat", "1", "--warmup", "0", "--peers", "mnl", "--syscalls", "--json", json.toString());
        assertEquals(0, c.status(), c.err());
        assertEquals(List.of(), NetNamespace.list().stream().filter(n -> n.startsWith(OWN)).toList(), "namespaces left behind");
        Map<?, ?> doc = (Map<?, ?>) Json.read(Files.readString(json));
        assertEquals(List.of(), SchemaKeys.problems(doc));
        assertEquals(true, ((Map<?, ?>) doc.get("settings")).get("syscalls"));
        List<?> cells = (List<?>) doc.get("cells");
        // the JVM column counts its own client's calls: an add and a delete each sent and answered, the link's name
        // resolved for each (a get), and the echo of the add
        double ours = ((Number) ((Map<?, ?>) cells.get(0)).get("syscalls_per_op")).doubleValue();
        assertTrue(ours >= 4 && ours < 20, "netlink4j's system calls per route: " + ours);
        double perOp = ((Number) ((Map<?, ?>) cells.get(1)).get("syscalls_per_op")).doubleValue();
        assertTrue(perOp >= 4 && perOp < 5.5, "mnl's system calls per route: " + perOp);
    }

    /**
     * mnl-pipelined sends 64 adds in one sendto and reads their acks: per address a receive and a 64th of a send,
     * where mnl one request at a time makes a send and a receive per address.
     */
    @Test
    void thePipelinedColumnSharesItsSends(@TempDir Path dir) throws Exception {
        Privileged.require();
        Assumptions.assumeTrue(Program.MNL_PIPELINED.unavailable().isEmpty(), () -> "skipped: " + Program.MNL_PIPELINED.unavailable().orElse(""));
        Assumptions.assumeTrue(io.github.netlink4j.bench.nlbench.peer.Syscalls.unavailable().isEmpty(), "skipped: no perf");
        Path json = dir.resolve("pipe.json");
        Cli c = Cli.run("run", "w2", "--count", "128", "--repeat", "1", "--warmup", "0", "--peers", "mnl,mnl-pipelined", "--syscalls", "--json", json.toString());
        assertEquals(0, c.status(), c.err());
        assertEquals(List.of(), NetNamespace.list().stream().filter(n -> n.startsWith(OWN)).toList(), "namespaces left behind");
        Map<String, Double> perOp = new java.util.HashMap<>();
        for (Object o : (List<?>) ((Map<?, ?>) Json.read(Files.readString(json))).get("cells")) {
            perOp.put((String) ((Map<?, ?>) o).get("column"), ((Number) ((Map<?, ?>) o).get("syscalls_per_op")).doubleValue());
        }
        assertTrue(perOp.get("mnl") >= 2 && perOp.get("mnl") < 3, "mnl: a send and a receive per address: " + perOp);
        assertTrue(perOp.get("mnl-pipelined") >= 1 && perOp.get("mnl-pipelined") < 1.5, "mnl-pipelined: a receive per address, a send per 64: " + perOp);
    }

    @Test
    void anUnknownPeerIsABadCommandLine() {
        Cli c = Cli.run("run", "routes", "--count", "1", "--peers", "rust");
        assertEquals(2, c.status());
        assertTrue(c.err().contains("unknown peer rust (known: ip,ip-batch,go,mnl,mnl-pipelined,pyroute2)"), c.err());
    }

    @Test
    void peersListsEveryProgramAndWhatItLacks() {
        Cli c = Cli.run("peers");
        assertEquals(0, c.status(), c.err());
        for (Program p : Program.values()) {
            String line = c.out().lines().filter(l -> l.startsWith(p.column() + " ")).findFirst().orElseThrow(() -> new AssertionError(c.out()));
            assertTrue(line.contains(p.unavailable().isPresent() ? "not installed" : "available: "), line);
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
