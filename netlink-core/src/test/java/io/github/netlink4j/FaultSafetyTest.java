package io.github.netlink4j;

import io.github.netlink4j.common.BulkResult;
import io.github.netlink4j.event.EventGroup;
import io.github.netlink4j.event.NetlinkEvent;
import io.github.netlink4j.link.LinkSpec;

import io.github.netlink4j.error.StrandedThreadException;
import io.github.netlink4j.error.SyscallException;
import io.github.netlink4j.internal.transport.NamespaceExecutor;
import io.github.netlink4j.internal.transport.NetnsThreads;
import io.github.netlink4j.internal.sys.Libc;
import io.github.netlink4j.internal.sys.Sys;
import io.github.netlink4j.testing.Privileged;
import io.github.netlink4j.testing.StrandProbe;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the namespace workers promise when jobs misbehave: no thread left inside unsaid, no caller left waiting. */
class FaultSafetyTest {

    @Test
    @Timeout(120)
    void aFreshJvmEndsWithEveryThreadAtHomeOrReported() throws Exception {
        Privileged.require();
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process p = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                StrandProbe.class.getName()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        // The common pool's first worker is born on the job's thread, inside: the call says so, naming it.
        assertTrue(out.contains("reported: [ForkJoinPool.co"), out);
        assertTrue(out.contains("exit: 0"), out);
        // The reaper the process start needed was born at home; nothing else is inside.
        assertTrue(out.contains("\nclean"), out);
    }

