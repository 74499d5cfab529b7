package io.github.netlink4j.bench.nlbench;

import io.github.netlink4j.json.Json;

import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.bench.nlbench.workload.Workloads;
import io.github.netlink4j.testing.Privileged;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --sweep count=…}: the sizes it accepts, and a run at each of them. */
class SweepTest {

    @Test
    void sizesTakeThousandsAndMillions() {
        assertEquals(List.of(1000, 10_000, 100_000), Settings.parseSweep("count=1k,10k,100k"));
        assertEquals(List.of(2, 3, 1_000_000), Settings.parseSweep("count=2, 3,1M"));
    }

    @Test
    void badSizesAreRefused() {
        for (String bad : List.of("size=1k", "count=0", "count=2m", "count=x", "count=1k,", "count=" + "1,".repeat(20) + "1")) {
            assertThrows(IllegalArgumentException.class, () -> Settings.parseSweep(bad), bad);
        }
        Cli c = Cli.run("run", "routes", "--count", "5", "--sweep", "count=2,3");
        assertEquals(2, c.status());
        assertTrue(c.err().contains("give --count or --sweep, not both"), c.err());
    }

    @Test
    void eachWorkloadRunsAtTheSweepsSizesElseAtOne() {
        Settings swept = new Settings(List.of("routes"), 0, 0, 0, 0, 1, "steady", List.of(), 1, false, List.of(2, 3));
        assertEquals(List.of(2, 3), swept.countsFor(Workloads.get("routes")));
        assertEquals(List.of(2, 3), swept.toJson().get("sweep_counts"));
        Settings one = new Settings(List.of("routes"), 7, 0, 0, 0, 1, "steady", List.of(), 1);
        assertEquals(List.of(7), one.countsFor(Workloads.get("routes")));
        assertEquals(List.of(Workloads.get("neigh").defaultCount()), new Settings(List.of("neigh"), 0, 0, 0, 0, 1, "steady", List.of(), 1)
                .countsFor(Workloads.get("neigh")));
    }

    @Test
    void aSweepMakesACellPerSizeAndLeavesNothing(@TempDir Path dir) throws Exception {
        Privileged.require();
        Path json = dir.resolve("sweep.json");
        Cli c = Cli.run("run", "routes", "--sweep", "count=2,3", "--repeat", "1", "--warmup", "0", "--json", json.toString());
        assertEquals(0, c.status(), c.err());
        String own = Guard.PREFIX + ProcessHandle.current().pid() + "-";
        assertEquals(List.of(), NetNamespace.list().stream().filter(n -> n.startsWith(own)).toList());
        Map<?, ?> doc = (Map<?, ?>) Json.read(Files.readString(json));
        assertEquals(List.of(), SchemaKeys.problems(doc));
        List<?> counts = ((List<?>) doc.get("cells")).stream().map(o -> ((Number) ((Map<?, ?>) o).get("count")).intValue()).toList();
        assertEquals(List.of(2, 3), counts);
    }

    private static List<Map<?, ?>> cells(Path json) throws Exception {
        Map<?, ?> doc = (Map<?, ?>) Json.read(Files.readString(json));
        assertEquals(List.of(), SchemaKeys.problems(doc));
        return ((List<?>) doc.get("cells")).stream().<Map<?, ?>>map(o -> (Map<?, ?>) o).toList();
    }

    /** --sweep batch=: a netlink4j cell per batch size, each really run at it, and the process columns once. */
    @Test
    void aBatchSweepMakesACellPerBatchAndRunsTheProcessColumnsOnce(@TempDir Path dir) throws Exception {
        Privileged.require();
        Path json = dir.resolve("batch.json"), svg = dir.resolve("batch.svg");
        Cli c = Cli.run("run", "w2", "--count", "20", "--sweep", "batch=1,20", "--peers", "ip-batch", "--repeat", "2", "--warmup", "0",
                "--json", json.toString(), "--svg", svg.toString());
        assertEquals(0, c.status(), c.err());
        String own = Guard.PREFIX + ProcessHandle.current().pid() + "-";
        assertEquals(List.of(), NetNamespace.list().stream().filter(n -> n.startsWith(own)).toList());
        List<Map<?, ?>> cells = cells(json);
        assertEquals(List.of("netlink4j B=1", "netlink4j B=20", "ip-batch B=null"), cells.stream().map(x -> x.get("column") + " B=" + x.get("batch")).toList());
        for (Map<?, ?> x : cells) assertEquals(2, ((List<?>) x.get("samples")).size(), "two repeats each: " + x.get("column"));
        assertTrue(c.out().contains("| w2 | netlink4j | steady | 20 B=20 |"), c.out());
        assertTrue(Files.readString(svg).contains("<text class=\"batch\""), "batch is the chart's x-axis");

        // the batch reaches the workload, in the measured rounds (a latency sample per bulk call: 20 adds and 20
        // deletes one at a time, or one call of twenty each) and in the run that counts system calls
        Path counted = dir.resolve("counted.json");
        Cli s = Cli.run("run", "routes", "--count", "20", "--sweep", "batch=1,20", "--repeat", "1", "--warmup", "0", "--syscalls", "--json", counted.toString());
        assertEquals(0, s.status(), s.err());
        List<Map<?, ?>> k = cells(counted);
        assertEquals(List.of(40, 2), k.stream().map(x -> ((Number) ((Map<?, ?>) x.get("latency_ns")).get("count")).intValue()).toList());
        double one = ((Number) k.get(0).get("syscalls_per_op")).doubleValue(), twenty = ((Number) k.get(1).get("syscalls_per_op")).doubleValue();
        assertTrue(one >= 4, "a call per route: each sent and answered: " + one);
        assertTrue(twenty < 3, "twenty routes in one call: " + twenty);
    }
}
