package io.github.netlink4j.bench.nlbench;

import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One workload in one column and mode, over its repeats: what the result file's {@code cells} hold.
 * Per-operation figures are the median over repeats of each repeat's figure per operation.
 *
 * @param jvmFlags the options of the JVM that measured (this one in steady mode, the fresh one in cold
 *                 mode); null for the process columns, which run no JVM
 * @param syscallsPerOp a peer program's system calls per operation (perf, in a run outside the clock, its
 *                 noop's calls taken out); null where they were not counted (--syscalls not given, and
 *                 the netlink4j and ip columns, which it does not cover)
 * @param batch    the operations per bulk call the netlink4j column made ({@code --batch}, or one value of
 *                 {@code --sweep batch=}); 0 for one call per operation and for the process columns, which
 *                 --batch does not change
 */
record Cell(String workload, String column, String mode, int count, int clients, String unit, long baselineNs, List<Sample> samples,
            List<String> jvmFlags, Double syscallsPerOp, int batch) {

    /** One call per operation, or a process column. */
    Cell(String workload, String column, String mode, int count, int clients, String unit, long baselineNs, List<Sample> samples,
         List<String> jvmFlags, Double syscallsPerOp) {
        this(workload, column, mode, count, clients, unit, baselineNs, samples, jvmFlags, syscallsPerOp, 0);
    }

    /** A cell of a process column, or one read from a file written before JVM flags were recorded: no flags. */
    Cell(String workload, String column, String mode, int count, int clients, String unit, long baselineNs, List<Sample> samples) {
        this(workload, column, mode, count, clients, unit, baselineNs, samples, null, null);
    }

    Cell {
        jvmFlags = jvmFlags == null ? null : List.copyOf(jvmFlags);
    }

    /** Cells key for compare: the same workload, column, mode, size, clients and batch (B=, only where there is one). */
    String key() {
        return workload + " " + column + " " + mode + " N=" + count + " K=" + clients + (batch > 0 ? " B=" + batch : "");
    }

    Stats throughput() {
        return Stats.of(samples.stream().mapToDouble(Sample::opsPerSecond).toArray());
    }

    Histogram latency() {
        Histogram all = null;
        for (Sample s : samples) {
            if (s.latency() == null) continue;
            if (all == null) all = s.latency().copy();
            else all.add(s.latency());
        }
        return all;
    }

    private Double perOp(java.util.function.ToLongFunction<Sample> f) {
        double[] v = samples.stream().filter(s -> f.applyAsLong(s) >= 0).mapToDouble(s -> f.applyAsLong(s) / (double) Math.max(1, s.ops())).toArray();
        return v.length == 0 ? null : Stats.of(v).median();
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("workload", workload);
        m.put("column", column);
        m.put("mode", mode);
        m.put("count", count);
        m.put("clients", clients);
        m.put("batch", batch > 0 ? batch : null);
        m.put("unit", unit);
        m.put("repeats", samples.size());
        m.put("ops_per_s", throughput().toJson());
        double[] net = samples.stream().mapToDouble(Sample::netOpsPerSecond).toArray();
        boolean netKnown = baselineNs >= 0 && java.util.Arrays.stream(net).noneMatch(Double::isNaN);
        m.put("ops_per_s_net", netKnown ? Stats.of(net).toJson() : null);
        Histogram h = latency();
        m.put("latency_ns", h == null ? null : Hist.percentiles(h));
        m.put("cpu_user_ns_per_op", perOp(Sample::cpuUserNs));
        m.put("cpu_sys_ns_per_op", perOp(Sample::cpuSysNs));
        m.put("alloc_bytes_per_op", perOp(Sample::allocBytes));
        m.put("exec_baseline_ns", baselineNs < 0 ? null : baselineNs);
        m.put("jvm_flags", jvmFlags);
        m.put("syscalls_per_op", syscallsPerOp);
        m.put("events", events());
        m.put("dump_intr", dumpIntr());
        List<Object> s = new ArrayList<>();
        for (Sample x : samples) s.add(x.toJson());
        m.put("samples", s);
        return m;
    }

    /** For an events workload: each count's median over the repeats, and events delivered per second; else null. */
    Map<String, Object> events() {
        if (samples.isEmpty() || samples.stream().anyMatch(x -> x.events() == null || !x.events().containsKey("expected"))) return null;
        Map<String, Object> m = new java.util.TreeMap<>();
        for (String k : samples.get(0).events().keySet()) {
            m.put(k, Stats.of(samples.stream().mapToDouble(x -> x.events().getOrDefault(k, 0L)).toArray()).median());
        }
        m.put("delivered_per_s", Stats.of(samples.stream()
                .mapToDouble(x -> x.events().getOrDefault("delivered", 0L) / (Math.max(1, x.events().getOrDefault("span_ns", x.elapsedNs())) / 1e9))
                .toArray()).median());
        return m;
    }

    /** A cell of a result file whose settings named no batch. */
    /**
     * For dump-churn where the column could count them (netlink4j, the mnl program): each count's median over the
     * repeats (dumps, attempts, interrupted, failed, the churn's changes), {@code rate} (interrupted attempts over
     * all attempts) and {@code retries} (attempts beyond one per dump), each the median of the repeats' own; else null.
     */
    Map<String, Object> dumpIntr() {
        if (samples.isEmpty() || samples.stream().anyMatch(x -> x.events() == null || !x.events().containsKey("interrupted"))) return null;
        Map<String, Object> m = new java.util.TreeMap<>();
        for (String k : samples.get(0).events().keySet()) {
            m.put(k, Stats.of(samples.stream().mapToDouble(x -> x.events().getOrDefault(k, 0L)).toArray()).median());
        }
        m.put("rate", Stats.of(samples.stream().mapToDouble(x -> x.events().get("interrupted") / (double) Math.max(1, x.events().getOrDefault("attempts", 0L)))
                .toArray()).median());
        m.put("retries", Stats.of(samples.stream().mapToDouble(x -> x.events().getOrDefault("attempts", 0L) - x.events().getOrDefault("dumps", 0L)).toArray())
                .median());
        return m;
    }

    static Cell fromJson(Map<?, ?> m) {
        return fromJson(m, 0);
    }

    /**
     * A cell of a result file. {@code settingsBatch} is the file's {@code settings.batch} (0 when null): files
     * written before cells recorded their batch had only that, and it applied to their netlink4j cells.
     */
    static Cell fromJson(Map<?, ?> m, int settingsBatch) {
        Object b = m.get("exec_baseline_ns");
        long baseline = b == null ? -1 : ((Number) b).longValue();
        List<Sample> samples = new ArrayList<>();
        for (Object o : (List<?>) m.get("samples")) samples.add(Sample.fromJson((Map<?, ?>) o, baseline));
        List<String> flags = m.get("jvm_flags") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : null;
        return new Cell((String) m.get("workload"), (String) m.get("column"), (String) m.get("mode"), ((Number) m.get("count")).intValue(),
                ((Number) m.get("clients")).intValue(), (String) m.get("unit"), baseline, samples, flags,
                m.get("syscalls_per_op") instanceof Number x ? x.doubleValue() : null, batch(m, settingsBatch));
    }

    private static int batch(Map<?, ?> m, int settingsBatch) {
        if (m.containsKey("batch")) return m.get("batch") instanceof Number b ? b.intValue() : 0;
        return Bench.OURS.equals(m.get("column")) ? settingsBatch : 0;
    }

    /** The CSV header and {@link #csvRow}: one line per cell, the figures a spreadsheet wants. */
    static final String CSV_HEADER = "workload,column,mode,count,clients,batch,unit,repeats,ops_per_s_median,ops_per_s_min,ops_per_s_max,ops_per_s_mad,"
            + "p50_ns,p90_ns,p99_ns,p99_9_ns,max_ns,cpu_user_ns_per_op,cpu_sys_ns_per_op,alloc_bytes_per_op,exec_baseline_ns";

    String csvRow() {
        Stats t = throughput();
        Histogram h = latency();
        List<Object> v = new ArrayList<>(List.of(workload, column, mode, count, clients, batch > 0 ? batch : "", unit, samples.size(), t.median(), t.min(), t.max(), t.mad()));
        if (h == null) v.addAll(java.util.Arrays.asList("", "", "", "", ""));
        else v.addAll(List.of(h.getValueAtPercentile(50), h.getValueAtPercentile(90), h.getValueAtPercentile(99), h.getValueAtPercentile(99.9), h.getMaxValue()));
        v.add(orEmpty(perOp(Sample::cpuUserNs)));
        v.add(orEmpty(perOp(Sample::cpuSysNs)));
        v.add(orEmpty(perOp(Sample::allocBytes)));
        v.add(baselineNs < 0 ? "" : baselineNs);
        return String.join(",", v.stream().map(String::valueOf).toList());
    }

    private static Object orEmpty(Double d) {
        return d == null ? "" : d;
    }
}
