package io.github.netlink4j.junit;

import io.github.netlink4j.address.AddressSpec;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.topology.AppliedTopology;
import io.github.netlink4j.topology.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The JUnit kit run as its users run it: small suites of tests written with it, launched through the
 * JUnit Platform (in parallel, and one by one for the leak checks), and what they leave behind.
 */
class NetnsExtensionTest {
    private static final String ON = "netlink4j.kit.selftest";
    static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

    /** A suite as a user writes it: four tests, one failing on purpose. */
    @EnabledIfSystemProperty(named = ON, matches = "true")
    @ExtendWith(NetnsExtension.class)
    static class Suite {
        @Test
        void addsAVeth(NetlinkClient nl, NetNamespace ns) throws Exception {
            SEEN.add(ns.name().orElseThrow());
            nl.links().add(LinkSpec.veth("veth0", "veth1"));
            assertEquals(3, nl.links().list().size());
        }

        @Test
        void addsAnAddress(NetlinkClient nl, NetNamespace ns) throws Exception {
            SEEN.add(ns.name().orElseThrow());
            nl.links().add(LinkSpec.ifb("ifb0"));
            nl.addresses().add(AddressSpec.of("ifb0", "10.200.0.2/24"));
            assertEquals(1, nl.addresses().list("ifb0").size(), "a fresh namespace each: no address from another test");
        }

        @Test
        void seesOnlyItsOwnLinks(NetlinkClient nl, NetNamespace ns) throws Exception {
            SEEN.add(ns.name().orElseThrow());
            assertEquals(List.of("lo"), nl.links().list().stream().map(io.github.netlink4j.link.Link::name).toList());
        }

        @Test
        void failsOnPurpose(NetlinkClient nl, NetNamespace ns) throws Exception {
            SEEN.add(ns.name().orElseThrow());
            nl.links().add(LinkSpec.ifb("ifb9"));
            fail("on purpose: its namespace must still go");
        }
    }

    /**
     * A suite with a topology applied in each test's namespace. The topology also makes a named
     * namespace of its own with the veth's peer in it: that outlives the test's namespace, and only
     * closing the topology removes it.
     */
    @EnabledIfSystemProperty(named = ON, matches = "true")
    static class TopologySuite {
        static final Set<String> INNER = ConcurrentHashMap.newKeySet();

        @RegisterExtension
        static NetnsExtension net = NetnsExtension.withTopology(host -> {
            String inner = host + "-in";
            INNER.add(inner);
            return Topology.builder().namespace(inner)
                    .veth("veth0", "veth1").in(inner).address("veth0", "10.200.0.2/24").up("veth0").build();
        });

        @Test
        void seesTheTopology(NetlinkClient nl, AppliedTopology t, NetNamespace ns) throws Exception {
            SEEN.add(ns.name().orElseThrow());
            assertTrue(nl.links().get("veth0").isUp());
            assertEquals(t.client(null), nl, "the topology's host is the test's namespace");
            for (String inner : INNER) assertTrue(NetNamespace.exists(inner), inner + " stands while the test runs");
        }
    }

    /** A test that leaks a named namespace: the kit must fail it. */
    @EnabledIfSystemProperty(named = ON, matches = "true")
    @ExtendWith(NetnsExtension.class)
    static class LeakySuite {
        static String leaked;

        @Test
        void leaksANamespace(NetlinkClient nl) throws Exception {
            leaked = "nl4j-leak-" + java.util.UUID.randomUUID().toString().substring(0, 8);
            NetNamespace.create(leaked).close();
        }

        @Test
        void leaksAClient(NetNamespace ns) throws Exception {
            NetlinkClient.open(ns); // never closed
        }

        static final CountDownLatch RELEASE = new CountDownLatch(1);
        static Thread stray;
        private static final int CLONE_NEWNET = 0x40000000;
        private static final MethodHandle SETNS = Linker.nativeLinker().downcallHandle(
                Linker.nativeLinker().defaultLookup().find("setns").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));

