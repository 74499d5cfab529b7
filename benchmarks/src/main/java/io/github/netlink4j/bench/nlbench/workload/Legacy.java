package io.github.netlink4j.bench.nlbench.workload;

import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.bench.LegacyWorkloads;
import org.HdrHistogram.Histogram;

import java.util.List;
import java.util.Optional;

/**
 * The runner's workloads w1–w9, wrapped: the runner's own preparation and measured code. The scenario
 * workloads (w4, w5, w8) time each scenario, so they report latency; the others time only the whole.
 */
record Legacy(String name, String measures, String setsUp, String unit, int defaultCount) implements Workload {

    static List<Workload> all() {
        return List.of(
                new Legacy("w1", "create N links one by one", "nothing", "links", 200),
                new Legacy("w1d", "delete N links one by one", "N links", "links", 200),
                new Legacy("w2", "add N IPv4 /32 addresses to dummy0", "dummy0, up", "addresses", 2000),
                new Legacy("w3", "N rounds of address dump + link dump", "1,000 links, 5,000 addresses", "rounds", 20),
                new Legacy("w4", "N seed scenarios: veth moved into a new namespace, addresses, up; namespace deleted",
                        "nothing (each scenario makes NS-x<i>)", "scenarios", 20),
                new Legacy("w5", "w4's end state with the peer created inside", "nothing (each scenario makes NS-x<i>)", "scenarios", 20),
                new Legacy("w6", "add N policy rules, list them, delete them by priority", "nothing", "rules", 1000),
                new Legacy("w7", "add N nexthop objects, list them, delete them by id", "veth dummy0/dummy0p up, 198.18.0.1/15", "nexthops", 1000),
                new Legacy("w8", "w5's end state as one Topology per scenario, applied and closed", "nothing", "scenarios", 20),
                new Legacy("w9", "add N htb classes with a u32 filter each, list them, delete them (ip columns run tc)", "dummy0 with htb qdisc 1:", "classes", 1000));
    }

    @Override
    public void prepare(NetlinkClient nl, Setup s) throws Exception {
        LegacyWorkloads.prepare(name, nl, s.count(), s.kind());
    }

    @Override
    public boolean run(NetlinkClient nl, Setup s, Histogram latency) throws Exception {
        String out = LegacyWorkloads.run(name, nl, s.ns(), s.count(), s.kind(), s.batch());
        for (String line : out.split("\n")) {
            if (!line.startsWith("samples_ns=")) continue;
            for (String v : line.substring(11).trim().split(",")) {
                if (!v.isEmpty()) latency.recordValue(Math.min(Long.parseLong(v), latency.getHighestTrackableValue()));
            }
            return true;
        }
        return false;
    }

    /** The runner's workloads with a pipelined form: links, addresses, rules and classes added (or deleted) in bulk. */
    @Override
    public boolean bulk() {
        return List.of("w1", "w1d", "w2", "w6", "w9").contains(name);
    }

    @Override
    public Optional<List<List<String>>> ipOps(Setup s) {
        return Optional.of(LegacyWorkloads.ipOps(name, s.ns(), s.count(), s.kind()));
    }
}
