package io.github.netlink4j.examples.cni;

import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.testing.Json;
import io.github.netlink4j.testing.ThrowawayNamespace;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/** Runs netlink4j-bridge for a test: as a runtime execs it (a process in the host namespace), or in this JVM. */
final class PluginRun {
    private PluginRun() {}

    /** Exit status, stdout, and how long the call took. */
    record Answer(int exit, String out, Duration took) {
        /** stdout as JSON. */
        Map<?, ?> json() {
            return (Map<?, ?>) Json.parse(out);
        }

        Object code() {
            return json().get("code");
        }
    }

    /**
     * The plugin as a process inside {@code host}, with exactly {@code env}; killed and failed if it has
     * not ended within {@code bound}.
     */
    static Answer asProcess(ThrowawayNamespace host, Map<String, String> env, String conf, Duration bound) throws Exception {
        return asProcess(true, host, env, conf, bound);
    }

    /** The reference bridge plugin of containernetworking-plugins (Debian's, in /usr/lib/cni). */
    static final String REFERENCE = "/usr/lib/cni/bridge";

    /** {@code ours}: netlink4j-bridge as {@link #asProcess(ThrowawayNamespace, Map, String, Duration)} runs it; else the {@link #REFERENCE}, the same way. */
    static Answer asProcess(boolean ours, ThrowawayNamespace host, Map<String, String> env, String conf, Duration bound) throws Exception {
        ProcessBuilder pb = ours
                ? new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "--enable-native-access=ALL-UNNAMED",
                        "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), BridgePlugin.class.getName())
                : new ProcessBuilder(REFERENCE);
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        Process p = host.ns().start(pb.redirectError(ProcessBuilder.Redirect.INHERIT));
        Thread.ofPlatform().daemon().start(() -> {
            try (OutputStream o = p.getOutputStream()) {
                o.write(conf.getBytes(StandardCharsets.UTF_8));
            } catch (IOException gone) {
                // it stopped reading: its answer says why
            }
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread reader = Thread.ofPlatform().daemon().start(() -> {
            try {
                p.getInputStream().transferTo(out);
            } catch (IOException closed) {
                // killed below
            }
        });
        if (!p.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("the plugin had not answered " + env.get("CNI_COMMAND") + " after " + bound.toSeconds() + " s (killed)");
        }
        reader.join(bound.toMillis());
        return new Answer(p.exitValue(), out.toString(StandardCharsets.UTF_8), Duration.ofNanos(System.nanoTime() - t0));
    }

    /** The plugin in this JVM, its bridge side in {@code host}. */
    static Answer inProcess(NetNamespace host, Map<String, String> env, String conf) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long t0 = System.nanoTime();
        int rc = new BridgePlugin(env, new PrintStream(out, true, StandardCharsets.UTF_8), host).run(conf);
        return new Answer(rc, out.toString(StandardCharsets.UTF_8), Duration.ofNanos(System.nanoTime() - t0));
    }

    /** The addresses host-local holds in {@code dataDir} (its files named by an address). */
    static long allocations(Path dataDir) throws IOException {
        if (!Files.exists(dataDir)) return 0;
        try (Stream<Path> s = Files.walk(dataDir)) {
            return s.filter(p -> p.getFileName().toString().matches("[0-9.]+|[0-9a-f:]+:[0-9a-f:]*")).count();
        }
    }

    /** Deletes a temporary directory and everything in it. */
    static void deleteTree(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
