package io.github.netlink4j.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs iproute2's tc as an independent oracle in tests (never in the library), always inside a named
 * namespace: {@code tc -n NS ...}, so a test can never touch the root namespace's qdiscs.
 */
public final class Tc {
    private Tc() {}

    /** What tc printed, and how it exited. */
    public record Result(int exit, String out, String err) {}

    /** Runs {@code tc -n ns args}. */
    public static Result run(String ns, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("tc", "-n", ns));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).start();
        // read while tc writes: a listing larger than the pipe (a few hundred filters in JSON) would stall it
        var out = java.util.concurrent.CompletableFuture.supplyAsync(() -> drain(p.getInputStream()));
        var err = java.util.concurrent.CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
        try {
            p.getOutputStream().close();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", cmd) + " timed out");
            }
            return new Result(p.exitValue(), out.get(10, TimeUnit.SECONDS), err.get(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException(String.join(" ", cmd) + ": its output could not be read", e);
        }
    }

    private static String drain(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Runs {@code tc -n ns args}; throws unless it exits 0. */
    public static String in(String ns, String... args) throws IOException {
        Result r = run(ns, args);
        if (r.exit != 0) throw new IOException("tc -n " + ns + " " + String.join(" ", args) + " failed (" + r.exit + "): " + r.err);
        return r.out;
    }

    /**
     * {@code tc -s -d -n ns class show dev link}, parsed from its text: tc 6.1 prints classes as text even
     * with {@code -j} (print_class opens no JSON object). One map per class: kind, handle, parent ("root"
     * or the parent), leaf, prio, quantum, rate, ceil, burst, cburst (as tc prints them), level, bytes,
     * packets, drops, overlimits, requeues, backlog, qlen.
     */
    public static List<Map<String, String>> classes(String ns, String dev) throws IOException {
        java.util.regex.Pattern head = java.util.regex.Pattern.compile("class (\\S+) (\\S+) (?:root|parent (\\S+)) (?:leaf (\\S+) )?"
                + "(?:prio (\\d+) )?(?:quantum (\\d+) )?rate (\\S+) ceil (\\S+) linklayer \\S+ burst (\\S+)/\\d+ mpu \\S+ "
                + "cburst (\\S+)/\\d+ mpu \\S+ level (\\d+)");
        java.util.regex.Pattern sent = java.util.regex.Pattern.compile(
                "Sent (\\d+) bytes (\\d+) pkt \\(dropped (\\d+), overlimits (\\d+) requeues (\\d+)\\)");
        java.util.regex.Pattern backlog = java.util.regex.Pattern.compile("backlog (\\S+) (\\d+)p");
        String[] keys = {"kind", "handle", "parent", "leaf", "prio", "quantum", "rate", "ceil", "burst", "cburst", "level"};
        List<Map<String, String>> out = new ArrayList<>();
        for (String block : in(ns, "-s", "-d", "class", "show", "dev", dev).split("\n(?=class )")) {
            if (block.isBlank()) continue;
            java.util.regex.Matcher h = head.matcher(block), s = sent.matcher(block), b = backlog.matcher(block);
            if (!h.find() || !s.find() || !b.find()) throw new IOException("tc printed a class this parser does not read:\n" + block);
            Map<String, String> m = new java.util.LinkedHashMap<>();
            for (int i = 0; i < keys.length; i++) m.put(keys[i], h.group(i + 1) == null ? (keys[i].equals("parent") ? "root" : null) : h.group(i + 1));
            String[] counters = {"bytes", "packets", "drops", "overlimits", "requeues"};
            for (int i = 0; i < counters.length; i++) m.put(counters[i], s.group(i + 1));
            m.put("backlog", b.group(1));
            m.put("qlen", b.group(2));
            out.add(m);
        }
        return out;
    }

    /** {@code tc -j -s -n ns qdisc show [dev link]} parsed: one map per qdisc, as tc 6.1 prints them. */
    public static List<Map<String, Object>> qdiscs(String ns, String... dev) throws IOException {
        List<String> a = new ArrayList<>(List.of("-j", "-s", "qdisc", "show"));
        if (dev.length > 0) a.addAll(List.of("dev", dev[0]));
        return Json.array(in(ns, a.toArray(String[]::new)));
    }
}
