package io.github.netlink4j.bench.nlbench.peer;

import java.util.Arrays;

/**
 * What a peer program printed (benchmarks/peers/README.md): its own clock over the work, the objects its
 * dump returned, and each add's and delete's latency.
 *
 * @param dumped  -1 for the workloads that do not dump
 * @param samples empty when the workload times no operation one by one
 * @param dumpAttempts dump-churn: every dump sent, retries included; -1 where not reported
 * @param dumpIntr dump-churn: the attempts the kernel flagged NLM_F_DUMP_INTR; -1 where not reported
 * @param dumpFailed dump-churn: the dumps given up, interrupted on every attempt; -1 where not reported
 */
public record PeerOutput(long elapsedNs, int dumped, long[] samples, long dumpAttempts, long dumpIntr, long dumpFailed) {

    /** The output of a workload that reports no dump counts. */
    public PeerOutput(long elapsedNs, int dumped, long[] samples) {
        this(elapsedNs, dumped, samples, -1, -1, -1);
    }

    /** Parses the {@code key=value} lines; other lines are ignored, a missing {@code elapsed_ns} is an error. */
    public static PeerOutput parse(String stdout) {
        long elapsed = -1;
        int dumped = -1;
        long[] samples = new long[0];
        long attempts = -1, intr = -1, failed = -1;
        for (String line : stdout.split("\n")) {
            int eq = line.indexOf('=');
            if (eq < 0) continue;
            String value = line.substring(eq + 1).trim();
            try {
                switch (line.substring(0, eq)) {
                    case "elapsed_ns" -> elapsed = Long.parseLong(value);
                    case "dumped" -> dumped = Integer.parseInt(value);
                    case "dump_attempts" -> attempts = Long.parseLong(value);
                    case "dump_intr" -> intr = Long.parseLong(value);
                    case "dump_failed" -> failed = Long.parseLong(value);
                    case "samples_ns" -> samples = value.isEmpty() ? new long[0] : Arrays.stream(value.split(",")).mapToLong(Long::parseLong).toArray();
                    default -> { }
                }
            } catch (NumberFormatException e) {
                throw new IllegalStateException("peer printed a malformed " + line.substring(0, eq) + ": " + abbreviate(value));
            }
        }
        if (elapsed < 0) throw new IllegalStateException("peer printed no elapsed_ns: " + abbreviate(stdout));
        return new PeerOutput(elapsed, dumped, samples, attempts, intr, failed);
    }

    /** The objects one w3 round sees at least: the 1,000 links (lo and 999 dummies) and 5,000 addresses nlbench prepares. */
    public static final int W3_OBJECTS = 6000;

    /** The IPv4 addresses dump-churn prepares, which each of its dumps must see. */
    public static final int DUMP_CHURN_OBJECTS = 1000;

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
        if (workload.equals("dump-churn")) {
            // N dumps, each timed; the counts say how often the kernel interrupted them
            if (dumped < DUMP_CHURN_OBJECTS) throw new IllegalStateException("dump-churn: the peer's last dump returned " + dumped + " addresses, " + DUMP_CHURN_OBJECTS + " are there");
            if (samples.length != n) throw new IllegalStateException("dump-churn: the peer timed " + samples.length + " dumps, not " + n);
            if (dumpIntr < 0 || dumpFailed < 0 || dumpAttempts < n) {
                throw new IllegalStateException("dump-churn: the peer reported " + dumpAttempts + " dump attempts for " + n + " dumps (and dump_intr " + dumpIntr + ", dump_failed " + dumpFailed + ")");
            }
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
