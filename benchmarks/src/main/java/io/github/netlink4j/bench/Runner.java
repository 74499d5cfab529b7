package io.github.netlink4j.bench;

import io.github.netlink4j.address.AddressSpec;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.tc.QdiscOptions;
import io.github.netlink4j.tc.QdiscSpec;
import io.github.netlink4j.tc.TcHandle;
import io.github.netlink4j.error.UnsupportedLinkKindException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Runs every workload for netlink4j (one request at a time, and pipelined), iproute2 with one ip
 * process per operation (as a shell script does it) and {@code ip -batch}, each in namespaces made for
 * the purpose, {@code --reps} times (default 5), and prints one table: median (min–max) rate and each
 * column's ratio to {@code ip -batch} from the same run.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.github.netlink4j.bench.Runner [--reps 5] [--quick]
 * [--only w1,w4] [--release-each] [--no-aot] [--jvm-opt OPTION]...}
 */
public final class Runner {
    private Runner() {}

    /**
     * The columns. "untuned" is our program as an embedding user's JVM runs it: {@code java} with no
     * option but native access. "tuned" adds what a shipped command-line tool can: a pre-touched fixed
     * heap, C1 only and an AOT cache from a training run. {@code --no-tuned} leaves those out.
     */
    private static final List<String> ALL_VARIANTS = List.of("netlink4j", "netlink4j pipelined", "netlink4j tuned",
            "netlink4j tuned pipelined", "ip per op", "ip -batch");
    private static String[] VARIANTS = ALL_VARIANTS.toArray(String[]::new);

    record Workload(String name, int count, String unit, String what) {}

    /** Passes --release-each to our program (w4/w5: close each scenario's namespace handle at once). */
    private static boolean releaseEach;

    /**
     * Starts our program with a JDK AOT cache (JEP 483/514/515, JDK 25+): classes loaded and linked,
     * lambdas and string concatenations resolved, and method profiles, all from a training run of the
     * same workload and variant made before the measured runs. It is how a JVM command-line tool is
     * shipped to start fast; nothing is compiled ahead, the JIT still compiles inside the clock.
     * {@code --no-aot} measures without it.
     */
    private static boolean aot = true;
    /** Where {@code --svg} writes the chart of every column's ratio to ip -batch, or null. */
    private static Path svg;
    /** Extra JVM options for our program (training and measured runs), for experiments: {@code --jvm-opt}. */
    private static final List<String> jvmOpts = new ArrayList<>();

    /** What --help prints, and what a wrong option is told. --quick divides every N by 4. */
    static final String USAGE = "usage: Runner [--reps N] [--quick] [--only w1,w3,...] [--release-each] [--no-aot] [--no-tuned] [--svg FILE] [--jvm-opt -XX:...]..."
            + " (nlbench, benchmarks/nlbench --help, is the tool with result files and compare)";

