package io.github.netlink4j.bench.nlbench;

import io.github.netlink4j.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --sweep batch=…} without root: what it accepts, the cell's batch in the result file and in
 * compare's key, and batch as the chart's x-axis.
 */
class BatchSweepTest {

    @Test
    void batchSizesParseAsSizesDo() {
        assertEquals(List.of(1, 10, 100, 1000), Settings.parseBatchSweep("batch=1,10,100,1k"));
        for (String bad : List.of("count=1", "batch=0", "batch=", "batch=1,1", "batch=2m", "batch=x")) {
            assertThrows(IllegalArgumentException.class, () -> Settings.parseBatchSweep(bad), bad);
        }
    }

    @Test
    void theCommandLineTakesBothSweepsAndRefusesWhatCannotRun() {
        Cli both = Cli.run("run", "w3", "--sweep", "batch=1,10");
        assertEquals(2, both.status());
        assertTrue(both.err().contains("--sweep batch=: w3 has no bulk form"), both.err());
        Cli twice = Cli.run("run", "w2", "--sweep", "batch=1,10", "--batch", "5");
        assertEquals(2, twice.status());
        assertTrue(twice.err().contains("give --batch or --sweep batch=..., not both"), twice.err());
        assertTrue(Cli.run("run", "w2", "--sweep", "batch=1", "--sweep", "batch=2").err().contains("--sweep batch= given twice"));
        assertTrue(Cli.run("run", "--help").out().contains("batch=1,10,100,1000"), "run --help documents the batch sweep");
        Settings s = new Settings(List.of("w2"), 0, 0, 0, 0, 1, "steady", List.of(), 1, false, List.of(5, 6), 0, List.of(1, 64));
        assertEquals(List.of(1, 64), s.batchesFor());
        assertEquals(List.of(1, 64), s.toJson().get("sweep_batches"));
        assertEquals(List.of(0), new Settings(List.of("w2"), 5, 0, 0, 0, 1, "steady", List.of(), 1).batchesFor(), "no sweep: one call per operation");
    }

    private static List<Sample> at(double... rates) {
        List<Sample> out = new ArrayList<>();
        for (double r : rates) {
            long ns = Math.round(1000 / r * 1e9);
            out.add(new Sample(ns, ns, 1000, 0, 0, 100, -1, null));
        }
        return out;
    }

    private static Cell ours(int batch, double... rates) {
        return new Cell("w2", "netlink4j", "steady", 1000, 1, "addresses", -1, at(rates), null, null, batch);
    }

    private static Path file(Path dir, String name, List<Cell> cells) throws Exception {
        Map<String, Object> env = new LinkedHashMap<>(Map.of("date", "2026-12-08T00:00:00Z", "git_commit", "abcdef0123", "git_dirty", false));
        Settings s = new Settings(List.of("w2"), 1000, 0, 0, 0, 3, "steady", List.of("ip-batch"), 1, false, List.of(), 0, List.of(1, 10, 100));
        Path p = dir.resolve(name);
        Results.writeJson(p, Results.document(env, s, cells));
        return p;
    }

    private static final Cell IP_BATCH = new Cell("w2", "ip-batch", "process", 1000, 1, "addresses", 1_000_000, at(2500, 2600, 2400));

    /** Each batch's cell is compared with the same batch's: the cells of a sweep differ by far more than any threshold. */
    @Test
    void compareMatchesCellsByTheirBatch(@TempDir Path dir) throws Exception {
        List<Cell> sweep = List.of(ours(1, 1000, 1010, 990), ours(10, 5000, 5050, 4950), ours(100, 9000, 9100, 8900), IP_BATCH);
        List<Cell> reordered = List.of(ours(100, 9000, 9100, 8900), ours(10, 5000, 5050, 4950), ours(1, 1000, 1010, 990), IP_BATCH);
        Path base = file(dir, "base.json", sweep), same = file(dir, "same.json", reordered);
        Cli identical = Cli.run("compare", base.toString(), same.toString());
        assertEquals(0, identical.status(), identical.out());
        for (Compare.Verdict v : Compare.compare(Results.readCells(base), Results.readCells(same), 0.05)) {
            assertEquals(v.baseMedian(), v.newMedian(), 1e-6, "compared with another batch's cell: " + v);
        }
        assertTrue(identical.out().contains("| w2 netlink4j steady N=1000 K=1 B=10 |"), identical.out());
        assertTrue(identical.out().contains("| w2 ip-batch process N=1000 K=1 |"), identical.out());
        // 10 slower by 20%, the others unchanged: that cell, and only it, regressed
        Path slower = file(dir, "slower.json", List.of(ours(1, 1000, 1010, 990), ours(10, 4000, 4040, 3960), ours(100, 9000, 9100, 8900), IP_BATCH));
        Cli c = Cli.run("compare", base.toString(), slower.toString());
        assertEquals(1, c.status(), c.out());
        assertEquals(1, c.out().lines().filter(l -> l.endsWith("| REGRESSION |")).count(), c.out());
        assertTrue(c.out().lines().anyMatch(l -> l.contains("B=10 |") && l.endsWith("| REGRESSION |")), c.out());
    }

