package io.github.netlink4j.examples.cni;

import io.github.netlink4j.examples.LauncherRig;
import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.Privileged;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.github.netlink4j.examples.LauncherRig.NOBODY;
import static io.github.netlink4j.examples.LauncherRig.chown;
import static io.github.netlink4j.examples.LauncherRig.mode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When the launcher must not hand a call to the daemon, and what the daemon does with a caller it must
 * not serve. The launcher runs as root: a socket that another user could have made or replaced would let
 * that user answer root's calls (and read their environment), so only a socket of root's, 0600, in a
 * directory of root's, 0700, is used; a daemon in another network or mount namespace would act on the wrong
 * network; without socat, or with nobody answering, the call runs in process. Each case has its control:
 * the same call with everything right is served by the daemon.
 */
class CniDaemonTrustTest {
    private static LauncherRig rig;
    private final List<ThrowawayNamespace> namespaces = new ArrayList<>();
    private final List<DaemonRig> daemons = new ArrayList<>();
    private Path args;

    @BeforeAll
    static void rig() throws IOException {
        Privileged.require();
        DaemonRig.requireSocat();
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

    private DaemonRig daemon() throws Exception {
        ThrowawayNamespace host = ThrowawayNamespace.create("cnid-t");
        namespaces.add(host);
        DaemonRig d = new DaemonRig(rig, host, "run-" + host.name());
        daemons.add(d);
        return d.start();
    }

    /** A STATUS of a network of layer 2 only through the launcher: true if the daemon served it, false if it ran in process. */
    private boolean servedByDaemon(DaemonRig d, Map<String, String> extra) throws Exception {
        int before = d.served().size();
        Files.writeString(args, "");
        Map<String, String> env = d.env("STATUS", null, args);
        env.putAll(extra);
        LauncherRig.Result r = d.launch(env, LauncherRig.CNI_CONF);
        assertEquals(0, r.exit(), r.out() + r.err());
        boolean daemon = d.served().size() > before;
        assertEquals(daemon, LauncherRig.calls(args).isEmpty(), "either the daemon served it or a JVM ran it: " + d.log() + LauncherRig.calls(args));
        return daemon;
    }

    enum Untrusted { SOCKET_0660, SOCKET_0606, SOCKET_NOBODYS, DIRECTORY_0750, DIRECTORY_0701, DIRECTORY_NOBODYS, SOCKET_A_SYMLINK }

    @ParameterizedTest
    @EnumSource(Untrusted.class)
    void aSocketAnotherUserCouldHaveMadeIsNotUsed(Untrusted how) throws Exception {
        DaemonRig d = daemon();
        assertTrue(servedByDaemon(d, Map.of()), "control: the socket as the daemon made it is used");
        Path dir = d.sock.getParent();
        Path sock = d.sock;
        switch (how) {
            case SOCKET_0660 -> mode(sock, "rw-rw----");
            case SOCKET_0606 -> mode(sock, "rw----rw-");
            case SOCKET_NOBODYS -> chown(sock, NOBODY);
            case DIRECTORY_0750 -> mode(dir, "rwxr-x---");
            case DIRECTORY_0701 -> mode(dir, "rwx-----x");
            case DIRECTORY_NOBODYS -> chown(dir, NOBODY);
            case SOCKET_A_SYMLINK -> {
                Files.move(sock, dir.resolve("real.sock"));
                Files.createSymbolicLink(sock, dir.resolve("real.sock"));
            }
        }
        assertFalse(servedByDaemon(d, Map.of()), how + ": run in process");
    }

    /**
     * A daemon in one namespace and a launcher in another: the call is the launcher's namespace's, so it
     * runs in process there, and the bridge is made there, never in the daemon's.
     */
    @Test
    void aLauncherInAnotherNetworkNamespaceRunsTheCallItself() throws Exception {
        DaemonRig d = daemon();
        ThrowawayNamespace other = ThrowawayNamespace.create("cnid-o"), c = ThrowawayNamespace.create("cnid-c");
        namespaces.add(other);
        namespaces.add(c);
        Path ipam = Files.createTempDirectory(rig.root, "ipam");
        String conf = "{\"cniVersion\":\"1.0.0\",\"name\":\"d2\",\"type\":\"netlink4j-bridge\",\"bridge\":\"cnid1\",\"isGateway\":true,"
                + "\"ipam\":{\"type\":\"host-local\",\"subnet\":\"10.200.62.0/24\",\"dataDir\":\"" + ipam + "\"}}";
        LauncherRig.Result r = d.launch(other, d.env("ADD", c, args), conf);
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(Ip.in(other.name(), "-br", "link").contains("cnid1"), "the bridge is in the launcher's namespace");
        assertFalse(Ip.in(d.host.name(), "-br", "link").contains("cnid1"), "and not in the daemon's");
        assertEquals(List.of(), d.served(), d.log());
        assertEquals(1, LauncherRig.calls(args).size(), "run in process");
    }

    @Test
    void withoutSocatTheCallRunsInProcess() throws Exception {
        DaemonRig d = daemon();
        assertTrue(servedByDaemon(d, Map.of()), "control: with socat on PATH the daemon serves");
        Path bin = Files.createDirectories(rig.root.resolve("bin-" + System.nanoTime()));
        Files.createSymbolicLink(bin.resolve("stat"), Path.of("/usr/bin/stat"));
        assertFalse(servedByDaemon(d, Map.of("PATH", bin.toString())), "no socat on PATH: run in process");
    }

    /**
     * A socket of root's that nobody answers on, with a pid file naming a live process in the launcher's
     * namespaces (a daemon between a crash and its restart, as the launcher sees it): the connection is
     * refused before anything is sent, and the call runs in process with the config the launcher kept.
     */
    @Test
    void aSocketNobodyAnswersOnFallsBackInProcessWithTheWholeConfig() throws Exception {
        ThrowawayNamespace host = ThrowawayNamespace.create("cnid-t"), c = ThrowawayNamespace.create("cnid-c");
        namespaces.add(host);
        namespaces.add(c);
        DaemonRig d = new DaemonRig(rig, host, "run-" + host.name());
        daemons.add(d);
        Path dir = Files.createDirectory(d.sock.getParent());
        mode(dir, "rwx------");
        try (ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            s.bind(UnixDomainSocketAddress.of(d.sock));
        }
        mode(d.sock, "rw-------");
        Process stand = rig.command(List.of(DaemonRig.NSENTER, "--net=/run/netns/" + host.name(), "sleep", "60"), Map.of(), rig.root).start();
        try {
            Files.writeString(Path.of(d.sock + ".pid"), stand.pid() + "\n");
            Path ipam = Files.createTempDirectory(rig.root, "ipam");
            // spread over lines, with a backslash and no newline at the end: all of it must reach the plugin
            String conf = "{\"cniVersion\":\"1.0.0\",\n  \"name\":\"d3\",\"x\":\"a\\\\b %s\",\n\t\"type\":\"netlink4j-bridge\",\"bridge\":\"cnid2\",\n"
                    + "\"ipam\":{\"type\":\"host-local\",\"subnet\":\"10.200.63.0/24\",\"dataDir\":\"" + ipam + "\"}}";
            LauncherRig.Result r = d.launch(d.env("ADD", c, args), conf);
            assertEquals(0, r.exit(), r.out() + r.err());
            assertEquals(1, LauncherRig.calls(args).size(), "run in process");
            assertTrue(Ip.in(c.name(), "-br", "-4", "addr").contains("10.200.63.2/24"), Ip.in(c.name(), "-br", "-4", "addr"));
            assertEquals(1, PluginRun.allocations(ipam));
        } finally {
            stand.destroyForcibly();
            stand.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** A daemon told to listen in a directory that others can enter does not start, and leaves the directory as it was. */
    @Test
    void theDaemonRefusesADirectoryOpenToOthers() throws Exception {
        Path dir = Files.createTempDirectory("nl4j-cnid");
        try {
            mode(dir, "rwxr-xr-x");
            LauncherRig.Result r = rig.run(List.of("/bin/sh", LauncherRig.CNI_LAUNCHER.toString(), "--daemon", "--socket", dir.resolve("cni.sock").toString()),
                    Map.of("NETLINK4J_JAVA", rig.jdk.resolve("bin/java").toString(), "NETLINK4J_JAR", rig.jar.toString(), "NETLINK4J_AOT", "0"), "", rig.root);
            assertEquals(1, r.exit(), r.err());
            assertTrue(r.err().contains("with mode 0700"), r.err());
            assertEquals("rwxr-xr-x", mode(dir), "not chmod'ed");
            assertEquals(List.of(), LauncherRig.names(dir), "nothing made in it");
        } finally {
            PluginRun.deleteTree(dir);
        }
    }

    /**
     * Were the socket's modes ever wrong, the daemon itself still serves only root and its own user: a call
     * from nobody, through a socket opened to everyone, is refused without being read, and logged.
     */
    @Test
    void aPeerThatIsNotRootIsRefused() throws Exception {
        DaemonRig d = daemon();
        ThrowawayNamespace c = ThrowawayNamespace.create("cnid-c");
        namespaces.add(c);
        mode(d.sock.getParent().getParent(), "rwx--x--x");
        mode(d.sock.getParent(), "rwx--x--x");
        mode(d.sock, "rw-rw-rw-");
        Path ipam = Files.createTempDirectory(rig.root, "ipam");
        String conf = "{\"cniVersion\":\"1.0.0\",\"name\":\"d4\",\"type\":\"netlink4j-bridge\",\"bridge\":\"cnid3\","
                + "\"ipam\":{\"type\":\"host-local\",\"subnet\":\"10.200.64.0/24\",\"dataDir\":\"" + ipam + "\"}}";
        Map<String, String> env = Map.of("CNI_COMMAND", "ADD", "CNI_CONTAINERID", c.name(), "CNI_NETNS", "/run/netns/" + c.name(),
                "CNI_IFNAME", "eth0", "CNI_PATH", "/usr/lib/cni");
        // on stdin: nobody need reach no file of the test's but the socket (the rig's root may be closed to it)
        String request = new String(RawClient.request(env, conf), StandardCharsets.UTF_8);
        List<String> socat = List.of("socat", "-t", "20", "-", "UNIX-CONNECT:" + d.sock);
        List<String> nobody = new ArrayList<>(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        nobody.addAll(socat);
        LauncherRig.Result asNobody = rig.run(nobody, Map.of(), request, rig.root);
        assertTrue(asNobody.out().startsWith("exit 1\n"), "refused, and not taken: " + asNobody.out() + asNobody.err());
        assertTrue(asNobody.out().contains("\"msg\":\"permission denied\""), asNobody.out());
        assertTrue(d.log().contains("refused a peer of user nobody"), d.log());
        assertEquals(List.of("lo"), Ip.in(c.name(), "-br", "link").lines().map(l -> l.split("\\s+")[0]).toList(), "nothing was made");
        assertEquals(0, PluginRun.allocations(ipam));

        LauncherRig.Result asRoot = rig.run(socat, Map.of(), request, rig.root);
        assertTrue(asRoot.out().startsWith("taken\nexit 0\n"), "control: root is served: " + asRoot.out() + asRoot.err() + d.log());
        assertEquals(1, PluginRun.allocations(ipam));
    }
}
