package io.github.netlink4j;

import io.github.netlink4j.testing.OpenFds;
import io.github.netlink4j.address.AddressSpec;
import io.github.netlink4j.link.LinkSpec;

import io.github.netlink4j.error.SyscallException;
import io.github.netlink4j.internal.transport.NetnsThreads;
import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.Json;
import io.github.netlink4j.testing.Privileged;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Named namespaces made like iproute2 makes them, code and processes inside, and confinement. */
class NetNamespaceTest {
    private static String unique(String p) {
        return ThrowawayNamespace.uniqueName(p);
    }

    @Test
    void madeByUsSeenByIpAndMadeByIpUsedByUs() throws Exception {
        Privileged.require();
        String ours = unique("ours");
        String theirs = unique("theirs");
        try (NetNamespace ns = NetNamespace.create(ours)) {
            assertTrue(Ip.run("netns", "list").out().lines().anyMatch(l -> l.split(" ")[0].equals(ours)));
            List<?> links = Json.array(Ip.run("netns", "exec", ours, "ip", "-j", "link").out());
            assertEquals(1, links.size(), "only lo");
            assertNotEquals(NetnsThreads.currentNetns(), ns.id());
            assertEquals(0, Ip.run("netns", "add", theirs).exit());
            assertTrue(NetNamespace.exists(theirs));
            try (NetlinkClient c = NetlinkClient.open(theirs)) {
                c.links().add(LinkSpec.ifb("ifb9"));
            }
            assertTrue(Ip.in(theirs, "link").contains("ifb9"));
            // Deleted by ip, seen by us; deleted by us, seen by ip.
            assertEquals(0, Ip.run("netns", "del", theirs).exit());
            assertFalse(NetNamespace.exists(theirs));
            assertFalse(NetNamespace.list().contains(theirs));
        } finally {
            if (NetNamespace.exists(ours)) NetNamespace.delete(ours);
            if (NetNamespace.exists(theirs)) Ip.run("netns", "del", theirs);
        }
        assertFalse(Ip.run("netns", "list").out().contains(ours));
        assertThrows(io.github.netlink4j.error.NoSuchNamespaceException.class, () -> NetNamespace.delete(ours));
        io.github.netlink4j.error.AlreadyExistsException dup;
        NetNamespace.create(ours).close();
        try {
            dup = assertThrows(io.github.netlink4j.error.AlreadyExistsException.class, () -> NetNamespace.create(ours));
            assertEquals("EEXIST", dup.errnoName());
            assertTrue(NetNamespace.exists(ours), "a failed create must not remove the existing one");
        } finally {
            NetNamespace.delete(ours);
        }
    }

