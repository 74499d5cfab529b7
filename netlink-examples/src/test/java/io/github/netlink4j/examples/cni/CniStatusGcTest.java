package io.github.netlink4j.examples.cni;

import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * STATUS and GC (CNI 1.1.0) against Debian's host-local, which knows neither (GC reads its files and
 * releases each stale attachment by its DEL), and against a fake IPAM plugin that speaks 1.1.0 (both
 * commands are handed to it). The reference bridge of that package knows neither command either, so
 * there is nothing to compare with. Allocations are host-local's own files in a temporary dataDir:
 * NAME/ADDRESS holding "containerID\r\nifname".
 */
class CniStatusGcTest {
    private static final Duration BOUND = Duration.ofSeconds(60);
    private final List<ThrowawayNamespace> namespaces = new ArrayList<>();
    private Path dir;

    @BeforeEach
    void setUp() throws IOException {
        assertTrue(Files.isExecutable(Path.of("/usr/lib/cni/host-local")), ".ci/run installs containernetworking-plugins");
        dir = Files.createTempDirectory("nl4j-cni-gc");
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

    /** The network's config; {@code extra} (ending in a comma, or empty) goes first. */
    private String conf(String name, String ipam, String extra) {
        return "{" + extra + "\"cniVersion\":\"1.1.0\",\"name\":\"" + name + "\",\"type\":\"bridge\",\"bridge\":\"cni12\",\"isGateway\":true,\"ipam\":" + ipam + "}";
    }

    private String hostLocal() {
        return hostLocal(dir.resolve("ipam"));
    }

    private static String hostLocal(Path dataDir) {
        return "{\"type\":\"host-local\",\"subnet\":\"10.200.62.0/24\",\"dataDir\":\"" + dataDir + "\"}";
    }

    private String gcConf(String name, String valid) {
        return conf(name, hostLocal(), "\"cni.dev/valid-attachments\":" + valid + ",");
    }

    private static String valid(String... idIfname) {
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < idIfname.length; i += 2) {
            entries.add("{\"containerID\":\"" + idIfname[i] + "\",\"ifname\":\"" + idIfname[i + 1] + "\"}");
        }
        return "[" + String.join(",", entries) + "]";
    }

    private static Map<String, String> env(String command) {
        Map<String, String> env = new HashMap<>();
        env.put("CNI_COMMAND", command);
        env.put("CNI_PATH", "/usr/lib/cni");
        return env;
    }

    private PluginRun.Answer run(String command, String conf) {
        return PluginRun.inProcess(null, env(command), conf);
    }

