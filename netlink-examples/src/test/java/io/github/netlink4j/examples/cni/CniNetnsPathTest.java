package io.github.netlink4j.examples.cni;

import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CNI_NETNS naming something that is no network namespace, as a runtime's bug or a hostile caller may:
 * a FIFO (opened for reading, it waits for a writer forever), a device node (whose driver must not be
 * asked to open), a regular file, symbolic links to them. ADD answers a CNI error at once, before the
 * IPAM plugin runs; DEL, idempotent, succeeds at once (no interface of ours can be in such a file).
 */
class CniNetnsPathTest {
    private ThrowawayNamespace host;
    private Path dir;

    @AfterEach
    void tearDown() throws Exception {
        if (host != null) host.close();
        PluginRun.deleteTree(dir);
    }

    private static void sh(String... argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", argv) + ": " + out);
    }

    @Test
    void whatIsNoNamespaceIsAnErrorAtOnceAndDelSucceeds() throws Exception {
        assertTrue(Files.isExecutable(Path.of("/usr/lib/cni/host-local")), ".ci/run installs containernetworking-plugins");
        host = ThrowawayNamespace.create("cni-host");
        dir = Files.createTempDirectory("nl4j-cni-netns");
        Path fifo = dir.resolve("fifo"), dev = dir.resolve("null"), file = dir.resolve("file");
        sh("mkfifo", fifo.toString());
        sh("mknod", dev.toString(), "c", "1", "3");
        Files.writeString(file, "not a namespace");
        Path toFifo = Files.createSymbolicLink(dir.resolve("to-fifo"), fifo);
        Path toFile = Files.createSymbolicLink(dir.resolve("to-hostname"), Path.of("/etc/hostname"));
        String conf = "{\"cniVersion\":\"1.0.0\",\"name\":\"t1\",\"type\":\"bridge\",\"bridge\":\"cni9\",\"ipam\":{\"type\":\"host-local\","
                + "\"subnet\":\"10.200.45.0/24\",\"dataDir\":\"" + dir.resolve("ipam") + "\"}}";
        for (Path p : new Path[] {fifo, dev, file, toFifo, toFile}) {
            Map<String, String> env = new HashMap<>();
            env.put("CNI_CONTAINERID", "c1");
            env.put("CNI_NETNS", p.toString());
            env.put("CNI_IFNAME", "eth0");
            env.put("CNI_PATH", "/usr/lib/cni");
            env.put("CNI_COMMAND", "ADD");
            PluginRun.Answer add = PluginRun.asProcess(host, env, conf, Duration.ofSeconds(20));
            assertEquals(1, add.exit(), p + ": " + add.out());
            assertEquals(3L, add.code(), p + ": " + add.out());
            assertTrue(String.valueOf(add.json().get("details")).contains("not a namespace file"), add.out());
            assertEquals(0, PluginRun.allocations(dir.resolve("ipam")), p + ": refused before host-local allocated");
            env.put("CNI_COMMAND", "DEL");
            PluginRun.Answer del = PluginRun.asProcess(host, env, conf, Duration.ofSeconds(20));
            assertEquals(0, del.exit(), p + ": " + del.out());
        }
    }
}
