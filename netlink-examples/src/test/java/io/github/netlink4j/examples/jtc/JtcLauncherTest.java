package io.github.netlink4j.examples.jtc;

import io.github.netlink4j.examples.LauncherRig;
import io.github.netlink4j.examples.LauncherRig.Result;
import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.Privileged;
import io.github.netlink4j.testing.Tc;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The repository's jtc script, run from a copy of the layout it expects (jip's jar and the launchers'
 * shared part beside it): it starts jtc's main class from jip's jar, answers as tc does, and trains and
 * then uses an AOT cache of its own, apart from jip's.
 */
class JtcLauncherTest {
    private static final Path JTC = Path.of("../jtc").toAbsolutePath().normalize();
    private static LauncherRig rig;
    private static Path jtc;

    @BeforeAll
    static void tree() throws IOException {
        Privileged.require();
        rig = LauncherRig.create();
        Path repo = rig.jipTree("repo").getParent();
        jtc = repo.resolve("jtc");
        Files.copy(JTC, jtc);
        Files.setPosixFilePermissions(jtc, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterAll
    static void remove() throws IOException {
        if (rig != null) rig.close();
    }

    @Test
    void answersAsTcAndKeepsACacheOfItsOwn() throws Exception {
        try (ThrowawayNamespace ns = ThrowawayNamespace.create("jtc-launch")) {
            Ip.in(ns.name(), "link", "add", "va", "type", "veth", "peer", "name", "vb");
            Tc.in(ns.name(), "qdisc", "add", "dev", "va", "root", "handle", "1:", "htb", "default", "10");
            Path home = Files.createDirectory(rig.root.resolve("home"));
            Path args = rig.argsFile("jtc");
            Map<String, String> env = Map.of("JAVA_HOME", rig.jdk.toString(), "HOME", home.toString(), "NL4J_ARGS", args.toString());

            Result first = rig.run(List.of(jtc.toString(), "-n", ns.name(), "-d", "qdisc", "show", "dev", "va"), env, "", rig.root);
            assertEquals(new Result(0, Tc.in(ns.name(), "-d", "qdisc", "show", "dev", "va"), ""), first);
            Result bad = rig.run(List.of(jtc.toString(), "-n", ns.name(), "qdisc", "add", "dev", "va", "root", "handle", "1:", "htb"), env, "", rig.root);
            Tc.Result want = Tc.run(ns.name(), "qdisc", "add", "dev", "va", "root", "handle", "1:", "htb");
            assertEquals(2, want.exit(), want.err());
            assertEquals(new Result(want.exit(), want.out(), want.err()), bad, "tc's message and status");
            String firstCall = LauncherRig.calls(args).get(0);
            assertTrue(firstCall.contains(" -cp " + rig.root.resolve("repo/netlink-examples/target/jip.jar") + " io.github.netlink4j.examples.jtc.Jtc -n"),
                    "jip's jar with jtc's main: " + firstCall);

            rig.awaitQuiet();
            List<String> caches = LauncherRig.names(home.resolve(".cache/netlink4j")).stream().filter(n -> n.endsWith(".aot")).toList();
            assertEquals(1, caches.size(), "one cache trained: " + caches);
            assertTrue(caches.get(0).startsWith("jtc-"), "jtc's own cache, apart from jip's: " + caches);

            Result cached = rig.run(List.of(jtc.toString(), "-n", ns.name(), "-j", "qdisc", "show", "dev", "va"), env, "", rig.root);
            assertEquals(new Result(0, Tc.in(ns.name(), "-j", "qdisc", "show", "dev", "va"), ""), cached);
            List<String> calls = LauncherRig.calls(args);
            assertTrue(calls.get(calls.size() - 1).contains("-XX:AOTCache=" + home.resolve(".cache/netlink4j/" + caches.get(0))),
                    "the next call starts from it: " + calls.get(calls.size() - 1));
        }
    }
}
