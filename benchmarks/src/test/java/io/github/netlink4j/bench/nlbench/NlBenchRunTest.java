package io.github.netlink4j.bench.nlbench;

import io.github.netlink4j.json.Json;
import io.github.netlink4j.bench.nlbench.workload.Workloads;
import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.testing.Privileged;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every workload at a tiny size, with both iproute2 columns: it runs, leaves no namespace of this
 * process behind, and its result file has every key the schema documents, with figures that were
 * really measured (throughput, allocation, the exec baseline taken out of the process columns).
 */
class NlBenchRunTest {
    private static final String OWN = Guard.PREFIX + ProcessHandle.current().pid() + "-";

    static Stream<String> workloads() {
        return Workloads.ALL.keySet().stream();
    }

    private static List<String> ownNamespaces() throws Exception {
        return NetNamespace.list().stream().filter(n -> n.startsWith(OWN)).toList();
    }

    @ParameterizedTest
    @MethodSource("workloads")
    void tinyRunLeavesNothingAndWritesEveryDocumentedKey(String workload, @TempDir Path dir) throws Exception {
        Privileged.require();
        Path json = dir.resolve("r.json"), csv = dir.resolve("r.csv"), svg = dir.resolve("r.svg");
        Cli c = Cli.run("run", workload, "--count", "3", "--repeat", "2", "--warmup", "0", "--clients", "2", "--peers", "ip,ip-batch",
                "--json", json.toString(), "--csv", csv.toString(), "--svg", svg.toString());
        assertEquals(0, c.status(), c.err());
        assertEquals(List.of(), ownNamespaces(), "namespaces left behind");

        Map<?, ?> doc = (Map<?, ?>) Json.read(Files.readString(json));
        assertEquals(List.of(), SchemaKeys.problems(doc));
        List<?> cells = (List<?>) doc.get("cells");
        Map<?, ?> ours = (Map<?, ?>) cells.get(0);
        assertEquals("netlink4j", ours.get("column"));
        boolean noPeers = workload.equals("clients") || workload.startsWith("events");
        assertEquals(noPeers ? 1 : 3, cells.size(), "netlink4j, ip and ip-batch (clients, events: netlink4j only)");
        if (workload.startsWith("events")) assertNotNull(ours.get("events"), "the events workloads count events");
        else assertNull(ours.get("events"), "only the events workloads count events");
        assertEquals(2, ((List<?>) ours.get("samples")).size());
        assertTrue(((Number) ((Map<?, ?>) ours.get("ops_per_s")).get("median")).doubleValue() > 0);
        // Every request allocates at least its spec and reply records: a zero here is a broken probe.
        assertTrue(((Number) ours.get("alloc_bytes_per_op")).doubleValue() > 0, "allocation per op: " + ours);
        for (Object o : cells.subList(1, cells.size())) {
            Map<?, ?> peer = (Map<?, ?>) o;
            assertNull(peer.get("alloc_bytes_per_op"), "no JVM, no allocation figure");
            long baseline = ((Number) peer.get("exec_baseline_ns")).longValue();
            assertTrue(baseline > 0, "exec baseline measured");
            for (Object s : (List<?>) peer.get("samples")) {
                Map<?, ?> x = (Map<?, ?>) s;
                long net = ((Number) x.get("net_ns")).longValue(), elapsed = ((Number) x.get("elapsed_ns")).longValue();
                assertTrue(net == -1 || net <= elapsed - baseline, "the baseline is taken out of net_ns: " + x);
            }
        }
        if ((!workload.startsWith("w") && !workload.startsWith("events")) || Stream.of("w4", "w5", "w8").anyMatch(workload::equals)) {
            assertNotNull(ours.get("latency_ns"), "operations timed one by one have latencies");
        }
        List<String> rows = Files.readAllLines(csv);
        assertEquals(Cell.CSV_HEADER, rows.get(0));
        assertEquals(cells.size() + 1, rows.size());
        // the run's chart is the one nlbench report --svg makes of its result file
        assertEquals(Report.svg(List.of(Report.Run.read(json))).replace("r.json", "RUN"), Files.readString(svg).replace("r.json", "RUN"));
    }

