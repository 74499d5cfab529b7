package io.github.netlink4j.examples.cni;

import io.github.netlink4j.examples.LauncherRig;
import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.Json;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * netlink4j-bridge under a real container runtime: Debian's podman runs two containers on a network of
 * netlink4j-bridge chained with portmap and tuning, and they talk to each other, reach a port one of them
 * publishes through the gateway (hairpin), reach a namespace routed behind the host, and a third
 * container sits on two networks; removing them leaves nothing. The same scenario with the reference
 * bridge plugin passes the same checks. Everything lives in a throwaway "host" namespace and a temporary
 * directory ({@link Podman}); the world beyond the host is a second throwaway namespace, "far", behind a
 * veth on 198.18.1.0/24, which routes 10.200.0.0/16 back to the host (netlink4j-bridge programs no
 * netfilter, so no ipMasq: under podman that is an error naming the key, and leaves nothing).
 */
class CniPodmanTest {
    private static final String FAR = "198.18.1.2";
    private static final String GET = "printf 'GET / HTTP/1.0\\r\\n\\r\\n' | nc -w 5 ";
    /** ping X: up to three echo requests, 2 s each, until one is answered (the first may wait on ARP). */
    private static final String PING = "p() { for i in 1 2 3; do ping -c1 -W2 \"$1\" >/dev/null && return 0; done; return 1; }";

    private final List<ThrowawayNamespace> namespaces = new ArrayList<>();
    private final List<AutoCloseable> closers = new ArrayList<>();
    private Path dir;

    @AfterEach
    void tearDown() throws Exception {
        Exception failure = null;
        for (AutoCloseable c : closers.reversed()) {
            try {
                c.close();
            } catch (Exception e) {
                if (failure == null) failure = e;
                else failure.addSuppressed(e);
            }
        }
        for (ThrowawayNamespace n : namespaces) n.close();
        PluginRun.deleteTree(dir);
        if (failure != null) throw failure;
    }

    @Test
    void podmanContainersOnNetlink4jBridgeTalkPublishReachBeyondTheHostAndLeaveNothing() throws Exception {
        scenario(true);
    }

    @Test
    void theSameScenarioPassesWithTheReferenceBridge() throws Exception {
        scenario(false);
    }