    @Test
    @Timeout(120)
    void aProcessStartThatLeavesAThreadInsideFailsNamingIt() throws Exception {
        Privileged.require();
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process p = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                io.github.netlink4j.testing.StartStrandProbe.class.getName()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("decoy: TIMED_WAITING"), out);
        // The reaper the start made was born on the start's thread, inside: the start says so and names it.
        assertTrue(out.contains("reported: [process reaper (tid "), out);
        assertTrue(out.contains("children left: 0"), "the failed start destroyed the process it made: " + out);
    }

    @Test
    void aJobThatStartsAndJoinsItsThreadsIsFine() throws Exception {
        try (ThrowawayNamespace t = ThrowawayNamespace.create("join")) {
            String inside = t.ns().call(() -> {
                String[] seen = new String[1];
                Thread th = Thread.ofPlatform().start(() -> {
                    try {
                        seen[0] = NetnsThreads.currentNetns();
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                th.join();
                return seen[0];
            });
            assertEquals(t.ns().id(), inside, "a thread started inside is inside: why the rule exists");
        }
    }

    @Test
    void aThreadLeftRunningInsideFailsTheCallNamingIt() throws Exception {
        try (ThrowawayNamespace t = ThrowawayNamespace.create("stray")) {
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            Thread[] started = new Thread[1];
            try {
                StrandedThreadException e = assertThrows(StrandedThreadException.class, () -> t.ns().call(() -> {
                    started[0] = Thread.ofPlatform().name("nl4j-stray-probe").start(() -> {
                        try {
                            release.await();
                        } catch (InterruptedException ignored) {
                            // ends
                        }
                    });
                    return 1;
                }));
                assertEquals(1, e.threads().size(), e.getMessage());
                assertTrue(e.threads().get(0).startsWith("nl4j-stray-prob (tid "), e.threads().toString());
                assertTrue(e.getMessage().contains("started inside " + t.ns().id()), e.getMessage());
            } finally {
                release.countDown();
                if (started[0] != null) started[0].join();
            }
            // The worker itself is fine and goes on serving.
            assertEquals(t.ns().id(), t.ns().call(NetnsThreads::currentNetns));
        }
    }

    @Test
    @Timeout(30)
    void anErrorInTheJobReachesTheCaller() throws Exception {
        try (ThrowawayNamespace t = ThrowawayNamespace.create("err")) {
            StackOverflowError boom = new StackOverflowError("from the job");
            assertSame(boom, assertThrows(StackOverflowError.class, () -> t.ns().call(() -> {
                throw boom;
            })));
            assertEquals(t.ns().id(), t.ns().call(NetnsThreads::currentNetns), "the next call is served");
        }
    }

    @Test
    @Timeout(60)
    void concurrentCallsAreBounded() throws Exception {
        try (ThrowawayNamespace t = ThrowawayNamespace.create("bound")) {
            AtomicInteger inside = new AtomicInteger(), peak = new AtomicInteger();
            List<Thread> callers = new ArrayList<>();
            AtomicInteger done = new AtomicInteger();
            for (int i = 0; i < 100; i++) {
                callers.add(Thread.ofVirtual().start(() -> {
                    try {
                        t.ns().run(() -> {
                            peak.accumulateAndGet(inside.incrementAndGet(), Math::max);
                            try {
                                Thread.sleep(40);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            inside.decrementAndGet();
                        });
                        done.incrementAndGet();
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }));
            }
            for (Thread c : callers) c.join();
            assertEquals(100, done.get());
            assertTrue(peak.get() <= 64 && peak.get() >= 2, "peak " + peak.get());
        }
    }

    @Test
    void anExecutorThatCannotEnterSaysSoAndLeavesNoThread() throws Exception {
        Privileged.require();
        // A mount-namespace fd: setns(fd, CLONE_NEWNET) refuses it.
        int mnt = Libc.open("/proc/self/ns/mnt", Sys.O_RDONLY | Sys.O_CLOEXEC, 0);
        try {
            SyscallException e = assertThrows(SyscallException.class, () -> NamespaceExecutor.start(mnt, "nl4j-bad"));
            assertEquals("EINVAL", e.errnoName());
        } finally {
            Libc.close(mnt);
        }
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (liveThreads("netlink4j-netns-executor-nl4j-bad") > 0 && System.nanoTime() < deadline) Thread.sleep(5);
        assertEquals(0, liveThreads("netlink4j-netns-executor-nl4j-bad"));
    }

    @Test
    void anExecutorKeepsItsOneThreadThroughFailingTasksAndItsHandleClosing() throws Exception {
        try (ThrowawayNamespace t = ThrowawayNamespace.create("exec2")) {
            ExecutorService ex = t.ns().executor();
            try {
                Thread first = ex.submit(Thread::currentThread).get();
                ex.execute(() -> {
                    throw new IllegalStateException("a task that throws");
                });
                t.ns().close(); // the executor holds the namespace by its own reference
                assertSame(first, ex.submit(Thread::currentThread).get(), "the same thread, never a replacement");
                try (NetNamespace again = NetNamespace.open(t.name())) {
                    assertEquals(again.id(), ex.submit(NetnsThreads::currentNetns).get());
                }
            } finally {
                ex.shutdown();
                assertTrue(ex.awaitTermination(5, TimeUnit.SECONDS));
            }
        }
    }

    @Test
    void aBulkRequestOfThousandsOfFailuresKeepsEveryItemsError() throws Exception {
        try (ThrowawayNamespace t = ThrowawayNamespace.create("bulk")) {
            t.client().links().add(LinkSpec.ifb("ifbtaken"));
            // 3,000 creates of a taken name: 3,000 error ACKs, each with the kernel's text, none may be lost.
            List<LinkSpec> again = java.util.Collections.nCopies(3000, LinkSpec.ifb("ifbtaken"));
            BulkResult<Void> r = t.client().links().addAll(again);
            assertEquals(3000, r.size());
            assertEquals(3000, r.failures().size());
            for (int i = 0; i < 3000; i++) {
                assertTrue(r.error(i).orElseThrow() instanceof io.github.netlink4j.error.AlreadyExistsException, "item " + i);
            }
            assertEquals(2, t.client().links().list().size(), "lo and the one ifb");
        }
    }

    @Test
    @Timeout(30)
    void aListenerSubscriptionThatFailsTellsItsListenerAndOwner() throws Exception {
        try (ThrowawayNamespace t = ThrowawayNamespace.create("lsn")) {
            java.util.concurrent.BlockingQueue<NetlinkEvent> seen = new java.util.concurrent.LinkedBlockingQueue<>();
            IllegalStateException boom = new IllegalStateException("listener gives up");
            try (Subscription s = t.client().listen(java.util.EnumSet.of(EventGroup.LINK), Subscription.Options.DEFAULTS, e -> {
                seen.add(e);
                if (e instanceof NetlinkEvent.LinkEvent) throw boom;
            })) {
                t.client().links().add(LinkSpec.ifb("ifblsn"));
                assertTrue(seen.poll(10, TimeUnit.SECONDS) instanceof NetlinkEvent.LinkEvent);
                NetlinkEvent last = seen.poll(10, TimeUnit.SECONDS);
                assertTrue(last instanceof NetlinkEvent.Failed f && f.cause() == boom, String.valueOf(last));
                assertTrue(s.awaitTermination(java.time.Duration.ofSeconds(5)), "the reader ended and let go of its sockets");
                assertSame(boom, s.failure().orElseThrow());
            }
        }
    }

    @Test
    @Timeout(60)
    void anEtcNetnsFileWithNoTwinIsSkippedLikeIpDoes() throws Exception {
        try (ThrowawayNamespace t = ThrowawayNamespace.create("etc")) {
            Path dir = Path.of("/etc/netns", t.name());
            Files.createDirectories(dir);
            try {
                // No /etc/nl4j-no-twin to bind over: ip warns "Bind ... failed" and runs the command anyway.
                Files.writeString(dir.resolve("nl4j-no-twin"), "x\n");
                Files.writeString(dir.resolve("hostname"), "inside\n");
                Process p = t.ns().start(new ProcessBuilder("cat", "/etc/hostname").redirectErrorStream(true));
                String out = new String(p.getInputStream().readAllBytes());
                assertTrue(p.waitFor(10, TimeUnit.SECONDS));
                assertEquals("inside\n", out, "the other file is still bound");
                assertEquals(0, p.exitValue());
            } finally {
                try (var files = Files.list(dir)) {
                    for (Path f : files.toList()) Files.delete(f);
                }
                Files.delete(dir);
            }
        }
    }

    /**
     * Where /sys cannot be unmounted and is read-only (a user namespace over a read-only /sys, made by
     * the test with unshare; the library never runs it), exec mounts the namespace's sysfs read-only
     * over it, as ip does: a read-write one may not shadow it.
     */
    @Test
    @Timeout(60)
    void execMountsSysfsReadOnlyWhereTheOldOneIsLockedAndReadOnly() throws Exception {
        Privileged.require();
        String cp = Path.of(NetNamespace.class.getProtectionDomain().getCodeSource().getLocation().toURI()) + ":"
                + Path.of(io.github.netlink4j.testing.SysfsProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String javaBin = ProcessHandle.current().info().command().orElseThrow();
        Process p = new ProcessBuilder("unshare", "-m", "sh", "-c", "mount -o remount,bind,ro /sys && exec unshare -Urn \"$0\" \"$@\"",
                javaBin, "--enable-native-access=ALL-UNNAMED", "-cp", cp, io.github.netlink4j.testing.SysfsProbe.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), out);
        assertEquals("ifbsys\nlo\nexit 0\n", out);
    }

    private static long liveThreads(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(th -> th.isAlive() && th.getName().equals(name)).count();
    }
}
