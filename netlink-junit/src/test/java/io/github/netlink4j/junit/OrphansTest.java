package io.github.netlink4j.junit;

import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.Privileged;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kit after a test JVM died without cleaning up: the namespaces of dead JVMs go, with their links,
 * and nothing else does.
 */
class OrphansTest {
    private static void deleteAll(List<String> names) throws IOException {
        for (String n : names) if (NetNamespace.exists(n)) NetNamespace.delete(n);
    }

    @Test
    void theSweepRemovesTheNamespacesOfDeadJvmsOnly() throws Exception {
        Privileged.require();
        Orphans.Jvm self = Orphans.Jvm.self();
        // A process that ran and ended: its real pid and start time, no longer running.
        Process p = new ProcessBuilder("sleep", "30").start();
        long started;
        try {
            started = Orphans.startTime(p.pid());
        } finally {
            p.destroyForcibly();
            assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        }
        String ended = new Orphans.Jvm(self.pidNamespace(), p.pid(), started).newName();
        String pidReused = new Orphans.Jvm(self.pidNamespace(), self.pid(), self.startTime() + 1).newName();
        String live = self.newName();
        String otherPidNamespace = new Orphans.Jvm(self.pidNamespace() + 1, p.pid(), started).newName();
        String notTheKits = ThrowawayNamespace.uniqueName("orphan");
        List<String> all = List.of(ended, pidReused, live, otherPidNamespace, notTheKits);
        try {
            for (String n : all) NetNamespace.create(n).close();
            List<String> removed = Orphans.sweep();
            assertTrue(removed.contains(ended), "a JVM that ended: " + removed);
            assertTrue(removed.contains(pidReused), "a pid now used by another process (this JVM, started later): " + removed);
            assertFalse(NetNamespace.exists(ended));
            assertFalse(NetNamespace.exists(pidReused));
            for (String kept : List.of(live, otherPidNamespace, notTheKits)) {
                assertTrue(NetNamespace.exists(kept), kept + " stays");
                assertFalse(removed.contains(kept), kept + " is not reported");
            }
        } finally {
            deleteAll(all);
        }
    }

    private static Process probe(String mode) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        return new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                KilledJvmProbe.class.getName(), mode).redirectErrorStream(true).start();
    }

    @Test
    void aTestJvmKilledMidTestIsCleanedUpByTheNextRun() throws Exception {
        Privileged.require();
        Process victim = probe("hold");
        String name = null;
        try {
            BlockingQueue<String> lines = new ArrayBlockingQueue<>(1000);
            Thread.ofPlatform().daemon().start(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(victim.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String l; (l = r.readLine()) != null; ) lines.offer(l);
                } catch (IOException ignored) {
                    // the process was killed
                }
            });
            List<String> seen = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (name == null && System.nanoTime() < deadline) {
                String l = lines.poll(100, TimeUnit.MILLISECONDS);
                if (l == null && !victim.isAlive() && lines.isEmpty()) break;
                if (l == null) continue;
                seen.add(l);
                if (l.startsWith("READY ")) name = l.substring(6);
            }
            assertNotNull(name, () -> "the probe's test never got going: " + seen);
            victim.destroyForcibly(); // SIGKILL: no @AfterEach, no shutdown hook
            assertTrue(victim.waitFor(10, TimeUnit.SECONDS));
            assertTrue(NetNamespace.exists(name), "the killed JVM left its namespace");
            String links = Ip.in(name, "-br", "link");
            assertTrue(links.contains("br0") && links.contains("veth0"), links);

            Process next = probe("pass");
            assertTrue(next.waitFor(60, TimeUnit.SECONDS), "the next run ends");
            String said = new String(next.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, next.exitValue(), said);
            assertTrue(said.contains("netlink4j JUnit kit: removed namespace " + name + ", left by JVM " + victim.pid()),
                    () -> "the next run reports what it removed; it said: \"" + said + "\"");
            assertFalse(NetNamespace.exists(name), "the next run removed it");
        } finally {
            victim.destroyForcibly();
            if (name != null) deleteAll(List.of(name));
        }
    }
}
