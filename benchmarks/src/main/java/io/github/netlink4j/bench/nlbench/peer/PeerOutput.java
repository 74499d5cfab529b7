package io.github.netlink4j.bench.nlbench.peer;

import java.util.Arrays;

/**
 * What a peer program printed (benchmarks/peers/README.md): its own clock over the work, the objects its
 * dump returned, and each add's and delete's latency.
 *
 * @param dumped  -1 for the workloads that do not dump
 * @param samples empty when the workload times no operation one by one
 */
public record PeerOutput(long elapsedNs, int dumped, long[] samples) {

    /** Parses the {@code key=value} lines; other lines are ignored, a missing {@code elapsed_ns} is an error. */
    public static PeerOutput parse(String stdout) {
        long elapsed = -1;
        int dumped = -1;
        long[] samples = new long[0];
        for (String line : stdout.split("\n")) {
            int eq = line.indexOf('=');
            if (eq < 0) continue;
            String value = line.substring(eq + 1).trim();
            try {
                switch (line.substring(0, eq)) {
                    case "elapsed_ns" -> elapsed = Long.parseLong(value);
                    case "dumped" -> dumped = Integer.parseInt(value);
                    case "samples_ns" -> samples = value.isEmpty() ? new long[0] : Arrays.stream(value.split(",")).mapToLong(Long::parseLong).toArray();
                    default -> { }
                }
            } catch (NumberFormatException e) {
                throw new IllegalStateException("peer printed a malformed " + line.substring(0, eq) + ": " + abbreviate(value));
            }
        }
        if (elapsed < 0) throw new IllegalStateException("peer printed no elapsed_ns: " + abbreviate(stdout));
        return new PeerOutput(elapsed, dumped, samples);
    }

    /**
     * Checks that the peer did what the workload asks of {@code n} operations: a dump that returned fewer
     * objects than were added means the adds did not all land (or the dump missed a table), and an add or
     * delete without its sample means a step was skipped.
     */
    public PeerOutput checked(String workload, int n) {
        if (dumped >= 0 && dumped < n) throw new IllegalStateException(workload + ": the peer's dump returned " + dumped + " objects, it added " + n);
        int want = workload.equals("w1") || workload.equals("w2") ? n : 2 * n;
        if (samples.length != want) throw new IllegalStateException(workload + ": the peer timed " + samples.length + " operations, not " + want);
        return this;
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
