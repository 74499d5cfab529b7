package io.github.netlink4j.examples.cni;

import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.Json;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which config versions the plugin takes: 0.3.0 to 1.1.0, each a full ADD, CHECK, DEL with Debian's
 * host-local, which knows 1.0.0 at most (the plugin hands it a 1.1.0 config as 1.0.0); anything else is
 * the spec's code 1, "incompatible CNI version", as the reference answers where it knows no better.
 */
class CniSpec110Test {
    private static final Duration BOUND = Duration.ofSeconds(60);
    private final List<ThrowawayNamespace> namespaces = new ArrayList<>();
    private Path dir;

    @BeforeEach
    void setUp() throws IOException {
        assertTrue(Files.isExecutable(Path.of(PluginRun.REFERENCE)), ".ci/run installs containernetworking-plugins");
        dir = Files.createTempDirectory("nl4j-cni-110");
    }

    @AfterEach
    void tearDown() throws IOException {
        for (ThrowawayNamespace n : namespaces) n.close();
        PluginRun.deleteTree(dir);
    }

    private ThrowawayNamespace ns(String prefix) throws IOException {
        ThrowawayNamespace n = ThrowawayNamespace.create(prefix);
        namespaces.add(n);
        return n;
    }

    private String conf(String version) {
        return "{\"cniVersion\":\"" + version + "\",\"name\":\"t11\",\"type\":\"bridge\",\"bridge\":\"cni11\",\"isGateway\":true,"
                + "\"ipam\":{\"type\":\"host-local\",\"subnet\":\"10.200.61.0/24\",\"dataDir\":\"" + dir.resolve("ipam") + "\"}}";
    }

    private static Map<String, String> env(String command, ThrowawayNamespace c) {
        Map<String, String> env = new HashMap<>();
        env.put("CNI_COMMAND", command);
        env.put("CNI_CONTAINERID", "ctr-" + c.name());
        env.put("CNI_NETNS", "/run/netns/" + c.name());
        env.put("CNI_IFNAME", "eth0");
        env.put("CNI_PATH", "/usr/lib/cni");
        return env;
    }

    @Test
    void aConfigOf110IsAddedCheckedAndDeleted() throws Exception {
        ThrowawayNamespace host = ns("cni-h"), c = ns("cni-c");
        PluginRun.Answer added = PluginRun.asProcess(host, env("ADD", c), conf("1.1.0"), BOUND);
        assertEquals(0, added.exit(), added.out());
        assertEquals("1.1.0", added.json().get("cniVersion"), added.out());
        assertEquals(3, ((List<?>) added.json().get("interfaces")).size(), added.out());
        assertTrue(Ip.in(c.name(), "-br", "addr").contains("10.200.61."), "the container has its address");
        assertEquals(1, PluginRun.allocations(dir.resolve("ipam")));
        String withPrev = conf("1.1.0");
        withPrev = withPrev.substring(0, withPrev.length() - 1) + ",\"prevResult\":" + added.out().strip() + "}";
        PluginRun.Answer checked = PluginRun.asProcess(host, env("CHECK", c), withPrev, BOUND);
        assertEquals(0, checked.exit(), checked.out());
        PluginRun.Answer deleted = PluginRun.asProcess(host, env("DEL", c), withPrev, BOUND);
        assertEquals(0, deleted.exit(), deleted.out());
        assertEquals(0, PluginRun.allocations(dir.resolve("ipam")), "released");
        assertFalse(Ip.in(c.name(), "-br", "link").contains("eth0"), "the container's interface is gone");
    }

    @Test
    void everyVersionBefore110StillWorks() throws Exception {
        ThrowawayNamespace host = ns("cni-h");
        for (String v : List.of("0.3.0", "0.3.1", "0.4.0", "1.0.0")) {
            ThrowawayNamespace c = ns("cni-c");
            PluginRun.Answer added = PluginRun.inProcess(host.ns(), env("ADD", c), conf(v));
            assertEquals(0, added.exit(), v + ": " + added.out());
            assertEquals(v, added.json().get("cniVersion"), added.out());
            PluginRun.Answer deleted = PluginRun.inProcess(host.ns(), env("DEL", c), conf(v));
            assertEquals(0, deleted.exit(), v + ": " + deleted.out());
        }
        assertEquals(0, PluginRun.allocations(dir.resolve("ipam")));
    }

    /** 0.2.0 results have another shape (ip4/ip6), which the plugin does not write: refused before anything is made. */
    @Test
    void aConfigOf020IsRefusedWithCode1() throws Exception {
        ThrowawayNamespace host = ns("cni-h"), c = ns("cni-c");
        PluginRun.Answer a = PluginRun.asProcess(host, env("ADD", c), conf("0.2.0"), BOUND);
        assertEquals(1, a.exit(), a.out());
        assertEquals(1L, a.code(), a.out());
        assertEquals("incompatible CNI version", a.json().get("msg"), a.out());
        assertEquals(0, PluginRun.allocations(dir.resolve("ipam")));
        assertEquals("lo", Ip.in(host.name(), "-br", "link").strip().split("\\s+")[0], "nothing made in the host namespace");
    }

    /** A version neither knows: the same exit status and code as the reference (which knows 0.1.0 to 1.0.0 only). */
    @Test
    void anUnknownVersionIsRefusedAsTheReferenceRefusesIt() throws Exception {
        ThrowawayNamespace host = ns("cni-h"), c = ns("cni-c");
        for (String command : List.of("ADD", "DEL")) {
            PluginRun.Answer ref = PluginRun.asProcess(false, host, env(command, c), conf("9.9.9"), BOUND);
            PluginRun.Answer ours = PluginRun.asProcess(true, host, env(command, c), conf("9.9.9"), BOUND);
            assertEquals(ref.exit(), ours.exit(), command + ": " + ref.out() + " / " + ours.out());
            assertEquals(ref.code(), ours.code(), command + ": " + ref.out() + " / " + ours.out());
            assertEquals(1L, ours.code());
        }
    }

    /** STATUS and GC came with 1.1.0: a 1.0.0 config cannot ask for them (the reference library's answer, code 1). */
    @Test
    void statusAndGcNeedA110Config() throws Exception {
        for (String command : List.of("STATUS", "GC")) {
            Map<String, String> env = Map.of("CNI_COMMAND", command, "CNI_PATH", "/usr/lib/cni");
            String conf = conf("1.0.0");
            conf = conf.substring(0, conf.length() - 1) + ",\"cni.dev/valid-attachments\":[]}";
            PluginRun.Answer a = PluginRun.inProcess(null, env, conf);
            assertEquals(1, a.exit(), a.out());
            assertEquals(1L, a.code(), command + ": " + a.out());
        }
    }

    @Test
    void versionNamesEveryVersionTaken() {
        PluginRun.Answer a = PluginRun.inProcess(null, Map.of("CNI_COMMAND", "VERSION"), "");
        assertEquals(Map.of("cniVersion", "1.1.0", "supportedVersions", List.of("0.3.0", "0.3.1", "0.4.0", "1.0.0", "1.1.0")),
                Json.parse(a.out()));
    }
}
