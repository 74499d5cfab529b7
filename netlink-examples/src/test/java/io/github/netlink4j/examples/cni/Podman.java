package io.github.netlink4j.examples.cni;

import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.examples.LauncherRig;
import io.github.netlink4j.testing.Premise;
import io.github.netlink4j.testing.ThrowawayNamespace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Debian 12's podman (4.3: CNI network backend, runc, cgroupfs) confined to one test: every podman
 * command runs inside the test's "host" namespace (nsenter --net: podman's own mounts, the containers'
 * namespace files under /run/netns among them, must stay visible from one command to the next, which a
 * private mount namespace per command, as ip netns exec makes, would hide), with a containers.conf,
 * storage, run and temporary directories, CNI plugin directory and network configs of its own under
 * {@code dir}. Nothing is pulled: the one image is a busybox-static root imported from a tarball.
 */
final class Podman implements AutoCloseable {
    static final String IMAGE = "localhost/nl4j-busybox:test";
    /** The page the image's httpd serves from /www. */
    static final String PAGE = "nl4j-www";
    private static final Path BUSYBOX = Path.of("/bin/busybox");
    private static final Duration BOUND = Duration.ofSeconds(60);

    /** What one podman command printed and how it ended. */
    record Result(int exit, String out, String err, Duration took) {
        String both() {
            return "exit " + exit + ", stdout: " + out + ", stderr: " + err;
        }
    }

    private final ThrowawayNamespace host;
    private final LauncherRig rig;
    private final List<Path> sandboxes = new ArrayList<>();
    private static final Path CNI_CACHE = Path.of("/var/lib/cni/results");
    private final String netPrefix = ThrowawayNamespace.uniqueName("pm").substring(5) + "-";
    /** The cgroup (cgroupfs, in every hierarchy) the containers and their conmons go under, removed on close. */
    private final String cgroupParent = "/" + ThrowawayNamespace.uniqueName("podman");
    final Path dir;
    /** Where host-local keeps its allocations for every network of {@link #network}. */
    final Path ipam;

    private Podman(ThrowawayNamespace host, LauncherRig rig, Path dir) {
        this.host = host;
        this.rig = rig;
        this.dir = dir;
        this.ipam = dir.resolve("ipam");
    }

    /**
     * A podman for {@code host} with its state in {@code dir}, the image imported and a first container
     * (without a network) run, else skipped (failed under CI=true) saying why podman cannot work here.
     * netlink4j-bridge is the module's launcher over {@code rig}'s jar.
     */
    static Podman start(ThrowawayNamespace host, LauncherRig rig, Path dir) throws IOException, InterruptedException {
        for (String tool : List.of("/usr/bin/podman", "/usr/sbin/runc", "/usr/bin/conmon", "/usr/sbin/iptables")) {
            Premise.require(Files.isExecutable(Path.of(tool)), () -> tool + " is missing: .ci/run installs podman, runc and iptables");
        }
        Premise.require(Files.isExecutable(BUSYBOX) && isStatic(BUSYBOX), () -> BUSYBOX + " is missing or not static: .ci/run installs busybox-static");
        Podman p = new Podman(host, rig, dir);
        p.layOut();
        Result imported = p.run("import", p.image().toString(), IMAGE);
        Premise.require(imported.exit() == 0, () -> "podman cannot import a local image here: " + imported.both());
        Result first = p.run("run", "--rm", "--network", "none", IMAGE, "true");
        Premise.require(first.exit() == 0, () -> "podman cannot run a container without a network here: " + first.both());
        return p;
    }

    private static boolean isStatic(Path elf) throws IOException {
        return !new String(Files.readAllBytes(elf), StandardCharsets.ISO_8859_1).contains("/lib64/ld-linux");
    }

