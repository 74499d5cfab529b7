package io.github.netlink4j.bench;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.address.AddressSpec;
import io.github.netlink4j.common.BulkResult;
import io.github.netlink4j.link.Link;
import io.github.netlink4j.link.LinkOptions;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.tc.ClassOptions;
import io.github.netlink4j.tc.Rate;
import io.github.netlink4j.tc.TcHandle;
import io.github.netlink4j.tc.TrafficClassSpec;
import io.github.netlink4j.tc.filter.FilterOptions;
import io.github.netlink4j.tc.filter.FilterProtocol;
import io.github.netlink4j.tc.filter.FilterSpec;
import io.github.netlink4j.tc.filter.U32Handle;
import io.github.netlink4j.tc.filter.U32Key;
import io.github.netlink4j.tc.filter.U32Selector;
import io.github.netlink4j.common.IpPrefix;
import io.github.netlink4j.route.NexthopObjectSpec;
import io.github.netlink4j.topology.AppliedTopology;
import io.github.netlink4j.topology.Topology;
import io.github.netlink4j.route.RouteTable;
import io.github.netlink4j.route.RuleSpec;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The throughput program: {@code Throughput WORKLOAD --netns NAME --count N --kind KIND [--pipelined]
 * [--release-each] [--verify]}. {@code --verify} makes each w4/w5 scenario check the end state it
 * built (both ends up, both addresses, lo up inside) before it is torn down: for tests, not for timing.
 *
 * <p>Works only inside the caller's namespace NAME (and, for w4/w5, namespaces it makes itself,
 * NAME-x&lt;i&gt;). Prints {@code elapsed_ns=<int>} (plus {@code objects=} for w3 and {@code samples_ns=}
 * and {@code settled_ns=} for w4/w5, see {@link #awaitTeardown}) and exits non-zero if any operation failed. Only the counted operations are timed: JVM
 * start, opening the socket and one-time lookups are outside the clock; JIT warm-up is inside it.
 */
public final class Throughput {
    private Throughput() {}

    public static void main(String[] args) {
        try {
            System.exit(run(args));
        } catch (Exception e) {
            System.err.println("throughput: " + e);
            System.exit(1);
        }
    }

    static int run(String[] args) throws Exception {
        String usage = "usage: Throughput w1|w1d|w2|w3|w4|w5|w6|w7|w8|w9 --netns NAME --count N --kind KIND [--pipelined] [--release-each] [--verify]";
        if (args.length < 1) throw new IllegalArgumentException(usage);
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(usage);
            return 0;
        }
        // The workload is the one word that is not an option, wherever it stands: a harness may put
        // options of its own (--pipelined) before it.
        String workload = null;
        String netns = null, kind = "dummy";
        int count = -1;
        boolean pipelined = false, releaseEach = false;
        verify = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--netns" -> netns = args[++i];
                case "--count" -> count = Integer.parseInt(args[++i]);
                case "--kind" -> kind = args[++i];
                case "--pipelined" -> pipelined = true;
                case "--release-each" -> releaseEach = true;
                case "--verify" -> verify = true;
                default -> {
                    if (args[i].startsWith("--") || workload != null) throw new IllegalArgumentException("unknown option " + args[i]);
                    workload = args[i];
                }
            }
        }
        if (workload == null) throw new IllegalArgumentException("no workload (w1|w1d|w2|w3|w4|w5|w6|w7|w8|w9)");
        if (netns == null || count < 0) throw new IllegalArgumentException("--netns and --count are required");
        try (NetNamespace ns = NetNamespace.open(netns); NetlinkClient nl = NetlinkClient.open(ns)) {
            return switch (workload) {
                case "w1" -> w1(nl, count, kind, pipelined);
                case "w1d" -> w1d(nl, count, pipelined);
                case "w2" -> w2(nl, count, pipelined);
                case "w3" -> w3(nl, count);
                case "w4" -> w4(nl, netns, count, releaseEach);
                case "w5" -> w5(nl, netns, count, releaseEach);
                case "w6" -> w6(nl, count, pipelined);
                case "w7" -> w7(nl, count);
                case "w8" -> w8(nl, netns, count);
                case "w9" -> w9(nl, count, pipelined);
                default -> throw new IllegalArgumentException("unknown workload " + workload);
            };
        }
    }

    private static int report(long elapsed, BulkResult<?> r) {
        System.out.println("elapsed_ns=" + elapsed);
        if (r != null && !r.allSucceeded()) {
            System.err.println("failed: " + r.failures().size() + " operations, first: " + r.failures().values().iterator().next().getMessage());
            return 1;
        }
        return 0;
    }

    static int w1(NetlinkClient nl, int n, String kind, boolean pipelined) throws Exception {
        return w1(nl, n, kind, pipelined ? Math.max(1, n) : 0);
    }

    /** The same with {@code batch} operations per bulk call ({@code nlbench run --batch}), or one call per operation when 0. */
    static int w1(NetlinkClient nl, int n, String kind, int batch) throws Exception {
        List<LinkSpec> specs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) specs.add(LinkSpec.of("dummy" + i, kind));
        long t0 = System.nanoTime();
        if (batch > 0) {
            BulkResult<Void> r = Batches.run(specs, batch, nl.links()::addAll);
            return report(System.nanoTime() - t0, r);
        }
        for (LinkSpec s : specs) nl.links().add(s);
        return report(System.nanoTime() - t0, null);
    }

    static int w1d(NetlinkClient nl, int n, boolean pipelined) throws Exception {
        return w1d(nl, n, pipelined ? Math.max(1, n) : 0);
    }

    /** The same with {@code batch} operations per bulk call ({@code nlbench run --batch}), or one call per operation when 0. */
    static int w1d(NetlinkClient nl, int n, int batch) throws Exception {
        Map<String, Integer> byName = new HashMap<>();
        for (Link l : nl.links().list()) byName.put(l.name(), l.index());
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            Integer x = byName.get("dummy" + i);
            if (x == null) throw new IllegalStateException("dummy" + i + " does not exist");
            idx[i] = x;
        }
        long t0 = System.nanoTime();
        if (batch > 0) {
            List<String> names = new ArrayList<>(n);
            for (int i = 0; i < n; i++) names.add("dummy" + i);
            BulkResult<Void> r = Batches.run(names, batch, nl.links()::deleteAll);
            return report(System.nanoTime() - t0, r);
        }
        for (int i : idx) nl.links().delete(i);
        return report(System.nanoTime() - t0, null);
    }

    static InetAddress benchAddress(int i) throws UnknownHostException {
        int a = 0xC6120001 + i; // 198.18.0.1, 198.18.0.2, … (198.18.0.0/15 is the benchmark range)
        return InetAddress.getByAddress(new byte[]{(byte) (a >>> 24), (byte) (a >>> 16), (byte) (a >>> 8), (byte) a});
    }

    static int w2(NetlinkClient nl, int n, boolean pipelined) throws Exception {
        return w2(nl, n, pipelined ? Math.max(1, n) : 0);
    }

    /** The same with {@code batch} operations per bulk call ({@code nlbench run --batch}), or one call per operation when 0. */
    static int w2(NetlinkClient nl, int n, int batch) throws Exception {
        Link dummy0 = nl.links().get("dummy0");
        List<AddressSpec> specs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) specs.add(AddressSpec.of("dummy0", benchAddress(i), 32));
        long t0 = System.nanoTime();
        if (batch > 0) {
            BulkResult<Void> r = Batches.run(specs, batch, nl.addresses()::addAll);
            return report(System.nanoTime() - t0, r);
        }
        for (AddressSpec s : specs) nl.addresses().add(dummy0, s);
        return report(System.nanoTime() - t0, null);
    }

    /** The rule w6 adds as its {@code i}th: {@code from 198.18.x.y/32 priority 1000+i lookup 100+i%7}. */
    static RuleSpec benchRule(int i) throws UnknownHostException {
        return RuleSpec.of(AddressFamily.INET).withSource(benchAddress(i).getHostAddress() + "/32").withPriority(1000 + i)
                .withLookup(RouteTable.of(100 + i % 7));
    }

    /**
     * w6: add {@code n} rules, list the rule set once, delete the {@code n} rules by priority; the clock
     * covers all three (add_ns, list_ns and delete_ns are printed too).
     */
    static int w6(NetlinkClient nl, int n, boolean pipelined) throws Exception {
        return w6(nl, n, pipelined ? Math.max(1, n) : 0);
    }

    /** The same with {@code batch} operations per bulk call ({@code nlbench run --batch}), or one call per operation when 0. */
    static int w6(NetlinkClient nl, int n, int batch) throws Exception {
        List<RuleSpec> adds = new ArrayList<>(n), dels = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            adds.add(benchRule(i));
            dels.add(RuleSpec.of(AddressFamily.INET).withPriority(1000 + i));
        }
        long t0 = System.nanoTime();
        BulkResult<Void> r = null;
        if (batch > 0) r = Batches.run(adds, batch, nl.rules()::addAll);
        else for (RuleSpec a : adds) nl.rules().add(a);
        long t1 = System.nanoTime();
        int listed = nl.rules().list(AddressFamily.INET).size();
        long t2 = System.nanoTime();
        BulkResult<Void> d = null;
        if (batch > 0) d = Batches.run(dels, batch, nl.rules()::deleteAll);
        else for (RuleSpec x : dels) nl.rules().delete(x);
        long t3 = System.nanoTime();
        if (listed < n) throw new IllegalStateException("listed " + listed + " rules, added " + n);
        System.out.println("add_ns=" + (t1 - t0));
        System.out.println("list_ns=" + (t2 - t1));
        System.out.println("delete_ns=" + (t3 - t2));
        if (r != null && !r.allSucceeded()) return report(t3 - t0, r);
        return report(t3 - t0, d);
    }

    /** The class w9 adds as its {@code i}th: {@code classid 1:(i+1) htb rate 1mbit} under the htb qdisc {@code 1:} of dummy0. */
    static TrafficClassSpec benchClass(int i) {
        return TrafficClassSpec.of("dummy0", TcHandle.of("1:"), TcHandle.of(1, i + 1), ClassOptions.htb(Rate.of("1mbit")));
    }

    /** The most filters w9 makes: the nodes of u32's one table 800: (a node id has 12 bits). */
    static final int W9_MAX = 0xfff;

    /**
     * The u32 filter w9 adds for its {@code i}th class: {@code parent 1: protocol ip prio 1 handle 800::(i+1)
     * u32 match ip dst 198.18.x.y/32 classid 1:(i+1)}, every one a node of the one priority's table.
     */
    static FilterSpec benchFilter(int i) throws UnknownHostException {
        return FilterSpec.of("dummy0", TcHandle.of("1:"), 1, FilterProtocol.IP,
                        FilterOptions.u32(U32Selector.of(U32Key.ipDst(new IpPrefix(benchAddress(i), 32)))).withClassid(TcHandle.of(1, i + 1)))
                .withHandle(U32Handle.of(0x800, 0, i + 1).value());
    }

    /**
     * w9: add {@code n} htb classes under dummy0's htb qdisc {@code 1:} (made outside the clock) and a u32
     * filter classifying to each, list the link's classes and the qdisc's filters once, delete the filters
     * and then the classes by id (a class a filter classifies to is in use); the clock covers all of it.
     */
    static int w9(NetlinkClient nl, int n, boolean pipelined) throws Exception {
        return w9(nl, n, pipelined ? Math.max(1, n) : 0);
    }

    /** The same with {@code batch} operations per bulk call ({@code nlbench run --batch}), or one call per operation when 0. */
    static int w9(NetlinkClient nl, int n, int batch) throws Exception {
        if (n > W9_MAX) throw new IllegalArgumentException("w9 makes at most " + W9_MAX + " classes (u32 nodes of one table), not " + n);
        List<TrafficClassSpec> classes = new ArrayList<>(n);
        List<FilterSpec> filters = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            classes.add(benchClass(i));
            filters.add(benchFilter(i));
        }
        List<BulkResult<Void>> results = new ArrayList<>();
        long t0 = System.nanoTime();
        if (batch > 0) {
            results.add(Batches.run(classes, batch, nl.trafficClasses()::addAll));
            results.add(Batches.run(filters, batch, nl.filters()::addAll));
        } else {
            for (TrafficClassSpec a : classes) nl.trafficClasses().add(a);
            for (FilterSpec f : filters) nl.filters().add(f);
        }
        long t1 = System.nanoTime();
        int listed = nl.trafficClasses().list("dummy0").size();
        int filtersListed = nl.filters().list("dummy0", TcHandle.of("1:")).size();
        long t2 = System.nanoTime();
        if (batch > 0) {
            results.add(Batches.run(filters, batch, nl.filters()::deleteAll));
            results.add(Batches.run(classes, batch, nl.trafficClasses()::deleteAll));
        } else {
            for (FilterSpec f : filters) nl.filters().delete(f);
            for (TrafficClassSpec x : classes) nl.trafficClasses().delete(x);
        }
        long t3 = System.nanoTime();
        if (listed < n) throw new IllegalStateException("listed " + listed + " classes, added " + n);
        if (filtersListed < n) throw new IllegalStateException("listed " + filtersListed + " filters, added " + n);
        System.out.println("add_ns=" + (t1 - t0));
        System.out.println("list_ns=" + (t2 - t1));
        System.out.println("delete_ns=" + (t3 - t2));
        return report(t3 - t0, results.stream().filter(r -> !r.allSucceeded()).findFirst().orElse(null));
    }

    /**
     * w7: add {@code n} nexthop objects {@code id 1000+i via 198.18.x.y dev dummy0} one by one, list
     * them once, delete them by id (dummy0 up with 198.18.0.0/15 on it is prepared outside the clock).
     */
    static int w7(NetlinkClient nl, int n) throws Exception {
        List<NexthopObjectSpec> adds = new ArrayList<>(n);
        for (int i = 0; i < n; i++) adds.add(NexthopObjectSpec.via(1000 + i, benchAddress(i + 1), "dummy0"));
        long t0 = System.nanoTime();
        for (NexthopObjectSpec a : adds) nl.nexthops().add(a);
        long t1 = System.nanoTime();
        int listed = nl.nexthops().list().size();
        long t2 = System.nanoTime();
        for (int i = 0; i < n; i++) nl.nexthops().delete(1000 + i);
        long t3 = System.nanoTime();
        if (listed < n) throw new IllegalStateException("listed " + listed + " nexthops, added " + n);
        System.out.println("add_ns=" + (t1 - t0));
        System.out.println("list_ns=" + (t2 - t1));
        System.out.println("delete_ns=" + (t3 - t2));
        return report(t3 - t0, null);
    }

    static int w3(NetlinkClient nl, int rounds) throws Exception {
        long t0 = System.nanoTime();
        int objects = 0;
        for (int r = 0; r < rounds; r++) objects = nl.addresses().list().size() + nl.links().list().size();
        long elapsed = System.nanoTime() - t0;
        System.out.println("elapsed_ns=" + elapsed);
        System.out.println("objects=" + objects);
        return 0;
    }

    /** One seed scenario {@code i}, in a new namespace NAME-x{@code i} that is deleted afterwards. */
    @FunctionalInterface
    interface Scenario {
        void run(NetNamespace ns, int i) throws Exception;
    }

    /** Scenario namespaces held at once; at this many they are released together and the run goes on. */
    static final int HOLD_AT_MOST = 64;

    /** Whether scenarios check their end state ({@code --verify}). */
    private static boolean verify;

    /** The seed's end state, as ip would show it: both ends up with their addresses, lo up inside. */
    static void verifyScenario(NetlinkClient nl, NetNamespace ns, int i) throws Exception {
        try (NetlinkClient in = NetlinkClient.open(ns)) {
            Link a = nl.links().get("vb" + i + "a");
            Link b = in.links().get("vb" + i + "b");
            boolean ok = a.isUp() && b.isUp() && in.links().get("lo").isUp()
                    && nl.addresses().list(a.name()).stream().anyMatch(x -> x.cidr().equals("10.200.0.2/24"))
                    && in.addresses().list(b.name()).stream().anyMatch(x -> x.cidr().equals("10.200.0.3/24"))
                    && a.parentIndex().orElse(-1) == b.index() && a.linkNetnsId().isPresent();
            if (!ok) throw new IllegalStateException("scenario " + i + " did not reach the seed's end state: " + a + " / " + b);
        }
    }

    /**
     * Runs the scenarios one after the other. Each deletes its namespace's name like {@code ip netns
     * del}; the handle on it is kept (so the kernel has not torn the namespace down yet) and all of
     * them are closed together after the last scenario, inside the clock. That is what {@code ip
     * -batch} does (it never closes the namespace file it opens for {@code link set … netns X}), and
     * it lets the kernel tear the namespaces down in one batch instead of one teardown per scenario
     * that holds RTNL and queues RCU work while the next scenario's move waits in {@code rcu_barrier}.
     * At most {@link #HOLD_AT_MOST} are held (then released together), so a long run neither runs out of
     * file descriptors nor piles up namespaces (ip -batch's leaked fds grow with every scenario).
     * {@code releaseEach} closes each handle at the end of its scenario instead. Either way the
     * {@code settled_ns} figure counts until the kernel has finished all teardowns.
     */
    private static int scenarios(NetlinkClient nl, String netns, int n, boolean releaseEach, Scenario body) throws Exception {
        long[] samples = new long[n];
        List<NetNamespace> held = new ArrayList<>(n);
        long t0 = System.nanoTime();
        long elapsed;
        try {
            for (int i = 0; i < n; i++) {
                long s = System.nanoTime();
                String x = netns + "-x" + i;
                NetNamespace ns = NetNamespace.create(x);
                held.add(ns);
                try {
                    body.run(ns, i);
                    if (verify) verifyScenario(nl, ns, i);
                } finally {
                    NetNamespace.delete(x);
                    if (releaseEach) held.remove(held.size() - 1).close();
                }
                if (held.size() == HOLD_AT_MOST) { // bounded: one fd each, and the kernel's memory for each
                    for (NetNamespace h : held) h.close();
                    held.clear();
                }
                samples[i] = System.nanoTime() - s;
            }
        } finally {
            for (NetNamespace ns : held) ns.close();
            elapsed = System.nanoTime() - t0;
        }
        samplesReport(elapsed, samples);
        awaitTeardown(nl);
        System.out.println("settled_ns=" + (System.nanoTime() - t0));
        return 0;
    }

    /**
     * Waits (at most 60 s, polling every millisecond) until no link named {@code vb…} is left in
     * {@code nl}'s namespace. {@code ip netns del} and {@link NetNamespace#delete} only remove the
     * name: the kernel tears a namespace down asynchronously once nothing holds it, and only then
     * deletes the veth end inside it, and with it the peer {@code vb<i>a} in NAME. So this returns
     * when the work a w4/w5 run asked for is really done. It matters for comparing: {@code ip -batch}
     * keeps every namespace it moves a link into open until it exits ({@code ip link set … netns X}
     * opens {@code /run/netns/X} and never closes it), so its teardowns all happen after its clock.
     */
    static void awaitTeardown(NetlinkClient nl) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (nl.links().list().stream().anyMatch(l -> l.name().startsWith("vb"))) {
            if (System.nanoTime() - deadline > 0) throw new IllegalStateException("scenario namespaces not torn down within 60 s");
            Thread.sleep(1);
        }
    }

    /** The seed scenario as the walkthrough does it: the peer is moved into the new namespace. */
    static int w4(NetlinkClient nl, String netns, int n, boolean releaseEach) throws Exception {
        return scenarios(nl, netns, n, releaseEach, (ns, i) -> {
            nl.links().add(LinkSpec.veth("vb" + i + "a", "vb" + i + "b"));
            nl.links().moveTo("vb" + i + "b", ns);
            try (NetlinkClient in = NetlinkClient.open(ns)) {
                nl.addresses().add(AddressSpec.of("vb" + i + "a", "10.200.0.2/24"));
                in.addresses().add(AddressSpec.of("vb" + i + "b", "10.200.0.3/24"));
                nl.links().setUp("vb" + i + "a");
                in.links().setUp("vb" + i + "b");
                in.links().setUp("lo");
            }
        });
    }

    /**
     * w4's end state by the fastest route: the peer is created directly inside the new namespace (no
     * move, so no wait for an RCU grace period), the host end is created up, and its address is added
     * on the created link's index instead of looking the name up again.
     */
    static int w5(NetlinkClient nl, String netns, int n, boolean releaseEach) throws Exception {
        return scenarios(nl, netns, n, releaseEach, (ns, i) -> {
            Link a = nl.links().add(LinkSpec.veth("vb" + i + "a", "vb" + i + "b").withPeerNamespace(ns)
                    .withOptions(LinkOptions.DEFAULTS.withUp(true)));
            nl.addresses().add(a, AddressSpec.of(a.name(), "10.200.0.2/24"));
            try (NetlinkClient in = NetlinkClient.open(ns)) {
                in.addresses().add(AddressSpec.of("vb" + i + "b", "10.200.0.3/24"));
                in.links().setUp("vb" + i + "b");
                in.links().setUp("lo");
            }
        });
    }

    /**
     * w8: w5's end state as one {@link Topology} per scenario, applied and closed (close deletes the
     * namespace and the host end of the veth): what a user of the topology API pays for the seed.
     */
    static int w8(NetlinkClient nl, String netns, int n) throws Exception {
        long[] samples = new long[n];
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            String x = netns + "-x" + i;
            Topology t = Topology.builder()
                    .namespace(x)
                    .veth("vb" + i + "a", "vb" + i + "b").in(x)
                    .up(x, "lo")
                    .address("vb" + i + "a", "10.200.0.2/24")
                    .address(x, "vb" + i + "b", "10.200.0.3/24")
                    .up("vb" + i + "a").up(x, "vb" + i + "b")
                    .build();
            try (AppliedTopology applied = t.apply(nl)) {
                if (verify) verifyScenario(nl, applied.namespace(x), i);
            }
            samples[i] = System.nanoTime() - s;
        }
        samplesReport(System.nanoTime() - t0, samples);
        awaitTeardown(nl);
        System.out.println("settled_ns=" + (System.nanoTime() - t0));
        return 0;
    }

    private static void samplesReport(long elapsed, long[] samples) {
        System.out.println("elapsed_ns=" + elapsed);
        StringBuilder sb = new StringBuilder("samples_ns=");
        for (int i = 0; i < samples.length; i++) sb.append(i > 0 ? "," : "").append(samples[i]);
        System.out.println(sb);
    }

}