    /** An address for (id, ifname) from host-local itself, as a 1.0.0 ADD of network t12 would make it. */
    private void allocate(String id, String ifname) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("/usr/lib/cni/host-local");
        pb.environment().putAll(Map.of("CNI_COMMAND", "ADD", "CNI_CONTAINERID", id, "CNI_IFNAME", ifname,
                "CNI_NETNS", "/run/netns/none", "CNI_PATH", "/usr/lib/cni"));
        Process p = pb.redirectError(ProcessBuilder.Redirect.INHERIT).start();
        p.getOutputStream().write(conf("t12", hostLocal(), "").replace("\"1.1.0\"", "\"1.0.0\"").getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "host-local ADD");
        assertEquals(0, p.exitValue(), out);
    }

    /** What host-local holds for network {@code name}: "containerID/ifname" by address. */
    private Map<String, String> held(String name) throws IOException {
        Map<String, String> held = new TreeMap<>();
        Path net = dir.resolve("ipam").resolve(name);
        if (!Files.isDirectory(net)) return held;
        try (Stream<Path> s = Files.list(net)) {
            for (Path f : s.filter(f -> f.getFileName().toString().startsWith("10.200.")).toList()) {
                held.put(f.getFileName().toString(), Files.readString(f).replace("\r\n", "/"));
            }
        }
        return held;
    }

    private static List<String> attachments(Map<String, String> held) {
        return held.values().stream().sorted().toList();
    }

    // STATUS

    @Test
    void statusSucceedsSilentlyWhenItsIpamPluginIsThere() {
        PluginRun.Answer a = run("STATUS", conf("t12", hostLocal(), ""));
        assertEquals(0, a.exit(), a.out());
        assertEquals("", a.out());
    }

    @Test
    void statusIsNotAvailableWhenItsIpamPluginIsMissing() throws Exception {
        Map<String, String> env = env("STATUS");
        env.put("CNI_PATH", Files.createDirectory(dir.resolve("empty")).toString());
        PluginRun.Answer a = PluginRun.inProcess(null, env, conf("t12", hostLocal(), ""));
        assertEquals(1, a.exit(), a.out());
        assertEquals(50L, a.code(), a.out());
        assertEquals("plugin not available", a.json().get("msg"));
        env.remove("CNI_PATH");
        assertEquals(50L, PluginRun.inProcess(null, env, conf("t12", hostLocal(), "")).code());
    }

    @Test
    void statusOfANetworkOfLayer2OnlyNeedsNothing() throws Exception {
        Map<String, String> env = env("STATUS");
        env.remove("CNI_PATH");
        PluginRun.Answer a = PluginRun.inProcess(null, env, "{\"cniVersion\":\"1.1.0\",\"name\":\"l2\",\"type\":\"bridge\"}");
        assertEquals(0, a.exit(), a.out());
    }

    /** An IPAM plugin that speaks 1.1.0 in CNI_PATH=dir: logs each command to ipam.log, answers STATUS with {@code status}. */
    private String ipam110(String status) throws IOException {
        Path p = dir.resolve("ipam-110");
        Files.writeString(p, "#!/bin/sh\necho \"$CNI_COMMAND\" >> '" + dir.resolve("ipam.log") + "'\ncat > '" + dir.resolve("ipam.stdin") + "'\n"
                + "case $CNI_COMMAND in\n"
                + "VERSION) echo '{\"cniVersion\":\"1.1.0\",\"supportedVersions\":[\"1.0.0\",\"1.1.0\"]}' ;;\n"
                + "STATUS) " + status + " ;;\n"
                + "esac\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return "{\"type\":\"ipam-110\"}";
    }

    private List<String> ipamLog() throws IOException {
        Path log = dir.resolve("ipam.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    @Test
    void statusAsksAnIpamPluginThatSpeaks110AndPassesOnItsError() throws Exception {
        Map<String, String> env = env("STATUS");
        env.put("CNI_PATH", dir.toString());
        String ipam = ipam110("echo '{\"cniVersion\":\"1.1.0\",\"code\":51,\"msg\":\"pool exhausted\"}'; exit 1");
        PluginRun.Answer a = PluginRun.inProcess(null, env, conf("t12", ipam, ""));
        assertEquals(51L, a.code(), a.out());
        assertEquals("pool exhausted", a.json().get("msg"));
        assertEquals(List.of("VERSION", "STATUS"), ipamLog());
    }

    // GC

    @Test
    void gcReleasesStaleAttachmentsAndKeepsValidOnes() throws Exception {
        allocate("keep", "eth0");
        allocate("keep", "net1"); // the same container on another interface: a different attachment
        allocate("stale", "eth0");
        assertEquals(List.of("keep/eth0", "keep/net1", "stale/eth0"), attachments(held("t12")));
        Map<String, String> before = held("t12");
        PluginRun.Answer a = run("GC", gcConf("t12", valid("keep", "eth0")));
        assertEquals(0, a.exit(), a.out());
        assertEquals("", a.out());
        Map<String, String> after = held("t12");
        assertEquals(List.of("keep/eth0"), attachments(after));
        String kept = after.keySet().iterator().next();
        assertEquals(before.get(kept), after.get(kept), "the valid attachment keeps its address");
        // the released addresses are free again: host-local hands one out
        allocate("new", "eth0");
        assertEquals(2, held("t12").size());
    }

    @Test
    void gcWithAnEmptyListReleasesEverythingOfThisNetworkOnly() throws Exception {
        allocate("a", "eth0");
        allocate("b", "eth0");
        Files.createDirectories(dir.resolve("ipam/t13"));
        Files.writeString(dir.resolve("ipam/t13/10.200.63.2"), "other\r\neth0");
        PluginRun.Answer a = run("GC", gcConf("t12", "[]"));
        assertEquals(0, a.exit(), a.out());
        assertEquals(Map.of(), held("t12"));
        assertEquals(Map.of("10.200.63.2", "other/eth0"), held("t13"), "another network's allocation");
    }

    /** A GC for network "other" leaves network t12 alone: host-local's state is per network. */
    @Test
    void gcOfAnotherNetworkRemovesNothingHere() throws Exception {
        allocate("a", "eth0");
        Map<String, String> before = held("t12");
        PluginRun.Answer a = run("GC", gcConf("other", "[]"));
        assertEquals(0, a.exit(), a.out());
        assertEquals(before, held("t12"));
    }

    /** Network names that are not names: one would lead GC from dataDir/sub into t12's directory. */
    @Test
    void gcRefusesANetworkNameThatIsNoName() throws Exception {
        allocate("a", "eth0");
        Map<String, String> before = held("t12");
        for (String name : List.of("../t12", "t12/..", "", ".hidden")) {
            String conf = conf(name, hostLocal(dir.resolve("ipam/sub")), "\"cni.dev/valid-attachments\":[],");
            PluginRun.Answer a = run("GC", conf);
            assertEquals(1, a.exit(), name + ": " + a.out());
            assertEquals(7L, a.code(), name + ": " + a.out());
            assertEquals(before, held("t12"), name + ": nothing removed");
        }
    }

    @Test
    void gcRefusesAMalformedListAndRemovesNothing() throws Exception {
        allocate("a", "eth0");
        Map<String, String> before = held("t12");
        List<String> malformed = List.of("\"a/eth0\"", "{\"containerID\":\"a\",\"ifname\":\"eth0\"}", "[\"a\"]", "[{\"containerID\":\"a\"}]",
                "[{\"containerID\":\"a\",\"ifname\":5}]", "[{\"containerID\":\"\",\"ifname\":\"eth0\"}]", "null");
        for (String valid : malformed) {
            PluginRun.Answer a = run("GC", gcConf("t12", valid));
            assertEquals(1, a.exit(), valid + ": " + a.out());
            assertEquals(7L, a.code(), valid + ": " + a.out());
            assertEquals(before, held("t12"), valid + ": nothing removed");
        }
        PluginRun.Answer missing = run("GC", conf("t12", hostLocal(), ""));
        assertEquals(7L, missing.code(), "no list at all: " + missing.out());
        assertEquals(before, held("t12"));
    }

    /** An ADD through the plugin, in namespaces of this test, then GC: the attachment the runtime still lists keeps everything. */
    @Test
    void gcAfterRealAddsReleasesOnlyTheGoneContainer() throws Exception {
        ThrowawayNamespace host = ns("cni-h"), live = ns("cni-c"), gone = ns("cni-c");
        for (ThrowawayNamespace c : List.of(live, gone)) {
            Map<String, String> env = env("ADD");
            env.putAll(Map.of("CNI_CONTAINERID", "ctr-" + c.name(), "CNI_NETNS", "/run/netns/" + c.name(), "CNI_IFNAME", "eth0"));
            PluginRun.Answer a = PluginRun.asProcess(host, env, conf("t12", hostLocal(), ""), BOUND);
            assertEquals(0, a.exit(), a.out());
        }
        gone.close();
        namespaces.remove(gone);
        PluginRun.Answer a = PluginRun.asProcess(host, env("GC"), gcConf("t12", valid("ctr-" + live.name(), "eth0")), BOUND);
        assertEquals(0, a.exit(), a.out());
        assertEquals(List.of("ctr-" + live.name() + "/eth0"), attachments(held("t12")));
    }

    @Test
    void gcIsHandedToAnIpamPluginThatSpeaks110() throws Exception {
        allocate("a", "eth0");
        Map<String, String> env = env("GC");
        env.put("CNI_PATH", dir + ":/usr/lib/cni");
        String conf = conf("t12", ipam110("true"), "\"cni.dev/valid-attachments\":[],");
        PluginRun.Answer a = PluginRun.inProcess(null, env, conf);
        assertEquals(0, a.exit(), a.out());
        assertEquals(List.of("VERSION", "GC"), ipamLog());
        assertEquals(conf, Files.readString(dir.resolve("ipam.stdin")), "the config as it came");
        assertEquals(1, held("t12").size(), "no release of its own");
    }
}