    private void layOut() throws IOException {
        Path cni = Files.createDirectories(dir.resolve("cni"));
        // The launcher and its library as the package lays them out in target/cni (the source is not
        // executable), behind a wrapper that names the JDK, jar and cache: podman's cleanup after a
        // container exits (conmon's exit command) runs the plugins with an environment of conmon's, without
        // podman's, and the launcher would otherwise look for a JDK in /usr/lib/jvm and keep its cache in
        // /var/cache/netlink4j. The rig's tag goes along, so the rig sees every training a call starts.
        Path launcher = Files.createDirectories(dir.resolve("launcher"));
        Files.copy(LauncherRig.LIBRARY, launcher.resolve("netlink4j-launcher.sh"));
        Files.copy(LauncherRig.CNI_LAUNCHER, launcher.resolve("netlink4j-bridge"));
        Map<String, String> tagged = rig.command(List.of(), Map.of(), dir).environment();
        String tag = tagged.keySet().stream().filter(k -> k.startsWith("NL4J_RIG")).findFirst().orElseThrow();
        Path wrapper = cni.resolve("netlink4j-bridge");
        Files.writeString(wrapper, """
                #!/bin/sh
                export NETLINK4J_JAVA='%s' NETLINK4J_JAR='%s' NETLINK4J_CACHE_DIR='%s' %s='%s'
                exec sh '%s' "$@"
                """.formatted(ProcessHandle.current().info().command().orElseThrow(), rig.jar, dir.resolve("aot"), tag, tagged.get(tag),
                launcher.resolve("netlink4j-bridge")));
        LauncherRig.mode(wrapper, "rwxr-xr-x");
        for (String ref : List.of("bridge", "host-local", "portmap", "tuning", "loopback")) {
            Files.createSymbolicLink(cni.resolve(ref), Path.of("/usr/lib/cni", ref));
        }
        for (String d : List.of("net.d", "store", "run", "tmp", "aot", "ipam", "copy")) Files.createDirectories(dir.resolve(d));
        Files.writeString(dir.resolve("registries.conf"), "");
        Files.writeString(dir.resolve("storage.conf"), """
                [storage]
                driver = "vfs"
                graphroot = "%s"
                runroot = "%s"
                """.formatted(dir.resolve("store"), dir.resolve("run")));
        // default_ulimits: podman lowers its own RLIMIT_NPROC to 32768 and raises nothing without
        // CAP_SYS_RESOURCE, so runc must be asked for no more than podman has (its default is 1048576).
        long nofile = hardLimit("Max open files");
        Files.writeString(dir.resolve("containers.conf"), """
                [containers]
                cgroupns = "host"
                default_ulimits = ["nofile=%d:%d", "nproc=32768:32768"]
                [network]
                network_backend = "cni"
                cni_plugin_dirs = ["%s"]
                network_config_dir = "%s"
                default_network = "nl4j-unused"
                default_subnet = "10.200.250.0/24"
                [engine]
                cgroup_manager = "cgroupfs"
                events_logger = "file"
                events_logfile_path = "%s"
                tmp_dir = "%s"
                static_dir = "%s"
                volume_path = "%s"
                image_copy_tmp_dir = "%s"
                runtime = "runc"
                """.formatted(nofile, nofile, cni, dir.resolve("net.d"), dir.resolve("events.log"), dir.resolve("tmp"),
                dir.resolve("store/libpod"), dir.resolve("store/volumes"), dir.resolve("copy")));
    }

