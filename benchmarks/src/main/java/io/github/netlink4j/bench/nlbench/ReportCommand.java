package io.github.netlink4j.bench.nlbench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code nlbench report RESULT.json… [--md FILE] [--svg FILE]}: tables and a chart made from result files. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Makes, from result files, a markdown table per file headed by its date and commit (on stdout, or --md FILE) "
                + "and an SVG of every cell's median throughput with its spread over the repeats (--svg FILE). The same files always give "
                + "the same output: benchmarks/README.md's figures are made this way from benchmarks/results/."})
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RESULT.json", description = "Result files, in the order to show them.")
    List<Path> files;

    @Option(names = "--md", paramLabel = "FILE", description = "Writes the markdown here instead of stdout.")
    Path md;

    @Option(names = "--svg", paramLabel = "FILE", description = "Writes the chart.")
    Path svg;

    @Override
    public Integer call() throws Exception {
        List<Report.Run> runs = new ArrayList<>();
        for (Path f : files) runs.add(Report.Run.read(f));
        String text = Report.markdown(runs);
        if (md == null) spec.commandLine().getOut().print(text);
        else Files.writeString(md, text, StandardCharsets.UTF_8);
        if (svg != null) Files.writeString(svg, Report.svg(runs), StandardCharsets.UTF_8);
        return 0;
    }
}