    public static void main(String[] args) throws Exception {
        int reps = 5;
        boolean quick = false;
        java.util.Set<String> only = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--help") || args[i].equals("-h")) {
                System.out.println(USAGE);
                return;
            }
            if (args[i].equals("--reps")) reps = Integer.parseInt(args[++i]);
            else if (args[i].equals("--quick")) quick = true;
            else if (args[i].equals("--only")) only = java.util.Set.of(args[++i].split(","));
            else if (args[i].equals("--release-each")) releaseEach = true;
            else if (args[i].equals("--no-aot")) aot = false;
            else if (args[i].equals("--no-tuned")) VARIANTS = ALL_VARIANTS.stream().filter(v -> !v.contains("tuned")).toArray(String[]::new);
            else if (args[i].equals("--svg")) svg = Path.of(args[++i]);
            else if (args[i].equals("--jvm-opt") && i + 1 < args.length && args[i + 1].startsWith("-")) jvmOpts.add(args[++i]);
            else throw new IllegalArgumentException(USAGE);
        }
        int s = quick ? 4 : 1;
        List<Workload> workloads = List.of(
                new Workload("w1", 200 / s, "links/s", "create N links"),
                new Workload("w1d", 200 / s, "links/s", "delete them one by one"),
                new Workload("w2", 2000 / s, "addrs/s", "add N IPv4 /32 to dummy0"),
                new Workload("w3", 20 / s, "rounds/s", "address dump + link dump, 1,000 links and 5,000 addresses present"),
                new Workload("w4", 20 / s, "scenarios/s", "the seed scenario (veth moved into a new namespace)"),
                new Workload("w5", 20 / s, "scenarios/s", "w4's end state by the fastest route (peer created inside)"),
                new Workload("w6", 1000 / s, "rules/s", "add N policy rules, list the rule set, delete them by priority"),
                new Workload("w7", 1000 / s, "nexthops/s", "add N nexthop objects one by one, list them, delete them by id"),
                new Workload("w8", 20 / s, "scenarios/s", "w5's end state as one Topology, applied and closed"),
                new Workload("w9", 1000 / s, "classes/s", "add N htb classes with a u32 filter each, list them, delete them by id (the ip columns run tc)"));
        if (only != null) {
            java.util.Set<String> wanted = only;
            workloads = workloads.stream().filter(w -> wanted.contains(w.name())).toList();
        }
        String kind = detectKind();
        System.out.println("# netlink4j throughput runner: " + reps + " repetitions, link kind " + kind + ", "
                + Runtime.version() + ", kernel " + System.getProperty("os.version")
                + (releaseEach ? ", scenario namespaces released one by one (--release-each)" : "")
                + ", columns " + String.join(", ", VARIANTS) + (aot ? " (tuned: with an AOT cache from a training run)" : " (no AOT cache)")
                + (jvmOpts.isEmpty() ? "" : ", our program's extra JVM options " + jvmOpts));
        Map<String, Map<String, List<Double>>> results = new LinkedHashMap<>();
        for (Workload w : workloads) {
            Map<String, List<Double>> byVariant = new LinkedHashMap<>();
            for (String v : VARIANTS) byVariant.put(v, new ArrayList<>());
            Map<String, List<Double>> settled = new LinkedHashMap<>();
            for (String v : VARIANTS) settled.put(v, new ArrayList<>());
            if (aot && java.util.Arrays.asList(VARIANTS).contains("netlink4j tuned")) {
                for (boolean pipelined : new boolean[] {false, true}) train(w, kind, pipelined);
            }
            for (int r = 0; r < reps; r++) {
                for (String v : VARIANTS) {
                    double[] rate = runOnce(w, v, kind);
                    byVariant.get(v).add(rate[0]);
                    if (rate.length > 1) settled.get(v).add(rate[1]);
                    System.err.printf("%s %-20s rep %d: %.1f %s%s%n", w.name(), v, r + 1, rate[0], w.unit(),
                            rate.length > 1 ? String.format(" (%.1f settled)", rate[1]) : "");
                }
            }
            results.put(w.name(), byVariant);
            if (hasTeardown(w)) results.put(w.name() + " settled", settled);
        }
        printTable(workloads, results);
        if (svg != null) {
            RatioChart.write(svg, VARIANTS, workloads.stream().flatMap(w -> hasTeardown(w) ? java.util.stream.Stream.of(w.name(), w.name() + " settled")
                    : java.util.stream.Stream.of(w.name())).toList(), results, "netlink4j throughput against ip -batch, "
                    + Runtime.version() + ", kernel " + System.getProperty("os.version"));
            System.out.println("chart written to " + svg);
        }
    }

    static String detectKind() throws Exception {
        String name = "nl4j-kind-" + UUID.randomUUID().toString().substring(0, 8);
        try (NetNamespace ns = NetNamespace.create(name); NetlinkClient nl = NetlinkClient.open(ns)) {
            nl.links().add(LinkSpec.dummy("probe0"));
            return "dummy";
        } catch (UnsupportedLinkKindException e) {
            return "ifb";
        } finally {
            NetNamespace.delete(name);
        }
    }

    static boolean hasTeardown(Workload w) {
        return w.name().equals("w4") || w.name().equals("w5") || w.name().equals("w8");
    }

    /**
     * One measurement in fresh namespaces; returns operations (or rounds, scenarios) per second, and
     * for w4/w5 also the rate counted until the kernel has finished tearing the deleted scenario
     * namespaces down ({@link Throughput#awaitTeardown}): our program waits for that inside its own
     * clock; for ip the runner waits after the process has exited and adds the wait to its time.
     */
    static double[] runOnce(Workload w, String variant, String kind) throws Exception {
        long[] t = inBenchNamespace(w, kind, (name, nl) -> switch (variant) {
            case "netlink4j" -> ours(w, name, kind, false, List.of(), false);
            case "netlink4j pipelined" -> ours(w, name, kind, true, List.of(), false);
            case "netlink4j tuned" -> ours(w, name, kind, false);
            case "netlink4j tuned pipelined" -> ours(w, name, kind, true);
            case "ip per op" -> withTeardown(w, nl, IpPeer.ipPerOp(w, name, kind));
            case "ip -batch" -> withTeardown(w, nl, IpPeer.ipBatch(w, name, kind));
            default -> throw new IllegalArgumentException(variant);
        });
        return t.length > 1 ? new double[] {w.count() / (t[0] / 1e9), w.count() / (t[1] / 1e9)}
                : new double[] {w.count() / (t[0] / 1e9)};
    }

    /** Work in a fresh namespace prepared for {@code w}; it and the scenario namespaces under it are deleted after. */
    interface InNamespace<T> {
        T run(String name, NetlinkClient nl) throws Exception;
    }

    static <T> T inBenchNamespace(Workload w, String kind, InNamespace<T> body) throws Exception {
        String name = "nl4j-bench-" + UUID.randomUUID().toString().substring(0, 8);
        NetNamespace ns = NetNamespace.create(name);
        try (ns; NetlinkClient nl = NetlinkClient.open(ns)) {
            prepare(w, nl, kind);
            return body.run(name, nl);
        } finally {
            for (String n : NetNamespace.list()) if (n.startsWith(name + "-x")) NetNamespace.delete(n);
            NetNamespace.delete(name);
        }
    }

    static void prepare(Workload w, NetlinkClient nl, String kind) throws Exception {
        switch (w.name()) {
            case "w1d" -> {
                List<LinkSpec> l = new ArrayList<>();
                for (int i = 0; i < w.count(); i++) l.add(LinkSpec.of("dummy" + i, kind));
                nl.links().addAll(l).orThrow();
            }
            case "w2" -> {
                nl.links().add(LinkSpec.of("dummy0", kind));
                nl.links().setUp("dummy0");
            }
            case "w9" -> {
                nl.links().add(LinkSpec.of("dummy0", kind));
                nl.qdiscs().add(QdiscSpec.root("dummy0", QdiscOptions.htb(0)).withHandle(TcHandle.of("1:")));
            }
            case "w7" -> {
                // a gateway needs a link with carrier and a route to it: a veth end, up, in 198.18.0.0/15
                nl.links().add(LinkSpec.veth("dummy0", "dummy0p"));
                nl.addresses().add(AddressSpec.of("dummy0", "198.18.0.1/15"));
                nl.links().setUp("dummy0");
                nl.links().setUp("dummy0p");
            }
            case "w3" -> {
                List<LinkSpec> l = new ArrayList<>();
                for (int i = 0; i < 999; i++) l.add(LinkSpec.of("dummy" + i, kind));
                nl.links().addAll(l).orThrow();
                List<AddressSpec> a = new ArrayList<>();
                for (int i = 0; i < 5000; i++) a.add(AddressSpec.of("dummy" + (i % 999), Throughput.benchAddress(i), 32));
                nl.addresses().addAll(a).orThrow();
            }
            default -> { }
        }
    }

    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    static String jar() {
        return Path.of(Runner.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toString();
    }

    static long[] withTeardown(Workload w, NetlinkClient nl, long elapsed) throws Exception {
        if (!hasTeardown(w)) return new long[] {elapsed};
        long t0 = System.nanoTime();
        Throughput.awaitTeardown(nl);
        return new long[] {elapsed, elapsed + System.nanoTime() - t0};
    }

    static Path aotCache(Workload w, boolean pipelined) {
        return Path.of(jar()).toAbsolutePath().getParent().resolve("aot").resolve(w.name() + (pipelined ? "-pipelined" : "") + ".aot");
    }

    /** The training run for {@link #aot}: the measured run's workload, size and variant, not timed. */
    static void train(Workload w, String kind, boolean pipelined) throws Exception {
        if (Runtime.version().feature() < 25) {
            System.err.println("no AOT cache: needs JDK 25, this is " + Runtime.version());
            aot = false;
            return;
        }
        Path cache = aotCache(w, pipelined);
        Files.createDirectories(cache.getParent());
        Files.deleteIfExists(cache);
        inBenchNamespace(w, kind, (name, nl) -> ours(w, name, kind, pipelined, List.of("-XX:AOTCacheOutput=" + cache, "-Xlog:aot=warning"), true));
        if (!Files.isRegularFile(cache)) throw new IllegalStateException("training run made no AOT cache " + cache);
    }

    static long[] ours(Workload w, String name, String kind, boolean pipelined) throws Exception {
        return ours(w, name, kind, pipelined, aot ? List.of("-XX:AOTCache=" + aotCache(w, pipelined), "-XX:AOTMode=on") : List.of(), true);
    }

    static long[] ours(Workload w, String name, String kind, boolean pipelined, List<String> jvmOptions, boolean tuned) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(java(), "--enable-native-access=ALL-UNNAMED"));
        // Tuned: a pre-touched, fixed heap (first-touch page faults of a fresh young generation otherwise
        // dominate) and C1 only: a run is short, and C2 compiles would land inside the clock without paying back.
        if (tuned) cmd.addAll(List.of("-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch", "-XX:TieredStopAtLevel=1"));
        cmd.addAll(jvmOpts);
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", jar(), Throughput.class.getName(), w.name(), "--netns", name, "--count", String.valueOf(w.count()), "--kind", kind));
        if (pipelined) cmd.add("--pipelined");
        if (releaseEach) cmd.add("--release-each");
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IllegalStateException("throughput failed: " + out);
        long elapsed = -1, settled = -1;
        for (String line : out.split("\n")) {
            if (line.startsWith("elapsed_ns=")) elapsed = Long.parseLong(line.substring(11).trim());
            if (line.startsWith("settled_ns=")) settled = Long.parseLong(line.substring(11).trim());
        }
        if (elapsed < 0 || (hasTeardown(w) && settled < 0)) throw new IllegalStateException("no elapsed_ns/settled_ns in " + out);
        return hasTeardown(w) ? new long[] {elapsed, settled} : new long[] {elapsed};
    }

    static double median(List<Double> v) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }

    static void printTable(List<Workload> workloads, Map<String, Map<String, List<Double>>> results) {
        StringBuilder sb = new StringBuilder("\n| workload | unit |");
        for (String v : VARIANTS) sb.append(' ').append(v).append(" |");
        sb.append("\n|---|---|");
        for (String ignored : VARIANTS) sb.append("---|");
        sb.append('\n');
        for (Workload w : workloads) {
            row(sb, w.name() + " (N=" + w.count() + ")", w.unit(), results.get(w.name()));
            if (hasTeardown(w)) row(sb, w.name() + " settled", w.unit(), results.get(w.name() + " settled"));
        }
        sb.append("\nEach cell: median rate (min–max) over the repetitions, then the ratio to ip -batch's median from the same run.\n");
        sb.append("\"settled\": counted until the kernel has finished tearing down the deleted scenario namespaces (their veth peers gone).\n");
        for (Workload w : workloads) {
            if (hasTeardown(w)) {
                for (String key : List.of(w.name(), w.name() + " settled")) {
                    Map<String, List<Double>> r = results.get(key);
                    sb.append(String.format("%s: %.2f ms per scenario (netlink4j), %.2f ms (ip -batch)%n", key,
                            1000 / median(r.get("netlink4j")), 1000 / median(r.get("ip -batch"))));
                }
            }
        }
        System.out.print(sb);
    }

    private static void row(StringBuilder sb, String label, String unit, Map<String, List<Double>> r) {
        double batch = median(r.get("ip -batch"));
        sb.append("| ").append(label).append(" | ").append(unit).append(" |");
        for (String v : VARIANTS) {
            List<Double> x = r.get(v);
            double med = median(x);
            sb.append(String.format(" %.0f (%.0f–%.0f) %.2f× |", med, x.stream().mapToDouble(d -> d).min().orElse(0),
                    x.stream().mapToDouble(d -> d).max().orElse(0), med / batch));
        }
        sb.append('\n');
    }
}