    private void scenario(boolean ours) throws Exception {
        String who = ours ? "netlink4j-bridge" : "the reference";
        String type = ours ? "netlink4j-bridge" : "bridge";
        ThrowawayNamespace host = ns("pm-host"), far = ns("pm-far");
        dir = Files.createTempDirectory("nl4j-podman");
        LauncherRig rig = LauncherRig.create();
        closers.add(rig);
        Podman pm = Podman.start(host, rig, dir);
        closers.add(pm);
        wireFar(host, far);
        Process server = far.ns().start(new ProcessBuilder("/bin/busybox", "httpd", "-f", "-p", "9000", "-h", dir.resolve("rootfs/www").toString()));
        closers.add(() -> {
            server.destroyForcibly();
            server.waitFor(10, TimeUnit.SECONDS);
        });

        String main = pm.net("main"), side = pm.net("side");
        pm.network(main, pm.bridge(type, "pm0", "10.200.10.0/24", "\"isGateway\":true,\"hairpinMode\":true,", true)
                + ",{\"type\":\"portmap\",\"capabilities\":{\"portMappings\":true}},{\"type\":\"tuning\"}");
        pm.network(side, pm.bridge(type, "pm1", "10.200.20.0/24", "\"isGateway\":true,", false) + ",{\"type\":\"tuning\"}");
        pm.ok("run", "-d", "--name", "a", "--network", main, "-p", "8080:80", Podman.IMAGE, "httpd", "-f", "-p", "80", "-h", "/www");
        pm.ok("run", "-d", "--name", "b", "--network", main, Podman.IMAGE, "sleep", "600");
        pm.ok("run", "-d", "--name", "c", "--network", main, "--network", side, Podman.IMAGE, "sleep", "600");
        List<Path> sandboxes = List.of(pm.sandbox("a"), pm.sandbox("b"), pm.sandbox("c"));
        String a = pm.address("a", main);
        assertTrue(a.startsWith("10.200.10."), who + ": a's address " + a);

        String fromB = pm.ok("exec", "b", "sh", "-c", String.join("; ",
                PING, "p " + a + " && echo peer-ping=ok",
                GET + a + " 80 | grep -q " + Podman.PAGE + " && echo peer-tcp=ok",
                GET + "10.200.10.1 8080 | grep -q " + Podman.PAGE + " && echo hairpin=ok",
                "p " + FAR + " && echo far-ping=ok",
                GET + FAR + " 9000 | grep -q " + Podman.PAGE + " && echo far-tcp=ok",
                "true"));
        for (String check : List.of("peer-ping", "peer-tcp", "hairpin", "far-ping", "far-tcp")) {
            assertTrue(fromB.contains(check + "=ok"), who + ": " + check + " from container b, which printed: " + fromB);
        }
        String fromFar = inFar(far, GET + "198.18.1.1 8080 | grep -q " + Podman.PAGE + " && echo published=ok");
        assertTrue(fromFar.contains("published=ok"), who + ": the port a publishes, from beyond the host: " + fromFar);

        String fromC = pm.ok("exec", "c", "sh", "-c", String.join("; ",
                "ip -4 -o addr show dev eth0", "ip -4 -o addr show dev eth1",
                PING, "p 10.200.20.1 && echo side-gateway=ok", "p " + a + " && echo main-peer=ok", "true"));
        // podman 4.3 names the interfaces in an order of its own, not the command line's
        for (String net : List.of("10\\.200\\.10\\.", "10\\.200\\.20\\.")) {
            assertTrue(fromC.matches("(?s).*eth[01]\\s+inet " + net + "\\d+/24.*"), who + ": c on both networks: " + fromC);
        }
        assertTrue(fromC.contains("side-gateway=ok") && fromC.contains("main-peer=ok"), who + ": c reaches both networks: " + fromC);

        masquerade(ours, pm, far);

        pm.ok("rm", "-f", "-t", "0", "a", "b", "c");
        assertNothingLeft(who, host, pm, sandboxes);

        // podman run --rm (ADD, the container, DEL): the launcher's cache is trained by now (awaitQuiet waits for that run).
        rig.awaitQuiet();
        List<Long> ms = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Podman.Result r = pm.run("run", "--rm", "--network", main, Podman.IMAGE, "true");
            assertEquals(0, r.exit(), who + ": podman run --rm: " + r.both());
            ms.add(r.took().toMillis());
        }
        long none = pm.run("run", "--rm", "--network", "none", Podman.IMAGE, "true").took().toMillis();
        System.out.println("podman run --rm on a network of " + who + ": " + ms + " ms (without a network: " + none + " ms)");
        assertNothingLeft(who, host, pm, List.of());
    }

    /**
     * ipMasq: netlink4j-bridge refuses it, and podman's failed start leaves neither a veth nor an
     * address behind; the reference masquerades, which this checks with far's route back taken away.
     */
    private static void masquerade(boolean ours, Podman pm, ThrowawayNamespace far) throws Exception {
        String type = ours ? "netlink4j-bridge" : "bridge", masq = pm.net("masq");
        pm.network(masq, pm.bridge(type, "pm2", "10.200.30.0/24", "\"isGateway\":true,\"ipMasq\":true,", true));
        Ip.in(far.name(), "route", "del", "10.200.0.0/16", "via", "198.18.1.1");
        try {
            Podman.Result r = pm.run("run", "--rm", "--network", masq, Podman.IMAGE, "sh", "-c",
                    PING + "; p " + FAR + " && echo masq=ok");
            if (ours) {
                assertNotEquals(0, r.exit(), "netlink4j-bridge with ipMasq: " + r.both());
                assertTrue(r.err().contains("\"ipMasq\" needs netfilter"), "podman passes on the plugin's reason: " + r.both());
                assertEquals(0, PluginRun.allocations(pm.ipam.resolve(masq)), "the refused ADD released its address");
            } else {
                assertTrue(r.out().contains("masq=ok"), "the reference with ipMasq reaches far without a route back: " + r.both());
            }
        } finally {
            Ip.in(far.name(), "route", "add", "10.200.0.0/16", "via", "198.18.1.1");
        }
    }

    /** far: a veth from the host, 198.18.1.1 on the host's end, 198.18.1.2 on far's, far routing 10.200.0.0/16 back. */
    private static void wireFar(ThrowawayNamespace host, ThrowawayNamespace far) throws IOException {
        Ip.in(host.name(), "link", "set", "lo", "up");
        Ip.in(far.name(), "link", "set", "lo", "up");
        Ip.in(host.name(), "link", "add", "pmup", "type", "veth", "peer", "name", "pmdown", "netns", far.name());
        Ip.in(host.name(), "addr", "add", "198.18.1.1/24", "dev", "pmup");
        Ip.in(host.name(), "link", "set", "pmup", "up");
        Ip.in(far.name(), "addr", "add", FAR + "/24", "dev", "pmdown");
        Ip.in(far.name(), "link", "set", "pmdown", "up");
        Ip.in(far.name(), "route", "add", "10.200.0.0/16", "via", "198.18.1.1");
    }

    /** Runs busybox sh -c {@code script} in far (at most 30 s); its stdout. */
    private static String inFar(ThrowawayNamespace far, String script) throws Exception {
        Process p = far.ns().start(new ProcessBuilder("/bin/busybox", "sh", "-c", script).redirectErrorStream(true));
        p.getOutputStream().close();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("still running in far after 30 s: " + script);
        }
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    /**
     * Once the containers are gone: no veth in the host namespace, no address held by host-local, no
     * netfilter rule naming a container (portmap's per-container chains gone; only its shared chains stay),
     * no libcni cache entry, no container namespace, no conmon (nor its exit command, awaited first), and nothing of the test's in
     * the machine's own namespace.
     */
    private static void assertNothingLeft(String who, ThrowawayNamespace host, Podman pm, List<Path> sandboxes) throws Exception {
        assertEquals(List.of(), pm.leftovers(), who + ": processes left");
        List<String> veths = ((List<?>) Json.parse(Ip.in(host.name(), "-j", "link"))).stream()
                .map(l -> (String) ((Map<?, ?>) l).get("ifname")).filter(n -> n.startsWith("veth")).toList();
        assertEquals(List.of(), veths, who + ": host veths left");
        assertEquals(0, PluginRun.allocations(pm.ipam), who + ": host-local addresses left in " + pm.ipam);
        String rules = iptablesSave(host);
        for (String line : rules.lines().toList()) {
            assertFalse(line.contains("10.200.") || line.startsWith(":CNI-DN-") || line.matches(":CNI-[0-9a-f]{24} .*"), who + ": left in netfilter: " + line);
        }
        assertEquals(List.of(), pm.cniCache(), who + ": libcni's cache entries left");
        for (Path s : sandboxes) assertFalse(Files.exists(s), who + ": container namespace left: " + s);
        String root = Ip.run("-br", "link").out();
        for (String br : List.of("pm0", "pm1", "pm2")) assertFalse(root.matches("(?s)(.*\\n)?" + br + "\\s.*"), "a bridge in the machine's namespace: " + root);
    }

    /** iptables-save in {@code host} (nsenter --net: the host namespace, this machine's files). */
    private static String iptablesSave(ThrowawayNamespace host) throws Exception {
        Process p = new ProcessBuilder("nsenter", "--net=/run/netns/" + host.name(), "iptables-save").redirectErrorStream(true).start();
        p.getOutputStream().close();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("iptables-save still running after 30 s");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "iptables-save: " + out);
        return out;
    }

    private ThrowawayNamespace ns(String prefix) throws IOException {
        ThrowawayNamespace n = ThrowawayNamespace.create(prefix);
        namespaces.add(n);
        return n;
    }
}
