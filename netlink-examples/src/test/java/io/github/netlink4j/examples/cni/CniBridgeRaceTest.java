package io.github.netlink4j.examples.cni;

import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Failing ADDs and good ones on one bridge at once. A failing ADD that made the bridge must not take it
 * away again: a good ADD may have found it a moment ago and be about to put its veth on it (which then
 * failed with "Cannot find device"). Only while no good ADD has its veth on the bridge can a failing one
 * take it, so the test runs many short rounds, each from no bridge at all; in each the failing ADDs
 * (their container already has an eth0) repeat until the good ones are done.
 */
class CniBridgeRaceTest {
    private static final int ROUNDS = 20, GOOD_ONLY_ROUNDS = 10, GOOD = 4, FAILING_THREADS = 4, MAX_FAILING_ADDS_PER_THREAD = 20;

    private final List<ThrowawayNamespace> namespaces = new ArrayList<>();
    private final List<Path> dirs = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (ThrowawayNamespace n : namespaces) n.close();
        for (Path d : dirs) PluginRun.deleteTree(d);
    }

    private ThrowawayNamespace ns(String prefix) throws Exception {
        ThrowawayNamespace n = ThrowawayNamespace.create(prefix);
        namespaces.add(n);
        return n;
    }

    private static Map<String, String> env(ThrowawayNamespace c, Path dir) {
        Map<String, String> env = new HashMap<>();
        env.put("CNI_COMMAND", "ADD");
        env.put("CNI_CONTAINERID", c.name());
        env.put("CNI_NETNS", "/run/netns/" + c.name());
        env.put("CNI_IFNAME", "eth0");
        env.put("CNI_PATH", dir + ":/usr/lib/cni");
        env.put("PATH", System.getenv("PATH"));
        return env;
    }

    @Test
    void failingAddsNeverTakeTheBridgeFromGoodOnes() throws Exception {
        race(ROUNDS, FAILING_THREADS);
    }

    /** Good ADDs together find the gateway address missing together and add it together: one is first, the others must take theirs as done. */
    @Test
    void goodAddsTogetherAllSucceed() throws Exception {
        race(GOOD_ONLY_ROUNDS, 0);
    }

    /**
     * Good ADDs with forceAddress together on a bridge that holds another address: all find it, all take it
     * away; one is first, the others must take its absence (EADDRNOTAVAIL) as done, and the bridge ends
     * with the gateway address alone.
     */
    @Test
    void forcingAddsTogetherAllReplaceTheOldAddress() throws Exception {
        Path dir = Files.createTempDirectory("nl4j-cni-race");
        dirs.add(dir);
        // the same address for every container (each in a namespace of its own): all reach the gateway step at once
        Path ipam = dir.resolve("fixed-ipam");
        Files.writeString(ipam, "#!/bin/sh\ncat > /dev/null\n[ \"$CNI_COMMAND\" = ADD ] || exit 0\n"
                + "echo '{\"cniVersion\":\"1.0.0\",\"ips\":[{\"address\":\"10.200.46.2/24\",\"gateway\":\"10.200.46.1\"}]}'\n");
        Files.setPosixFilePermissions(ipam, PosixFilePermissions.fromString("rwxr-xr-x"));
        String conf = "{\"cniVersion\":\"1.0.0\",\"name\":\"race\",\"type\":\"bridge\",\"bridge\":\"cni9\",\"isGateway\":true,"
                + "\"forceAddress\":true,\"ipam\":{\"type\":\"fixed-ipam\"}}";
        ThrowawayNamespace host = ns("cni-host");
        List<ThrowawayNamespace> containers = new ArrayList<>();
        for (int i = 0; i < GOOD; i++) containers.add(ns("cni-good"));
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        for (int round = 0; round < GOOD_ONLY_ROUNDS; round++) {
            Ip.in(host.name(), "link", "add", "cni9", "type", "bridge");
            Ip.in(host.name(), "addr", "add", "10.200.47.1/24", "dev", "cni9");
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (ThrowawayNamespace c : containers) {
                threads.add(Thread.ofPlatform().start(() -> {
                    try {
                        go.await();
                        PluginRun.Answer a = PluginRun.inProcess(host.ns(), env(c, dir), conf);
                        if (a.exit() != 0) failures.add(a.out());
                    } catch (Throwable e) {
                        failures.add(e.toString());
                    }
                }));
            }
            go.countDown();
            for (Thread t : threads) t.join(60_000);
            assertTrue(threads.stream().noneMatch(Thread::isAlive), "round " + round + " ended in time");
            assertEquals(List.of(), failures, "round " + round + ": every forcing ADD succeeded");
            List<String> cols = List.of(Ip.in(host.name(), "-br", "-4", "addr", "show", "dev", "cni9").trim().split("\\s+"));
            assertEquals(List.of("10.200.46.1/24"), cols.subList(2, cols.size()),
                    "round " + round + ": the gateway address alone");
            for (var l : host.client().links().list()) {
                if (l.name().startsWith("veth") || l.name().equals("cni9")) host.client().links().delete(l.name());
            }
        }
    }

    /** {@code rounds} rounds, each from no bridge: {@link #GOOD} good ADDs at once, {@code failingThreads} threads of failing ones around them. */
    private void race(int rounds, int failingThreads) throws Exception {
        assertTrue(Files.isExecutable(Path.of("/usr/lib/cni/host-local")), ".ci/run installs containernetworking-plugins");
        Path dir = Files.createTempDirectory("nl4j-cni-race");
        dirs.add(dir);
        // instant, so a failing ADD spends its time on the bridge
        Path ipam = dir.resolve("instant-ipam");
        Files.writeString(ipam, "#!/bin/sh\ncat > /dev/null\necho '{\"cniVersion\":\"1.0.0\"}'\n");
        Files.setPosixFilePermissions(ipam, PosixFilePermissions.fromString("rwxr-xr-x"));
        String failing = "{\"cniVersion\":\"1.0.0\",\"name\":\"race\",\"type\":\"bridge\",\"bridge\":\"cni9\",\"ipam\":{\"type\":\"instant-ipam\"}}";
        ThrowawayNamespace host = ns("cni-host"), taken = ns("cni-taken");
        taken.client().links().add(LinkSpec.veth("eth0", "eth0peer")); // so every ADD into it fails, after the bridge
        List<ThrowawayNamespace> containers = new ArrayList<>();
        for (int i = 0; i < GOOD; i++) containers.add(ns("cni-good"));
        List<String> goodFailures = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failingAdds = new AtomicInteger();
        for (int round = 0; round < rounds; round++) {
            String good = "{\"cniVersion\":\"1.0.0\",\"name\":\"race\",\"type\":\"bridge\",\"bridge\":\"cni9\",\"isGateway\":true,"
                    + "\"ipam\":{\"type\":\"host-local\",\"subnet\":\"10.200.46.0/24\",\"dataDir\":\"" + dir.resolve("ipam-" + round) + "\"}}";
            CountDownLatch go = new CountDownLatch(1);
            AtomicBoolean goodDone = new AtomicBoolean();
            List<Thread> goods = new ArrayList<>(), fails = new ArrayList<>();
            for (ThrowawayNamespace c : containers) {
                goods.add(Thread.ofPlatform().start(() -> {
                    try {
                        go.await();
                        PluginRun.Answer a = PluginRun.inProcess(host.ns(), env(c, dir), good);
                        if (a.exit() != 0) goodFailures.add(a.out());
                    } catch (Throwable e) {
                        goodFailures.add(e.toString());
                    }
                }));
            }
            for (int t = 0; t < failingThreads; t++) {
                fails.add(Thread.ofPlatform().start(() -> {
                    try {
                        go.await();
                        for (int i = 0; i < MAX_FAILING_ADDS_PER_THREAD && !goodDone.get(); i++) {
                            PluginRun.Answer a = PluginRun.inProcess(host.ns(), env(taken, dir), failing);
                            if (a.exit() == 0) goodFailures.add("an ADD into a container with an eth0 succeeded: " + a.out());
                            failingAdds.incrementAndGet();
                        }
                    } catch (Throwable e) {
                        goodFailures.add(e.toString());
                    }
                }));
            }
            go.countDown();
            for (Thread t : goods) t.join(60_000);
            goodDone.set(true);
            for (Thread t : fails) t.join(60_000);
            assertTrue(goods.stream().noneMatch(Thread::isAlive) && fails.stream().noneMatch(Thread::isAlive), "round " + round + " ended in time");
            // back to no bridge: the host ends of the veths (their container ends go with them), then the bridge
            for (var l : host.client().links().list()) {
                if (l.name().startsWith("veth") || l.name().equals("cni9")) host.client().links().delete(l.name());
            }
        }
        assertTrue(failingAdds.get() >= rounds * failingThreads, "failing ADDs ran: " + failingAdds.get());
        assertEquals(List.of(), goodFailures, "every good ADD succeeded, " + failingAdds.get() + " failing ones around them");
    }
}
