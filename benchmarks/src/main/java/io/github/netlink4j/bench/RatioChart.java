package io.github.netlink4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The runner's table as a picture: for each workload a group of bars, one per column, each the
 * column's median rate over ip -batch's median from the same run, on a log scale with the 1× line
 * drawn (above it: faster than ip -batch). Plain SVG, no dependency.
 */
final class RatioChart {
    private RatioChart() {}

    private static final String[] COLOURS = {"#1f77b4", "#6baed6", "#2ca02c", "#98df8a", "#d62728", "#7f7f7f"};

    static void write(Path file, String[] columns, List<String> rows, Map<String, Map<String, List<Double>>> results, String title)
            throws IOException {
        int barW = 14, gap = 18, left = 60, top = 40, height = 300;
        int groupW = columns.length * barW + gap;
        int width = left + rows.size() * groupW + 20;
        double min = 0.05, max = 20; // the log axis: 1/20× to 20×
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">%n",
                width, top + height + 110));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" font-size=\"13\">%s</text>%n", left, escape(title)));
        for (double tick : new double[] {0.1, 0.25, 0.5, 1, 2, 4, 10}) {
            double y = y(tick, min, max, top, height);
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%s\"/>%n",
                    left, width - 10, y, y, tick == 1 ? "#000" : "#ddd", tick == 1 ? "1.5" : "1"));
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s×</text>%n", left - 6, y + 4, fmt(tick)));
        }
        double base = y(1, min, max, top, height);
        for (int r = 0; r < rows.size(); r++) {
            Map<String, List<Double>> byColumn = results.get(rows.get(r));
            double batch = Runner.median(byColumn.get("ip -batch"));
            int x0 = left + r * groupW + gap / 2;
            for (int c = 0; c < columns.length; c++) {
                double ratio = Math.max(min, Math.min(max, Runner.median(byColumn.get(columns[c])) / batch));
                double y = y(ratio, min, max, top, height);
                sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"%s\"><title>%s %s: %.2f×</title></rect>%n",
                        x0 + c * barW, Math.min(y, base), barW - 2, Math.abs(base - y), COLOURS[c % COLOURS.length],
                        escape(rows.get(r)), escape(columns[c]), ratio));
            }
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    x0 + columns.length * barW / 2, top + height + 16, escape(rows.get(r))));
        }
        for (int c = 0; c < columns.length; c++) {
            int y = top + height + 36 + c * 14;
            sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">%s</text>%n",
                    left, y - 9, COLOURS[c % COLOURS.length], left + 16, y, escape(columns[c])));
        }
        sb.append("</svg>\n");
        Files.writeString(file, sb);
    }

    private static double y(double ratio, double min, double max, int top, int height) {
        double f = (Math.log(ratio) - Math.log(min)) / (Math.log(max) - Math.log(min));
        return top + height * (1 - f);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
