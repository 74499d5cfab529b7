package io.github.netlink4j.bench;

import io.github.netlink4j.NetlinkClient;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The throughput program's workloads w1–w9 as nlbench calls them: the same preparation, the same
 * measured code and the same iproute2 operations as {@link Runner}, {@link Throughput} and
 * {@link IpPeer}, reached from nlbench's package without copying them.
 */
public final class LegacyWorkloads {
    private LegacyWorkloads() {}

    /** The names, in the runner's order. */
    public static final List<String> NAMES = List.of("w1", "w1d", "w2", "w3", "w4", "w5", "w6", "w7", "w8", "w9");

    /** Builds what {@code workload} needs before its clock starts, as the runner does. */
    public static void prepare(String workload, NetlinkClient nl, int count, String kind) throws Exception {
        Runner.prepare(new Runner.Workload(workload, count, "", ""), nl, kind);
    }

    /**
     * Runs the measured part of {@code workload} in namespace {@code ns} and returns the key=value
     * lines it printed (elapsed_ns, samples_ns for the scenarios, …). The lines are captured, not
     * printed: nlbench writes its own report. Only one caller at a time may use it (System.out is swapped).
     */
    public static String run(String workload, NetlinkClient nl, String ns, int count, String kind, boolean pipelined) throws Exception {
        return run(workload, nl, ns, count, kind, pipelined ? Math.max(1, count) : 0);
    }

    /** {@link #run(String, NetlinkClient, String, int, String, boolean)} with {@code batch} operations per bulk call, one call per operation when 0. */
    public static synchronized String run(String workload, NetlinkClient nl, String ns, int count, String kind, int batch) throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = switch (workload) {
                case "w1" -> Throughput.w1(nl, count, kind, batch);
                case "w1d" -> Throughput.w1d(nl, count, batch);
                case "w2" -> Throughput.w2(nl, count, batch);
                case "w3" -> Throughput.w3(nl, count);
                case "w4" -> Throughput.w4(nl, ns, count, false);
                case "w5" -> Throughput.w5(nl, ns, count, false);
                case "w6" -> Throughput.w6(nl, count, batch);
                case "w7" -> Throughput.w7(nl, count);
                case "w8" -> Throughput.w8(nl, ns, count);
                case "w9" -> Throughput.w9(nl, count, batch);
                default -> throw new IllegalArgumentException("unknown workload " + workload);
            };
        } finally {
            System.setOut(saved);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        if (exit != 0) throw new IllegalStateException(workload + " failed: " + text);
        return text;
    }

    /** The workload's iproute2 operations, one argument list per process ({@code tc …} or after {@code ip}). */
    public static List<List<String>> ipOps(String workload, String ns, int count, String kind) {
        return IpPeer.ipOps(new Runner.Workload(workload, count, "", ""), ns, kind);
    }

    /**
     * Runs {@code ops} as one {@code ip -batch} (or {@code tc -batch}) in {@code ns} the way the
     * runner's ip -batch column does, and returns the process's time; {@code started} sees the process.
     */
    public static long ipBatch(List<List<String>> ops, String ns, java.util.function.Consumer<Process> started) throws Exception {
        return IpPeer.ipBatch(ops, ns, "nlbench", started);
    }
}
