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

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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

    /** A suite with a topology applied in each test's namespace. */
    @EnabledIfSystemProperty(named = ON, matches = "true")
    static class TopologySuite {
        @RegisterExtension
        static NetnsExtension net = NetnsExtension.withTopology(host -> Topology.builder()
                .veth("veth0", "veth1").address("veth0", "10.200.0.2/24").up("veth0").build());

        @Test
        void seesTheTopology(NetlinkClient nl, AppliedTopology t, NetNamespace ns) throws Exception {
            SEEN.add(ns.name().orElseThrow());
            assertTrue(nl.links().get("veth0").isUp());
            assertEquals(t.client(null), nl, "the topology's host is the test's namespace");
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
        List<String> before = NetNamespace.list();
        TestExecutionSummary s = run(Suite.class, true);
        assertEquals(4, s.getTestsStartedCount());
        assertEquals(3, s.getTestsSucceededCount(), () -> s.getFailures().toString());
        assertEquals(1, s.getTestsFailedCount());
        assertTrue(s.getFailures().get(0).getException().getMessage().contains("on purpose"));
        assertEquals(4, SEEN.size(), "four tests, four namespaces: " + SEEN);
        for (String n : SEEN) assertFalse(NetNamespace.exists(n), n + " is gone");
        assertEquals(before, NetNamespace.list());
    }

    @Test
    void aTopologyIsAppliedAndRemovedPerTest() throws IOException {
        SEEN.clear();
        TestExecutionSummary s = run(TopologySuite.class, false);
        assertEquals(1, s.getTestsSucceededCount(), () -> s.getFailures().toString());
        for (String n : SEEN) assertFalse(NetNamespace.exists(n));
    }

    @Test
    void leaksFailTheTestThatLeaked() throws IOException {
        TestExecutionSummary s = run(LeakySuite.class, false);
        try {
            assertEquals(2, s.getTestsFailedCount(), () -> "both leaks caught: " + s.getFailures());
            String messages = s.getFailures().stream().map(f -> f.getException().getMessage()).toList().toString();
            assertTrue(messages.contains("named namespaces left behind: [" + LeakySuite.leaked + "]"), messages);
            assertTrue(messages.contains("file descriptors more than before the test"), messages);
        } finally {
            if (LeakySuite.leaked != null && NetNamespace.exists(LeakySuite.leaked)) NetNamespace.delete(LeakySuite.leaked);
        }
    }
}
