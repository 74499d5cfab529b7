package io.github.netlink4j.examples.cni;

import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.Json;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launcher a runtime execs (src/main/cni/netlink4j-bridge, copied to target/cni at package): it finds
 * a JDK by itself, and on JDK 25 trains its AOT cache in the background from a run that touches nothing
 * in the namespace it was started in, then starts every later call with it. The JDK it runs is a wrapper
 * that logs its arguments, so the test sees which options each JVM got.
 */
class CniLauncherTest {
    private static final Path LAUNCHER = Path.of("src/main/cni/netlink4j-bridge");
    private final List<ThrowawayNamespace> namespaces = new ArrayList<>();
    private Path tmp;
    private String classPath; // made once: a rebuilt jar is a new key, as it must be

    record Result(int exit, String out) {}

    @BeforeEach
    void setUp() throws IOException {
        assertTrue(Files.isExecutable(Path.of("/usr/lib/cni/host-local")), ".ci/run installs containernetworking-plugins");
        tmp = Files.createTempDirectory("nl4j-cni-launcher");
    }

    @AfterEach
    void tearDown() throws IOException {
        for (ThrowawayNamespace n : namespaces) n.close();
        try (Stream<Path> s = Files.walk(tmp)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    private ThrowawayNamespace ns(String prefix) throws IOException {
        ThrowawayNamespace n = ThrowawayNamespace.create(prefix);
        namespaces.add(n);
        return n;
    }

    /** This test's JDK as {@code tmp/jdk}: its release file, and bin/java logging its arguments to tmp/args. */
    private Path loggingJdk() throws IOException {
        Path home = Path.of(ProcessHandle.current().info().command().orElseThrow()).getParent().getParent();
        Path jdk = Files.createDirectories(tmp.resolve("jdk/bin"));
        Files.copy(home.resolve("release"), tmp.resolve("jdk/release"));
        Path java = jdk.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho \"$*\" >> " + tmp.resolve("args") + "\nexec " + home.resolve("bin/java") + " \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return java;
    }

    private Result launch(ThrowawayNamespace host, Map<String, String> extra, String cmd, String netns, String conf) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("ip", "netns", "exec", host.name(), "sh", LAUNCHER.toString());
        Map<String, String> env = pb.environment();
        env.remove("JAVA_HOME");
        if (classPath == null) classPath = classPath();
        env.put("NETLINK4J_JAR", classPath);
        env.put("NETLINK4J_CACHE_DIR", tmp.resolve("cache").toString());
        env.put("CNI_COMMAND", cmd);
        env.put("CNI_CONTAINERID", "launcher-test");
        env.put("CNI_NETNS", netns);
        env.put("CNI_IFNAME", "eth0");
        env.put("CNI_PATH", "/usr/lib/cni");
        env.putAll(extra);
        Process p = pb.redirectError(ProcessBuilder.Redirect.INHERIT).start();
        p.getOutputStream().write(conf.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Result(p.exitValue(), out);
    }

    /**
     * The plugin's class path as jars: an AOT cache cannot be made from classes in a directory, which is
     * where the build's own classes are while tests run. Directories are packed into jars under tmp.
     */
    private String classPath() throws IOException {
        List<String> cp = new ArrayList<>();
        for (Class<?> c : List.of(BridgePlugin.class, io.github.netlink4j.NetlinkClient.class, io.github.netlink4j.json.Json.class)) {
            Path where;
            try {
                where = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
            } catch (java.net.URISyntaxException e) {
                throw new IOException(e);
            }
            if (Files.isDirectory(where)) {
                Path jar = tmp.resolve("cp-" + cp.size() + ".jar");
                try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar)); Stream<Path> all = Files.walk(where)) {
                    for (Path f : all.filter(Files::isRegularFile).sorted().toList()) {
                        out.putNextEntry(new java.util.jar.JarEntry(where.relativize(f).toString()));
                        Files.copy(f, out);
                        out.closeEntry();
                    }
                }
                where = jar;
            }
            cp.add(where.toString());
        }
        return String.join(":", cp);
    }

    private String conf() {
        return "{\"cniVersion\":\"1.0.0\",\"name\":\"t2\",\"type\":\"netlink4j-bridge\",\"bridge\":\"cni8\",\"isGateway\":true,"
                + "\"ipam\":{\"type\":\"host-local\",\"subnet\":\"10.200.42.0/24\",\"dataDir\":\"" + tmp.resolve("ipam") + "\"}}";
    }

    /** STATUS, which starts the JVM (VERSION does not): it runs with a JDK the launcher found, and finds host-local. */
    @Test
    void findsAJdkOfItsOwnAndAnswersStatus() throws Exception {
        ThrowawayNamespace host = ns("cni-l");
        String conf = "{\"cniVersion\":\"1.1.0\",\"name\":\"t2\",\"type\":\"netlink4j-bridge\",\"ipam\":{\"type\":\"host-local\",\"subnet\":\"10.200.42.0/24\"}}";
        Result r = launch(host, Map.of("NETLINK4J_AOT", "0"), "STATUS", "", conf);
        assertEquals(0, r.exit(), r.out());
        assertEquals("", r.out());
    }

    @Test
    @SuppressWarnings("unchecked")
    void trainsItsAotCacheInTheBackgroundAndStartsLaterCallsWithIt() throws Exception {
        Path java = loggingJdk();
        ThrowawayNamespace host = ns("cni-l"), c = ns("cni-lc");
        Map<String, String> env = Map.of("NETLINK4J_JAVA", java.toString());
        // a cache of an earlier jar, made two days ago: the new training removes it; a file that is no cache stays
        Path cache = Files.createDirectories(tmp.resolve("cache"));
        Path stale = Files.writeString(cache.resolve("cni-bridge-1.aot"), "an earlier jar's cache");
        Files.setLastModifiedTime(stale, FileTime.fromMillis(System.currentTimeMillis() - TimeUnit.DAYS.toMillis(2)));
        Files.writeString(cache.resolve("notes.txt"), "not a cache");
        Result first = launch(host, env, "ADD", "/run/netns/" + c.name(), conf());
        assertEquals(0, first.exit(), first.out());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        List<String> files = List.of();
        while (System.nanoTime() < deadline) {
            try (Stream<Path> s = Files.list(cache)) {
                files = s.map(p -> p.getFileName().toString()).sorted().toList();
            }
            if (files.stream().anyMatch(f -> f.endsWith(".aot")) && files.stream().noneMatch(f -> f.endsWith(".lock") || f.equals("cni-bridge-1.aot"))) break;
            Thread.sleep(100);
        }
        assertEquals(3, files.size(), "one cache and what it was made for, no lock, no half-written file, no stale cache: " + files);
        assertEquals("notes.txt", files.get(2));
        assertTrue(files.get(0).matches("cni-bridge-\\d+\\.aot") && Files.size(cache.resolve(files.get(0))) > 0, files.toString());
        assertEquals(files.get(0).replace(".aot", ".src"), files.get(1));
        // the training made its bridge in an anonymous namespace: here there is only what the ADD made
        List<String> links = linkNames(host);
        assertEquals(List.of("cni8", "lo"), links.stream().filter(n -> !n.startsWith("veth")).sorted().toList(), "host links: " + links);
        assertEquals(1, links.stream().filter(n -> n.startsWith("veth")).count(), "host links: " + links);
        assertEquals(0, launch(host, env, "DEL", "/run/netns/" + c.name(), conf()).exit());
        Result again = launch(host, env, "ADD", "/run/netns/" + c.name(), conf());
        assertEquals(0, again.exit(), again.out());
        assertEquals(3, ((List<Object>) ((Map<String, Object>) Json.parse(again.out())).get("interfaces")).size(), again.out());
        List<String> calls = Files.readAllLines(tmp.resolve("args"));
        assertTrue(calls.stream().anyMatch(a -> a.contains("-XX:AOTCacheOutput=") && a.endsWith(" --train")), "a training run: " + calls);
        assertFalse(calls.get(0).contains("-XX:AOTCache="), "the first call had no cache yet: " + calls.get(0));
        assertTrue(calls.get(calls.size() - 1).contains("-XX:AOTCache=" + cache.resolve(files.get(0))), "the last call started with it: " + calls);
        assertEquals(0, launch(host, env, "DEL", "/run/netns/" + c.name(), conf()).exit());
    }

    private static List<String> linkNames(ThrowawayNamespace n) throws IOException {
        List<String> names = new ArrayList<>();
        for (String line : Ip.in(n.name(), "-o", "link").split("\n")) {
            if (!line.isBlank()) names.add(line.split(": ")[1].split("@")[0]);
        }
        return names;
    }
}
