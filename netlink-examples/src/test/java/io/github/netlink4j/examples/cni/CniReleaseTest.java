package io.github.netlink4j.examples.cni;

import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A failed ADD owes the IPAM plugin exactly one thing: a release when it may hold an address for the
 * container, and none when it said it holds none. So the runtime's retry of the same container never
 * meets "duplicate allocation", and a second ADD never frees the first one's address.
 */
class CniReleaseTest {
    private final List<ThrowawayNamespace> namespaces = new ArrayList<>();
    private Path dir;

    @BeforeEach
    void reference() throws Exception {
        assertTrue(Files.isExecutable(Path.of("/usr/lib/cni/host-local")), ".ci/run installs containernetworking-plugins");
        dir = Files.createTempDirectory("nl4j-cni-release");
    }

    @AfterEach
    void tearDown() throws Exception {
        for (ThrowawayNamespace n : namespaces) n.close();
        PluginRun.deleteTree(dir);
    }

    private ThrowawayNamespace ns(String prefix) throws Exception {
        ThrowawayNamespace n = ThrowawayNamespace.create(prefix);
        namespaces.add(n);
        return n;
    }

    private Map<String, String> env(ThrowawayNamespace c) {
        Map<String, String> env = new HashMap<>();
        env.put("CNI_COMMAND", "ADD");
        env.put("CNI_CONTAINERID", "retry-" + c.name());
        env.put("CNI_NETNS", "/run/netns/" + c.name());
        env.put("CNI_IFNAME", "eth0");
        env.put("CNI_PATH", dir + ":/usr/lib/cni");
        env.put("PATH", System.getenv("PATH"));
        env.put(Ipam.TIMEOUT_ENV, "2");
        return env;
    }

    private String conf(String bridge, String ipam) {
        return "{\"cniVersion\":\"1.0.0\",\"name\":\"t1\",\"type\":\"bridge\",\"bridge\":\"" + bridge + "\",\"isGateway\":true,\"ipam\":" + ipam + "}";
    }

    private String hostLocal() {
        return "{\"type\":\"host-local\",\"subnet\":\"10.200.44.0/24\",\"dataDir\":\"" + dir.resolve("ipam") + "\"}";
    }

    /** A fake IPAM plugin that logs each command it gets to ipam.log, then runs {@code add} for ADD. */
    private String loggingIpam(String add) throws Exception {
        Path p = dir.resolve("logging-ipam");
        Files.writeString(p, "#!/bin/sh\necho \"$CNI_COMMAND\" >> '" + dir.resolve("ipam.log") + "'\ncat > /dev/null\n"
                + "if [ \"$CNI_COMMAND\" = ADD ]; then\n" + add + "\nfi\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return "{\"type\":\"logging-ipam\"}";
    }

    private List<String> ipamLog() throws Exception {
        Path log = dir.resolve("ipam.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    /** As a runtime calls it: names the kernel would refuse fail before host-local allocates, and the retry of the same container succeeds. */
    @Test
    void aBadBridgeNameHoldsNoAddressAndTheRetrySucceeds() throws Exception {
        ThrowawayNamespace host = ns("cni-host"), c = ns("cni-c");
        for (String bad : new String[] {"br:0", "\u00e9".repeat(8)}) {
            PluginRun.Answer a = PluginRun.asProcess(host, env(c), conf(bad, hostLocal()), Duration.ofSeconds(60));
            assertEquals(1, a.exit(), a.out());
            assertEquals(7L, a.code(), a.out());
            assertEquals(0, PluginRun.allocations(dir.resolve("ipam")), bad + ": host-local holds no address: " + a.out());
        }
        PluginRun.Answer retry = PluginRun.asProcess(host, env(c), conf("cni9", hostLocal()), Duration.ofSeconds(60));
        assertEquals(0, retry.exit(), "the same container's retry: " + retry.out());
        assertEquals(1, PluginRun.allocations(dir.resolve("ipam")));
    }

    /** A step after IPAM ADD fails (cni9 is a veth, not a bridge): the address goes back and the retry gets one. */
    @Test
    void aFailureAfterIpamReleasesAndTheRetrySucceeds() throws Exception {
        ThrowawayNamespace host = ns("cni-host"), c = ns("cni-c");
        host.client().links().add(LinkSpec.veth("cni9", "cni9peer"));
        PluginRun.Answer a = PluginRun.inProcess(host.ns(), env(c), conf("cni9", hostLocal()));
        assertEquals(1, a.exit(), a.out());
        assertTrue(a.out().contains("not a bridge"), a.out());
        assertEquals(0, PluginRun.allocations(dir.resolve("ipam")), "released");
        assertFalse(Ip.in(host.name(), "-br", "link").contains("veth"), "no veth left");
        host.client().links().delete("cni9");
        PluginRun.Answer retry = PluginRun.inProcess(host.ns(), env(c), conf("cni9", hostLocal()));
        assertEquals(0, retry.exit(), retry.out());
    }

    /** Killed at the timeout, the plugin may have allocated: ADD releases what it may hold. */
    @Test
    void anIpamAddOfUnknownOutcomeIsReleased() throws Exception {
        ThrowawayNamespace host = ns("cni-host"), c = ns("cni-c");
        PluginRun.Answer a = PluginRun.inProcess(host.ns(), env(c), conf("cni9", loggingIpam("sleep 30")));
        assertEquals(11L, a.code(), a.out());
        assertEquals(List.of("ADD", "DEL"), ipamLog());
        assertTrue(a.took().toSeconds() < 15, "answered after " + a.took());
    }

    /** The plugin said it failed: it holds nothing, and a DEL now could free the address of an earlier ADD of this container. */
    @Test
    void anIpamRefusalIsNotReleased() throws Exception {
        ThrowawayNamespace host = ns("cni-host"), c = ns("cni-c");
        PluginRun.Answer a = PluginRun.inProcess(host.ns(), env(c),
                conf("cni9", loggingIpam("echo '{\"cniVersion\":\"1.0.0\",\"code\":999,\"msg\":\"duplicate allocation\"}'; exit 1")));
        assertEquals(999L, a.code(), a.out());
        assertEquals("duplicate allocation", a.json().get("msg"));
        assertEquals(List.of("ADD"), ipamLog());
    }
}
