package io.github.netlink4j.examples.jynl;

import io.github.netlink4j.examples.LauncherRig;
import io.github.netlink4j.examples.LauncherRig.Result;
import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.Privileged;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The repository's jynl script, run from a copy of the layout it expects (jip's jar and the launchers'
 * shared part beside it): it starts jynl's main class from jip's jar without a cache, and refuses a shared
 * part others could have written, as ./jip and ./jtc do.
 */
class JynlLauncherTest {
    private static final Path JYNL = Path.of("../jynl").toAbsolutePath().normalize();
    private static LauncherRig rig;
    private static Path jynl;
    private static Path repo;

    @BeforeAll
    static void tree() throws IOException {
        Privileged.require();
        rig = LauncherRig.create();
        repo = rig.jipTree("repo").getParent();
        jynl = repo.resolve("jynl");
        Files.copy(JYNL, jynl);
        Files.setPosixFilePermissions(jynl, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterAll
    static void remove() throws IOException {
        if (rig != null) rig.close();
    }

    @Test
    void runsJynlFromJipsJarWithoutACache() throws Exception {
        try (ThrowawayNamespace ns = ThrowawayNamespace.create("jynl-launch")) {
            Ip.in(ns.name(), "link", "add", "va", "type", "veth", "peer", "name", "vb");
            Path home = Files.createDirectory(rig.root.resolve("home"));
            Path args = rig.argsFile("jynl");
            Map<String, String> env = Map.of("JAVA_HOME", rig.jdk.toString(), "HOME", home.toString(), "NL4J_ARGS", args.toString());
            Result r = rig.run(List.of(jynl.toString(), "-n", ns.name(), "--family", "ethtool", "--do", "channels-get",
                    "--json", "{\"header\": {\"dev-name\": \"va\"}}"), env, "", rig.root);
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.out().startsWith("{\"header\":{\"dev-index\":"), r.out());
            assertTrue(r.out().contains("\"dev-name\":\"va\""), r.out());
            String call = LauncherRig.calls(args).get(0);
            assertTrue(call.contains(" -cp " + repo.resolve("netlink-examples/target/jip.jar") + " io.github.netlink4j.examples.jynl.Jynl -n"),
                    "jip's jar with jynl's main: " + call);
            assertFalse(call.contains("AOTCache"), call);
            Result bad = rig.run(List.of(jynl.toString(), "--family", "ethtool"), env, "", rig.root);
            assertEquals(2, bad.exit(), "a usage error: " + bad);
            assertFalse(Files.exists(home.resolve(".cache/netlink4j")), "no cache directory made");
        }
    }

    @Test
    void refusesASharedPartOthersCouldHaveWritten() throws Exception {
        Path lib = repo.resolve("netlink-examples/src/main/cni/netlink4j-launcher.sh");
        String before = LauncherRig.mode(lib);
        LauncherRig.mode(lib, "rw-rw-r--");
        try {
            Result r = rig.run(List.of(jynl.toString(), "--list-families"), Map.of("JAVA_HOME", rig.jdk.toString()), "", rig.root);
            assertEquals(1, r.exit());
            assertTrue(r.err().startsWith("jynl: refusing to source " + lib), r.err());
        } finally {
            LauncherRig.mode(lib, before);
        }
    }
}
