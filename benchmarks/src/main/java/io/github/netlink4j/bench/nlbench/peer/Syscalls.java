package io.github.netlink4j.bench.nlbench.peer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A peer program's system calls per operation, counted by perf on the {@code raw_syscalls:sys_enter}
 * tracepoint in counting mode (the kernel bumps a counter per call; nothing is recorded), in runs of their
 * own outside every clock: the work's count less the program's {@code noop} count, over N. The process
 * and everything it starts are counted (perf stat follows children), threads of a runtime included.
 */
public final class Syscalls {
    private Syscalls() {}

    static final String PERF = "/usr/bin/perf";
    static final String EVENT = "raw_syscalls:sys_enter";

    /** Why syscalls cannot be counted here; empty when they can. */
    public static Optional<String> unavailable() {
        return Files.isExecutable(Path.of(PERF)) ? Optional.empty() : Optional.of("--syscalls needs " + PERF + " (Debian package linux-perf)");
    }

    /** {@code program} under perf stat, which writes its count to {@code out}. */
    static List<String> wrapped(List<String> program, Path out) {
        List<String> cmd = new ArrayList<>(List.of(PERF, "stat", "-x,", "-e", EVENT, "-o", out.toString(), "--"));
        cmd.addAll(program);
        return cmd;
    }

    /** The count in perf stat's CSV output ({@code -x,}): the first field of the event's line. */
    static long parse(String perfOutput) {
        for (String line : perfOutput.split("\n")) {
            String[] f = line.split(",");
            if (f.length > 2 && f[2].equals(EVENT)) {
                try {
                    return Long.parseLong(f[0]);
                } catch (NumberFormatException e) {
                    throw new IllegalStateException("perf did not count " + EVENT + ": " + line);
                }
            }
        }
        throw new IllegalStateException("perf printed no " + EVENT + " count: " + perfOutput);
    }

    /** The system calls of one run of {@code program} doing {@code workload} (or {@link Program#NOOP}) in namespace {@code ns}. */
    public static long count(List<String> program, String workload, String ns, int n, String kind, Consumer<Process> started)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("nlbench-perf", ".csv");
        try {
            PeerRun.run(wrapped(program, out), workload, ns, n, kind, started);
            return parse(Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /**
     * The system calls of one {@code ip -batch} (tc for w9) of {@code ops} in namespace {@code ns}; no operation is
     * an empty batch, the baseline (exec, entering the namespace, the socket).
     */
    public static long countIpBatch(List<List<String>> ops, String ns, Consumer<Process> started) throws Exception {
        Path out = Files.createTempFile("nlbench-perf", ".csv");
        try {
            io.github.netlink4j.bench.LegacyWorkloads.ipBatch(ops, ns, started, wrapped(List.of(), out));
            return parse(Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /**
     * The system calls of {@code ops} run as the {@code ip} column runs them, one process each (tc for a
     * {@code tc} operation), from one shell script under perf; the script's own fork and wait per line are
     * counted too, so compare with {@link #countEmptyIpProcesses} of as many lines.
     */
    public static long countIpEach(List<List<String>> ops, Consumer<Process> started) throws IOException, InterruptedException {
        List<String> lines = new ArrayList<>(ops.size());
        for (List<String> op : ops) lines.add((op.get(0).equals("tc") ? "" : "ip ") + String.join(" ", op.stream().map(Syscalls::quoted).toList()));
        return countScript(lines, started);
    }

    /** The system calls of {@code processes} empty {@code ip -n NS -batch} runs (exec, namespace, socket, exit) from one script under perf. */
    public static long countEmptyIpProcesses(int processes, String ns, Consumer<Process> started) throws IOException, InterruptedException {
        List<String> lines = new ArrayList<>(processes);
        for (int i = 0; i < processes; i++) lines.add("ip -n " + quoted(ns) + " -batch /dev/null");
        return countScript(lines, started);
    }

    /** A word for sh: in single quotes, a quote inside ended, escaped and reopened. */
    static String quoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private static long countScript(List<String> lines, Consumer<Process> started) throws IOException, InterruptedException {
        Path script = Files.createTempFile("nlbench-ip", ".sh");
        Path out = Files.createTempFile("nlbench-perf", ".csv");
        try {
            List<String> body = new ArrayList<>();
            body.add("set -e");
            body.addAll(lines);
            Files.write(script, body, StandardCharsets.UTF_8);
            Process p = new ProcessBuilder(wrapped(List.of("/bin/sh", script.toString()), out))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            started.accept(p);
            if (!p.waitFor(600, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("the ip processes took over 600 s under perf");
            }
            if (p.exitValue() != 0) throw new IllegalStateException("an ip process failed under perf (status " + p.exitValue() + ")");
            return parse(Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(script);
            Files.deleteIfExists(out);
        }
    }

    /** Per operation: the work's calls less the noop's (start, namespace, socket, exit), over {@code n}. */
    public static double perOp(long work, long noop, int n) {
        return (work - noop) / (double) Math.max(1, n);
    }
}
