package io.github.netlink4j.bench;

import io.github.netlink4j.AddressSpec;
import io.github.netlink4j.BulkResult;
import io.github.netlink4j.Link;
import io.github.netlink4j.LinkOptions;
import io.github.netlink4j.LinkSpec;
import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.NetlinkClient;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The throughput program: {@code Throughput WORKLOAD --netns NAME --count N --kind KIND [--pipelined]}.
 *
 * <p>Works only inside the caller's namespace NAME (and, for w4/w5, namespaces it makes itself,
 * NAME-x&lt;i&gt;). Prints {@code elapsed_ns=<int>} (plus {@code objects=} for w3 and {@code samples_ns=}
 * for w4/w5) and exits non-zero if any operation failed. Only the counted operations are timed: JVM
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
        if (args.length < 1) throw new IllegalArgumentException("usage: Throughput w1|w1d|w2|w3|w4|w5 --netns NAME --count N --kind KIND [--pipelined]");
        String workload = args[0];
        String netns = null, kind = "dummy";
        int count = -1;
        boolean pipelined = false;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--netns" -> netns = args[++i];
                case "--count" -> count = Integer.parseInt(args[++i]);
                case "--kind" -> kind = args[++i];
                case "--pipelined" -> pipelined = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (netns == null || count < 0) throw new IllegalArgumentException("--netns and --count are required");
        try (NetNamespace ns = NetNamespace.open(netns); NetlinkClient nl = NetlinkClient.open(ns)) {
            return switch (workload) {
                case "w1" -> w1(nl, count, kind, pipelined);
                case "w1d" -> w1d(nl, count, pipelined);
                case "w2" -> w2(nl, count, pipelined);
                case "w3" -> w3(nl, count);
                case "w4" -> w4(nl, netns, count);
                case "w5" -> w5(nl, netns, count);
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
        List<LinkSpec> specs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) specs.add(LinkSpec.of(kind, "dummy" + i));
        long t0 = System.nanoTime();
        if (pipelined) {
            BulkResult<Void> r = nl.links().addAll(specs);
            return report(System.nanoTime() - t0, r);
        }
        // One request per link, no record asked back (what ip link add does); add() would also echo it.
        for (LinkSpec s : specs) nl.links().create(s);
        return report(System.nanoTime() - t0, null);
    }

    static int w1d(NetlinkClient nl, int n, boolean pipelined) throws Exception {
        Map<String, Integer> byName = new HashMap<>();
        for (Link l : nl.links().list()) byName.put(l.name(), l.index());
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            Integer x = byName.get("dummy" + i);
            if (x == null) throw new IllegalStateException("dummy" + i + " does not exist");
            idx[i] = x;
        }
        long t0 = System.nanoTime();
        if (pipelined) {
            BulkResult<Void> r = nl.links().deleteAll(idx);
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
        Link dummy0 = nl.links().get("dummy0");
        List<AddressSpec> specs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) specs.add(AddressSpec.of("dummy0", benchAddress(i), 32));
        long t0 = System.nanoTime();
        if (pipelined) {
            BulkResult<Void> r = nl.addresses().addAll(specs);
            return report(System.nanoTime() - t0, r);
        }
        for (AddressSpec s : specs) nl.addresses().add(dummy0, s);
        return report(System.nanoTime() - t0, null);
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

    private static int scenarios(String netns, int n, Scenario body) throws Exception {
        long[] samples = new long[n];
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            String x = netns + "-x" + i;
            try (NetNamespace ns = NetNamespace.create(x)) {
                body.run(ns, i);
            } finally {
                NetNamespace.delete(x);
            }
            samples[i] = System.nanoTime() - s;
        }
        return samplesReport(System.nanoTime() - t0, samples);
    }

    /** The seed scenario as the walkthrough does it: the peer is moved into the new namespace. */
    static int w4(NetlinkClient nl, String netns, int n) throws Exception {
        return scenarios(netns, n, (ns, i) -> {
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
    static int w5(NetlinkClient nl, String netns, int n) throws Exception {
        return scenarios(netns, n, (ns, i) -> {
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

    private static int samplesReport(long elapsed, long[] samples) {
        System.out.println("elapsed_ns=" + elapsed);
        StringBuilder sb = new StringBuilder("samples_ns=");
        for (int i = 0; i < samples.length; i++) sb.append(i > 0 ? "," : "").append(samples[i]);
        System.out.println(sb);
        return 0;
    }

}
