package io.github.netlink4j.bench.nlbench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code nlbench run WORKLOAD…}: measures, prints a table, writes the result file. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs workloads (nlbench list) and prints one row per workload and column. Each measurement runs in a fresh "
                + "namespace prepared outside the clock; columns rotate from repeat to repeat and each waits for the previous "
                + "namespace's teardown. steady: warm-up rounds first, in this JVM. cold: each repeat in a fresh untuned JVM, "
                + "warm-up inside the clock. Process columns (--peers) have their exec-only baseline (an empty ip -batch; a peer program's noop run) taken out."})
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "WORKLOAD", description = "Workloads to run, in order.")
    List<String> workloads;

    @Option(names = "--count", paramLabel = "N", description = "Size of each workload (default: the workload's own, see list); 1..1000000.")
    Integer count;

    @Option(names = "--sweep", paramLabel = "count=N,...|batch=B,...", description = {"Runs every workload at each size instead of one: count=1k,10k,100k "
            + "(k thousand, m million; at most 20 sizes); or the netlink4j column at each batch size, a cell each: batch=1,10,100,1000 (the workloads "
            + "with a bulk form, as --batch; the process columns run once). Give it twice to sweep both: a cell per size and batch."})
    List<String> sweep = List.of();

    @Option(names = "--duration", paramLabel = "D", description = "Instead of one round of N per repeat, rounds of N until the clock has covered D (500ms, 10s, 2m).")
    String duration;

    @Option(names = "--warmup", paramLabel = "N|D", defaultValue = "1", description = "Unrecorded rounds (N) or time (D) before the repeats, steady mode only (default ${DEFAULT-VALUE}).")
    String warmup;

    @Option(names = "--repeat", paramLabel = "R", defaultValue = "3", description = "Measured repeats per column (default ${DEFAULT-VALUE}); spread is over these.")
    int repeat;

    @Option(names = "--mode", paramLabel = "cold|steady", defaultValue = "steady", description = "steady (default) or cold.")
    String mode;

    @Option(names = "--batch", paramLabel = "B", description = {"For the workloads with a bulk form (w1, w1d, w2, w6, w9): the netlink4j column "
            + "pipelines B operations per bulk call (addAll, deleteAll) instead of one call per operation; the process columns are unchanged."})
    Integer batch;

    @Option(names = "--clients", paramLabel = "K", defaultValue = "1", description = "Concurrent clients for the clients workload (default ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--peers", paramLabel = "ip,ip-batch,go,mnl,mnl-pipelined,pyroute2", split = ",", description = {"Process columns: ip (one process per operation), ip-batch; "
            + "go (vishvananda/netlink), mnl (C on libmnl, one request at a time), mnl-pipelined (the same, adds and deletes 64 per sendto), pyroute2 where their Debian packages are installed (nlbench peers). "
            + "A column is left out of a workload it has no equivalent for."})
    List<String> peers = List.of();

    @Option(names = "--syscalls", description = {"Also counts system calls per operation, in one extra run per cell outside the clock: "
            + "each peer program's (go, mnl, pyroute2) with perf (raw_syscalls:sys_enter, counting mode), less its noop run's; "
            + "the netlink4j column's as its client counts them (the sendto and recvfrom calls of its rtnetlink socket, which "
            + "perf attached to this JVM could not tell from its other threads'). ip-batch is counted under perf too (the batch less an empty one), and ip per operation (its N processes from one script, less as many empty ip processes)."})
    boolean syscalls;

    @Option(names = "--json", paramLabel = "FILE", description = "Writes the result file (schema: benchmarks/nlbench-schema.json).")
    Path json;

    @Option(names = "--csv", paramLabel = "FILE", description = "Writes one CSV row per cell.")
    Path csv;

    @Option(names = "--svg", paramLabel = "FILE", description = "Writes the run's chart: each cell's median throughput with its spread over the repeats (as nlbench report --svg).")
    Path svg;

    @Option(names = "--quiet", hidden = true, description = "No table and no progress (the cold mode's child runs).")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        if (count != null && duration != null) throw new IllegalArgumentException("give --count or --duration, not both");
        if (batch != null && batch < 1) throw new IllegalArgumentException("--batch must be 1.." + io.github.netlink4j.bench.nlbench.workload.Workloads.MAX_COUNT);
        List<Integer> counts = List.of(), batches = List.of();
        for (String sw : sweep) {
            if (sw.startsWith("batch=")) {
                if (!batches.isEmpty()) throw new IllegalArgumentException("--sweep batch= given twice");
                batches = Settings.parseBatchSweep(sw);
            } else {
                if (!counts.isEmpty()) throw new IllegalArgumentException("--sweep count= given twice");
                counts = Settings.parseSweep(sw);
            }
        }
        boolean warmupIsRounds = warmup.chars().allMatch(Character::isDigit);
        Settings s = new Settings(workloads, count == null ? 0 : count, duration == null ? 0 : Durations.parse(duration),
                warmupIsRounds ? Integer.parseInt(warmup) : 0, warmupIsRounds ? 0 : Durations.parse(warmup), repeat, mode, peers, clients, syscalls,
                counts, batch == null ? 0 : batch, batches);
        Map<String, Object> env = Env.collect();
        PrintWriter log = quiet ? new PrintWriter(java.io.Writer.nullWriter()) : spec.commandLine().getErr();
        List<Cell> cells = new Bench(s, log).run();
        if (json != null) Results.writeJson(json, Results.document(env, s, cells));
        if (csv != null) Results.writeCsv(csv, cells);
        if (svg != null) {
            String name = json != null ? json.getFileName().toString() : "nlbench run";
            Files.writeString(svg, Report.svg(List.of(new Report.Run(name, env, cells))), StandardCharsets.UTF_8);
        }
        if (!quiet) Results.printTable(spec.commandLine().getOut(), cells);
        return 0;
    }
}