    @Test
    void theCellsBatchIsInTheFileAndOlderFilesTakeTheirSettings(@TempDir Path dir) throws Exception {
        Path f = file(dir, "s.json", List.of(ours(10, 5000), IP_BATCH));
        Map<?, ?> doc = (Map<?, ?>) Json.read(Files.readString(f));
        // the env is made up here (SweepTest's real runs check a real one)
        assertEquals(List.of(), SchemaKeys.problems(doc).stream().filter(p -> !p.startsWith("$.env")).toList());
        List<?> cells = (List<?>) doc.get("cells");
        assertEquals(10, ((Number) ((Map<?, ?>) cells.get(0)).get("batch")).intValue());
        assertTrue(((Map<?, ?>) cells.get(1)).containsKey("batch"), "the key is written for every cell");
        assertNull(((Map<?, ?>) cells.get(1)).get("batch"), "a process column has no batch");
        assertEquals(List.of(10, 0), Results.readCells(f).stream().map(Cell::batch).toList());
        // a file from before cells had a batch: its --batch applied to the netlink4j column
        Map<String, Object> old = new LinkedHashMap<>(Map.of("workload", "w2", "column", "netlink4j", "mode", "steady", "count", 10, "clients", 1,
                "unit", "addresses", "samples", List.of()));
        assertEquals(64, Cell.fromJson(old, 64).batch());
        old.put("column", "ip-batch");
        assertEquals(0, Cell.fromJson(old, 64).batch());
    }

    @Test
    void aBatchSweepsChartHasBatchOnItsXAxis(@TempDir Path dir) throws Exception {
        Path f = file(dir, "2026-12-08-abcdef0.json", List.of(ours(1, 1000, 800, 1200), ours(10, 5000), ours(100, 9000), IP_BATCH));
        Path svg = dir.resolve("s.svg"), md = dir.resolve("s.md");
        assertEquals(0, Cli.run("report", f.toString(), "--svg", svg.toString(), "--md", md.toString()).status());
        String text = Files.readString(svg);
        List<Double> ticks = new ArrayList<>();
        Matcher m = Pattern.compile("<text class=\"batch\" x=\"([0-9.]+)\" y=\"[0-9.]+\" text-anchor=\"middle\">(\\d+)</text>").matcher(text);
        List<String> labels = new ArrayList<>();
        while (m.find()) {
            ticks.add(Double.parseDouble(m.group(1)));
            labels.add(m.group(2));
        }
        assertEquals(List.of("1", "10", "100"), labels, text);
        // a log scale: 1, 10 and 100 are evenly spaced, from one end of the plot to the other
        assertEquals(ticks.get(1) - ticks.get(0), ticks.get(2) - ticks.get(1), 0.2);
        assertEquals(SweepChart.LEFT + 10, ticks.get(0), 0.1);
        assertEquals(SweepChart.LEFT + SweepChart.PLOT_W - 10, ticks.get(2), 0.1);
        assertEquals(3, Pattern.compile("<circle class=\"point\"").matcher(text).results().count(), "a point per batch");
        assertTrue(text.contains("<line class=\"level\""), "ip-batch, which has no batch, is a level across");
        assertTrue(text.contains("ip-batch: 2500 addresses/s"), text);
        // the spread of batch 1 (800 to 1200/s) is a vertical bar at its tick, on a y-axis up to 9,000/s
        Matcher s = Pattern.compile("<line class=\"spread\" x1=\"([0-9.]+)\" x2=\"[0-9.]+\" y1=\"([0-9.]+)\" y2=\"([0-9.]+)\"").matcher(text);
        assertTrue(s.find(), text);
        assertEquals(ticks.get(0), Double.parseDouble(s.group(1)), 0.1);
        assertEquals(SweepChart.PLOT_H * 400 / 9000.0, Double.parseDouble(s.group(2)) - Double.parseDouble(s.group(3)), 0.2);
        String table = Files.readString(md);
        assertTrue(table.contains("| workload | N | B | column |"), table);
        assertTrue(table.contains("| w2 | 1000 | 10 | netlink4j | steady | 5000 (5000–5000) |"), table);
        assertTrue(table.contains("| w2 | 1000 | – | ip-batch | process |"), table);
        // without a sweep the chart stays the bars it was
        Path one = file(dir, "one.json", List.of(ours(10, 5000), IP_BATCH));
        assertFalse(Report.svg(List.of(Report.Run.read(one))).contains("class=\"batch\""));
    }
}
