package io.github.netlink4j.examples.cni;

import io.github.netlink4j.examples.LauncherRig;
import io.github.netlink4j.examples.LauncherRig.Result;
import io.github.netlink4j.testing.Json;
import io.github.netlink4j.testing.Privileged;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.github.netlink4j.examples.LauncherRig.NOBODY;
import static io.github.netlink4j.examples.LauncherRig.chown;
import static io.github.netlink4j.examples.LauncherRig.mode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where the CNI launcher finds its jar without NETLINK4J_JAR: beside itself (an install in /opt/cni/bin),
 * else in the directory above (the build's target/cni next to target/jip.jar); a symlink to the launcher
 * leads to where it points. A jar found so runs as root like the launcher's library, and is used only
 * under the same rule: a regular file owned by root or the launcher's owner, writable by nobody else.
 * Calls are STATUS of {@link LauncherRig#CNI_CONF}, which runs the JVM and needs nothing else.
 */
class CniLauncherJarTest {
    private static LauncherRig rig;

    @BeforeAll
    static void setUp() throws Exception {
        Privileged.require();
        rig = LauncherRig.create();
    }

    @AfterAll
    static void tearDown() throws IOException {
        if (rig != null) rig.close();
    }

    /** An install in {@code dir}: the launcher and its library, 0755 and 0644 as an operator copies them, and the jar if {@code withJar}. */
    private static Path install(Path dir, boolean withJar) throws IOException {
        Files.createDirectories(dir);
        Path launcher = Files.copy(LauncherRig.CNI_LAUNCHER, dir.resolve("netlink4j-bridge"));
        mode(launcher, "rwxr-xr-x");
        mode(Files.copy(LauncherRig.LIBRARY, dir.resolve("netlink4j-launcher.sh")), "rw-r--r--");
        if (withJar) mode(Files.copy(rig.jar, dir.resolve("jip.jar")), "rw-r--r--");
        return launcher;
    }

    /** Runs {@code launcher} (as a runtime execs it) without NETLINK4J_JAR; returns the result and the JVMs' command lines. */
    private static Result status(Path launcher, String name) throws Exception {
        Map<String, String> env = rig.cniEnv("STATUS", rig.root.resolve(name + "-cache"), rig.argsFile(name));
        env.remove("NETLINK4J_JAR");
        env.put("NETLINK4J_AOT", "0");
        return rig.run(List.of(launcher.toString()), env, LauncherRig.CNI_CONF, rig.root);
    }

    private static List<String> calls(String name) throws IOException {
        return LauncherRig.calls(rig.root.resolve(name + ".args"));
    }

    @Test
    void aLinkFromAnotherDirectoryFindsTheJarBesideWhereItLeads() throws Exception {
        Path real = install(rig.root.resolve("link/usr/lib/netlink4j"), true);
        Path link = Files.createDirectories(rig.root.resolve("link/opt/cni/bin")).resolve("netlink4j-bridge");
        Files.createSymbolicLink(link, real);
        Result r = status(link, "link");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals("", r.out());
        assertEquals(1, calls("link").size(), calls("link").toString());
        assertTrue(calls("link").get(0).contains("-cp " + real.resolveSibling("jip.jar") + " "), calls("link").toString());
    }

    /** A copy with the jar beside it, and something else called jip.jar in the directory above: the one beside is used. */
    @Test
    void aCopyWithTheJarBesideItUsesThatJar() throws Exception {
        Path launcher = install(rig.root.resolve("copy/bin"), true);
        mode(Files.writeString(rig.root.resolve("copy/jip.jar"), "not a jar"), "rw-r--r--");
        Result r = status(launcher, "copy");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals("", r.out());
        assertTrue(calls("copy").get(0).contains("-cp " + launcher.resolveSibling("jip.jar") + " "), calls("copy").toString());
    }

    /** How a jar beside the launcher could have been written by someone the caller does not trust. */
    enum JarState { WRITABLE_BY_GROUP, WRITABLE_BY_OTHERS, OWNED_BY_ANOTHER_USER, A_SYMLINK }

    @ParameterizedTest
    @EnumSource(JarState.class)
    void aJarBesideItThatOthersCouldHaveWrittenIsRefused(JarState state) throws Exception {
        Path dir = rig.root.resolve("jar-" + state + "/bin");
        Path launcher = install(dir, state != JarState.A_SYMLINK);
        Path jar = dir.resolve("jip.jar");
        // a good jar above: the untrusted one beside is refused, not passed over for it
        mode(Files.copy(rig.jar, dir.resolveSibling("jip.jar")), "rw-r--r--");
        switch (state) {
            case WRITABLE_BY_GROUP -> mode(jar, "rw-rw-r--");
            case WRITABLE_BY_OTHERS -> mode(jar, "rw-r--rw-");
            case OWNED_BY_ANOTHER_USER -> chown(jar, NOBODY);
            case A_SYMLINK -> Files.createSymbolicLink(jar, rig.jar);
        }
        Result r = status(launcher, "jar-" + state);
        assertEquals(1, r.exit(), r.out() + r.err());
        Map<?, ?> error = (Map<?, ?>) Json.parse(r.out());
        assertEquals(999, ((Number) error.get("code")).intValue(), r.out());
        assertEquals("untrusted plugin jar", error.get("msg"), r.out());
        assertEquals(List.of(), calls("jar-" + state), "a JVM started");
    }

    /**
     * The error names the path, and a path may hold quotes, backslashes and control characters: the answer is still
     * one JSON object (the runtime parses it), in the version the plugin speaks.
     */
    @Test
    void anErrorNamingAStrangePathIsStillJson() throws Exception {
        String odd = "odd \"dir\\ with\ta tab";
        Path launcher = install(rig.root.resolve(odd).resolve("bin"), false);
        Result r = status(launcher, "odd");
        assertEquals(1, r.exit(), r.out() + r.err());
        Map<?, ?> error = (Map<?, ?>) Json.parse(r.out());
        assertEquals("plugin jar not found", error.get("msg"), r.out());
        assertEquals("1.1.0", error.get("cniVersion"), r.out());
        assertTrue(((String) error.get("details")).contains(odd + "/bin/netlink4j-bridge"), r.out());
        assertEquals(List.of(), calls("odd"), "a JVM started");
    }

    @Test
    void noJarAnywhereIsACniError() throws Exception {
        Path launcher = install(rig.root.resolve("none/bin"), false);
        Result r = status(launcher, "none");
        assertEquals(1, r.exit(), r.out() + r.err());
        assertEquals("plugin jar not found", ((Map<?, ?>) Json.parse(r.out())).get("msg"), r.out());
        assertEquals(List.of(), calls("none"), "a JVM started");
    }
}
