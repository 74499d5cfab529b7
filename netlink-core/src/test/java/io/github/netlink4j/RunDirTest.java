package io.github.netlink4j;

import io.github.netlink4j.error.SyscallException;
import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.Privileged;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /var/run/netns as something others can write to or race on: nothing there steers the library. */
class RunDirTest {
    private static String unique(String p) {
        return ThrowawayNamespace.uniqueName(p);
    }

    @Test
    void aSymbolicLinkIsNeitherOpenedNorDeleted() throws Exception {
        Privileged.require();
        String name = unique("link");
        try (NetNamespace keep = NetNamespace.create(unique("dir"))) { // makes sure the directory exists
            NetNamespace.delete(keep.name().orElseThrow());
        }
        Path link = NetNamespace.RUN_DIR.resolve(name);
        Files.createSymbolicLink(link, Path.of("/proc/self/ns/net"));
        try {
            SyscallException open = assertThrows(SyscallException.class, () -> NetNamespace.open(name));
            assertEquals("ELOOP", open.errnoName());
            SyscallException del = assertThrows(SyscallException.class, () -> NetNamespace.delete(name));
            assertEquals("ELOOP", del.errnoName());
            assertTrue(Files.isSymbolicLink(link), "left alone");
        } finally {
            Files.deleteIfExists(link);
        }
    }

    @Test
    void aStaleNameIsListedLikeIpAndRefusedWhenOpened() throws Exception {
        Privileged.require();
        String live = unique("live");
        String stale = unique("stale");
        try (NetNamespace ns = NetNamespace.create(live); NetlinkClient nl = NetlinkClient.open(ns)) {
            // What a SIGKILL between creating the file and mounting on it leaves: an empty file.
            Files.createFile(NetNamespace.RUN_DIR.resolve(stale));
            assertTrue(NetNamespace.list().contains(stale));
            assertTrue(Ip.run("netns", "list").out().contains(stale), "ip lists it too");
            SyscallException e = assertThrows(SyscallException.class, () -> NetNamespace.open(stale));
            assertEquals("EINVAL", e.errnoName());
            assertTrue(e.getMessage().contains("nothing is mounted on it"), e.getMessage());
            var named = nl.nsids().named(); // does not abort on the stale one
            assertEquals(java.util.OptionalInt.empty(), named.get(stale));
            assertTrue(named.containsKey(live));
            NetNamespace.delete(stale);
            assertFalse(NetNamespace.exists(stale));
        } finally {
            Files.deleteIfExists(NetNamespace.RUN_DIR.resolve(stale));
            if (NetNamespace.exists(live)) NetNamespace.delete(live);
        }
    }

    @Test
    void aFileThatIsNoNetworkNamespaceIsRefused() throws Exception {
        Privileged.require();
        SyscallException e = assertThrows(SyscallException.class, () -> NetNamespace.openPath(Path.of("/proc/self/ns/mnt")));
        assertTrue(e.getMessage().contains("not a network namespace"), e.getMessage());
        SyscallException f = assertThrows(SyscallException.class, () -> NetNamespace.openPath(Path.of("/etc/hostname")));
        assertTrue(f.getMessage().contains("not a namespace file"), f.getMessage());
    }

    @Test
    @Timeout(120)
    void createAndDeleteRacingEndInADefinedState() throws Exception {
        Privileged.require();
        for (int round = 0; round < 40; round++) {
            String name = unique("race");
            int spins = round % 4 * 1000;
            CountDownLatch go = new CountDownLatch(1);
            AtomicReference<Throwable> created = new AtomicReference<>(), deleted = new AtomicReference<>();
            Thread c = Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                    NetNamespace.create(name).close();
                } catch (Throwable t) {
                    created.set(t);
                }
            });
            Thread d = Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                    for (int i = 0; i < spins; i++) Thread.onSpinWait();
                    NetNamespace.delete(name);
                } catch (Throwable t) {
                    deleted.set(t);
                }
            });
            go.countDown();
            c.join();
            d.join();
            try {
                // Either the create failed with a typed error or succeeded, the delete likewise; what is left is
                // a working namespace or nothing, never a file that is not a namespace.
                if (created.get() != null) assertTrue(created.get() instanceof java.io.IOException, String.valueOf(created.get()));
                if (deleted.get() != null) assertTrue(deleted.get() instanceof java.io.IOException, String.valueOf(deleted.get()));
                if (NetNamespace.exists(name)) {
                    try (NetNamespace ns = NetNamespace.open(name)) {
                        assertTrue(ns.id().startsWith("net:["), "round " + round);
                    }
                }
            } finally {
                if (NetNamespace.exists(name)) NetNamespace.delete(name);
            }
        }
    }

    /**
     * In a mount namespace of its own (made by the test with unshare -m; the library never runs it) with
     * a fresh tmpfs on /run and umask 077, the run directory the library makes is still 0755, as ip's.
     */
    @Test
    @Timeout(60)
    void theRunDirectoryIs0755WhateverTheUmask() throws Exception {
        Privileged.require();
        String cp = Path.of(NetNamespace.class.getProtectionDomain().getCodeSource().getLocation().toURI()) + ":"
                + Path.of(io.github.netlink4j.testing.RunDirModeProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String javaBin = ProcessHandle.current().info().command().orElseThrow();
        Process p = new ProcessBuilder("unshare", "-m", "sh", "-c", "mount -t tmpfs nl4j-run /run && umask 077 && exec \"$0\" \"$@\"",
                javaBin, "--enable-native-access=ALL-UNNAMED", "-cp", cp, io.github.netlink4j.testing.RunDirModeProbe.class.getName(),
                unique("mode")).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), out);
        assertEquals("mode rwxr-xr-x\n", out);
    }
}
