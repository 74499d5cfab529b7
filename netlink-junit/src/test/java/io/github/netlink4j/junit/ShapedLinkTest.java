package io.github.netlink4j.junit;

import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.testing.Tc;
import io.github.netlink4j.topology.AppliedTopology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A link shaped by the kit limits what goes over it: 375,000 bytes over TCP through a veth shaped to
 * 1 Mbit/s (125,000 bytes/s) take about three seconds, where the same veth unshaped takes milliseconds.
 */
class ShapedLinkTest {
    @RegisterExtension
    static NetnsExtension net = NetnsExtension.withShapedLink(LinkShape.rate("1mbit"));

    private static final int BYTES = 375_000;

    /** Seconds to send {@link #BYTES} from the test's namespace to a server at the far end, which reads them all. */
    static double transfer(NetNamespace local, NetNamespace peer) throws Exception {
        try (ServerSocket server = peer.call(() -> new ServerSocket(9000, 1, InetAddress.ofLiteral(NetnsExtension.SHAPED_PEER)))) {
            server.setSoTimeout(10_000);
            CompletableFuture<Integer> received = CompletableFuture.supplyAsync(() -> {
                try (Socket s = server.accept(); InputStream in = s.getInputStream()) {
                    s.setSoTimeout(20_000);
                    int total = 0;
                    byte[] buf = new byte[65536];
                    for (int n; total < BYTES && (n = in.read(buf)) > 0; ) total += n;
                    s.getOutputStream().write(1); // the last byte arrived
                    return total;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            try (Socket client = local.call(() -> {
                Socket s = new Socket();
                s.connect(new InetSocketAddress(NetnsExtension.SHAPED_PEER, 9000), 5_000);
                return s;
            })) {
                client.setSoTimeout(20_000);
                long start = System.nanoTime();
                OutputStream out = client.getOutputStream();
                byte[] chunk = new byte[BYTES / 25];
                for (int i = 0; i < 25; i++) out.write(chunk);
                assertEquals(1, client.getInputStream().read(), "the server's acknowledgement of the last byte");
                double seconds = (System.nanoTime() - start) / 1e9;
                assertEquals(BYTES, received.get(20, TimeUnit.SECONDS));
                return seconds;
            }
        }
    }

    @Test
    @Timeout(60)
    void aVethShapedToOneMegabitCarriesAboutThatMuch(NetNamespace ns, AppliedTopology t) throws Exception {
        assertEquals(List.of("tbf"), Tc.qdiscs(ns.name().orElseThrow(), "veth0").stream().map(q -> q.get("kind")).toList());
        double shaped = transfer(ns, t.namespace(NetnsExtension.SHAPED_PEER_KEY));
        // 375,000 bytes at 125,000 bytes/s, less the 16 KiB the bucket holds at the start: 2.87 s; loose bounds
        assertTrue(shaped > 2.0 && shaped < 10.0, "375,000 bytes at 1 Mbit/s took " + shaped + " s");

        t.client(null).qdiscs().delete("veth0", io.github.netlink4j.tc.TcHandle.ROOT);
        t.client(NetnsExtension.SHAPED_PEER_KEY).qdiscs().delete("veth1", io.github.netlink4j.tc.TcHandle.ROOT);
        double free = transfer(ns, t.namespace(NetnsExtension.SHAPED_PEER_KEY));
        assertTrue(free < 1.0, "unshaped, the same transfer took " + free + " s");
    }

    /** netem, which a delay needs, named by a typed error where the kernel lacks it, and nothing of the shape left. */
    @ExtendWith(NetnsExtension.class)
    static class WithoutTheExtensionsLink {
        @Test
        void aDelayNamesNetemWhereTheKernelLacksIt(NetlinkClient nl, NetNamespace ns) throws Exception {
            nl.links().add(LinkSpec.veth("veth0", "veth1"));
            LinkShape shape = LinkShape.rate("1mbit").withDelay(Duration.ofMillis(20)).withLoss(1);
            assertEquals("rate 1Mbit delay 20ms loss 1%", shape.toString());
            List<String> before = Tc.qdiscs(ns.name().orElseThrow(), "veth0").stream().map(q -> q.get("kind").toString()).toList();
            try {
                shape.applyTo(nl, "veth0");
            } catch (MissingQdiscKindException e) {
                assertEquals("netem", e.kind());
                assertTrue(e.getMessage().startsWith("this kernel has no qdisc netem (module sch_netem), which the link shape rate 1Mbit delay 20ms loss 1% needs"),
                        e.getMessage());
                assertEquals(before, Tc.qdiscs(ns.name().orElseThrow(), "veth0").stream().map(q -> q.get("kind").toString()).toList(), "nothing of the shape left");
                return;
            }
            // a kernel with netem: the shape is there, netem at the root and the tbf under it
            assertEquals(List.of("netem", "tbf"), Tc.qdiscs(ns.name().orElseThrow(), "veth0").stream().map(q -> q.get("kind").toString()).toList());
        }
    }

    /** A suite as a user writes it, asking for a delay: on a kernel without netem it cannot run. */
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "netlink4j.kit.shapetest", matches = "true")
    static class DelayedSuite {
        @RegisterExtension
        static NetnsExtension net = NetnsExtension.withShapedLink(LinkShape.delay(Duration.ofMillis(20)));

        @Test
        void runsUnderTheDelay(AppliedTopology t) {
            assertEquals(2, t.steps().stream().filter(s -> s.startsWith("qdisc netem")).count());
        }
    }

    @Test
    void theExtensionNamesAMissingQdiscKindBeforeTheTestRuns() throws Exception {
        var req = org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request()
                .selectors(org.junit.platform.engine.discovery.DiscoverySelectors.selectClass(DelayedSuite.class)).build();
        var listener = new org.junit.platform.launcher.listeners.SummaryGeneratingListener();
        System.setProperty("netlink4j.kit.shapetest", "true");
        try {
            org.junit.platform.launcher.core.LauncherFactory.create().execute(req, listener);
        } finally {
            System.clearProperty("netlink4j.kit.shapetest");
        }
        var summary = listener.getSummary();
        assertEquals(1, summary.getTestsStartedCount());
        if (summary.getTestsSucceededCount() == 1) return; // a kernel with netem
        Throwable why = summary.getFailures().get(0).getException();
        MissingQdiscKindException e = org.junit.jupiter.api.Assertions.assertInstanceOf(MissingQdiscKindException.class, why, String.valueOf(why));
        assertEquals("netem", e.kind());
    }

    @Test
    void aShapeNeedsSomethingToShape() {
        assertThrows(IllegalArgumentException.class, () -> new LinkShape(java.util.Optional.empty(), Duration.ZERO, 0));
        assertThrows(IllegalArgumentException.class, () -> LinkShape.rate("1mbit").withLoss(101));
        assertEquals(List.of("tbf"), LinkShape.rate("1mbit").qdiscs("veth0").stream().map(q -> q.kind()).toList());
        assertEquals(List.of("netem", "tbf"), LinkShape.rate("1mbit").withDelay(Duration.ofMillis(5)).qdiscs("veth0").stream().map(q -> q.kind()).toList());
        assertEquals("1:1", LinkShape.rate("1mbit").withDelay(Duration.ofMillis(5)).qdiscs("veth0").get(1).parent().toString());
    }
}
