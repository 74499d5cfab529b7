package io.github.netlink4j.bench.nlbench;

import io.github.netlink4j.json.Json;
import io.github.netlink4j.bench.nlbench.workload.Workload;
import io.github.netlink4j.bench.nlbench.workload.Workloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** nlbench's command line without root: help, list, and compare on result files made here. */
class NlBenchCliTest {

    @Test
    void helpExitsZeroWithUsageAndNoStackTrace() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"run", "--help"}, new String[] {"compare", "--help"},
                new String[] {"list", "--help"}, new String[] {"env", "--help"})) {
            Cli c = Cli.run(args);
            assertEquals(0, c.status(), String.join(" ", args) + ": " + c.err());
            assertTrue(c.out().contains("Usage: nlbench"), c.out());
            assertFalse((c.out() + c.err()).contains("Exception"), c.out() + c.err());
        }
        assertTrue(Cli.run("compare", "--help").out().contains("median absolute deviations"), "compare --help names its statistic");
        assertTrue(Cli.run("--help").out().contains("median absolute deviations"), "--help names compare's statistic");
    }

    @Test
    void badUsageIsAMessageNotAStackTrace() {
        Cli c = Cli.run("run", "w1", "--count", "5", "--duration", "1s");
        assertEquals(2, c.status());
        assertTrue(c.err().contains("not both"), c.err());
        assertFalse(c.err().contains("\tat "), c.err());
        assertEquals(2, Cli.run("run", "nosuch").status());
        assertEquals(2, Cli.run().status(), "no command: usage, status 2");
    }

    @Test
    void batchIsForTheWorkloadsWithABulkFormAndAtLeastOne() {
        Cli c = Cli.run("run", "w3", "--batch", "10");
        assertEquals(2, c.status());
        assertTrue(c.err().contains("w3 has no bulk form (those with one: w1, w1d, w2, w6, w9, routes, routes6, routes-stream)"), c.err());
        assertFalse(c.err().contains("\tat "), c.err());
        assertTrue(Cli.run("run", "w1", "--batch", "0").err().contains("--batch must be 1.."));
        assertEquals(2, Cli.run("run", "w2", "--batch", "-3").status());
        assertTrue(Cli.run("run", "--help").out().contains("--batch=B"), "run --help documents --batch");
    }

    @Test
    void listShowsEveryWorkloadWithWhatItMeasuresAndSetsUp() {
        Cli c = Cli.run("list");
        assertEquals(0, c.status());
        for (Workload w : Workloads.ALL.values()) {
            assertTrue(c.out().contains(w.name() + " ") && c.out().contains(w.measures()) && c.out().contains("sets up: " + w.setsUp()), w.name());
        }
        for (String w : List.of("w1", "w9", "routes", "routes6", "neigh", "addr6", "netns", "clients")) assertTrue(Workloads.ALL.containsKey(w), w);
    }

    /** A result file with one cell whose repeats ran at {@code rates} operations per second (N=1000, 1 s each at 1000/s). */
    private static Path file(Path dir, String name, double... rates) throws Exception {
        List<Sample> samples = new ArrayList<>();
        for (double r : rates) {
            long ns = Math.round(1000 / r * 1e9);
            samples.add(new Sample(ns, ns, 1000, 0, 0, 500_000, -1, null));
        }
        Cell cell = new Cell("w1", "netlink4j", "steady", 1000, 1, "links", -1, samples);
        Settings s = new Settings(List.of("w1"), 1000, 0, 0, 0, rates.length, "steady", List.of(), 1);
        Path p = dir.resolve(name);
        Results.writeJson(p, Results.document(Map.of(), s, List.of(cell)));
        return p;
    }

    @Test
    void compareFlagsAPlantedTwentyPercentRegressionAndPassesIdenticalFiles(@TempDir Path dir) throws Exception {
        Path base = file(dir, "base.json", 1000, 1010, 990, 1005, 995);
        Path same = file(dir, "same.json", 1000, 1010, 990, 1005, 995);
        Path slower = file(dir, "slower.json", 800, 808, 792, 804, 796);
        Cli identical = Cli.run("compare", base.toString(), same.toString());
        assertEquals(0, identical.status(), identical.out() + identical.err());
        assertTrue(identical.out().contains("no regression"), identical.out());
        Cli regressed = Cli.run("compare", base.toString(), slower.toString(), "--threshold", "5%");
        assertEquals(1, regressed.status(), regressed.out() + regressed.err());
        assertTrue(regressed.out().contains("REGRESSION") && regressed.out().contains("-20.0%"), regressed.out());
        // The other way round it is faster: no regression.
        assertEquals(0, Cli.run("compare", slower.toString(), base.toString()).status());
        // Beyond the threshold it is not flagged: 20% under a 25% threshold.
        assertEquals(0, Cli.run("compare", base.toString(), slower.toString(), "--threshold", "25%").status());
    }

    @Test
    void compareDoesNotCallAFallInsideTheNoiseARegression(@TempDir Path dir) throws Exception {
        Path base = file(dir, "base.json", 1000, 1500, 500, 1400, 600);
        Path next = file(dir, "next.json", 800, 1300, 400, 1200, 500);
        Cli c = Cli.run("compare", base.toString(), next.toString());
        assertEquals(0, c.status(), c.out());
        assertTrue(c.out().contains("within noise"), c.out());
    }

    @Test
    void compareRefusesAFileThatIsNotAResult(@TempDir Path dir) throws Exception {
        Path junk = dir.resolve("junk.json");
        java.nio.file.Files.writeString(junk, "{\"schema\": \"other\"}");
        Cli c = Cli.run("compare", junk.toString(), junk.toString());
        assertEquals(2, c.status());
        assertTrue(c.err().contains("not an nlbench result file"), c.err());
    }

    @Test
    void columnsRotateSoThatEachRunsFirstInTurn() {
        List<String> cols = List.of("netlink4j", "ip", "ip-batch");
        java.util.Set<String> firsts = new java.util.HashSet<>();
        for (int r = 0; r < 3; r++) {
            List<String> order = new ArrayList<>();
            for (int j = 0; j < 3; j++) order.add(Bench.columnAt(cols, r, j));
            assertEquals(java.util.Set.copyOf(cols), java.util.Set.copyOf(order), "every column once per repeat");
            firsts.add(order.get(0));
        }
        assertEquals(java.util.Set.copyOf(cols), firsts, "each column first in one of three repeats");
    }

    @Test
    void durationsAndJsonRoundTrip() throws Exception {
        assertEquals(500_000_000L, Durations.parse("500ms"));
        assertEquals(120_000_000_000L, Durations.parse("2m"));
        Object doc = Json.read(Json.write(Map.of("a", List.of(1L, 2.5, "x\"y\n"), "b", true)));
        assertEquals(Map.of("a", List.of(1L, 2.5, "x\"y\n"), "b", true), doc);
    }
}
