package io.github.netlink4j.bench;

import io.github.netlink4j.bench.Runner.Workload;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The runner's iproute2 columns: each workload as ip commands, run one process per operation and as one
 * {@code ip -batch}; w9's as tc commands (an operation that starts with "tc"), {@code tc -batch} for the batch.
 */
final class IpPeer {
    private IpPeer() {}

    /** The ip commands of a workload, one list of arguments per operation (after {@code ip}). */
    static List<List<String>> ipOps(Workload w, String ns, String kind) {
        List<List<String>> ops = new ArrayList<>();
        if (w.name().equals("w6")) {
            for (int i = 0; i < w.count(); i++) {
                ops.add(List.of("-n", ns, "rule", "add", "from", address(i) + "/32", "priority", String.valueOf(1000 + i), "lookup",
                        String.valueOf(100 + i % 7)));
            }
            ops.add(List.of("-n", ns, "rule", "show"));
            for (int i = 0; i < w.count(); i++) ops.add(List.of("-n", ns, "rule", "del", "priority", String.valueOf(1000 + i)));
            return ops;
        }
        if (w.name().equals("w9")) {
            for (int i = 0; i < w.count(); i++) {
                ops.add(List.of("tc", "-n", ns, "class", "add", "dev", "dummy0", "parent", "1:", "classid", "1:" + Integer.toHexString(i + 1),
                        "htb", "rate", "1mbit"));
            }
            for (int i = 0; i < w.count(); i++) {
                ops.add(List.of("tc", "-n", ns, "filter", "add", "dev", "dummy0", "parent", "1:", "protocol", "ip", "prio", "1", "handle",
                        "800::" + Integer.toHexString(i + 1), "u32", "match", "ip", "dst", address(i) + "/32", "classid", "1:" + Integer.toHexString(i + 1)));
            }
            ops.add(List.of("tc", "-n", ns, "class", "show", "dev", "dummy0"));
            ops.add(List.of("tc", "-n", ns, "filter", "show", "dev", "dummy0", "parent", "1:"));
            for (int i = 0; i < w.count(); i++) {
                ops.add(List.of("tc", "-n", ns, "filter", "del", "dev", "dummy0", "parent", "1:", "protocol", "ip", "prio", "1", "handle",
                        "800::" + Integer.toHexString(i + 1), "u32"));
            }
            for (int i = 0; i < w.count(); i++) {
                ops.add(List.of("tc", "-n", ns, "class", "del", "dev", "dummy0", "classid", "1:" + Integer.toHexString(i + 1)));
            }
            return ops;
        }
        if (w.name().equals("w7")) {
            for (int i = 0; i < w.count(); i++) {
                ops.add(List.of("-n", ns, "nexthop", "add", "id", String.valueOf(1000 + i), "via", address(i + 1), "dev", "dummy0"));
            }
            ops.add(List.of("-n", ns, "nexthop", "show"));
            for (int i = 0; i < w.count(); i++) ops.add(List.of("-n", ns, "nexthop", "del", "id", String.valueOf(1000 + i)));
            return ops;
        }
        for (int i = 0; i < w.count(); i++) {
            switch (w.name()) {
                case "w1" -> ops.add(List.of("-n", ns, "link", "add", "dummy" + i, "type", kind));
                case "w1d" -> ops.add(List.of("-n", ns, "link", "del", "dummy" + i));
                case "w2" -> ops.add(List.of("-n", ns, "addr", "add", address(i) + "/32", "dev", "dummy0"));
                case "w3" -> {
                    ops.add(List.of("-n", ns, "addr", "show"));
                    ops.add(List.of("-n", ns, "link", "show"));
                }
                case "w4" -> {
                    String x = ns + "-x" + i;
                    ops.add(List.of("netns", "add", x));
                    ops.add(List.of("-n", ns, "link", "add", "vb" + i + "a", "type", "veth", "peer", "name", "vb" + i + "b"));
                    ops.add(List.of("-n", ns, "link", "set", "vb" + i + "b", "netns", x));
                    ops.add(List.of("-n", ns, "addr", "add", "10.200.0.2/24", "dev", "vb" + i + "a"));
                    ops.add(List.of("-n", x, "addr", "add", "10.200.0.3/24", "dev", "vb" + i + "b"));
                    ops.add(List.of("-n", ns, "link", "set", "vb" + i + "a", "up"));
                    ops.add(List.of("-n", x, "link", "set", "vb" + i + "b", "up"));
                    ops.add(List.of("-n", x, "link", "set", "lo", "up"));
                    ops.add(List.of("netns", "del", x));
                }
                case "w5", "w8" -> {
                    String x = ns + "-x" + i;
                    ops.add(List.of("netns", "add", x));
                    ops.add(List.of("-n", ns, "link", "add", "vb" + i + "a", "up", "type", "veth", "peer", "name", "vb" + i + "b", "netns", x));
                    ops.add(List.of("-n", ns, "addr", "add", "10.200.0.2/24", "dev", "vb" + i + "a"));
                    ops.add(List.of("-n", x, "addr", "add", "10.200.0.3/24", "dev", "vb" + i + "b"));
                    ops.add(List.of("-n", x, "link", "set", "vb" + i + "b", "up"));
                    ops.add(List.of("-n", x, "link", "set", "lo", "up"));
                    ops.add(List.of("netns", "del", x));
                }
                default -> throw new IllegalArgumentException(w.name());
            }
        }
        return ops;
    }

