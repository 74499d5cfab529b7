package io.github.netlink4j.bench.nlbench;

import io.github.netlink4j.bench.nlbench.workload.Workloads;
import java.util.List;

/**
 * What {@code nlbench run} was asked to do, as it is recorded in the result file.
 *
 * @param count       N, or 0 for each workload's default
 * @param durationNs  when above 0, each repeat runs rounds of N until its clock has covered this long
 * @param warmupRounds rounds before the measured repeats (steady mode only)
 * @param warmupNs    when above 0, warm up for this long instead of a number of rounds
 * @param syscalls    count the peer programs' system calls per operation (an extra run per cell, outside the clock)
 * @param sweep       when not empty, every workload runs at each of these sizes instead of at {@code count}
 * @param batch       when above 0, the netlink4j column of each workload with a bulk form makes bulk calls of this
 *                    many operations ({@code --batch B}); 0, one call per operation
 * @param sweepBatches when not empty, the netlink4j column runs once per batch size, a cell each ({@code --sweep
 *                    batch=1,10,100}), instead of at {@code batch}
 */
record Settings(List<String> workloads, int count, long durationNs, int warmupRounds, long warmupNs, int repeat, String mode,
                List<String> peers, int clients, boolean syscalls, List<Integer> sweep, int batch, List<Integer> sweepBatches) {

    /** No batch sweep. */
    Settings(List<String> workloads, int count, long durationNs, int warmupRounds, long warmupNs, int repeat, String mode,
             List<String> peers, int clients, boolean syscalls, List<Integer> sweep, int batch) {
        this(workloads, count, durationNs, warmupRounds, warmupNs, repeat, mode, peers, clients, syscalls, sweep, batch, List.of());
    }

    /** One call per operation. */
    Settings(List<String> workloads, int count, long durationNs, int warmupRounds, long warmupNs, int repeat, String mode,
             List<String> peers, int clients, boolean syscalls, List<Integer> sweep) {
        this(workloads, count, durationNs, warmupRounds, warmupNs, repeat, mode, peers, clients, syscalls, sweep, 0);
    }

    /** Without syscall counting or a size sweep. */
    Settings(List<String> workloads, int count, long durationNs, int warmupRounds, long warmupNs, int repeat, String mode, List<String> peers, int clients) {
        this(workloads, count, durationNs, warmupRounds, warmupNs, repeat, mode, peers, clients, false, List.of());
    }

    /** The most sizes one sweep may name. */
    static final int MAX_SWEEP = 20;

    /**
     * The sizes of {@code --sweep count=1k,10k,100k}: numbers with an optional k (thousand) or m (million),
     * each 1..{@link Workloads#MAX_COUNT}, at most {@link #MAX_SWEEP}.
     */
    static List<Integer> parseSweep(String spec) {
        if (!spec.startsWith("count=")) throw new IllegalArgumentException("--sweep takes count=N,N,... (e.g. count=1k,10k,100k) or batch=B,B,..., not " + spec);
        return values("sizes", spec.substring(6));
    }

    /** The batch sizes of {@code --sweep batch=1,10,100,1000}: as {@link #parseSweep}'s sizes (operations per bulk call). */
    static List<Integer> parseBatchSweep(String spec) {
        if (!spec.startsWith("batch=")) throw new IllegalArgumentException("--sweep takes count=N,N,... or batch=B,B,... (e.g. batch=1,10,100), not " + spec);
        return values("batch sizes", spec.substring(6));
    }

    private static List<Integer> values(String what, String list) {
        List<Integer> out = new java.util.ArrayList<>();
        for (String v : list.split(",", -1)) { // -1: a trailing comma is an empty value, refused
            String t = v.trim().toLowerCase(java.util.Locale.ROOT);
            long unit = t.endsWith("k") ? 1_000 : t.endsWith("m") ? 1_000_000 : 1;
            String digits = unit == 1 ? t : t.substring(0, t.length() - 1);
            long n;
            try {
                n = Long.parseLong(digits) * unit;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--sweep: not a number: " + v);
            }
            if (n < 1 || n > Workloads.MAX_COUNT) throw new IllegalArgumentException("--sweep: " + what + " must be 1.." + Workloads.MAX_COUNT + ", not " + v);
            if (out.contains((int) n)) throw new IllegalArgumentException("--sweep: " + v + " is named twice (its cells would share a key)");
            out.add((int) n);
        }
        if (out.size() > MAX_SWEEP) throw new IllegalArgumentException("--sweep: at most " + MAX_SWEEP + " " + what);
        return List.copyOf(out);
    }

    /** The sizes {@code w} runs at: the sweep's, else --count, else the workload's own. */
    List<Integer> countsFor(io.github.netlink4j.bench.nlbench.workload.Workload w) {
        if (!sweep.isEmpty()) return sweep;
        return List.of(count > 0 ? count : w.defaultCount());
    }

    /** The batch sizes the netlink4j column of every workload runs at: the sweep's, else --batch (0: one call per operation). */
    List<Integer> batchesFor() {
        return sweepBatches.isEmpty() ? List.of(batch) : sweepBatches;
    }

    static final List<String> PEERS = List.of("ip", "ip-batch", "go", "mnl", "mnl-pipelined", "pyroute2");
    static final int MAX_REPEAT = 1000;
    static final int MAX_CLIENTS = 256;

    Settings {
        if (workloads.isEmpty()) throw new IllegalArgumentException("name at least one workload (nlbench list shows them)");
        for (String w : workloads) Workloads.get(w);
        if (count < 0 || count > Workloads.MAX_COUNT) throw new IllegalArgumentException("--count must be 1.." + Workloads.MAX_COUNT);
        sweep = List.copyOf(sweep);
        if (!sweep.isEmpty() && count > 0) throw new IllegalArgumentException("give --count or --sweep, not both");
        if (repeat < 1 || repeat > MAX_REPEAT) throw new IllegalArgumentException("--repeat must be 1.." + MAX_REPEAT);
        if (clients < 1 || clients > MAX_CLIENTS) throw new IllegalArgumentException("--clients must be 1.." + MAX_CLIENTS);
        if (!mode.equals("cold") && !mode.equals("steady")) throw new IllegalArgumentException("--mode is cold or steady, not " + mode);
        if (warmupRounds < 0 || warmupRounds > Bench.MAX_ROUNDS) throw new IllegalArgumentException("--warmup must be 0.." + Bench.MAX_ROUNDS + " rounds");
        if (batch < 0 || batch > Workloads.MAX_COUNT) throw new IllegalArgumentException("--batch must be 1.." + Workloads.MAX_COUNT);
        sweepBatches = List.copyOf(sweepBatches);
        if (!sweepBatches.isEmpty() && batch > 0) throw new IllegalArgumentException("give --batch or --sweep batch=..., not both");
        if (batch > 0 || !sweepBatches.isEmpty()) {
            String option = batch > 0 ? "--batch" : "--sweep batch=";
            for (String w : workloads) {
                if (!Workloads.get(w).bulk()) {
                    throw new IllegalArgumentException(option + ": " + w + " has no bulk form (those with one: " + String.join(", ", Workloads.bulk()) + ")");
                }
            }
        }
        for (String p : peers) {
            if (!PEERS.contains(p)) throw new IllegalArgumentException("unknown peer " + p + " (known: " + String.join(",", PEERS) + ")");
        }
    }

    java.util.Map<String, Object> toJson() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("workloads", workloads);
        m.put("count", count == 0 ? null : count);
        m.put("duration_ns", durationNs > 0 ? durationNs : null);
        m.put("warmup_rounds", warmupNs > 0 ? null : warmupRounds);
        m.put("warmup_ns", warmupNs > 0 ? warmupNs : null);
        m.put("repeat", repeat);
        m.put("mode", mode);
        m.put("peers", peers);
        m.put("clients", clients);
        m.put("syscalls", syscalls);
        m.put("sweep_counts", sweep.isEmpty() ? null : sweep);
        m.put("batch", batch > 0 ? batch : null);
        m.put("sweep_batches", sweepBatches.isEmpty() ? null : sweepBatches);
        return m;
    }
}
