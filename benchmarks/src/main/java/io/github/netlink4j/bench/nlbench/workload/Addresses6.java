package io.github.netlink4j.bench.nlbench.workload;

import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.address.AddressFlag;
import io.github.netlink4j.address.AddressSpec;
import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.link.LinkSpec;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** IPv6 addresses in bulk: N fd00:200::/128 addresses (nodad, so no DAD timer runs) added, dumped, deleted. */
record Addresses6() implements Workload {
    @Override public String name() { return "addr6"; }
    @Override public String measures() { return "add N IPv6 /128 addresses (nodad) one by one, dump them once, delete them one by one (latency: each add and delete)"; }
    @Override public String setsUp() { return "dummy0, up"; }
    @Override public String unit() { return "addresses"; }
    @Override public int defaultCount() { return 500; }

    private static AddressSpec spec(int i) {
        return AddressSpec.of("dummy0", Ranges.v6(i), 128).withFlag(AddressFlag.NODAD);
    }

    @Override
    public void prepare(NetlinkClient nl, Setup s) throws Exception {
        nl.links().add(LinkSpec.of("dummy0", s.kind()));
        nl.links().setUp("dummy0");
    }

    @Override
    public boolean run(NetlinkClient nl, Setup s, Histogram latency) throws Exception {
        for (int i = 0; i < s.count(); i++) {
            long t = System.nanoTime();
            nl.addresses().add(spec(i));
            latency.recordValue(System.nanoTime() - t);
        }
        int listed = nl.addresses().list(AddressFamily.INET6).size();
        if (listed < s.count()) throw new IllegalStateException("dumped " + listed + " addresses, added " + s.count());
        for (int i = 0; i < s.count(); i++) {
            long t = System.nanoTime();
            nl.addresses().delete(spec(i));
            latency.recordValue(System.nanoTime() - t);
        }
        return true;
    }

    @Override
    public Optional<List<List<String>>> ipOps(Setup s) {
        List<List<String>> ops = new ArrayList<>(2 * s.count() + 1);
        for (int i = 0; i < s.count(); i++) ops.add(List.of("-n", s.ns(), "addr", "add", Ranges.v6(i).getHostAddress() + "/128", "dev", "dummy0", "nodad"));
        ops.add(List.of("-n", s.ns(), "addr", "show")); // batch lines take no -6
        for (int i = 0; i < s.count(); i++) ops.add(List.of("-n", s.ns(), "addr", "del", Ranges.v6(i).getHostAddress() + "/128", "dev", "dummy0"));
        return Optional.of(ops);
    }
}
