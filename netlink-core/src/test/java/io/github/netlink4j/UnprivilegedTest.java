package io.github.netlink4j;

import io.github.netlink4j.link.Link;

import io.github.netlink4j.testing.Privileged;
import io.github.netlink4j.testing.ThrowawayNamespace;
import io.github.netlink4j.testing.UnprivilegedProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real runs without privileges: the test (root) starts a JVM as user nobody through setpriv, with every
 * capability dropped, on the library's classes (readable by anyone; the Maven repository under /root
 * is not, so only netlink-core's own class directories are on its class path).
 */
class UnprivilegedTest {
    private static final List<String> AS_NOBODY = List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--inh-caps=-all");

    private static String classPath() throws Exception {
        return Path.of(NetNamespace.class.getProtectionDomain().getCodeSource().getLocation().toURI()) + ":"
                + Path.of(UnprivilegedProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static List<String> probe(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(AS_NOBODY);
        cmd.addAll(List.of(ProcessHandle.current().info().command().orElseThrow(), "--enable-native-access=ALL-UNNAMED",
                "-cp", classPath(), UnprivilegedProbe.class.getName()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static String run(Process p) throws Exception {
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    @Timeout(120)
    void withoutCapabilitiesTheRefusalsNameWhatIsMissingAndNothingIsMade() throws Exception {
        try (ThrowawayNamespace t = ThrowawayNamespace.create("unpriv")) {
            String wanted = io.github.netlink4j.testing.ThrowawayNamespace.uniqueName("unpriv-named");
            // Started inside the throwaway namespace, so a refusal that failed to happen would change only it.
            String out = run(t.ns().start(new ProcessBuilder(probe("refused", wanted)).redirectErrorStream(true)));
            assertTrue(out.contains("link: EPERM "), out);
            assertTrue(out.lines().anyMatch(l -> l.startsWith("link: ") && l.contains("CAP_NET_ADMIN")), out);
            // Where /dev/net/tun is 0666 the ioctl is refused for the capability; where it is 0600 (this
            // machine) the open is, for the file's mode, and the error must say that rather than blame a capability alone.
            assertTrue(out.lines().anyMatch(l -> l.contains("nl4jnope1") && (l.startsWith("tun: EPERM ") && l.contains("CAP_NET_ADMIN")
                    || l.startsWith("tun: EACCES ") && l.contains("may not open /dev/net/tun"))), out);
            assertTrue(out.lines().anyMatch(l -> l.startsWith("conntrack: EPERM ") && l.contains("CAP_NET_ADMIN")), out);
            assertTrue(out.lines().anyMatch(l -> l.startsWith("setns: EPERM ") && l.contains("CAP_SYS_ADMIN") && l.contains("entering NetNamespace")), out);
            assertTrue(out.lines().anyMatch(l -> (l.startsWith("netns: EPERM ") || l.startsWith("netns: EACCES ")) && l.contains("CAP_SYS_ADMIN")), out);
            assertEquals(List.of("lo"), t.client().links().list().stream().map(Link::name).toList(), "no link was made");
            assertFalse(NetNamespace.exists(wanted), "no namespace file was made");
        }
    }

    @Test
    @Timeout(120)
    void rootlessInsideAUserAndNetworkNamespaceOfItsOwn() throws Exception {
        Privileged.require(); // setpriv needs root to become nobody
        List<String> cmd = new java.util.ArrayList<>(probe("rootless"));
        cmd.addAll(AS_NOBODY.size(), List.of("unshare", "-Urn")); // nobody makes the user + network namespace
        String out = run(new ProcessBuilder(cmd).redirectErrorStream(true).start());
        assertTrue(out.contains("link r0\n") && out.contains("link r1\n") && out.contains("link lo\n"), out);
        assertTrue(out.contains("addr 10.200.0.1/24\n"), out);
        assertTrue(out.contains("route 10.200.5.0/24 via 10.200.0.2 dev "), out);
    }
}
