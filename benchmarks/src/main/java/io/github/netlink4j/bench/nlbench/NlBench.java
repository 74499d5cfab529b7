package io.github.netlink4j.bench.nlbench;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * nlbench: rtnetlink throughput, latency, CPU and allocation of netlink4j and of iproute2, measured in
 * namespaces of its own, written to result files that can be compared.
 * {@code java -jar benchmarks/target/nlbench.jar --help}.
 */
@Command(name = "nlbench", mixinStandardHelpOptions = true, version = "nlbench (result schema " + Results.SCHEMA + ")",
        description = {"Benchmarks rtnetlink work: netlink4j in this JVM (or a fresh one, --mode cold) against ip per operation and ip -batch. "
                + "Every run works only in network namespaces it creates (named nlb-<pid>-...), removes them at the end and on "
                + "SIGINT/SIGTERM, and first removes those left by nlbench processes that no longer run. Needs root."},
        subcommands = {ListCommand.class, RunCommand.class, CompareCommand.class, EnvCommand.class, PeersCommand.class, ReportCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Examples:", "  nlbench list", "  nlbench run w1 routes --count 1000 --repeat 5 --peers ip,ip-batch --json a.json",
                "  nlbench peers install      (go, mnl, pyroute2 columns: apt-get install their Debian packages, build them)",
                "  nlbench run routes neigh --count 1000 --peers ip-batch,go,mnl,pyroute2",
                "  nlbench compare base.json a.json --threshold 5%%", "",
                "compare: a cell regressed when its median throughput over the repeats fell by more than the threshold and by more "
                + "than the noise (the sum of both cells' median absolute deviations); exit status 1 then."})
public final class NlBench implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line; returns the exit status (0 ok, 1 failure or regression, 2 bad usage). */
    static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new NlBench());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            line.getErr().println("nlbench: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            return ex instanceof IllegalArgumentException ? 2 : 1;
        });
        int status = cl.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}
