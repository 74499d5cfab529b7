package io.github.netlink4j.bench.nlbench;

import org.HdrHistogram.Histogram;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One repeat of one cell: the wall time the clock covered, the operations done in it, the CPU and
 * allocation over the same window, and the per-operation latencies when they were timed one by one.
 * For process columns, {@code netNs} is {@code elapsedNs} less the exec-only baseline once per process,
 * or -1 when the baseline (measured apart, on a loaded machine as noisy as anything) is larger than the
 * time itself; for the JVM columns it equals {@code elapsedNs}.
 *
 * @param allocBytes -1 where not measured (process columns)
 * @param latency    null when operations were not timed one by one
 * @param events     what the workload counted in the repeat: an events workload's deliveries and resyncs, dump-churn's
 *                   dumps, attempts and interruptions (and its churn's changes); null for the others
 */
record Sample(long elapsedNs, long netNs, long ops, long cpuUserNs, long cpuSysNs, long allocBytes, long baselineNs, Histogram latency,
              Map<String, Long> events) {

    /** A sample of a workload that counts no events. */
    Sample(long elapsedNs, long netNs, long ops, long cpuUserNs, long cpuSysNs, long allocBytes, long baselineNs, Histogram latency) {
        this(elapsedNs, netNs, ops, cpuUserNs, cpuSysNs, allocBytes, baselineNs, latency, null);
    }

    Sample {
        events = events == null ? null : Map.copyOf(events);
    }

    /** Operations per second over the whole clock, the same start and stop points for every column. */
    double opsPerSecond() {
        return ops / (Math.max(1, elapsedNs) / 1e9);
    }

    /** Operations per second with the exec-only baseline taken out; NaN where it could not be. */
    double netOpsPerSecond() {
        return netNs <= 0 ? Double.NaN : ops / (netNs / 1e9);
    }

    /** This sample with one more count (a churn's changes beside a workload's own counts). */
    Sample withCount(String key, long value) {
        Map<String, Long> m = new java.util.TreeMap<>(events == null ? Map.of() : events);
        m.put(key, value);
        return new Sample(elapsedNs, netNs, ops, cpuUserNs, cpuSysNs, allocBytes, baselineNs, latency, m);
    }

    /** This sample plus {@code o}: the rounds of one repeat under {@code --duration}. */
    Sample plus(Sample o) {
        Histogram h = latency;
        if (o.latency != null) {
            if (h == null) h = o.latency.copy();
            else h.add(o.latency);
        }
        long alloc = allocBytes < 0 || o.allocBytes < 0 ? -1 : allocBytes + o.allocBytes;
        Map<String, Long> ev = events;
        if (o.events != null) {
            Map<String, Long> sum = new java.util.TreeMap<>(ev == null ? Map.of() : ev);
            o.events.forEach((k, v) -> sum.merge(k, v, Long::sum));
            ev = sum;
        }
        return new Sample(elapsedNs + o.elapsedNs, netNs <= 0 || o.netNs <= 0 ? -1 : netNs + o.netNs, ops + o.ops, cpuUserNs + o.cpuUserNs, cpuSysNs + o.cpuSysNs,
                alloc, baselineNs, h, ev);
    }

    static Histogram histogram() {
        return new Histogram(3_600_000_000_000L, 3); // 1 ns to 1 hour at 0.1%
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("elapsed_ns", elapsedNs);
        m.put("net_ns", netNs);
        m.put("ops", ops);
        m.put("cpu_user_ns", cpuUserNs);
        m.put("cpu_sys_ns", cpuSysNs);
        m.put("alloc_bytes", allocBytes < 0 ? null : allocBytes);
        m.put("latency_hist", latency == null ? null : Hist.encode(latency));
        m.put("events", events == null ? null : new java.util.TreeMap<>(events));
        return m;
    }

    static Sample fromJson(Map<?, ?> m, long baselineNs) {
        Object alloc = m.get("alloc_bytes");
        Object hist = m.get("latency_hist");
        return new Sample(num(m, "elapsed_ns"), num(m, "net_ns"), num(m, "ops"), num(m, "cpu_user_ns"), num(m, "cpu_sys_ns"),
                alloc == null ? -1 : ((Number) alloc).longValue(), baselineNs, hist == null ? null : Hist.decode((String) hist), events(m.get("events")));
    }

    private static Map<String, Long> events(Object o) {
        if (!(o instanceof Map<?, ?> m)) return null;
        Map<String, Long> out = new java.util.TreeMap<>();
        m.forEach((k, v) -> out.put((String) k, ((Number) v).longValue()));
        return out;
    }

    private static long num(Map<?, ?> m, String k) {
        Object v = m.get(k);
        if (!(v instanceof Number n)) throw new IllegalArgumentException("sample has no number " + k + ": " + m);
        return n.longValue();
    }
}
