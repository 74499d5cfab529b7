package io.github.netlink4j.examples.cni;

import io.github.netlink4j.examples.LauncherRig;
import io.github.netlink4j.testing.Json;
import io.github.netlink4j.testing.Privileged;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests the launcher never sends, from a client in this JVM: more connections than the daemon takes at
 * once, junk, a request too large, one that never ends. Each gets a CNI error, and the daemon goes on.
 */
class CniDaemonRequestTest {
    private static final Duration BOUND = Duration.ofSeconds(20);
    private static LauncherRig rig;
    private ThrowawayNamespace host;
    private DaemonRig daemon;

    @BeforeAll
    static void rig() throws IOException {
        Privileged.require();
        rig = LauncherRig.create();
    }

    @AfterAll
    static void closeRig() throws IOException {
        if (rig != null) rig.close();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (daemon != null) daemon.close();
        rig.endTagged();
        if (host != null) host.close();
    }

    private DaemonRig start(String... options) throws Exception {
        host = ThrowawayNamespace.create("cnid-r");
        daemon = new DaemonRig(rig, host, "run-" + host.name());
        return daemon.start(options);
    }

    /** A STATUS of a network of layer 2 only: it needs nothing but the plugin. */
    private static byte[] status() {
        return RawClient.request(Map.of("CNI_COMMAND", "STATUS", "CNI_PATH", "/usr/lib/cni"), LauncherRig.CNI_CONF);
    }

    private static Map<?, ?> error(String reply, String head) {
        assertTrue(reply.startsWith(head), "a reply starting with " + io.github.netlink4j.json.Json.write(head) + ": " + reply);
        return (Map<?, ?>) Json.parse(reply.substring(head.length()));
    }

    @Test
    void connectionsBeyondTheBoundAreToldTheDaemonIsBusyAtOnce() throws Exception {
        DaemonRig d = start("--max-calls", "2");
        try (RawClient a = RawClient.connect(d.sock); RawClient b = RawClient.connect(d.sock)) {
            assertEquals("taken\n", a.read(6, BOUND), "the first is taken");
            assertEquals("taken\n", b.read(6, BOUND), "the second is taken");
            // both hold their slots: they have sent nothing yet
            try (RawClient c = RawClient.connect(d.sock)) {
                Map<?, ?> e = error(c.readToEnd(BOUND), "exit 1\n");
                assertEquals(11L, e.get("code"), e.toString());
                assertEquals("daemon busy", e.get("msg"));
            }
            a.send(status());
        }
        // the slots come back as the two calls end
        String reply = "";
        for (int i = 0; i < 50 && !reply.startsWith("taken\nexit 0\n"); i++) {
            try {
                reply = RawClient.exchange(d.sock, status(), BOUND);
            } catch (java.util.concurrent.ExecutionException e) {
                // a refusal is written without reading the request: its close can reset the connection first
                reply = "reset: " + e.getCause();
            }
            if (!reply.startsWith("taken\n")) Thread.sleep(100);
        }
        assertEquals("taken\nexit 0\n", reply, d.log());
        assertTrue(d.log().contains("busy: 2 calls running"), d.log());
    }

    @Test
    void malformedRequestsAreCniErrorsAndTheDaemonGoesOn() throws Exception {
        DaemonRig d = start();
        String[][] cases = {
                {"hello\n", "6"},
                {DaemonProtocol.MAGIC + "CNI_COMMAND=ADD\0", "6"},
                {DaemonProtocol.MAGIC + "CNI_COMMAND\0\0{}", "6"},
                {"", "6"},
        };
        for (String[] k : cases) {
            Map<?, ?> e = error(RawClient.exchange(d.sock, k[0].getBytes(StandardCharsets.UTF_8), BOUND), "taken\nexit 1\n");
            assertEquals(Long.valueOf(k[1]), e.get("code"), io.github.netlink4j.json.Json.write(k[0]) + " -> " + e);
            assertEquals("1.1.0", e.get("cniVersion"));
        }
        // 1 MiB, written out: the bound is part of what the daemon promises, not whatever the constant says
        byte[] huge = new byte[(1 << 20) + 4096];
        Arrays.fill(huge, (byte) 'a');
        Map<?, ?> tooLarge = error(RawClient.exchange(d.sock, huge, BOUND), "taken\nexit 1\n");
        assertEquals(5L, tooLarge.get("code"), tooLarge.toString());
        assertEquals("request too large", tooLarge.get("msg"));
        assertEquals("more than 1048576 bytes", tooLarge.get("details"));
        assertEquals("taken\nexit 0\n", RawClient.exchange(d.sock, status(), BOUND), "and then serves a good one: " + d.log());
        assertTrue(d.process().isAlive());
    }

    /** A client that starts a request and never ends it is told so after the daemon's 10 s, and holds no slot after. */
    @Test
    void aRequestThatNeverEndsIsRefusedAfterItsTime() throws Exception {
        DaemonRig d = start("--max-calls", "1");
        try (RawClient slow = RawClient.connect(d.sock)) {
            slow.send(DaemonProtocol.MAGIC.getBytes(StandardCharsets.US_ASCII));
            long t0 = System.nanoTime();
            Map<?, ?> e = error(slow.readToEnd(BOUND), "taken\nexit 1\n");
            long took = Duration.ofNanos(System.nanoTime() - t0).toMillis();
            assertEquals(5L, e.get("code"), e.toString());
            assertEquals("request incomplete", e.get("msg"));
            assertTrue(took >= CniDaemon.REQUEST_TIME.toMillis() - 500 && took < BOUND.toMillis(), took + " ms");
        }
        String reply = "";
        for (int i = 0; i < 50 && !reply.startsWith("taken\n"); i++) {
            reply = RawClient.exchange(d.sock, status(), BOUND);
            if (!reply.startsWith("taken\n")) Thread.sleep(100);
        }
        assertEquals("taken\nexit 0\n", reply, d.log());
    }
}
