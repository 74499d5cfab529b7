package io.github.netlink4j.bench.nlbench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** nlbench report on a result file made here: the dated table reads the right figures, the chart draws the spread. */
class ReportTest {

    /** Three repeats of 1,000 operations in 0.5 s, 1 s and 0.25 s: 2,000, 1,000 and 4,000 ops/s. */
    private static Path result(Path dir) throws Exception {
        List<Sample> peer = List.of(new Sample(500_000_000L, 400_000_000L, 1000, 0, 0, -1, 100_000_000L, null),
                new Sample(1_000_000_000L, 900_000_000L, 1000, 0, 0, -1, 100_000_000L, null),
                new Sample(250_000_000L, 150_000_000L, 1000, 0, 0, -1, 100_000_000L, null));
        List<Sample> ours = List.of(new Sample(100_000_000L, 100_000_000L, 1000, 0, 0, 5, -1, null));
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("date", "2026-12-07T18:00:00Z");
        env.put("git_commit", "0123456789abcdef");
        env.put("git_dirty", false);
        env.put("cpu_model", "Test CPU");
        env.put("cpu_count", 2);
        env.put("peer_versions", new LinkedHashMap<>(Map.of("go", "golang-go 2:1.19~1")));
        List<Cell> cells = List.of(new Cell("routes", "netlink4j", "steady", 1000, 1, "routes", -1, ours),
                new Cell("routes", "go", "process", 1000, 1, "routes", 100_000_000L, peer));
        Settings s = new Settings(List.of("routes"), 1000, 0, 0, 0, 3, "steady", List.of("go"), 1);
        Path f = dir.resolve("2026-12-07-0123456.json");
        Results.writeJson(f, Results.document(env, s, cells));
        return f;
    }

    @Test
    void theTableIsDatedAndReadsMedianMinAndMax(@TempDir Path dir) throws Exception {
        Path md = dir.resolve("r.md");
        Cli c = Cli.run("report", result(dir).toString(), "--md", md.toString());
        assertEquals(0, c.status(), c.err());
        String text = Files.readString(md);
        assertTrue(text.startsWith("#### 2026-12-07, 0123456 (`2026-12-07-0123456.json`)\n"), text);
        assertTrue(text.contains("| routes | 1000 | go | process | 2000 (1000–4000) | 2500 | – |"), text);
        assertTrue(text.contains("; peers: go: golang-go 2:1.19~1."), text);
        assertTrue(text.contains("| routes | 1000 | netlink4j | steady | 10000 (10000–10000) | – | – |"), text);
        assertEquals(text, Cli.run("report", dir.resolve("2026-12-07-0123456.json").toString()).out(), "stdout without --md, the same text");
    }

    @Test
    void theChartDrawsEachCellsSpreadOnItsWorkloadsScale(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("r.svg");
        assertEquals(0, Cli.run("report", result(dir).toString(), "--svg", svg.toString()).status());
        String text = Files.readString(svg);
        Matcher m = Pattern.compile("<line class=\"spread\" x1=\"([0-9.]+)\" x2=\"([0-9.]+)\"").matcher(text);
        // the workload's scale ends at its fastest repeat, netlink4j's 10,000/s
        assertTrue(m.find(), text);
        assertEquals(Report.LABEL_W + Report.BAR_W, Double.parseDouble(m.group(1)), 0.1);
        assertTrue(m.find(), text);
        assertEquals(Report.LABEL_W + Report.BAR_W * 0.1, Double.parseDouble(m.group(1)), 0.1, "go's slowest repeat, 1,000/s");
        assertEquals(Report.LABEL_W + Report.BAR_W * 0.4, Double.parseDouble(m.group(2)), 0.1, "go's fastest repeat, 4,000/s");
        assertTrue(text.contains(String.format(java.util.Locale.ROOT, "width=\"%.1f\"", Report.BAR_W * 0.2)), "go's median bar, 2,000/s: " + text);
    }

    @Test
    void aFileOfAnotherKindIsRefused(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("x.json");
        Files.writeString(f, "{\"schema\": \"other\"}");
        Cli c = Cli.run("report", f.toString());
        assertEquals(2, c.status());
        assertTrue(c.err().contains("is not an nlbench result file"), c.err());
    }
}
