package io.github.netlink4j.examples;

import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.examples.cni.BridgePlugin;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Where launcher tests run the real launchers (src/main/cni/netlink4j-bridge, the repository's jip and
 * netlink4j-launcher.sh, which both source): a directory under target/, which the unprivileged user some
 * tests run as can reach and which a private /tmp leaves alone; one jar holding the plugin and jip (an AOT
 * cache cannot be made from classes in a directory); and a JDK whose bin/java appends its arguments to
 * $NL4J_ARGS and execs this test's JDK, so a test sees which options each JVM got. With $NL4J_TRAIN_FROM
 * set, a training run (-XX:AOTCacheOutput) copies that file to its output instead, so a test has a cache,
 * or a broken one, in a second. Every process started here carries a tag in its environment: {@link #close()}
 * ends those still running (trainings in the background) before it deletes the directory.
 */
public final class LauncherRig implements AutoCloseable {
    /** The unprivileged user some tests run launchers as. */
    public static final int NOBODY = 65534;
    public static final Path CNI_LAUNCHER = Path.of("src/main/cni/netlink4j-bridge").toAbsolutePath();
    public static final Path LIBRARY = Path.of("src/main/cni/netlink4j-launcher.sh").toAbsolutePath();
    public static final Path JIP = Path.of("../jip").toAbsolutePath().normalize();

    public final Path root;
    /** The plugin and jip with their dependencies, Main-Class jip's. */
    public final Path jar;
    /** The logging JDK's home. */
    public final Path jdk;
    private final String tag = "NL4J_RIG=" + UUID.randomUUID();

    /** What a launcher run printed and how it ended. */
    public record Result(int exit, String out, String err) {}

    private LauncherRig(Path root) throws IOException {
        this.root = root;
        this.jar = root.resolve("jip.jar");
        this.jdk = root.resolve("jdk");
        buildJar();
        buildJdk();
    }

    public static LauncherRig create() throws IOException {
        Path root = Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()), "launcher-rig");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new LauncherRig(root);
    }

    private void buildJar() throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "io.github.netlink4j.examples.jip.Jip");
        manifest.getMainAttributes().putValue("Enable-Native-Access", "ALL-UNNAMED");
        Set<String> added = new HashSet<>();
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            for (Class<?> c : List.of(BridgePlugin.class, NetlinkClient.class, io.github.netlink4j.json.Json.class)) {
                Path where = codeSource(c);
                if (Files.isDirectory(where)) {
                    try (Stream<Path> all = Files.walk(where)) {
                        for (Path f : all.filter(Files::isRegularFile).sorted().toList()) {
                            String name = where.relativize(f).toString();
                            if (keep(name, added)) {
                                out.putNextEntry(new JarEntry(name));
                                Files.copy(f, out);
                                out.closeEntry();
                            }
                        }
                    }
                } else {
                    try (JarFile in = new JarFile(where.toFile())) {
                        for (JarEntry e : in.stream().filter(e -> !e.isDirectory()).toList()) {
                            if (keep(e.getName(), added)) {
                                out.putNextEntry(new JarEntry(e.getName()));
                                in.getInputStream(e).transferTo(out);
                                out.closeEntry();
                            }
                        }
                    }
                }
            }
        }
    }

    private static boolean keep(String name, Set<String> added) {
        return !name.equals("module-info.class") && !name.startsWith("META-INF/MANIFEST") && added.add(name);
    }

    private static Path codeSource(Class<?> c) throws IOException {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }

    private void buildJdk() throws IOException {
        Path home = Path.of(ProcessHandle.current().info().command().orElseThrow()).getParent().getParent();
        Files.createDirectories(jdk.resolve("bin"));
        Files.copy(home.resolve("release"), jdk.resolve("release"));
        Path java = jdk.resolve("bin/java");
        Files.writeString(java, """
                #!/bin/sh
                if [ -n "${NL4J_ARGS:-}" ]; then echo "$*" >> "$NL4J_ARGS"; fi
                if [ -n "${NL4J_TRAIN_FROM:-}" ]; then
                  for a; do
                    case $a in -XX:AOTCacheOutput=*) cp "$NL4J_TRAIN_FROM" "${a#*=}"; exit $? ;; esac
                  done
                fi
                exec %s "$@"
                """.formatted(home.resolve("bin/java")));
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** A copy of the repository's jip in the layout it expects (the library and the jar beside it), under root. */
    public Path jipTree(String name) throws IOException {
        Path repo = root.resolve(name);
        Path lib = repo.resolve("netlink-examples/src/main/cni/netlink4j-launcher.sh");
        Files.createDirectories(lib.getParent());
        Files.createDirectories(repo.resolve("netlink-examples/target"));
        Files.copy(LIBRARY, lib);
        Files.copy(jar, repo.resolve("netlink-examples/target/jip.jar"));
        Files.copy(JIP, repo.resolve("jip"));
        Files.setPosixFilePermissions(repo.resolve("jip"), PosixFilePermissions.fromString("rwxr-xr-x"));
        return repo.resolve("jip");
    }

    /** An empty file for a run's arguments, writable by every user a test runs launchers as. */
    public Path argsFile(String name) throws IOException {
        Path f = Files.writeString(root.resolve(name + ".args"), "");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-rw-rw-"));
        return f;
    }

    /** The command lines of the JVMs started with {@code NL4J_ARGS=argsFile}, in order. */
    public static List<String> calls(Path argsFile) throws IOException {
        return Files.readAllLines(argsFile);
    }

    /**
     * A process for {@code cmd} in {@code cwd} with an environment free of what would steer a launcher
     * (JAVA_HOME, HOME, XDG_CACHE_HOME, NETLINK4J_*, JIP_AOT, CNI_*) but for {@code env}, and the tag.
     */
    public ProcessBuilder command(List<String> cmd, Map<String, String> env, Path cwd) {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
        Map<String, String> e = pb.environment();
        e.keySet().removeIf(k -> k.equals("JAVA_HOME") || k.equals("HOME") || k.equals("XDG_CACHE_HOME")
                || k.startsWith("NETLINK4J_") || k.equals("JIP_AOT") || k.startsWith("CNI_") || k.startsWith("NL4J_"));
        e.put(tag.substring(0, tag.indexOf('=')), tag.substring(tag.indexOf('=') + 1));
        e.putAll(env);
        return pb;
    }

    /** Runs {@code cmd} to its end (at most a minute) with {@code stdin}; stdout and stderr kept apart. */
    public Result run(List<String> cmd, Map<String, String> env, String stdin, Path cwd) throws IOException, InterruptedException {
        Path out = Files.createTempFile(root, "out", ".txt"), err = Files.createTempFile(root, "err", ".txt");
        Process p = command(cmd, env, cwd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the command did not read its stdin
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("still running after a minute: " + cmd);
        }
        Result r = new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    /**
     * What a launcher test gives the CNI launcher on stdin: a network of layer 2 only in CNI 1.1.0, whose
     * STATUS starts the JVM and needs nothing else (VERSION, which the launcher answers itself, starts none).
     */
    public static final String CNI_CONF = "{\"cniVersion\":\"1.1.0\",\"name\":\"rig\",\"type\":\"netlink4j-bridge\"}";

    /** The environment for the CNI launcher (this module's source) to run {@code command} with the rig's JDK and jar. */
    public Map<String, String> cniEnv(String command, Path cacheDir, Path args) {
        Map<String, String> e = new HashMap<>();
        e.put("NETLINK4J_JAVA", jdk.resolve("bin/java").toString());
        e.put("NETLINK4J_JAR", jar.toString());
        e.put("NETLINK4J_CACHE_DIR", cacheDir.toString());
        e.put("NL4J_ARGS", args.toString());
        e.put("CNI_COMMAND", command);
        e.put("CNI_PATH", "/usr/lib/cni");
        // never the machine's resident daemon (/run/netlink4j/cni.sock), were one running: these calls are the test's
        e.put("NETLINK4J_CNI_SOCKET", root.resolve("no-daemon/cni.sock").toString());
        return e;
    }

    /** Runs the CNI launcher for {@code command} with {@link #cniEnv} and {@code env} over it, {@link #CNI_CONF} on stdin. */
    public Result cni(String command, Path cacheDir, Path args, Map<String, String> env, Path cwd) throws IOException, InterruptedException {
        Map<String, String> e = cniEnv(command, cacheDir, args);
        e.putAll(env);
        return run(List.of("sh", CNI_LAUNCHER.toString()), e, CNI_CONF, cwd);
    }

    /**
     * Waits (at most 90 s) until nothing started here runs any more: a training a launcher left in the
     * background has finished, or none was started.
     */
    public void awaitQuiet() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        List<ProcessHandle> left = tagged();
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            left = tagged();
        }
        assertTrue(left.isEmpty(), "still running after 90 s: " + left.stream().map(h -> h.info().commandLine().orElse("?")).toList());
    }

    /** The names in {@code dir}, sorted. */
    public static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Flips 64 bytes spread evenly over the file past its first 4 KiB: the JDK 25 JVM dies loading such a cache. */
    public static void corrupt(Path cache) throws IOException {
        byte[] b = Files.readAllBytes(cache);
        int step = (b.length - 8192) / 64;
        for (int i = 0; i < 64; i++) b[4096 + i * step] ^= (byte) 0xff;
        Files.write(cache, b);
    }

    public static void chown(Path p, int uid) throws IOException {
        Files.setAttribute(p, "unix:uid", uid, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(p, "unix:gid", uid, java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }

    public static void mode(Path p, String rwx) throws IOException {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(rwx));
    }

    public static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }

    /** The processes still running with this rig's tag. */
    public List<ProcessHandle> tagged() {
        byte[] want = tag.getBytes(StandardCharsets.UTF_8);
        List<ProcessHandle> found = new ArrayList<>();
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            for (ProcessHandle h : all.toList()) {
                byte[] env;
                try {
                    env = Files.readAllBytes(Path.of("/proc", Long.toString(h.pid()), "environ"));
                } catch (IOException gone) {
                    continue;
                }
                if (containsEntry(env, want)) found.add(h);
            }
        }
        return found;
    }

    private static boolean containsEntry(byte[] env, byte[] entry) {
        int start = 0;
        for (int i = 0; i <= env.length; i++) {
            if (i == env.length || env[i] == 0) {
                if (i - start == entry.length && java.util.Arrays.equals(env, start, i, entry, 0, entry.length)) return true;
                start = i + 1;
            }
        }
        return false;
    }

    /** Ends every process with this rig's tag, waiting at most 10 s for them to go. */
    public void endTagged() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<ProcessHandle> left = tagged();
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            left.forEach(ProcessHandle::destroyForcibly);
            Thread.sleep(100);
            left = tagged();
        }
        assertTrue(left.isEmpty(), "processes left running: " + left);
    }

    @Override
    public void close() throws IOException {
        try {
            endTagged();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
