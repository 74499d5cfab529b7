package io.github.netlink4j.bench.nlbench;

import io.github.netlink4j.json.Json;
import io.github.netlink4j.json.JsonException;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code nlbench report}'s output, made from committed result files only: a dated markdown table per
 * file and an SVG of every cell's median throughput with its spread over the repeats (min to max).
 * Nothing in it depends on when it is made, so the same files always give the same text.
 */
final class Report {
    private Report() {}

    /** One result file: where it is, its environment and its cells. */
    record Run(String name, Map<?, ?> env, List<Cell> cells) {
        static Run read(Path file) throws IOException {
            Object doc;
            try {
                doc = Json.read(Files.readString(file, StandardCharsets.UTF_8));
            } catch (JsonException e) {
                throw new IllegalArgumentException(file + " is not JSON: " + e.getMessage(), e);
            }
            if (!(doc instanceof Map<?, ?> m) || !Results.SCHEMA.equals(m.get("schema"))) {
                throw new IllegalArgumentException(file + " is not an nlbench result file (schema " + Results.SCHEMA + ")");
            }
            return new Run(file.getFileName().toString(), (Map<?, ?>) m.get("env"), Results.cells(m));
        }

        /** The run's day and commit: "2026-12-07, 7461692" (with "+dirty" when the tree had changes). */
        String dated() {
            String date = String.valueOf(env.get("date"));
            String commit = env.get("git_commit") instanceof String c ? c.substring(0, Math.min(7, c.length())) : "no commit";
            return date.substring(0, Math.min(10, date.length())) + ", " + commit + (Boolean.TRUE.equals(env.get("git_dirty")) ? "+dirty" : "");
        }
    }

    static String markdown(List<Run> runs) {
        StringBuilder sb = new StringBuilder();
        for (Run r : runs) {
            sb.append("#### ").append(r.dated()).append(" (`").append(r.name()).append("`)\n\n");
            sb.append(String.format(Locale.ROOT, "%s, %s CPUs, kernel %s, load %s; JVM %s; %s; peers: %s.%n%n", r.env().get("cpu_model"),
                    r.env().get("cpu_count"), r.env().get("kernel"), r.env().get("load_average"), r.env().get("jvm_version"),
                    r.env().get("iproute2"), peers(r.env().get("peer_versions"))));
            // B (operations per bulk call) only for runs that have one, so that older tables read as they did
            boolean batched = r.cells().stream().anyMatch(c -> c.batch() > 0);
            sb.append("| workload | N |").append(batched ? " B |" : "").append(" column | mode | ops/s median (min–max) | net of exec | p50 / p99 µs |\n");
            sb.append("|---|---|").append(batched ? "---|" : "").append("---|---|---|---|---|\n");
            for (Cell c : r.cells()) {
                Stats t = c.throughput();
                Object net = c.toJson().get("ops_per_s_net");
                Histogram h = c.latency();
                String b = !batched ? "" : c.batch() > 0 ? " " + c.batch() + " |" : " – |";
                sb.append(String.format(Locale.ROOT, "| %s | %d |%s %s | %s | %.0f (%.0f–%.0f) | %s | %s |%n", c.workload(), c.count(), b, c.column(), c.mode(),
                        t.median(), t.min(), t.max(), net == null ? "–" : String.format(Locale.ROOT, "%.0f", (Double) ((Map<?, ?>) net).get("median")),
                        h == null ? "–" : String.format(Locale.ROOT, "%.1f / %.1f", h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(99) / 1e3)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** "go: pkg version, …; mnl: …" from the env's peer_versions (absent in files written before it). */
    private static String peers(Object versions) {
        if (!(versions instanceof Map<?, ?> m) || m.isEmpty()) return "none recorded";
        List<String> out = new ArrayList<>();
        m.forEach((k, v) -> out.add(k + ": " + (v == null ? "not installed" : v)));
        return String.join("; ", out);
    }

    static final int LABEL_W = 300, BAR_W = 420, ROW_H = 18, TOP = 30;
    private static final String[] COLOURS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#7f7f7f"};

    /**
     * One horizontal bar per cell, its median throughput, and a line from its slowest to its fastest
     * repeat. Units differ between workloads, so each workload's bars share a scale of their own, from
     * 0 to the fastest repeat of any of its cells.
     */
    static String svg(List<Run> runs) {
        if (SweepChart.isBatchSweep(runs)) return SweepChart.svg(runs);
        Map<String, Double> scale = new LinkedHashMap<>();
        for (Run r : runs) for (Cell c : r.cells()) scale.merge(c.workload() + " " + c.count(), c.throughput().max(), Math::max);
        List<String> columns = new ArrayList<>();
        int n = 0;
        for (Run r : runs) n += r.cells().size() + 1;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">%n",
                LABEL_W + BAR_W + 90, TOP + n * ROW_H + 10));
        sb.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"16\" font-size=\"13\">ops/s, median of the repeats; the line spans the slowest to the fastest repeat; each workload on its own scale</text>%n"));
        int row = 0;
        for (Run r : runs) {
            double y0 = TOP + row++ * ROW_H;
            sb.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%.1f\" font-weight=\"bold\">%s</text>%n", y0 + 12, escape(r.dated() + " (" + r.name() + ")")));
            for (Cell c : r.cells()) {
                if (!columns.contains(c.column())) columns.add(c.column());
                Stats t = c.throughput();
                double max = scale.get(c.workload() + " " + c.count());
                double y = TOP + row++ * ROW_H;
                String colour = COLOURS[columns.indexOf(c.column()) % COLOURS.length];
                sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\">%s</text>%n", 12, y + 12,
                        escape(c.workload() + " N=" + c.count() + (c.batch() > 0 ? " B=" + c.batch() : "") + " " + c.column() + (c.mode().equals("process") ? "" : " (" + c.mode() + ")"))));
                sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>%n", LABEL_W, y + 3, x(t.median(), max),
                        ROW_H - 6, colour));
                sb.append(String.format(Locale.ROOT, "<line class=\"spread\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#000\"/>%n",
                        LABEL_W + x(t.min(), max), LABEL_W + x(t.max(), max), y + ROW_H / 2.0, y + ROW_H / 2.0));
                sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\">%.0f %s/s</text>%n", LABEL_W + BAR_W + 6, y + 12, t.median(), escape(c.unit())));
            }
        }
        sb.append("</svg>\n");
        return sb.toString();
    }

    private static double x(double v, double max) {
        return max <= 0 ? 0 : BAR_W * v / max;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
