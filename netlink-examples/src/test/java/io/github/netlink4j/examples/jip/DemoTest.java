package io.github.netlink4j.examples.jip;

import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.testing.Privileged;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seed walkthrough with a throwaway host namespace: the page is fetched, nothing is left behind. */
class DemoTest {
    private static long netnsMounts() throws Exception {
        return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream().filter(l -> l.contains("/run/netns/")).count();
    }

    private void runDemo(boolean jdkServer) throws Exception {
        Privileged.require();
        String host = io.github.netlink4j.testing.ThrowawayNamespace.uniqueName("demo-host");
        String direct = io.github.netlink4j.testing.ThrowawayNamespace.uniqueName("direct");
        List<String> before = NetNamespace.list();
        long mounts = netnsMounts();
        List<String> args = new java.util.ArrayList<>(List.of("demo", "--host-netns", host, "--netns", direct));
        if (jdkServer) args.add("--jdk-server");
        JipParityTest.Run r = JipParityTest.jip(args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("demo: OK"), r.out());
        assertTrue(r.out().contains("ip link add veth0 type veth peer name veth1"), r.out());
        assertTrue(r.out().contains("curl 10.200.0.3"), r.out());
        assertTrue(r.out().contains("Welcome to nginx in direct_netns"), r.out());
        assertEquals(before, NetNamespace.list(), "no namespace left behind");
        assertFalse(NetNamespace.exists(host));
        assertEquals(mounts, netnsMounts(), "no mount left behind");
    }

    @Test
    void withTheJdkServer() throws Exception {
        runDemo(true);
    }

    @Test
    void asOneTopology() throws Exception {
        String host = io.github.netlink4j.testing.ThrowawayNamespace.uniqueName("demo-host");
        String direct = io.github.netlink4j.testing.ThrowawayNamespace.uniqueName("direct");
        List<String> before = NetNamespace.list();
        long mounts = netnsMounts();
        JipParityTest.Run r = JipParityTest.jip("demo", "--topology", "--jdk-server", "--host-netns", host, "--netns", direct);
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("link veth0 (veth) in host, peer in " + direct), r.out());
        assertTrue(r.out().contains("Welcome to nginx in direct_netns"), r.out());
        assertEquals(before, NetNamespace.list(), "no namespace left behind");
        assertEquals(mounts, netnsMounts(), "no mount left behind");
    }

    @Test
    void withNginxWhenInstalled() throws Exception {
        if (!Files.isExecutable(Path.of("/usr/sbin/nginx"))) {
            if ("true".equals(System.getenv("CI"))) throw new AssertionError(".ci/run must install nginx-light");
            org.junit.jupiter.api.Assumptions.abort("nginx is not installed");
        }
        runDemo(false);
    }

    /**
     * Ctrl-C at every step: a fresh JVM runs the demo, gets SIGINT as soon as it prints step N, and must
     * leave no namespace, mount or server process behind (the shutdown hook used to race the steps'
     * bookkeeping).
     */
    @Test
    @org.junit.jupiter.api.Timeout(300)
    void interruptedAtEachStepLeavesNothingBehind() throws Exception {
        Privileged.require();
        String javaBin = ProcessHandle.current().info().command().orElseThrow();
        long mounts = netnsMounts();
        for (int stepN = 1; stepN <= 11; stepN++) {
            String host = io.github.netlink4j.testing.ThrowawayNamespace.uniqueName("sig-host");
            String direct = io.github.netlink4j.testing.ThrowawayNamespace.uniqueName("sig");
            Process p = new ProcessBuilder(javaBin, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                    Jip.class.getName(), "demo", "--host-netns", host, "--netns", direct).redirectErrorStream(true).start();
            StringBuilder out = new StringBuilder();
            boolean signalled = false;
            try (var r = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    out.append(line).append('\n');
                    if (!signalled && line.startsWith("[" + stepN + "]")) {
                        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
                        signalled = true;
                    }
                }
            } finally {
                if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) p.destroyForcibly();
                try {
                    assertFalse(NetNamespace.exists(host), "step " + stepN + ": host namespace left\n" + out);
                    assertFalse(NetNamespace.exists(direct), "step " + stepN + ": namespace left\n" + out);
                    assertEquals(mounts, netnsMounts(), "step " + stepN + ": mount left\n" + out);
                    assertFalse(ProcessHandle.allProcesses().anyMatch(h -> h.info().commandLine().orElse("").contains("jip-demo-nginx")),
                            "step " + stepN + ": nginx left running\n" + out);
                } finally {
                    for (String n : List.of(host, direct)) if (NetNamespace.exists(n)) NetNamespace.delete(n);
                }
            }
            if (!signalled) break; // the demo has fewer steps: every one was covered
        }
    }
}