    /**
     * The events workload counts what a subscriber saw: each repeat's 2N changes are delivered as they
     * happened or recovered by a resync (the workload itself fails if the subscription's final state is not
     * the kernel's), and the counts reach the result file.
     */
    @Test
    void eventsUnderChurnAreCountedPerRepeat(@TempDir Path dir) throws Exception {
        Privileged.require();
        Path json = dir.resolve("ev.json");
        Cli c = Cli.run("run", "events", "--count", "50", "--repeat", "2", "--warmup", "0", "--clients", "2", "--json", json.toString());
        assertEquals(0, c.status(), c.err());
        assertEquals(List.of(), ownNamespaces());
        Map<?, ?> doc = (Map<?, ?>) Json.read(Files.readString(json));
        assertEquals(List.of(), SchemaKeys.problems(doc));
        Map<?, ?> cell = (Map<?, ?>) ((List<?>) doc.get("cells")).get(0);
        Map<?, ?> ev = (Map<?, ?>) cell.get("events");
        assertNotNull(ev, cell.toString());
        assertEquals(100.0, ((Number) ev.get("expected")).doubleValue());
        double delivered = ((Number) ev.get("delivered")).doubleValue(), missed = ((Number) ev.get("missed")).doubleValue();
        // 50 adds and 50 deletes fit the default 1 MiB queue: all of them arrive as they happen
        assertEquals(100.0, delivered, ev.toString());
        assertEquals(0.0, missed, ev.toString());
        assertTrue(((Number) ev.get("delivered_per_s")).doubleValue() > 0, ev.toString());
        for (Object s : (List<?>) cell.get("samples")) {
            Map<?, ?> x = (Map<?, ?>) ((Map<?, ?>) s).get("events");
            assertEquals(100L, ((Number) x.get("expected")).longValue());
            assertTrue(((Number) x.get("span_ns")).longValue() > 0, x.toString());
        }
    }

    @Test
    void coldModeMeasuresInAFreshJvm(@TempDir Path dir) throws Exception {
        Privileged.require();
        Path json = dir.resolve("cold.json");
        Cli c = Cli.run("run", "w1", "--count", "5", "--repeat", "1", "--mode", "cold", "--json", json.toString());
        assertEquals(0, c.status(), c.err());
        assertEquals(List.of(), ownNamespaces());
        Map<?, ?> doc = (Map<?, ?>) Json.read(Files.readString(json));
        assertEquals(List.of(), SchemaKeys.problems(doc));
        Map<?, ?> cell = (Map<?, ?>) ((List<?>) doc.get("cells")).get(0);
        assertEquals("cold", cell.get("mode"));
        assertEquals(List.of("--enable-native-access=ALL-UNNAMED"), cell.get("jvm_flags"), "the fresh JVM's flags, not this one's");
        assertTrue(((Number) cell.get("alloc_bytes_per_op")).doubleValue() > 0, cell.toString());
    }

    @Test
    void envRecordsTheMachine() throws Exception {
        Cli c = Cli.run("env");
        assertEquals(0, c.status(), c.err());
        Map<?, ?> env = (Map<?, ?>) Json.read(c.out());
        for (String k : List.of("date", "git_commit", "git_dirty", "jar_sha256", "jvm_version", "jvm_flags", "kernel", "cpu_model", "cpu_count",
                "governor", "iproute2", "load_average")) {
            assertTrue(env.containsKey(k), k);
        }
        assertEquals(3, ((List<?>) env.get("load_average")).size());
        assertTrue(String.valueOf(env.get("iproute2")).startsWith("ip utility"), String.valueOf(env.get("iproute2")));
    }
}
