package io.github.netlink4j.bench.nlbench;

import io.github.netlink4j.json.Json;
import io.github.netlink4j.json.JsonException;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A result file (benchmarks/nlbench-schema.json describes it): the environment, the settings and the cells. */
final class Results {
    private Results() {}

    /** The value of the file's {@code schema} key; it changes when a key changes meaning or goes. */
    static final String SCHEMA = "nlbench/1";

    static Map<String, Object> document(Map<String, Object> env, Settings settings, List<Cell> cells) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schema", SCHEMA);
        doc.put("env", env);
        doc.put("settings", settings.toJson());
        List<Object> c = new ArrayList<>();
        for (Cell x : cells) c.add(x.toJson());
        doc.put("cells", c);
        return doc;
    }

    static void writeJson(Path file, Map<String, Object> doc) throws IOException {
        Files.writeString(file, Json.write(doc, true) + "\n", StandardCharsets.UTF_8);
    }

    static void writeCsv(Path file, List<Cell> cells) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(Cell.CSV_HEADER);
        for (Cell c : cells) lines.add(c.csvRow());
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /** Reads a result file's cells; refuses a file of another schema. */
    static List<Cell> readCells(Path file) throws IOException {
        Object doc;
        try {
            doc = Json.read(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonException e) {
            throw new IllegalArgumentException(file + " is not JSON: " + e.getMessage(), e);
        }
        if (!(doc instanceof Map<?, ?> m) || !SCHEMA.equals(m.get("schema"))) {
            throw new IllegalArgumentException(file + " is not an nlbench result file (schema " + SCHEMA + ")");
        }
        return cells(m);
    }

    /** The cells of a result document (its settings' batch stands for cells written before they had their own). */
    static List<Cell> cells(Map<?, ?> doc) {
        int batch = doc.get("settings") instanceof Map<?, ?> s && s.get("batch") instanceof Number b ? b.intValue() : 0;
        List<Cell> cells = new ArrayList<>();
        for (Object o : (List<?>) doc.get("cells")) cells.add(Cell.fromJson((Map<?, ?>) o, batch));
        return cells;
    }

    /** The human summary: one row per cell. */
    static void printTable(PrintWriter out, List<Cell> cells) {
        out.println("| workload | column | mode | N | ops/s median (min–max) | net of exec | p50 / p99 / max µs | CPU µs/op user+sys | alloc B/op |");
        out.println("|---|---|---|---|---|---|---|---|---|");
        for (Cell c : cells) {
            Stats t = c.throughput();
            Histogram h = c.latency();
            String lat = h == null ? "–" : String.format("%.1f / %.1f / %.1f", h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(99) / 1e3,
                    h.getMaxValue() / 1e3);
            Map<String, Object> j = c.toJson();
            Object u = j.get("cpu_user_ns_per_op"), sy = j.get("cpu_sys_ns_per_op"), al = j.get("alloc_bytes_per_op");
            String cpu = u == null ? "–" : String.format("%.1f", (((Double) u) + ((Double) sy)) / 1e3);
            Object net = j.get("ops_per_s_net");
            String netText = net == null ? "–" : String.format("%.0f", (Double) ((Map<?, ?>) net).get("median"));
            out.printf("| %s | %s | %s | %d%s | %.0f (%.0f–%.0f) | %s | %s | %s | %s |%n", c.workload(), c.column(), c.mode(), c.count(),
                    (c.workload().equals("clients") || c.workload().startsWith("events") ? " K=" + c.clients() : "") + (c.batch() > 0 ? " B=" + c.batch() : ""), t.median(), t.min(), t.max(), netText, lat, cpu,
                    al == null ? "–" : String.format("%.0f", (Double) al));
        }
        for (Cell c : cells) {
            Map<String, Object> e = c.events();
            if (e == null) continue;
            out.printf("%s (%s): %.0f of %.0f changes delivered as they happened (%.0f/s), %.0f missed, %.0f resyncs after ENOBUFS bringing %.0f events (medians over repeats)%n",
                    c.workload(), c.column(), num(e, "delivered"), num(e, "expected"), num(e, "delivered_per_s"), num(e, "missed"), num(e, "resyncs"),
                    num(e, "resync_events"));
        }
        for (Cell c : cells) {
            Map<String, Object> d = c.dumpIntr();
            if (d != null) {
                out.printf("%s (%s): %.1f%% of %.0f dump attempts interrupted (NLM_F_DUMP_INTR), %.0f retries for %.0f dumps, %.0f given up, under %.0f changes (medians over repeats)%n",
                        c.workload(), c.column(), 100 * num(d, "rate"), num(d, "attempts"), num(d, "retries"), num(d, "dumps"), num(d, "failed"), num(d, "changes"));
            } else if (c.workload().equals("dump-churn")) {
                out.printf("%s (%s): interrupted dumps not observable (the program retries them inside and says nothing)%n", c.workload(), c.column());
            }
        }
        for (Cell c : cells) {
            if (c.syscallsPerOp() == null) continue;
            String how = c.column().equals("netlink4j") ? "its client's sendto and recvfrom"
                    : c.column().equals("ip-batch") ? "perf, less an empty batch"
                    : c.column().equals("ip") ? "perf, less as many empty ip processes" : "perf, less the program's noop";
            out.printf("%s (%s, N=%d): %.1f system calls per operation (%s, in a run outside the clock)%n", c.workload(), c.column(),
                    c.count(), c.syscallsPerOp(), how);
        }
    }

    private static double num(Map<String, Object> m, String k) {
        return m.get(k) instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
