package io.github.netlink4j.bench.nlbench;

import io.github.netlink4j.bench.LegacyWorkloads;
import io.github.netlink4j.bench.nlbench.peer.PeerOutput;
import io.github.netlink4j.bench.nlbench.peer.PeerRun;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The process columns: iproute2 and the peer programs. Their clocks start and stop where ours do
 * (around the work, after the preparation); the exec-only baseline, one empty {@code ip -n NS -batch}
 * per process (a peer program's {@code noop} run for the peer programs), is reported and taken out of
 * {@code net_ns}, so that {@code ops_per_s_net} compares the netlink work rather than exec. CPU is that
 * of the reaped children (cutime and cstime).
 */
final class Peers {
    private Peers() {}

    /** One ip (or tc) process per operation, each timed: what a shell script pays. */
    static Sample perOp(List<List<String>> ops, int n, long baseline) throws Exception {
        Histogram h = Sample.histogram();
        Probe a = Probe.now();
        for (List<String> op : ops) {
            List<String> cmd = new ArrayList<>();
            if (!op.get(0).equals("tc")) cmd.add("ip");
            cmd.addAll(op);
            long t = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            Guard.track(p);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(cmd + " took over 60 s");
            }
            if (p.exitValue() != 0) throw new IllegalStateException(cmd + " failed with status " + p.exitValue());
            h.recordValue(System.nanoTime() - t);
        }
        Probe b = Probe.now();
        long elapsed = b.nanos() - a.nanos();
        return sample(a, b, elapsed, n, baseline, ops.size(), h);
    }

    /** The whole workload as one {@code ip -batch} (tc -batch for w9). */
    static Sample batch(List<List<String>> ops, String ns, int n, long baseline) throws Exception {
        Probe a = Probe.now();
        long elapsed = LegacyWorkloads.ipBatch(ops, ns, Guard::track);
        Probe b = Probe.now();
        return sample(a, b, elapsed, n, baseline, 1, null);
    }

    /**
     * One run of a peer program (benchmarks/peers/README.md), clocked from outside as the ip columns are;
     * the latencies are the program's own samples, and a run whose dump came back short fails.
     */
    static Sample program(List<String> program, String workload, io.github.netlink4j.bench.nlbench.workload.Workload.Setup setup, long baseline)
            throws Exception {
        Probe a = Probe.now();
        PeerRun r = PeerRun.run(program, workload, setup.ns(), setup.count(), setup.kind(), Guard::track);
        Probe b = Probe.now();
        PeerOutput out = r.output().checked(workload, setup.count());
        Histogram h = Sample.histogram();
        for (long x : out.samples()) h.recordValue(Math.min(Math.max(0, x), h.getHighestTrackableValue()));
        Sample x = sample(a, b, r.wallNs(), setup.count(), baseline, 1, out.samples().length == 0 ? null : h);
        if (out.dumpIntr() < 0) return x;
        // dump-churn: the program counted its dump attempts and those the kernel flagged, as the netlink4j column does
        return x.withCount("dumps", setup.count()).withCount("attempts", out.dumpAttempts()).withCount("interrupted", out.dumpIntr())
                .withCount("failed", out.dumpFailed());
    }

    private static Sample sample(Probe a, Probe b, long elapsed, int n, long baseline, int processes, Histogram h) {
        long net = elapsed - Math.max(0, baseline) * processes;
        return new Sample(elapsed, net, n, (b.childUserTicks() - a.childUserTicks()) * Probe.NS_PER_TICK,
                (b.childSysTicks() - a.childSysTicks()) * Probe.NS_PER_TICK, -1, baseline, h);
    }
}
