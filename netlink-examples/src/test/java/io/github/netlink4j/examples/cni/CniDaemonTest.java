package io.github.netlink4j.examples.cni;

import io.github.netlink4j.examples.LauncherRig;
import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.Json;
import io.github.netlink4j.testing.Privileged;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The resident daemon serving the real launcher in throwaway namespaces: the same results as the plugin
 * run in process, ten ADDs at once, a daemon killed during an ADD, a daemon stopped as systemd stops it.
 * Whether a call was served by the daemon or run in process is told by the rig's logging JDK
 * ({@link DaemonRig}): the daemon's calls start no JVM.
 */
class CniDaemonTest {
    private static LauncherRig rig;
    private final List<ThrowawayNamespace> namespaces = new ArrayList<>();
    private final List<DaemonRig> daemons = new ArrayList<>();
    private Path args;

    @BeforeAll
    static void rig() throws IOException {
        Privileged.require();
        DaemonRig.requireSocat();
        assertTrue(Files.isExecutable(Path.of("/usr/lib/cni/host-local")), ".ci/run installs containernetworking-plugins");
        rig = LauncherRig.create();
    }

    @AfterAll
    static void closeRig() throws IOException {
        if (rig != null) rig.close();
    }

    @BeforeEach
    void argsFile() throws IOException {
        args = rig.argsFile("jvms-" + System.nanoTime());
    }

    @AfterEach
    void tearDown() throws Exception {
        for (DaemonRig d : daemons) d.close();
        rig.endTagged();
        for (ThrowawayNamespace n : namespaces) n.close();
    }

    private ThrowawayNamespace ns(String prefix) throws IOException {
        ThrowawayNamespace n = ThrowawayNamespace.create(prefix);
        namespaces.add(n);
        return n;
    }

    private DaemonRig daemon(ThrowawayNamespace host, String... options) throws Exception {
        DaemonRig d = new DaemonRig(rig, host, "run-" + host.name());
        daemons.add(d);
        return d.start(options);
    }

    private static String conf(Path ipamDir) {
        return "{\"cniVersion\":\"1.0.0\",\"name\":\"d1\",\"type\":\"netlink4j-bridge\",\"bridge\":\"cnid0\",\"isGateway\":true,\"isDefaultGateway\":true,"
                + "\"ipam\":{\"type\":\"host-local\",\"subnet\":\"10.200.61.0/24\",\"dataDir\":\"" + ipamDir + "\"}}";
    }

    private Path ipamDir() throws IOException {
        return Files.createTempDirectory(rig.root, "ipam");
    }

    private static String withPrev(String conf, String result) {
        return conf.substring(0, conf.length() - 1) + ",\"prevResult\":" + result.strip() + "}";
    }

    private static String state(ThrowawayNamespace n) throws IOException {
        return Ip.in(n.name(), "-br", "-4", "addr").replaceAll("@if\\d+", "") + Ip.in(n.name(), "route");
    }

    private static List<String> linkNames(ThrowawayNamespace n) throws IOException {
        return ((List<?>) Json.parse(Ip.in(n.name(), "-j", "link"))).stream().map(l -> (String) ((Map<?, ?>) l).get("ifname")).sorted().toList();
    }

    /** A result without what differs by design: MACs, the random veth name, the sandbox path. */
    @SuppressWarnings("unchecked")
    private static Object comparable(String out) {
        Map<String, Object> r = new TreeMap<>((Map<String, Object>) Json.parse(out));
        List<Object> ifs = new ArrayList<>();
        for (Object o : (List<Object>) r.get("interfaces")) {
            Map<String, Object> m = new TreeMap<>((Map<String, Object>) o);
            m.remove("mac");
            if (((String) m.get("name")).startsWith("veth")) m.put("name", "veth*");
            if (m.containsKey("sandbox")) m.put("sandbox", "*");
            ifs.add(m);
        }
        r.put("interfaces", ifs);
        return r;
    }

