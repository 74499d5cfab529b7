package io.github.netlink4j.bench.nlbench.workload;

import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.address.AddressSpec;
import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.error.DumpInterruptedException;
import io.github.netlink4j.link.LinkSpec;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Dumps under churn: N dumps of the IPv4 addresses (1,000 of them, so that a dump spans several datagrams)
 * while another client in the same namespace adds and deletes addresses ({@link Churner}, running for every
 * column alike). The kernel flags a dump NLM_F_DUMP_INTR when the table changed between two of its datagrams;
 * netlink4j then reads it again from the start ({@code RequestSocket}'s retry). Counted per repeat: the
 * dumps asked for, the attempts the kernel flagged ({@link NetlinkClient#dumpInterruptions()}), the dumps
 * given up after the retry budget, and (by nlbench) the churn's changes in the same time.
 */
final class DumpChurn implements Workload {
    /** The addresses prepared: about three datagrams of a dump. */
    static final int ADDRESSES = io.github.netlink4j.bench.nlbench.peer.PeerOutput.DUMP_CHURN_OBJECTS;

    private volatile Map<String, Long> last;

    @Override public String name() { return "dump-churn"; }
    @Override public String measures() {
        return "N dumps of the IPv4 addresses while another client adds and deletes addresses in the same namespace (latency: each dump, its retries included; "
                + "counts: attempts the kernel flagged NLM_F_DUMP_INTR, retries, dumps given up, the churn's changes)";
    }
    @Override public String setsUp() { return "dummy0 up with 1,000 IPv4 /32 addresses; during each column, a second client churning 200 more"; }
    @Override public String unit() { return "dumps"; }
    @Override public int defaultCount() { return 200; }

    @Override
    public void prepare(NetlinkClient nl, Setup s) throws Exception {
        nl.links().add(LinkSpec.of("dummy0", s.kind()));
        nl.links().setUp("dummy0");
        List<AddressSpec> specs = new ArrayList<>(ADDRESSES);
        for (int i = 0; i < ADDRESSES; i++) specs.add(AddressSpec.of("dummy0", Ranges.v4(i), 32));
        nl.addresses().addAll(specs).orThrow();
    }

    @Override
    public Churner churn(Setup s) throws Exception {
        return Churner.start(s.ns(), ADDRESSES);
    }

    @Override
    public boolean run(NetlinkClient nl, Setup s, Histogram latency) throws Exception {
        long before = nl.dumpInterruptions();
        long failed = 0;
        for (int i = 0; i < s.count(); i++) {
            long t = System.nanoTime();
            try {
                int seen = nl.addresses().list(AddressFamily.INET).size();
                if (seen < ADDRESSES) throw new IllegalStateException("dump " + i + " saw " + seen + " addresses, " + ADDRESSES + " are there");
            } catch (DumpInterruptedException e) {
                failed++; // interrupted on every attempt: counted, not fatal; the rate says how often
            }
            latency.recordValue(System.nanoTime() - t);
        }
        Map<String, Long> m = new TreeMap<>();
        m.put("dumps", (long) s.count());
        m.put("interrupted", nl.dumpInterruptions() - before);
        m.put("failed", failed);
        // every dump sent: one per dump asked for, one more per interrupted attempt, none after the last of one given up
        m.put("attempts", s.count() - failed + m.get("interrupted"));
        last = m;
        return true;
    }

    @Override
    public Optional<Map<String, Long>> events() {
        return Optional.ofNullable(last);
    }

    @Override
    public Optional<List<List<String>>> ipOps(Setup s) {
        // ip addr show dumps the links, then the addresses; it retries an interrupted dump inside, unseen
        List<List<String>> ops = new ArrayList<>(s.count());
        for (int i = 0; i < s.count(); i++) ops.add(List.of("-n", s.ns(), "addr", "show", "dev", "dummy0"));
        return Optional.of(ops);
    }
}