    @Test
    void listShowsIdsLikeIp() throws Exception {
        try (ThrowawayNamespace a = ThrowawayNamespace.create("ids");
             NetlinkClient here = NetlinkClient.open()) {
            // Assigning an id is a change to the calling namespace: do it from another throwaway one.
            try (ThrowawayNamespace b = ThrowawayNamespace.create("ids-b")) {
                assertTrue(b.client().nsids().find(a.ns()).isEmpty());
                assertThrows(io.github.netlink4j.error.NotFoundException.class, () -> b.client().nsids().get(a.ns()));
                int id = b.client().nsids().assign(a.ns());
                assertEquals(id, b.client().nsids().get(a.ns()));
                assertEquals(a.name(), b.client().nsids().nameOf(id).orElseThrow());
                assertEquals(java.util.OptionalInt.of(id), b.client().nsids().named().get(a.name()));
                // ip, in the same namespace, lists the same id for the same name.
                String ipSays = io.github.netlink4j.testing.Ip.in(b.name(), "netns", "list-id");
                assertTrue(ipSays.contains("nsid " + id + " (iproute2 netns name: " + a.name() + ")"), ipSays);
                assertEquals(java.util.List.of(id), b.client().nsids().list());
                assertThrows(io.github.netlink4j.error.AlreadyExistsException.class, () -> b.client().nsids().set(a.ns(), id + 1));
                b.client().links().add(LinkSpec.veth("v0", "v1").withPeerNamespace(a.ns()));
                assertEquals(id, b.client().links().get("v0").linkNetnsId().getAsInt());
            }
            assertTrue(here.nsids().named().containsKey(a.name()));
            assertTrue(here.portId() != 0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"../etc", "a/b", ".", "..", "", "/abs", "nul\0x"})
    void badNamesChangeNothingOnDisk(String name) throws Exception {
        List<String> before = NetNamespace.list();
        assertThrows(IllegalArgumentException.class, () -> NetNamespace.create(name));
        assertThrows(IllegalArgumentException.class, () -> NetNamespace.delete(name));
        assertThrows(IllegalArgumentException.class, () -> NetNamespace.open(name));
        assertEquals(before, NetNamespace.list());
        assertTrue(Files.exists(Path.of("/etc/passwd")));
    }

    @Test
    void aNameOf256BytesIsRejectedAnd255Accepted() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> NetNamespace.create("x".repeat(256)));
        assertEquals("y".repeat(255), NetNamespace.validateName("y".repeat(255)));
    }

    @Test
    void runNeverMovesTheCallersThreadPlatformOrVirtual() throws Exception {
        try (ThrowawayNamespace t = ThrowawayNamespace.create("confine")) {
            NetNamespace ns = t.ns();
            String target = ns.id();
            int threads = 8, perThread = 125; // 1,000 calls
            List<Thread> callers = new ArrayList<>();
            List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < threads; i++) {
                boolean virtual = i % 2 == 0;
                Runnable body = () -> {
                    try {
                        String home = NetnsThreads.currentNetns();
                        for (int k = 0; k < perThread; k++) {
                            if (k % 10 == 3) {
                                assertThrows(IllegalStateException.class, () -> ns.call(() -> {
                                    throw new IllegalStateException("task failure " + NetnsThreads.currentNetns());
                                }));
                            } else {
                                assertEquals(target, ns.call(NetnsThreads::currentNetns));
                            }
                            assertEquals(home, NetnsThreads.currentNetns(), "the caller never moves");
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                };
                callers.add(virtual ? Thread.ofVirtual().start(body) : Thread.ofPlatform().start(body));
            }
            for (Thread c : callers) {
                c.join(120_000);
                assertFalse(c.isAlive(), c + " still running after 120 s: a namespace call hangs");
            }
            assertEquals(List.of(), failures);
        }
    }

    @Test
    void twoHundredNamespacesLeaveNoThreadFdOrMount() throws Exception {
        Privileged.require();
        io.github.netlink4j.testing.Workers.quiesce();
        // This run's names (other runs on the machine mount theirs meanwhile), drawn before the count:
        // the first random UUID opens the JVM's /dev/random and /dev/urandom for good.
        String prefix = unique("churn");
        List<String> fdsBefore = OpenFds.all();
        long mountsBefore = netnsMounts(prefix);
        int threadsBefore = Thread.activeCount();
        for (int i = 0; i < 200; i++) {
            String n = prefix + "-" + i;
            try (NetNamespace ns = NetNamespace.create(n)) {
                ns.run(() -> { });
            } finally {
                NetNamespace.delete(n);
            }
        }
        assertTrue(io.github.netlink4j.testing.Workers.alive() <= 4, "at most 4 idle workers are kept");
        io.github.netlink4j.testing.Workers.quiesce();
        for (int i = 0; i < 50 && Thread.activeCount() > threadsBefore; i++) Thread.sleep(20);
        List<String> left = OpenFds.all();
        assertEquals(fdsBefore, left, () -> "new descriptors: " + left.stream().filter(f -> !fdsBefore.contains(f))
                .map(f -> f + " -> " + target(f)).toList());
        assertEquals(mountsBefore, netnsMounts(prefix));
        assertTrue(Thread.activeCount() <= threadsBefore, "threads " + Thread.activeCount() + " > " + threadsBefore);
    }

    @Test
    void aWorkerIsReusedOnlyWhenItIsBackHome() throws Exception {
        Privileged.require();
        try (ThrowawayNamespace a = ThrowawayNamespace.create("reuse-a"); ThrowawayNamespace b = ThrowawayNamespace.create("reuse-b")) {
            String home = NetnsThreads.currentNetns();
            io.github.netlink4j.testing.Workers.quiesce(); // no idle workers left by other tests: the pool's order is known
            Thread first = a.ns().call(Thread::currentThread);
            assertNotEquals(Thread.currentThread(), first);
            // Sequential calls share one worker, into any namespace, and see the target each time.
            assertEquals(first, b.ns().call(Thread::currentThread));
            assertEquals(b.ns().id(), b.ns().call(NetnsThreads::currentNetns));
            assertEquals(a.ns().id(), a.ns().call(NetnsThreads::currentNetns));
            // A task that moves the worker itself is undone: the worker goes home and is reused.
            try (NetNamespace other = NetNamespace.open(b.name())) {
                a.ns().run(() -> {
                    try {
                        io.github.netlink4j.internal.sys.Libc.setns(other.fd(), io.github.netlink4j.internal.sys.Sys.CLONE_NEWNET);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            }
            assertEquals(first, a.ns().call(Thread::currentThread));
            assertEquals(a.ns().id(), a.ns().call(NetnsThreads::currentNetns));
            // A task that leaves the worker in another mount namespace fails the call and retires the worker.
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> a.ns().run(() -> {
                try {
                    io.github.netlink4j.internal.sys.Libc.unshare(io.github.netlink4j.internal.sys.Sys.CLONE_NEWNS);
                } catch (IOException x) {
                    throw new java.io.UncheckedIOException(x);
                }
            }));
            assertTrue(e.getMessage().contains("mount namespace"), e.getMessage());
            first.join(5_000);
            assertFalse(first.isAlive(), "the worker that could not be restored has ended");
            Thread next = a.ns().call(Thread::currentThread);
            assertNotEquals(first, next);
            assertEquals(a.ns().id(), a.ns().call(NetnsThreads::currentNetns));
            assertEquals(home, NetnsThreads.currentNetns(), "the caller never moved");
            // A worker made while another runs a job inside a namespace still calls the process's namespace home
            // (so it never keeps that namespace alive).
            io.github.netlink4j.testing.Workers.quiesce();
            String nested = a.ns().call(() -> b.ns().call(NetnsThreads::currentNetns));
            assertEquals(b.ns().id(), nested);
            List<String> homes = io.github.netlink4j.testing.Workers.namespaces();
            assertEquals(2, homes.size(), homes.toString());
            for (String h : homes) assertEquals(home, h);
        }
    }


    private static String target(String fd) {
        try {
            return Files.readSymbolicLink(Path.of("/proc/self/fd", fd)).toString();
        } catch (IOException e) {
            return "(closed: " + e.getMessage() + ")";
        }
    }

    /** The mounts of namespace files whose names start with {@code prefix}. */
    private static long netnsMounts(String prefix) throws IOException {
        return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream().filter(l -> l.contains(" /run/netns/" + prefix)).count();
    }

    @Test
    void socketsOpenedInsideStayThere() throws Exception {
        try (ThrowawayNamespace host = ThrowawayNamespace.create("http-host");
             ThrowawayNamespace direct = ThrowawayNamespace.create("http-direct")) {
            host.client().links().add(LinkSpec.veth("veth0", "veth1").withPeerNamespace(direct.ns()));
            host.client().addresses().add(AddressSpec.of("veth0", "10.200.0.2/24"));
            direct.client().addresses().add(AddressSpec.of("veth1", "10.200.0.3/24"));
            host.client().links().setUp("veth0");
            direct.client().links().setUp("veth1");
            direct.client().links().setUp("lo");
            // Only the sockets are made inside; every thread that uses them is at home. (An HttpServer made
            // inside would start its idle-timeout timer thread there: the call refuses that.)
            java.nio.channels.ServerSocketChannel listener = direct.ns().call(() -> java.nio.channels.ServerSocketChannel.open()
                    .bind(new InetSocketAddress(InetAddress.ofLiteral("10.200.0.3"), 80)));
            try (listener) {
                Thread server = Thread.ofPlatform().start(() -> {
                    try (java.nio.channels.SocketChannel conn = listener.accept()) {
                        conn.write(java.nio.ByteBuffer.wrap("served from inside".getBytes(StandardCharsets.UTF_8)));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                try (java.nio.channels.SocketChannel client = host.ns().call(() ->
                        java.nio.channels.SocketChannel.open(new InetSocketAddress(InetAddress.ofLiteral("10.200.0.3"), 80)))) {
                    assertEquals("10.200.0.2", ((InetSocketAddress) client.getLocalAddress()).getAddress().getHostAddress(),
                            "the client's socket is in the host namespace: its address is veth0's");
                    byte[] got = client.socket().getInputStream().readNBytes(64);
                    assertEquals("served from inside", new String(got, StandardCharsets.UTF_8));
                }
                server.join(5_000);
                assertFalse(server.isAlive());
            }
        }
    }

    @Test
    void executorRunsRepeatedWorkInside() throws Exception {
        try (ThrowawayNamespace t = ThrowawayNamespace.create("exec")) {
            ExecutorService ex = t.ns().executor();
            try {
                List<Future<String>> ids = new ArrayList<>();
                for (int i = 0; i < 20; i++) ids.add(ex.submit(NetnsThreads::currentNetns));
                for (Future<String> f : ids) assertEquals(t.ns().id(), f.get());
            } finally {
                ex.shutdown();
            }
        }
    }

    @Test
    void processesSeeTheNamespaceAndItsEtcLikeIpNetnsExec() throws Exception {
        try (ThrowawayNamespace t = ThrowawayNamespace.create("proc")) {
            t.client().links().add(LinkSpec.ifb("ifbproc"));
            Path etc = Path.of("/etc/netns", t.name());
            String hostResolv = Files.exists(Path.of("/etc/resolv.conf")) ? Files.readString(Path.of("/etc/resolv.conf")) : null;
            Files.createDirectories(etc);
            try {
                Files.writeString(etc.resolve("resolv.conf"), "nameserver 10.200.0.53\n");
                if (hostResolv == null) Files.writeString(Path.of("/etc/resolv.conf"), "");
                Process p = t.ns().start(new ProcessBuilder("sh", "-c",
                        "cat /proc/net/dev; echo ---; ls /sys/class/net; echo ---; cat /etc/resolv.conf").redirectErrorStream(true));
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertEquals(0, p.waitFor(), out);
                String[] parts = out.split("---\n");
                assertTrue(parts[0].contains("ifbproc:") && parts[0].contains("lo:"), out);
                assertFalse(parts[0].contains("eth0:"), "the host's links are not visible: " + out);
                assertEquals(List.of("ifbproc", "lo"), parts[1].lines().sorted().toList());
                assertEquals("nameserver 10.200.0.53", parts[2].trim());
                // The host is untouched.
                assertFalse(Files.exists(Path.of("/sys/class/net/ifbproc")), "host /sys still shows the host's links");
                if (hostResolv != null) assertEquals(hostResolv, Files.readString(Path.of("/etc/resolv.conf")));
            } finally {
                try (Stream<Path> s = Files.list(etc)) {
                    for (Path f : s.toList()) Files.delete(f);
                }
                Files.delete(etc);
                if (hostResolv == null) Files.deleteIfExists(Path.of("/etc/resolv.conf"));
            }
        }
    }

    @Test
    void deletingANamespaceUsedByARunningProcessKeepsItAliveForThatProcess() throws Exception {
        Privileged.require();
        String n = unique("proc-alive");
        Process sleeper;
        try (NetNamespace ns = NetNamespace.create(n); NetlinkClient c = NetlinkClient.open(ns)) {
            c.links().add(LinkSpec.ifb("ifbalive"));
            sleeper = ns.start(new ProcessBuilder("sleep", "30"));
        }
        try {
            NetNamespace.delete(n);
            assertFalse(NetNamespace.exists(n));
            assertFalse(Ip.run("netns", "list").out().contains(n));
            // Still there for the process: reach it through /proc/PID/ns/net.
            try (NetNamespace again = NetNamespace.openPid(sleeper.pid()); NetlinkClient c = NetlinkClient.open(again)) {
                assertTrue(c.links().find("ifbalive").isPresent());
            }
        } finally {
            sleeper.destroyForcibly().waitFor();
        }
    }

    @Test
    void deletingANamespaceInUseKeepsItAliveForTheUser() throws Exception {
        Privileged.require();
        String n = unique("inuse");
        NetNamespace held = NetNamespace.create(n);
        try (held; NetlinkClient c = NetlinkClient.open(held)) {
            NetNamespace.delete(n);
            assertFalse(NetNamespace.exists(n));
            c.links().add(LinkSpec.ifb("ifbx"));
            assertTrue(c.links().find("ifbx").isPresent(), "the namespace lives while a handle or socket is in it");
        }
    }
}
