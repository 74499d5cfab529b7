package io.github.netlink4j.bench.nlbench.workload;

import io.github.netlink4j.NetlinkClient;
import org.HdrHistogram.Histogram;

import java.util.List;
import java.util.Optional;

/**
 * One nlbench workload: what it prepares outside the clock, what it does inside it, and the same
 * work as iproute2 commands for the process columns. Every workload works only in the namespace
 * {@link Setup#ns} it is given (and namespaces named after it).
 */
public interface Workload {
    /** The name {@code nlbench run} takes. */
    String name();

    /** What the clock covers, one line for {@code nlbench list}. */
    String measures();

    /** What is built before the clock starts, one line for {@code nlbench list}. */
    String setsUp();

    /** The unit of {@code ops_per_s}: what one operation is. */
    String unit();

    /** N when {@code --count} is not given: small enough for a loaded machine. */
    int defaultCount();

    /** Builds the workload's starting state in {@code s.ns()}, outside the clock. */
    void prepare(NetlinkClient nl, Setup s) throws Exception;

    /**
     * Does the measured work; records each operation's latency in {@code latency} when operations
     * are timed one by one (then returns true), else leaves it empty and returns false.
     */
    boolean run(NetlinkClient nl, Setup s, Histogram latency) throws Exception;

    /**
     * What an events workload counted in its last {@link #run} (events delivered, resyncs, ...), read
     * right after it; empty for the workloads that count no events.
     */
    default Optional<java.util.Map<String, Long>> events() {
        return Optional.empty();
    }

    /**
     * Another client's changes in the namespace while a column works (dump-churn): nlbench starts it after
     * {@link #prepare} and before the clock, for every column alike, and closes it after the clock; null for
     * the workloads without.
     */
    default Churner churn(Setup s) throws Exception {
        return null;
    }

    /** The work as processes ({@code ip ARGS…}, or {@code tc …} when the list starts with "tc"); empty if there is no ip equivalent. */
    Optional<List<List<String>>> ipOps(Setup s);

    /**
     * One measurement's parameters: the namespace, the size, the link kind that can be created here
     * (dummy, or ifb where dummy is missing), the concurrent clients, and the operations per bulk call
     * (0: one call per operation; only for workloads with a {@link #bulk()} form).
     */
    public record Setup(String ns, int count, String kind, int clients, int batch) {
        /** One call per operation. */
        public Setup(String ns, int count, String kind, int clients) {
            this(ns, count, kind, clients, 0);
        }
    }

    /** Whether the workload has a bulk form ({@code addAll}/{@code deleteAll}) that {@link Setup#batch} cuts into calls of B operations. */
    default boolean bulk() {
        return false;
    }
}
