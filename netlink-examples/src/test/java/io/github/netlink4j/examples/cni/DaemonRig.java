package io.github.netlink4j.examples.cni;

import io.github.netlink4j.examples.LauncherRig;
import io.github.netlink4j.testing.Premise;
import io.github.netlink4j.testing.ThrowawayNamespace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The resident daemon and the launcher as a runtime's host runs them, for a test: both entered into a
 * throwaway "host" namespace with {@code nsenter --net} alone (so they share the test's mount namespace,
 * as a runtime and a systemd service share the host's), the daemon started by the launcher itself
 * ({@code netlink4j-bridge --daemon}), its socket in a temporary directory. The rig's JDK
 * logs the arguments of each JVM a launcher starts to {@code NL4J_ARGS}, and the daemon is started
 * without it: a call the daemon served starts no JVM that is logged, a call run in process does.
 */
final class DaemonRig {
    static final String NSENTER = "/usr/bin/nsenter";

    private final LauncherRig rig;
    final ThrowawayNamespace host;
    final Path sock;
    final Path log;
    private Process daemon;

    /** The socket goes in a temporary directory of its own (the rig's is too deep for a unix socket's 108 bytes). */
    private final Path base;

    DaemonRig(LauncherRig rig, ThrowawayNamespace host, String name) throws IOException {
        this.rig = rig;
        this.host = host;
        this.base = Files.createTempDirectory("nl4j-cnid");
        this.sock = base.resolve("run/cni.sock");
        this.log = rig.root.resolve(name + ".log");
    }

    /** Kills the daemon if it still runs and deletes the socket's temporary directory. */
    void close() throws Exception {
        if (daemon != null && daemon.isAlive()) kill();
        PluginRun.deleteTree(base);
    }

    /** socat is the launcher's client: without it nothing here tests the daemon (and under CI that is a failure). */
    static void requireSocat() {
        boolean found = false;
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, "socat"))) found = true;
        }
        Premise.require(found, () -> "socat is not installed (apt-get install socat): the launcher's client for the CNI daemon");
    }

    /** Starts the daemon in {@link #host} with {@code args} after its socket, and waits (at most 60 s) until it listens. */
    DaemonRig start(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(NSENTER, "--net=/run/netns/" + host.name(), "/bin/sh", LauncherRig.CNI_LAUNCHER.toString(),
                "--daemon", "--socket", sock.toString()));
        cmd.addAll(List.of(args));
        Map<String, String> env = new HashMap<>();
        env.put("NETLINK4J_JAVA", rig.jdk.resolve("bin/java").toString());
        env.put("NETLINK4J_JAR", rig.jar.toString());
        env.put("NETLINK4J_AOT", "0");
        daemon = rig.command(cmd, env, rig.root).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        // its log line, not the socket file: the file is there from bind(2), before listen(2) and the chmod to 0600
        while (!log().contains("serving on " + sock) && daemon.isAlive() && System.nanoTime() < deadline) Thread.sleep(50);
        assertTrue(daemon.isAlive() && log().contains("serving on " + sock), "the daemon listens on " + sock + ": " + log());
        return this;
    }

    /** The daemon's process (the JVM: the launcher and the rig's java exec it). */
    Process process() {
        return daemon;
    }

    /** SIGKILL to the daemon and to whatever it started, as a crash or the OOM killer would end it; its socket stays behind. */
    void kill() throws InterruptedException {
        List<ProcessHandle> children = daemon.descendants().toList();
        daemon.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        assertTrue(daemon.waitFor(10, TimeUnit.SECONDS), "the daemon died");
    }

    /** SIGTERM, as systemd stops it: returns its exit status. */
    int stop() throws InterruptedException {
        daemon.destroy();
        if (!daemon.waitFor(100, TimeUnit.SECONDS)) fail("the daemon did not stop within 100 s: " + log());
        return daemon.exitValue();
    }

    /** What the daemon wrote to stderr so far. */
    String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** The lines of {@link #log} that report a call served. */
    List<String> served() {
        return log().lines().filter(l -> l.matches(".*: exit \\d+ \\(\\d+ ms\\)")).toList();
    }

    /** The environment for the launcher to run {@code command} for container {@code c} (null: none) with this rig's socket. */
    Map<String, String> env(String command, ThrowawayNamespace c, Path args) {
        Map<String, String> e = rig.cniEnv(command, rig.root.resolve("cache"), args);
        e.put("NETLINK4J_AOT", "0");
        e.put("NETLINK4J_CNI_SOCKET", sock.toString());
        e.put("CNI_IFNAME", "eth0");
        if (c != null) {
            e.put("CNI_CONTAINERID", c.name());
            e.put("CNI_NETNS", "/run/netns/" + c.name());
        }
        return e;
    }

    /** The launcher entered into {@code in} as a runtime in that namespace execs it, with {@code env} and {@code conf} on stdin. */
    LauncherRig.Result launch(ThrowawayNamespace in, Map<String, String> env, String conf) throws IOException, InterruptedException {
        return rig.run(List.of(NSENTER, "--net=/run/netns/" + in.name(), "/bin/sh", LauncherRig.CNI_LAUNCHER.toString()), env, conf, rig.root);
    }

    /** The launcher in {@link #host}. */
    LauncherRig.Result launch(Map<String, String> env, String conf) throws IOException, InterruptedException {
        return launch(host, env, conf);
    }
}