        /** A thread of the test's own, moved into the test's namespace and left running there. */
        @Test
        void leaksAThreadInsideItsNamespace(NetNamespace ns) throws Exception {
            CompletableFuture<Void> entered = new CompletableFuture<>();
            stray = Thread.ofPlatform().name("nl4j-leaky").daemon().start(() -> {
                try {
                    int rc = (int) SETNS.invokeExact(ns.fd(), CLONE_NEWNET);
                    if (rc != 0) throw new IllegalStateException("setns failed");
                    entered.complete(null);
                    RELEASE.await(60, TimeUnit.SECONDS);
                } catch (Throwable e) {
                    entered.completeExceptionally(e);
                }
                // ends inside: a thread that ends takes nothing with it
            });
            entered.get(10, TimeUnit.SECONDS);
        }
    }

    private static TestExecutionSummary run(Class<?> suite, boolean parallel) {
        LauncherDiscoveryRequest req = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(suite))
                .configurationParameters(Map.of("junit.jupiter.execution.parallel.enabled", String.valueOf(parallel),
                        "junit.jupiter.execution.parallel.mode.default", "concurrent"))
                .build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        System.setProperty(ON, "true");
        try {
            launcher.execute(req, listener);
        } finally {
            System.clearProperty(ON);
        }
        return listener.getSummary();
    }

    @Test
    void aParallelSuiteRunsAndEveryNamespaceGoesEvenAfterAFailure() throws IOException {
        SEEN.clear();
        List<String> before = ours();
        TestExecutionSummary s = run(Suite.class, true);
        assertEquals(4, s.getTestsStartedCount());
        assertEquals(3, s.getTestsSucceededCount(), () -> s.getFailures().toString());
        assertEquals(1, s.getTestsFailedCount());
        assertTrue(s.getFailures().get(0).getException().getMessage().contains("on purpose"));
        assertEquals(4, SEEN.size(), "four tests, four namespaces: " + SEEN);
        for (String n : SEEN) assertFalse(NetNamespace.exists(n), n + " is gone");
        assertEquals(before, ours());
    }

    /**
     * The kit's namespaces of this JVM: the machine's whole list also changes with every other build or
     * program that makes namespaces meanwhile.
     */
    private static List<String> ours() throws IOException {
        Orphans.Jvm self = Orphans.Jvm.self();
        return NetNamespace.list().stream().filter(n -> self.equals(Orphans.owner(n))).toList();
    }

    @Test
    void aTopologyIsAppliedAndRemovedPerTest() throws IOException {
        SEEN.clear();
        TopologySuite.INNER.clear();
        try {
            TestExecutionSummary s = run(TopologySuite.class, false);
            assertEquals(1, s.getTestsSucceededCount(), () -> s.getFailures().toString());
            assertEquals(1, TopologySuite.INNER.size(), "the topology was built once");
            for (String n : SEEN) assertFalse(NetNamespace.exists(n));
            for (String n : TopologySuite.INNER) assertFalse(NetNamespace.exists(n), n + ": the kit closed the topology, which removed it");
        } finally {
            for (String n : TopologySuite.INNER) if (NetNamespace.exists(n)) NetNamespace.delete(n);
        }
    }

    @Test
    void leaksFailTheTestThatLeaked() throws Exception {
        TestExecutionSummary s = run(LeakySuite.class, false);
        try {
            assertEquals(3, s.getTestsFailedCount(), () -> "all three leaks caught: " + s.getFailures());
            String messages = s.getFailures().stream().map(f -> f.getException().getMessage()).toList().toString();
            assertTrue(messages.contains("named namespaces left behind: [" + LeakySuite.leaked + "]"), messages);
            assertTrue(messages.contains("file descriptors more than before the test"), messages);
            assertTrue(messages.matches("(?s).*thread \\d+ \\(nl4j-leaky\\) is in net:\\[\\d+].*"), messages);
        } finally {
            LeakySuite.RELEASE.countDown();
            if (LeakySuite.stray != null) LeakySuite.stray.join(10_000);
            if (LeakySuite.leaked != null && NetNamespace.exists(LeakySuite.leaked)) NetNamespace.delete(LeakySuite.leaked);
        }
    }

    /**
     * A link left in the JVM's own namespace fails the test. The JVM's own namespace must not be the
     * machine's, so the suite runs in a JVM started inside a throwaway namespace, which the probe
     * checks before it adds anything.
     */
    @Test
    @Timeout(120)
    void aLinkLeftInTheJvmsOwnNamespaceFailsTheTest() throws Exception {
        try (ThrowawayNamespace home = ThrowawayNamespace.create("kit-home")) {
            String java = ProcessHandle.current().info().command().orElseThrow();
            Process p = home.ns().start(new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                    System.getProperty("java.class.path"), HomeLeakProbe.class.getName(), home.ns().id()).redirectErrorStream(true));
            String out;
            try {
                out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(p.waitFor(60, TimeUnit.SECONDS), out);
            } finally {
                p.destroyForcibly();
            }
            assertTrue(home.client().links().find(HomeLeakProbe.LINK).isPresent(), () -> "the probe's test did add its link: " + out);
            assertTrue(out.contains("the JVM's own namespace had links [lo], now [lo, " + HomeLeakProbe.LINK + "]"), out);
            assertEquals(1, p.exitValue(), out);
        }
    }
}