    static String address(int i) throws RuntimeException {
        try {
            return Throughput.benchAddress(i).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    static long ipPerOp(Workload w, String ns, String kind) throws Exception {
        List<List<String>> ops = ipOps(w, ns, kind);
        long t0 = System.nanoTime();
        for (List<String> op : ops) {
            List<String> cmd = new ArrayList<>();
            if (!op.get(0).equals("tc")) cmd.add("ip");
            cmd.addAll(op);
            Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IllegalStateException("ip " + op + " failed");
        }
        return System.nanoTime() - t0;
    }

    /**
     * One {@code ip -batch} process per run. Batch lines take no -n, so commands for the new
     * namespaces of w4/w5 go through one {@code netns exec X ip -batch FILE} per scenario.
     */
    static long ipBatch(Workload w, String ns, String kind) throws Exception {
        return ipBatch(ipOps(w, ns, kind), ns, w.name(), p -> { });
    }

    /**
     * {@code ops} (as {@link #ipOps} makes them) as one batch in {@code ns}; returns the process's time.
     * No operation at all is an empty batch: the exec and namespace entry alone. {@code started} sees
     * the process as soon as it runs (so that a caller can stop it when it is itself stopped).
     */
    static long ipBatch(List<List<String>> ops, String ns, String label, java.util.function.Consumer<Process> started) throws Exception {
        return ipBatch(ops, ns, label, started, List.of());
    }

    /** The same, with the process started under {@code wrapper} (a counter such as {@code perf stat … --}); empty for none. */
    static long ipBatch(List<List<String>> ops, String ns, String label, java.util.function.Consumer<Process> started, List<String> wrapper)
            throws Exception {
        Path dir = Files.createTempDirectory("nl4j-batch");
        try {
            List<String> lines = new ArrayList<>();
            String program = !ops.isEmpty() && ops.get(0).get(0).equals("tc") ? "tc" : "ip";
            for (List<String> op : ops) {
                if (op.get(0).equals("tc")) {
                    lines.add(String.join(" ", op.subList(3, op.size())));
                } else if (op.get(0).equals("-n") && !op.get(1).equals(ns)) {
                    // An operation inside a scenario namespace: gather this scenario's into one inner batch.
                    Path inner = dir.resolve("inner-" + op.get(1));
                    if (!Files.exists(inner)) lines.add("netns exec " + op.get(1) + " ip -batch " + inner);
                    Files.writeString(inner, String.join(" ", op.subList(2, op.size())) + "\n", StandardCharsets.UTF_8,
                            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                } else if (op.get(0).equals("-n")) {
                    lines.add(String.join(" ", op.subList(2, op.size())));
                } else {
                    lines.add(String.join(" ", op));
                }
            }
            // Each "netns exec" line sits where its scenario's first inner operation was, and every
            // inner file is complete before the run starts.
            Path batch = dir.resolve("batch");
            Files.write(batch, lines, StandardCharsets.UTF_8);
            long t0 = System.nanoTime();
            List<String> cmd = new ArrayList<>(wrapper);
            cmd.addAll(List.of(program, "-n", ns, "-batch", batch.toString()));
            Process p = new ProcessBuilder(cmd)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            started.accept(p);
            if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IllegalStateException(program + " -batch failed for " + label);
            return System.nanoTime() - t0;
        } finally {
            try (var files = Files.walk(dir)) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
            }
        }
    }
}
