package io.github.netlink4j.bench.nlbench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The chart of a batch sweep ({@code --sweep batch=}): a panel per workload and size, batch size on the x-axis
 * (logarithmic, a tick at each batch swept), ops/s on the y-axis from 0. Each column that was swept is a line
 * through its medians with its spread (slowest to fastest repeat) at every point; a column without a batch
 * (the process columns, which --batch does not change) is a dashed level across the panel.
 */
final class SweepChart {
    private SweepChart() {}

    static final int LEFT = 70, PLOT_W = 520, PLOT_H = 160, PANEL_H = 230, RIGHT = 200, TOP = 30;
    private static final String[] COLOURS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#7f7f7f"};

    /** Whether some workload and size of these runs was measured at two batch sizes or more: then batch is the x-axis. */
    static boolean isBatchSweep(List<Report.Run> runs) {
        for (Report.Run r : runs) {
            for (List<Cell> panel : panels(r).values()) {
                if (panel.stream().filter(c -> c.batch() > 0).map(Cell::batch).distinct().count() >= 2) return true;
            }
        }
        return false;
    }

    /** A run's cells by workload and size, in the run's order. */
    private static Map<String, List<Cell>> panels(Report.Run r) {
        Map<String, List<Cell>> m = new LinkedHashMap<>();
        for (Cell c : r.cells()) m.computeIfAbsent(c.workload() + " N=" + c.count(), k -> new ArrayList<>()).add(c);
        return m;
    }

    static String svg(List<Report.Run> runs) {
        List<String> panelNames = new ArrayList<>();
        List<List<Cell>> panelCells = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (Report.Run r : runs) {
            for (Map.Entry<String, List<Cell>> e : panels(r).entrySet()) {
                panelNames.add(e.getKey());
                panelCells.add(e.getValue());
                titles.add(e.getKey() + " — " + r.dated() + " (" + r.name() + ")");
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">%n",
                LEFT + PLOT_W + RIGHT, TOP + panelCells.size() * PANEL_H));
        sb.append("<text x=\"4\" y=\"16\" font-size=\"13\">ops/s against operations per bulk call (batch, log scale): median of the repeats, "
                + "the bar spans the slowest to the fastest; dashed: columns without a batch</text>\n");
        for (int p = 0; p < panelCells.size(); p++) panel(sb, titles.get(p), panelCells.get(p), TOP + p * PANEL_H);
        sb.append("</svg>\n");
        return sb.toString();
    }

    private static void panel(StringBuilder sb, String title, List<Cell> cells, int y0) {
        TreeSet<Integer> batches = new TreeSet<>();
        double max = 0;
        for (Cell c : cells) {
            if (c.batch() > 0) batches.add(c.batch());
            max = Math.max(max, c.throughput().max());
        }
        double top = y0 + 20, bottom = top + PLOT_H;
        sb.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%.1f\" font-weight=\"bold\">%s</text>%n", top - 6, Report.escape(title)));
        sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#000\"/>%n", LEFT, LEFT + PLOT_W, bottom, bottom));
        sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#000\"/>%n", LEFT, LEFT, top, bottom));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.0f</text>%n", LEFT - 4, top + 4, max));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">0</text>%n", LEFT - 4, bottom + 4));
        for (int b : batches) {
            double x = x(b, batches);
            sb.append(String.format(Locale.ROOT, "<text class=\"batch\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%d</text>%n", x, bottom + 14, b));
        }
        sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">batch (operations per bulk call)</text>%n",
                LEFT + PLOT_W / 2.0, bottom + 28));
        Map<Series, List<Cell>> series = new LinkedHashMap<>();
        for (Cell c : cells) {
            series.computeIfAbsent(new Series(c.column() + (c.mode().equals("process") ? "" : " (" + c.mode() + ")"), c.batch() > 0), k -> new ArrayList<>()).add(c);
        }
        int i = 0;
        for (Map.Entry<Series, List<Cell>> e : series.entrySet()) {
            String colour = COLOURS[i % COLOURS.length];
            String name = e.getKey().label();
            double legendY = top + 12 + 14 * i++;
            List<Cell> swept = e.getValue().stream().filter(c -> c.batch() > 0).sorted(java.util.Comparator.comparingInt(Cell::batch)).toList();
            if (swept.isEmpty()) {
                double y = y(e.getValue().get(0).throughput().median(), max, bottom);
                sb.append(String.format(Locale.ROOT, "<line class=\"level\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-dasharray=\"6 4\"/>%n",
                        LEFT, LEFT + PLOT_W, y, y, colour));
            } else {
                StringBuilder pts = new StringBuilder();
                for (Cell c : swept) {
                    Stats t = c.throughput();
                    double x = x(c.batch(), batches);
                    pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y(t.median(), max, bottom)));
                    sb.append(String.format(Locale.ROOT, "<line class=\"spread\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>%n", x, x,
                            y(t.min(), max, bottom), y(t.max(), max, bottom), colour));
                    sb.append(String.format(Locale.ROOT, "<circle class=\"point\" cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n", x, y(t.median(), max, bottom), colour));
                }
                sb.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\"/>%n", pts.toString().trim(), colour));
            }
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" fill=\"%s\">%s</text>%n", LEFT + PLOT_W + 10, legendY, colour,
                    Report.escape(name + (swept.isEmpty() ? String.format(Locale.ROOT, ": %.0f %s/s", e.getValue().get(0).throughput().median(),
                            e.getValue().get(0).unit()) : ""))));
        }
    }

    /** A line of a panel: a column and mode, swept over batch sizes or (not swept) a level. */
    private record Series(String label, boolean swept) {}

    /** Batch {@code b} on a log scale from the smallest to the largest swept, 10 px in from either end. */
    static double x(int b, TreeSet<Integer> batches) {
        double lo = Math.log(batches.first()), hi = Math.log(batches.last());
        double f = hi == lo ? 0.5 : (Math.log(b) - lo) / (hi - lo);
        return LEFT + 10 + f * (PLOT_W - 20);
    }

    private static double y(double v, double max, double bottom) {
        return max <= 0 ? bottom : bottom - PLOT_H * v / max;
    }
}
