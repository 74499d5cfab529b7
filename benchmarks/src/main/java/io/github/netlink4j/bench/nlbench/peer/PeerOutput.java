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

    /** The objects one w3 round sees at least: the 1,000 links (lo and 999 dummies) and 5,000 addresses nlbench prepares. */
    public static final int W3_OBJECTS = 6000;

    /**
     * Checks that the peer did what the workload asks of {@code n} operations: a dump that returned fewer
     * objects than were added means the adds did not all land (or the dump missed a table), and an add or
     * delete without its sample means a step was skipped.
     */
    public PeerOutput checked(String workload, int n) {
        if (workload.equals("w3")) {
            // w3 adds nothing: its rounds only dump what nlbench prepared, and time no request one by one
            if (dumped < W3_OBJECTS) throw new IllegalStateException("w3: the peer's last round dumped " + dumped + " objects, w3 prepares " + W3_OBJECTS);
            if (samples.length != 0) throw new IllegalStateException("w3: the peer timed " + samples.length + " operations, w3 has none");
            return this;
        }
        if (dumped >= 0 && dumped < n) throw new IllegalStateException(workload + ": the peer's dump returned " + dumped + " objects, it added " + n);
        int want = workload.equals("w1") || workload.equals("w2") ? n : 2 * n;
        if (samples.length != want) throw new IllegalStateException(workload + ": the peer timed " + samples.length + " operations, not " + want);
        return this;
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
