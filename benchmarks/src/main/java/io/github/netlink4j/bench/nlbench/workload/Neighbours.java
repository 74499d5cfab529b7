package io.github.netlink4j.bench.nlbench.workload;

import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.address.AddressSpec;
import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.common.MacAddress;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.neighbour.NeighbourSpec;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Neighbours in bulk: N permanent IPv4 entries added one by one on a veth end (a dummy does no ARP),
 * the neighbour table dumped once, the entries deleted one by one.
 */
record Neighbours() implements Workload {
    @Override public String name() { return "neigh"; }
    @Override public String measures() { return "add N permanent IPv4 neighbours one by one, dump them once, delete them one by one (latency: each add and delete)"; }
    @Override public String setsUp() { return "veth dummy0/dummy0p up, 198.18.0.0/15 on dummy0"; }
    @Override public String unit() { return "neighbours"; }
    @Override public int defaultCount() { return 500; }

    @Override
    public void prepare(NetlinkClient nl, Setup s) throws Exception {
        nl.links().add(LinkSpec.veth("dummy0", "dummy0p"));
        nl.addresses().add(AddressSpec.of("dummy0", "198.18.0.1/15"));
        nl.links().setUp("dummy0");
        nl.links().setUp("dummy0p");
    }

    @Override
    public boolean run(NetlinkClient nl, Setup s, Histogram latency) throws Exception {
        for (int i = 0; i < s.count(); i++) {
            long t = System.nanoTime();
            nl.neighbours().add(NeighbourSpec.of("dummy0", Ranges.v4(i + 1), MacAddress.of(Ranges.mac(i))));
            latency.recordValue(System.nanoTime() - t);
        }
        int listed = nl.neighbours().list(AddressFamily.INET).size();
        if (listed < s.count()) throw new IllegalStateException("dumped " + listed + " neighbours, added " + s.count());
        for (int i = 0; i < s.count(); i++) {
            long t = System.nanoTime();
            nl.neighbours().delete(NeighbourSpec.of("dummy0", Ranges.v4(i + 1)));
            latency.recordValue(System.nanoTime() - t);
        }
        return true;
    }

    @Override
    public Optional<List<List<String>>> ipOps(Setup s) {
        List<List<String>> ops = new ArrayList<>(2 * s.count() + 1);
        for (int i = 0; i < s.count(); i++) {
            ops.add(List.of("-n", s.ns(), "neigh", "add", Ranges.v4(i + 1).getHostAddress(), "lladdr", Ranges.mac(i), "dev", "dummy0", "nud", "permanent"));
        }
        ops.add(List.of("-n", s.ns(), "neigh", "show"));
        for (int i = 0; i < s.count(); i++) ops.add(List.of("-n", s.ns(), "neigh", "del", Ranges.v4(i + 1).getHostAddress(), "dev", "dummy0"));
        return Optional.of(ops);
    }
}