    @Test
    void servesAddCheckAndDelAsThePluginInProcessDoes() throws Exception {
        Map<Boolean, Object> results = new HashMap<>();
        Map<Boolean, String> states = new HashMap<>();
        for (boolean viaDaemon : new boolean[] {true, false}) {
            ThrowawayNamespace host = ns("cnid-h"), c = ns("cnid-c");
            DaemonRig d = daemon(host);
            String conf = conf(ipamDir());
            Map<String, String> extra = viaDaemon ? Map.of() : Map.of("NETLINK4J_CNI_DAEMON", "0");
            Map<String, String> env = d.env("ADD", c, args);
            env.putAll(extra);
            LauncherRig.Result add = d.launch(env, conf);
            assertEquals(0, add.exit(), add.out() + add.err());
            results.put(viaDaemon, comparable(add.out()));
            states.put(viaDaemon, state(c) + Ip.in(host.name(), "-br", "-4", "addr").replaceAll("veth[0-9a-f]{8}@if\\d+", "veth*"));
            env.put("CNI_COMMAND", "CHECK");
            LauncherRig.Result check = d.launch(env, withPrev(conf, add.out()));
            assertEquals(0, check.exit(), check.out() + check.err());
            env.put("CNI_COMMAND", "DEL");
            LauncherRig.Result del = d.launch(env, conf);
            assertEquals(0, del.exit(), del.out() + del.err());
            assertEquals(List.of("lo"), linkNames(c), "DEL removed eth0");
            assertEquals(List.of("cnid0", "lo"), linkNames(host), "DEL removed the host's veth end");
            List<String> jvms = LauncherRig.calls(args);
            if (viaDaemon) {
                assertEquals(List.of(), jvms, "the daemon served all three: no JVM started");
                assertEquals(3, d.served().size(), d.log());
                assertTrue(d.served().get(0).contains("ADD " + c.name() + ": exit 0"), d.log());
            } else {
                assertEquals(3, jvms.size(), "in process: a JVM per call: " + jvms);
                assertEquals(List.of(), d.served(), "NETLINK4J_CNI_DAEMON=0 leaves the daemon alone");
            }
            Files.writeString(args, "");
        }
        assertEquals(results.get(false), results.get(true), "the result as the plugin in process gives it");
        assertEquals(states.get(false), states.get(true), "the container and the host as the plugin in process leaves them");
    }

