package io.github.netlink4j.bench.nlbench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code nlbench compare BASE NEW}: exit 1 when a cell's throughput fell beyond the threshold and beyond the noise. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compares two result files cell by cell (same workload, column, mode, N, K) on median throughput over the repeats. "
                + "A cell is a REGRESSION when its median fell by more than --threshold AND by more than the noise, the sum of the "
                + "two cells' median absolute deviations (MAD) over their repeats. Exit status 1 on any regression, 0 otherwise."})
final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BASE.json")
    Path base;

    @Parameters(index = "1", paramLabel = "NEW.json")
    Path next;

    @Option(names = "--threshold", paramLabel = "P%", defaultValue = "5%", description = "Smallest fall in median throughput that counts (default ${DEFAULT-VALUE}).")
    String threshold;

    @Override
    public Integer call() throws Exception {
        return Compare.report(spec.commandLine().getOut(), Results.readCells(base), Results.readCells(next), percent(threshold));
    }

    static double percent(String s) {
        String t = s.endsWith("%") ? s.substring(0, s.length() - 1) : s;
        double v;
        try {
            v = Double.parseDouble(t) / 100;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--threshold takes a percentage such as 5%, not " + s);
        }
        if (!(v >= 0 && v < 1)) throw new IllegalArgumentException("--threshold must be 0% to 99%");
        return v;
    }
}
