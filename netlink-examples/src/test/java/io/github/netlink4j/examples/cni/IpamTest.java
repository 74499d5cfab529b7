package io.github.netlink4j.examples.cni;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The IPAM child against fake IPAM plugins (shell scripts in a CNI_PATH of their own): the timeout fires
 * and kills what the plugin started, a plugin that writes before it reads gets its config all the same,
 * a result is bounded, and a plugin's own error comes through as it wrote it. No root needed.
 */
class IpamTest {
    /** The timeout the tests set: long enough for sh to start under load, short enough to wait for. */
    private static final int TIMEOUT_S = 2;
    /** Each call must end within this, whatever the plugin does; well past TIMEOUT_S. */
    private static final Duration BOUND = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    /** Kills what the scripts wrote to *.pid, so a failing test leaves no sleeper behind. */
    @AfterEach
    void killLeftovers() throws Exception {
        try (var s = Files.list(dir)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".pid")).toList()) {
                pid(p).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    private static Optional<ProcessHandle> pid(Path file) throws Exception {
        String s = Files.readString(file).strip();
        return s.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(s));
    }

    private void fake(String name, String body) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\ncd '" + dir + "'\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("CNI_PATH", dir.toString());
        env.put("CNI_COMMAND", "ADD");
        env.put("CNI_CONTAINERID", "c1");
        env.put("PATH", System.getenv("PATH"));
        env.put(Ipam.TIMEOUT_ENV, String.valueOf(TIMEOUT_S));
        return env;
    }

    private Map<String, Object> exec(String type, String stdin) throws Exception {
        return assertTimeoutPreemptively(BOUND, () -> Ipam.exec(env(), type, "ADD", stdin), "the IPAM call must end");
    }

    private CniError fails(String type, String stdin) {
        return assertThrows(CniError.class, () -> exec(type, stdin));
    }

    /** Waits (bounded) for the process whose pid a script wrote to {@code pidFile} to be gone (reaped already, or dead). */
    private static boolean gone(Path pidFile) throws Exception {
        assertTrue(Files.exists(pidFile) && !Files.readString(pidFile).isBlank(), pidFile + ": the process never ran");
        Optional<ProcessHandle> h = pid(pidFile);
        for (int i = 0; i < 50 && h.isPresent() && h.get().isAlive(); i++) Thread.sleep(100);
        return h.isEmpty() || !h.get().isAlive();
    }

    @Test
    void aPluginThatSleepsPastTheTimeoutIsTryAgainLaterAndItsSleepIsKilled() throws Exception {
        fake("slow", "sleep 75 & echo $! > sleep.pid\nwait\necho '{\"cniVersion\":\"1.0.0\"}'");
        long t0 = System.nanoTime();
        CniError e = fails("slow", "{}");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(11, e.code, e.getMessage() + ": " + e.details);
        assertTrue(ms >= TIMEOUT_S * 1000 - 100 && ms < TIMEOUT_S * 1000 + 5000, "answered after " + ms + " ms");
        assertTrue(gone(dir.resolve("sleep.pid")), "the plugin's child was killed with it");
    }

    @Test
    void aPluginThatNeverExitsIsKilled() throws Exception {
        fake("stuck", "echo $$ > stuck.pid\nwhile :; do sleep 1; done");
        assertEquals(11, fails("stuck", "{}").code);
        // Killed when the call returns, but not yet reaped on a loaded machine: wait for it, bounded.
        assertTrue(gone(dir.resolve("stuck.pid")), "the plugin itself is gone");
    }

    @Test
    void aSleepingGrandchildIsKilledWithThePlugin() throws Exception {
        // plugin -> sh (subshell) -> sleep: two levels below the plugin, while the plugin waits forever
        fake("tree", "( sleep 300 & echo $! > grandchild.pid; wait ) &\nwhile :; do sleep 1; done");
        assertEquals(11, fails("tree", "{}").code);
        assertTrue(gone(dir.resolve("grandchild.pid")), "the grandchild was killed too");
    }

    /** A plugin gone, stdout still held open by what it left behind: the call still ends at the timeout. */
    @Test
    void anOrphanHoldingStdoutCannotHoldTheCall() throws Exception {
        fake("orphan", "sleep 300 & echo $! > orphan.pid\necho '{\"cniVersion\":\"1.0.0\"}'");
        // Which way it ends depends on timing, both bounded: the sleep is still the plugin's descendant
        // when the call looks (it is killed, stdout ends, the result stands), or it is an orphan by then
        // (stdout stays open until the timeout: error 11). What must never happen is a call that waits on it.
        long t0 = System.nanoTime();
        try {
            Map<String, Object> r = exec("orphan", "{}");
            assertEquals("1.0.0", r.get("cniVersion"));
        } catch (CniError e) {
            assertEquals(11, e.code, e.getMessage());
        }
        assertTrue(System.nanoTime() - t0 < (TIMEOUT_S + 5) * 1_000_000_000L, "ended by the timeout at the latest");
    }

    /** 256 KiB out before it reads 1 MiB in: with both on one thread, each side waits on a full pipe forever. */
    @Test
    void aPluginThatWritesBeforeItReadsGetsALargeConfig() throws Exception {
        fake("eager", "head -c 262144 /dev/zero | tr '\\0' ' '\nwc -c > got.txt\necho '{\"cniVersion\":\"1.0.0\",\"ips\":[]}'");
        String conf = "{\"pad\":\"" + "x".repeat(1 << 20) + "\"}";
        Map<String, Object> r = exec("eager", conf);
        assertEquals(List.of(), r.get("ips"));
        assertEquals(conf.length(), Integer.parseInt(Files.readString(dir.resolve("got.txt")).strip()), "all of stdin reached it");
    }

    @Test
    void aResultPastOneMebibyteIsRefusedWithoutWaitingForTheTimeout() throws Exception {
        fake("big", "head -c 2000000 /dev/zero | tr '\\0' ' '\necho '{}'");
        long t0 = System.nanoTime();
        CniError e = fails("big", "{}");
        assertEquals(5, e.code, e.getMessage() + ": " + e.details);
        assertTrue(System.nanoTime() - t0 < TIMEOUT_S * 1_000_000_000L, "refused by the bound, not the timeout");
    }

    @Test
    void thePluginsOwnErrorComesThroughAndHoldsNoAllocation() throws Exception {
        fake("refuses", "cat > /dev/null\necho '{\"cniVersion\":\"1.0.0\",\"code\":11,\"msg\":\"pool busy\",\"details\":\"later\"}'\nexit 1");
        CniError e = fails("refuses", "{}");
        assertInstanceOf(Ipam.NoAllocation.class, e);
        assertEquals(List.of(11, "pool busy", "later"), List.of(e.code, e.getMessage(), e.details));
        fake("garbles", "echo 'panic: {'\nexit 2");
        CniError g = assertInstanceOf(Ipam.NoAllocation.class, fails("garbles", "{}"));
        assertEquals(999, g.code);
        assertTrue(g.details.contains("panic"), g.details);
    }

    /** Exit 0 with something that is no result: a decoding failure, and not one that holds nothing (it may have allocated). */
    @Test
    void anUnreadableResultIsADecodingFailure() throws Exception {
        fake("junk", "echo '{\"ips\": ['");
        CniError e = fails("junk", "{}");
        assertEquals(6, e.code);
        assertFalse(e instanceof Ipam.NoAllocation);
    }

    @Test
    void theTimeoutIsReadFromOneVariable() throws Exception {
        assertEquals(Ipam.DEFAULT_TIMEOUT, Ipam.timeout(Map.of()));
        assertEquals(Duration.ofSeconds(60), Ipam.DEFAULT_TIMEOUT);
        assertEquals(Duration.ofSeconds(7), Ipam.timeout(Map.of(Ipam.TIMEOUT_ENV, "7")));
        for (String bad : new String[] {"0", "-1", "3601", "1.5", "soon"}) {
            CniError e = assertThrows(CniError.class, () -> Ipam.timeout(Map.of(Ipam.TIMEOUT_ENV, bad)), bad);
            assertEquals(4, e.code, bad);
        }
    }
}
