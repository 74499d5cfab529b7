package io.github.netlink4j.bench.nlbench.workload;

import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.bench.LegacyWorkloads;
import org.HdrHistogram.Histogram;

import java.util.List;
import java.util.Optional;

/**
 * w3 through the streaming dumps: N rounds of every address and every link, each handed to a callback as a
 * view that reads the index and nothing else, so a round makes no record. Beside w3 (the same dumps as
 * records) it shows what the decoding of records costs, and against the mnl column (which validates each
 * attribute and decodes nothing) how far the views are from the kernel's own cost.
 */
record DumpRounds() implements Workload {
    /** Objects a round must see, as a peer's w3 round must. */
    static final int OBJECTS = io.github.netlink4j.bench.nlbench.peer.PeerOutput.W3_OBJECTS;

    @Override public String name() { return "w3-stream"; }
    @Override public String measures() { return "N rounds of address dump + link dump through forEach (views, no records)"; }
    @Override public String setsUp() { return "1,000 links, 5,000 addresses (as w3)"; }
    @Override public String unit() { return "rounds"; }
    @Override public int defaultCount() { return 20; }

    @Override
    public void prepare(NetlinkClient nl, Setup s) throws Exception {
        LegacyWorkloads.prepare("w3", nl, s.count(), s.kind());
    }

    @Override
    public boolean run(NetlinkClient nl, Setup s, Histogram latency) throws Exception {
        int[] seen = {0};
        for (int r = 0; r < s.count(); r++) {
            seen[0] = 0;
            nl.addresses().forEach(v -> seen[0] += v.index() > 0 ? 1 : 0);
            nl.links().forEach(v -> seen[0] += v.index() > 0 ? 1 : 0);
            if (seen[0] < OBJECTS) throw new IllegalStateException("round " + r + " saw " + seen[0] + " objects, w3 prepares " + OBJECTS);
        }
        return false;
    }

    @Override
    public Optional<List<List<String>>> ipOps(Setup s) {
        return Optional.of(LegacyWorkloads.ipOps("w3", s.ns(), s.count(), s.kind()));
    }
}
