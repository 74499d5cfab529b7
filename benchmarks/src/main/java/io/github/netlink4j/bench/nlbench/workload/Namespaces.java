package io.github.netlink4j.bench.nlbench.workload;

import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.NetlinkClient;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Namespaces at scale: N named namespaces, each created and deleted (one operation). Named after the
 * measurement's own namespace (NS-n&lt;i&gt;) so that cleanup and the stale sweep find them. The clock
 * stops when the names are gone; the kernel tears the namespaces down after it (the runner waits for
 * that between columns).
 */
record Namespaces() implements Workload {
    @Override public String name() { return "netns"; }
    @Override public String measures() { return "create and delete N named namespaces, one after the other (latency: each create+delete)"; }
    @Override public String setsUp() { return "nothing"; }
    @Override public String unit() { return "namespaces"; }
    @Override public int defaultCount() { return 20; }

    @Override
    public void prepare(NetlinkClient nl, Setup s) {}

    @Override
    public boolean run(NetlinkClient nl, Setup s, Histogram latency) throws Exception {
        for (int i = 0; i < s.count(); i++) {
            String name = s.ns() + "-n" + i;
            long t = System.nanoTime();
            NetNamespace.create(name).close();
            NetNamespace.delete(name);
            latency.recordValue(System.nanoTime() - t);
        }
        return true;
    }

    @Override
    public Optional<List<List<String>>> ipOps(Setup s) {
        List<List<String>> ops = new ArrayList<>(2 * s.count());
        for (int i = 0; i < s.count(); i++) {
            ops.add(List.of("netns", "add", s.ns() + "-n" + i));
            ops.add(List.of("netns", "del", s.ns() + "-n" + i));
        }
        return Optional.of(ops);
    }
}