    private static long hardLimit(String name) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
            if (line.startsWith(name)) return Long.parseLong(line.substring(26).trim().split("\\s+")[1]);
        }
        throw new IOException(name + " is not in /proc/self/limits");
    }

    /** A busybox-static root (the applets the tests call, /www/index.html) as a tarball for podman import. */
    private Path image() throws IOException, InterruptedException {
        Path root = Files.createDirectories(dir.resolve("rootfs"));
        for (String d : List.of("bin", "etc", "tmp", "proc", "sys", "dev", "www")) Files.createDirectories(root.resolve(d));
        Files.copy(BUSYBOX, root.resolve("bin/busybox"));
        for (String applet : List.of("sh", "true", "sleep", "ping", "nc", "httpd", "ip", "cat", "grep", "printf", "echo")) {
            Files.createSymbolicLink(root.resolve("bin").resolve(applet), Path.of("busybox"));
        }
        Files.writeString(root.resolve("www/index.html"), PAGE + "\n");
        Path tar = dir.resolve("rootfs.tar");
        Process p = new ProcessBuilder("tar", "-C", root.toString(), "-cf", tar.toString(), ".").redirectErrorStream(true).start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            fail("tar of the busybox root failed: " + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        return tar;
    }

    /** Network {@code name} of this podman: the prefix keeps libcni's cache entries, named by network, this test's. */
    String net(String name) {
        return netPrefix + name;
    }

    /** libcni's cache entries (podman 4.3 keeps them in /var/lib/cni/results, not configurable) of this podman's networks. */
    List<Path> cniCache() throws IOException {
        if (!Files.isDirectory(CNI_CACHE)) return List.of();
        try (var s = Files.list(CNI_CACHE)) {
            return s.filter(p -> p.getFileName().toString().startsWith(netPrefix)).toList();
        }
    }

    /** Writes network {@code name}'s conflist: {@code plugins} (JSON objects, comma separated) under CNI 1.0.0. */
    void network(String name, String plugins) throws IOException {
        Files.writeString(dir.resolve("net.d").resolve(name + ".conflist"),
                "{\"cniVersion\":\"1.0.0\",\"name\":\"" + name + "\",\"plugins\":[" + plugins + "]}");
    }

    /** A bridge plugin's config: {@code type} on {@code bridge}, host-local on {@code subnet} (its .1 the gateway); {@code extra} ends in a comma. */
    String bridge(String type, String bridge, String subnet, String extra, boolean defaultRoute) {
        String gw = subnet.substring(0, subnet.lastIndexOf('.')) + ".1";
        return "{\"type\":\"" + type + "\",\"bridge\":\"" + bridge + "\"," + extra + "\"ipam\":{\"type\":\"host-local\","
                + (defaultRoute ? "\"routes\":[{\"dst\":\"0.0.0.0/0\"}]," : "")
                + "\"ranges\":[[{\"subnet\":\"" + subnet + "\",\"gateway\":\"" + gw + "\"}]],\"dataDir\":\"" + ipam + "\"}}";
    }

    /** Runs {@code podman args} in the host namespace, at most a minute (killed and failed after). */
    Result run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("nsenter", "--net=/run/netns/" + host.name(), "podman"));
        cmd.addAll(List.of("--root", dir.resolve("store").toString(), "--runroot", dir.resolve("run").toString(), "--storage-driver", "vfs"));
        cmd.add(args[0]);
        if (args[0].equals("run")) cmd.addAll(List.of("--cgroup-parent", cgroupParent));
        cmd.addAll(List.of(args).subList(1, args.length));
        Map<String, String> env = new HashMap<>();
        env.put("CONTAINERS_CONF", dir.resolve("containers.conf").toString());
        env.put("CONTAINERS_STORAGE_CONF", dir.resolve("storage.conf").toString());
        env.put("CONTAINERS_REGISTRIES_CONF", dir.resolve("registries.conf").toString());
        env.put("TMPDIR", dir.resolve("tmp").toString());
        env.put("HOME", dir.toString());
        Path out = Files.createTempFile(dir, "out", ".txt"), err = Files.createTempFile(dir, "err", ".txt");
        long t0 = System.nanoTime();
        Process p = rig.command(cmd, env, dir).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        if (!p.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("podman " + String.join(" ", args) + " still running after " + BOUND.toSeconds() + " s (killed): " + Files.readString(err));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        Result r = new Result(p.exitValue(), Files.readString(out).strip(), Files.readString(err).strip(), took);
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    /** Runs {@code podman args}; fails the test unless it exits 0; returns its stdout. */
    String ok(String... args) throws IOException, InterruptedException {
        Result r = run(args);
        if (r.exit() != 0) fail("podman " + String.join(" ", args) + ": " + r.both());
        return r.out();
    }

    /** Container {@code name}'s network namespace file, as podman made it under /run/netns. */
    Path sandbox(String name) throws IOException, InterruptedException {
        Path p = Path.of(ok("inspect", "-f", "{{.NetworkSettings.SandboxKey}}", name));
        sandboxes.add(p);
        return p;
    }

    /** Container {@code name}'s address on network {@code net}. */
    String address(String name, String net) throws IOException, InterruptedException {
        return ok("inspect", "-f", "{{(index .NetworkSettings.Networks \"" + net + "\").IPAddress}}", name);
    }

    /**
     * The processes that still carry podman's run directory on their command line after at most 30 s:
     * conmon, for each container, and its exit command (podman container cleanup), which may still be
     * tearing the network down when podman run --rm, which tore it down too, has returned.
     */
    List<ProcessHandle> leftovers() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<ProcessHandle> left = running();
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            left = running();
        }
        return left;
    }

    private List<ProcessHandle> running() {
        String mark = dir.resolve("run").toString();
        try (var all = ProcessHandle.allProcesses()) {
            return all.filter(h -> h.info().commandLine().map(c -> c.contains(mark)).orElse(false)).toList();
        }
    }

    /** Removes {@link #cgroupParent} (and conmon's cgroup inside) from each hierarchy, empty once the containers are gone. */
    private void removeCgroups() throws IOException {
        List<Path> hierarchies;
        try (var s = Files.list(Path.of("/sys/fs/cgroup"))) {
            hierarchies = s.toList();
        }
        hierarchies = new ArrayList<>(hierarchies);
        hierarchies.add(Path.of("/sys/fs/cgroup"));
        for (Path h : hierarchies) {
            Path parent = h.resolve(cgroupParent.substring(1));
            if (!Files.isDirectory(parent)) continue;
            List<Path> children;
            try (var s = Files.list(parent)) {
                children = s.filter(Files::isDirectory).toList();
            }
            for (Path c : children) Files.delete(c);
            Files.delete(parent);
        }
    }

    /**
     * Removes every container (each container's DEL runs then), ends what podman left running under
     * {@code dir} (by pid: only this test's), and deletes the namespaces {@link #sandbox} saw that are still there.
     */
    @Override
    public void close() throws IOException {
        try {
            run("rm", "-a", "-f", "-t", "0");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (AssertionError timedOut) {
            // what is left is ended below
        }
        for (ProcessHandle h : running()) h.destroyForcibly();
        removeCgroups();
        for (Path p : cniCache()) Files.delete(p);
        for (Path p : sandboxes) {
            String name = p.getFileName().toString();
            if (p.getParent().equals(Path.of("/run/netns")) && NetNamespace.exists(name)) NetNamespace.delete(name);
        }
    }
}