    @Test
    void tenAddsAtOnceAllSucceedWithDistinctAddresses() throws Exception {
        ThrowawayNamespace host = ns("cnid-h");
        DaemonRig d = daemon(host);
        Path ipam = ipamDir();
        String conf = conf(ipam);
        List<ThrowawayNamespace> cs = new ArrayList<>();
        for (int i = 0; i < 10; i++) cs.add(ns("cnid-p"));
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        Set<String> addresses = Collections.synchronizedSet(new HashSet<>());
        List<Thread> threads = new ArrayList<>();
        for (ThrowawayNamespace c : cs) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    LauncherRig.Result r = d.launch(d.env("ADD", c, args), conf);
                    if (r.exit() != 0) failures.add(r.out() + r.err());
                    else addresses.add((String) ((Map<?, ?>) ((List<?>) ((Map<?, ?>) Json.parse(r.out())).get("ips")).get(0)).get("address"));
                } catch (Throwable e) {
                    failures.add(e.toString());
                }
            }));
        }
        for (Thread t : threads) t.join(90_000);
        assertTrue(threads.stream().noneMatch(Thread::isAlive), "all ten answered within 90 s");
        assertEquals(List.of(), failures);
        assertEquals(10, addresses.size(), "ten distinct addresses: " + addresses);
        assertEquals(List.of(), LauncherRig.calls(args), "the daemon served them all: no JVM started");
        assertEquals(10, d.served().size(), d.log());
        assertEquals(10, PluginRun.allocations(ipam));
        for (ThrowawayNamespace c : cs) assertEquals(0, d.launch(d.env("DEL", c, args), conf).exit());
        assertEquals(0, PluginRun.allocations(ipam), "the DELs released all ten");
    }

    /**
     * An IPAM plugin that allocates with host-local and then, on ADD, leaves a mark and waits: the daemon
     * is killed there, holding an allocation. The launcher says "try again later" (11) and fails; the
     * runtime's DEL that follows (run in process: the daemon is gone) releases it and leaves nothing.
     */
    @Test
    void aDaemonKilledDuringAnAddIsTryAgainLaterAndTheDelLeavesNothing() throws Exception {
        Path bin = Files.createTempDirectory(rig.root, "cni-bin");
        Path mark = bin.resolve("allocated");
        Path slow = bin.resolve("slow-ipam");
        Files.writeString(slow, "#!/bin/sh\nout=$(/usr/lib/cni/host-local) || { printf '%s\\n' \"$out\"; exit 1; }\n"
                + "if [ \"$CNI_COMMAND\" = ADD ]; then : > " + mark + "; sleep 30; fi\nprintf '%s\\n' \"$out\"\n");
        Files.setPosixFilePermissions(slow, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path ipam = ipamDir();
        String conf = conf(ipam).replace("\"type\":\"host-local\"", "\"type\":\"slow-ipam\"");
        ThrowawayNamespace host = ns("cnid-h"), c = ns("cnid-c");
        DaemonRig d = daemon(host);
        Map<String, String> env = d.env("ADD", c, args);
        env.put("CNI_PATH", bin + ":/usr/lib/cni");
        LauncherRig.Result[] add = new LauncherRig.Result[1];
        Thread caller = Thread.ofPlatform().start(() -> {
            try {
                add[0] = d.launch(env, conf);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(mark) && System.nanoTime() < deadline) Thread.sleep(20);
        assertTrue(Files.exists(mark), "the ADD reached the IPAM plugin: " + d.log());
        d.kill();
        caller.join(30_000);
        assertFalse(caller.isAlive(), "the launcher answered once the daemon was gone");
        assertNotEquals(0, add[0].exit(), add[0].out());
        assertEquals(11L, ((Map<?, ?>) Json.parse(add[0].out())).get("code"), add[0].out());
        assertEquals(List.of(), LauncherRig.calls(args), "the call was the daemon's: not run again in process");
        assertEquals(1, PluginRun.allocations(ipam), "the killed ADD holds an address");

        env.put("CNI_COMMAND", "DEL");
        LauncherRig.Result del = d.launch(env, conf);
        assertEquals(0, del.exit(), del.out() + del.err());
        assertEquals(1, LauncherRig.calls(args).size(), "the DEL ran in process, the daemon being gone");
        assertEquals(0, PluginRun.allocations(ipam), "the DEL released it");
        assertEquals(List.of("lo"), linkNames(c));
        assertTrue(linkNames(host).stream().noneMatch(n -> n.startsWith("veth")), "no veth left: " + linkNames(host));
    }

    /**
     * A DEL that comes while the ADD of its container still runs (a runtime that gave up on the ADD and
     * killed its launcher: the daemon's ADD goes on) waits for it, and then undoes all it made. The IPAM
     * plugin holds the ADD after allocating until the test lets it go.
     */
    @Test
    void aDelWaitsForTheAddOfItsContainerStillRunning() throws Exception {
        Path bin = Files.createTempDirectory(rig.root, "cni-bin");
        Path mark = bin.resolve("allocated"), go = bin.resolve("go");
        Path held = bin.resolve("held-ipam");
        Files.writeString(held, "#!/bin/sh\nout=$(/usr/lib/cni/host-local) || { printf '%s\\n' \"$out\"; exit 1; }\n"
                + "if [ \"$CNI_COMMAND\" = ADD ]; then : > " + mark + "; i=0; while [ ! -e " + go + " ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done; fi\n"
                + "printf '%s\\n' \"$out\"\n");
        Files.setPosixFilePermissions(held, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path ipam = ipamDir();
        String conf = conf(ipam).replace("\"type\":\"host-local\"", "\"type\":\"held-ipam\"");
        ThrowawayNamespace host = ns("cnid-h"), c = ns("cnid-c");
        DaemonRig d = daemon(host);
        LauncherRig.Result[] results = new LauncherRig.Result[2];
        List<Thread> calls = new ArrayList<>();
        for (String cmd : List.of("ADD", "DEL")) {
            Map<String, String> env = d.env(cmd, c, args);
            env.put("CNI_PATH", bin + ":/usr/lib/cni");
            calls.add(Thread.ofPlatform().start(() -> {
                try {
                    results[cmd.equals("ADD") ? 0 : 1] = d.launch(env, conf);
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            }));
            if (cmd.equals("ADD")) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (!Files.exists(mark) && System.nanoTime() < deadline) Thread.sleep(20);
                assertTrue(Files.exists(mark), "the ADD reached the IPAM plugin: " + d.log());
            }
        }
        calls.get(1).join(2_000);
        assertTrue(calls.get(1).isAlive(), "the DEL waits while the ADD runs: " + d.log());
        Files.writeString(go, "");
        for (Thread t : calls) t.join(60_000);
        assertEquals(0, results[0].exit(), results[0].out() + results[0].err());
        assertEquals(0, results[1].exit(), results[1].out() + results[1].err());
        assertTrue(d.served().get(0).contains("ADD " + c.name()) && d.served().get(1).contains("DEL " + c.name()), "the ADD, then the DEL: " + d.log());
        assertEquals(0, PluginRun.allocations(ipam), "the DEL released the ADD's address");
        assertEquals(List.of("lo"), linkNames(c), "and removed its eth0");
        assertTrue(linkNames(host).stream().noneMatch(n -> n.startsWith("veth")), "and its veth: " + linkNames(host));
    }

    /** SIGTERM, as systemd stops it (an upgrade's restart): the socket and the pid file go, and the next call runs in process. */
    @Test
    void aStoppedDaemonRemovesItsSocketAndCallsRunInProcess() throws Exception {
        ThrowawayNamespace host = ns("cnid-h");
        DaemonRig d = daemon(host);
        assertEquals(0, d.launch(d.env("STATUS", null, args), LauncherRig.CNI_CONF).exit());
        assertEquals(1, d.served().size(), d.log());
        assertEquals(143, d.stop(), "ended by SIGTERM: " + d.log());
        assertFalse(Files.exists(d.sock), "no socket left");
        assertFalse(Files.exists(Path.of(d.sock + ".pid")), "no pid file left");
        assertTrue(d.log().contains("stopped"), d.log());
        LauncherRig.Result r = d.launch(d.env("STATUS", null, args), LauncherRig.CNI_CONF);
        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals(1, LauncherRig.calls(args).size(), "run in process");
    }
}
