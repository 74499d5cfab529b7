package io.github.netlink4j.bench.nlbench;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares two result files cell by cell (same workload, column, mode, N, K and batch). A cell regressed when
 * its median throughput fell by more than the threshold AND the fall is larger than the noise, the
 * sum of both files' median absolute deviations over their repeats: a drop inside the runs' own
 * scatter is not called a regression, however large its percentage. With one repeat per file there is
 * no spread and only the threshold applies.
 */
final class Compare {
    private Compare() {}

    /** One cell's verdict. */
    record Verdict(String key, double baseMedian, double newMedian, double change, double noise, boolean regressed) {}

    static List<Verdict> compare(List<Cell> base, List<Cell> next, double threshold) {
        Map<String, Cell> byKey = new LinkedHashMap<>();
        for (Cell c : next) byKey.put(c.key(), c);
        List<Verdict> out = new java.util.ArrayList<>();
        for (Cell b : base) {
            Cell n = byKey.get(b.key());
            if (n == null) continue;
            Stats sb = b.throughput(), sn = n.throughput();
            double change = (sn.median() - sb.median()) / sb.median();
            double noise = sb.mad() + sn.mad();
            boolean regressed = -change > threshold && sb.median() - sn.median() > noise;
            out.add(new Verdict(b.key(), sb.median(), sn.median(), change, noise, regressed));
        }
        return out;
    }

    /** Prints the table; returns the exit status: 1 when any cell regressed, else 0. */
    static int report(PrintWriter out, List<Cell> base, List<Cell> next, double threshold) {
        List<Verdict> v = compare(base, next, threshold);
        out.println("| cell | base ops/s | new ops/s | change | noise (MAD sum) | verdict |");
        out.println("|---|---|---|---|---|---|");
        boolean any = false;
        for (Verdict x : v) {
            any |= x.regressed();
            String verdict = x.regressed() ? "REGRESSION" : (x.change() < -threshold ? "slower, within noise" : "ok");
            out.printf("| %s | %.1f | %.1f | %+.1f%% | %.1f | %s |%n", x.key(), x.baseMedian(), x.newMedian(), 100 * x.change(), x.noise(), verdict);
        }
        int matched = v.size();
        if (matched < base.size() || matched < next.size()) {
            out.printf("%d of %d base cells and %d of %d new cells have a counterpart; the rest are not compared.%n", matched, base.size(), matched, next.size());
        }
        out.println(any ? "regression beyond " + Math.round(threshold * 100) + "%" : "no regression beyond " + Math.round(threshold * 100) + "%");
        return any ? 1 : 0;
    }
}
