package io.github.netlink4j.bench.nlbench.workload;

import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.bench.Batches;
import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.route.RouteSpec;
import io.github.netlink4j.route.RouteSelector;
import io.github.netlink4j.route.RouteTable;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Routes in bulk: N host routes added one by one, the family's route table dumped once, the N routes
 * deleted one by one. IPv4 routes are 198.18.x.y/32; past 198.18.0.0/15's 131,070 addresses they go
 * on in the next table (100, 101, …), so that 1,000,000 routes stay inside the benchmark range.
 */
record Routes(boolean v6, boolean stream) implements Workload {
    @Override public String name() { return (v6 ? "routes6" : "routes") + (stream ? "-stream" : ""); }
    @Override public String measures() {
        return "add N " + (v6 ? "IPv6 /128" : "IPv4 /32") + " routes one by one, dump them once " + (stream ? "through forEach (views, no records)" : "as records (list)")
                + ", delete them one by one (latency: each add and delete); with --batch B, B routes per addAll/deleteAll call"
                + " (pipelined, nothing asked back; latency: each call)";
    }

    /** Routes are added and deleted in bulk with {@code addAll}/{@code deleteAll}. */
    @Override
    public boolean bulk() {
        return true;
    }
    @Override public String setsUp() { return "dummy0, up"; }
    @Override public String unit() { return "routes"; }
    @Override public int defaultCount() { return 1000; }

    private RouteSpec spec(int i) {
        String dst = v6 ? Ranges.v6(i).getHostAddress() + "/128" : Ranges.v4(i).getHostAddress() + "/32";
        return RouteSpec.to(dst).withLink("dummy0").withTable(table(i));
    }

    private RouteTable table(int i) {
        return RouteTable.of(v6 ? 100 : 100 + i / (Ranges.V4_SPAN - 2));
    }

    @Override
    public void prepare(NetlinkClient nl, Setup s) throws Exception {
        nl.links().add(LinkSpec.of("dummy0", s.kind()));
        nl.links().setUp("dummy0");
    }

    @Override
    public boolean run(NetlinkClient nl, Setup s, Histogram latency) throws Exception {
        List<RouteSpec> specs = new ArrayList<>(s.batch() > 0 ? s.count() : 0);
        if (s.batch() > 0) {
            for (int i = 0; i < s.count(); i++) specs.add(spec(i));
            bulk(specs, s.batch(), latency, nl.routes()::addAll);
        } else {
            for (int i = 0; i < s.count(); i++) {
                long t = System.nanoTime();
                nl.routes().add(spec(i));
                latency.recordValue(System.nanoTime() - t);
            }
        }
        int listed;
        if (stream) {
            int[] n = {0};
            nl.routes().forEach(v6 ? AddressFamily.INET6 : AddressFamily.INET, RouteSelector.empty(), v -> n[0]++);
            listed = n[0];
        } else {
            listed = nl.routes().list(v6 ? AddressFamily.INET6 : AddressFamily.INET).size();
        }
        if (listed < s.count()) throw new IllegalStateException("dumped " + listed + " routes, added " + s.count());
        if (s.batch() > 0) {
            bulk(specs, s.batch(), latency, nl.routes()::deleteAll);
        } else {
            for (int i = 0; i < s.count(); i++) {
                long t = System.nanoTime();
                nl.routes().delete(spec(i));
                latency.recordValue(System.nanoTime() - t);
            }
        }
        return true;
    }

    /** {@code specs} through {@code call} {@code batch} at a time, each call timed; any route refused fails the run. */
    private static void bulk(List<RouteSpec> specs, int batch, Histogram latency, Batches.Bulk<RouteSpec> call) throws Exception {
        for (int from = 0; from < specs.size(); from += batch) {
            long t = System.nanoTime();
            call.call(specs.subList(from, Math.min(specs.size(), from + batch))).orThrow();
            latency.recordValue(System.nanoTime() - t);
        }
    }

    @Override
    public Optional<List<List<String>>> ipOps(Setup s) {
        List<List<String>> ops = new ArrayList<>(2 * s.count() + 1);
        // No -4/-6: batch lines take no options; the addresses say the family, and "root" limits the dump to it.
        for (int i = 0; i < s.count(); i++) ops.add(List.of("-n", s.ns(), "route", "add", spec(i).destinationText(), "dev", "dummy0", "table", String.valueOf(table(i).value())));
        ops.add(List.of("-n", s.ns(), "route", "show", "table", "all", "root", v6 ? "::/0" : "0.0.0.0/0"));
        for (int i = 0; i < s.count(); i++) ops.add(List.of("-n", s.ns(), "route", "del", spec(i).destinationText(), "dev", "dummy0", "table", String.valueOf(table(i).value())));
        return Optional.of(ops);
    }
}
