package io.github.netlink4j.examples.cni;

import io.github.netlink4j.examples.LauncherRig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * CNI_COMMAND=VERSION, which runtimes ask first and often: the launcher answers it with builtins, no JVM,
 * no stdin read, no lock or training, and with the very bytes the plugin's own VERSION path prints, so the
 * list of versions cannot drift between the two. Its JDK is a script that records being run.
 */
class CniVersionTest {
    private Path tmp;
    private Path java;

    @BeforeEach
    void setUp() throws IOException {
        tmp = Files.createTempDirectory("nl4j-cni-version");
        java = recordingJava();
    }

    @AfterEach
    void tearDown() throws IOException {
        PluginRun.deleteTree(tmp);
    }

    /** A JDK whose java notes each run in tmp/java-ran and then runs this test's JDK. */
    private Path recordingJava() throws IOException {
        Path home = Path.of(ProcessHandle.current().info().command().orElseThrow()).getParent().getParent();
        Files.createDirectories(tmp.resolve("jdk/bin"));
        Files.copy(home.resolve("release"), tmp.resolve("jdk/release"));
        Path java = tmp.resolve("jdk/bin/java");
        Files.writeString(java, "#!/bin/sh\necho \"$*\" >> '" + tmp.resolve("java-ran") + "'\nexec '" + home.resolve("bin/java") + "' \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return java;
    }

    record Answer(int exit, String out, Duration took) {}

    /**
     * The launcher's VERSION with its stdin a pipe this test never closes (a runtime that writes the config
     * and waits): an answer that needed stdin's end would never come. As root with host-local in CNI_PATH
     * and a cache directory of its own, a call that reached the JVM would also train.
     */
    private Answer version() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("CNI_COMMAND", "VERSION");
        env.put("CNI_PATH", "/usr/lib/cni");
        env.put("NETLINK4J_JAVA", java.toString());
        env.put("NETLINK4J_CACHE_DIR", tmp.resolve("cache").toString());
        ProcessBuilder pb = new ProcessBuilder("sh", LauncherRig.CNI_LAUNCHER.toString());
        pb.environment().keySet().removeIf(k -> k.startsWith("CNI_") || k.startsWith("NETLINK4J_") || k.equals("JAVA_HOME"));
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        Process p = pb.redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Thread reader = Thread.ofPlatform().daemon().start(() -> {
                try {
                    p.getInputStream().transferTo(out);
                } catch (IOException closed) {
                    // killed below
                }
            });
            if (!p.waitFor(10, TimeUnit.SECONDS)) fail("no VERSION answer within 10 s with stdin left open");
            long took = System.nanoTime() - t0;
            reader.join(10_000);
            return new Answer(p.exitValue(), out.toString(StandardCharsets.UTF_8), Duration.ofNanos(took));
        } finally {
            p.getOutputStream().close();
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    @Test
    void theLauncherAnswersWithTheBytesThePluginPrints() throws Exception {
        PluginRun.Answer jvm = PluginRun.inProcess(null, Map.of("CNI_COMMAND", "VERSION"), "");
        assertEquals(0, jvm.exit(), jvm.out());
        assertTrue(jvm.out().contains("\"1.1.0\""), jvm.out());
        Answer launcher = version();
        assertEquals(0, launcher.exit(), launcher.out());
        assertEquals(jvm.out(), launcher.out());
    }

    @Test
    void versionStartsNoJvmReadsNoStdinAndTrainsNothing() throws Exception {
        Duration fastest = Duration.ofDays(1);
        for (int i = 0; i < 5; i++) {
            Answer a = version();
            assertEquals(0, a.exit(), a.out());
            if (a.took().compareTo(fastest) < 0) fastest = a.took();
        }
        assertFalse(Files.exists(tmp.resolve("java-ran")), "a JVM was started: " + (Files.exists(tmp.resolve("java-ran")) ? Files.readString(tmp.resolve("java-ran")) : ""));
        assertFalse(Files.exists(tmp.resolve("cache")), "a cache directory, lock or training was made");
        // A shell and its builtins: a few ms unloaded. The bound leaves room for a busy machine; that no JVM
        // ran is proved above, by the recording java.
        assertTrue(fastest.toMillis() < 100, "the fastest of 5 VERSION answers took " + fastest.toMillis() + " ms");
    }
}
