package io.github.netlink4j.examples.jip;

import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.testing.Privileged;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seed walkthrough with a throwaway host namespace: the page is fetched, nothing is left behind. */
class DemoTest {
    /**
     * The mounts of these namespaces' files: only the test's own names count, as other runs on the machine
     * mount and unmount theirs meanwhile.
     */
    private static long netnsMounts(String... names) throws Exception {
        return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                .filter(l -> java.util.Arrays.stream(names).anyMatch(n -> l.contains(" /run/netns/" + n + " "))).count();
    }

    private void runDemo(boolean jdkServer) throws Exception {
        Privileged.require();
        String host = io.github.netlink4j.testing.ThrowawayNamespace.uniqueName("demo-host");
        String direct = io.github.netlink4j.testing.ThrowawayNamespace.uniqueName("direct");
        long mounts = netnsMounts(host, direct);
        List<String> args = new java.util.ArrayList<>(List.of("demo", "--host-netns", host, "--netns", direct));
        if (jdkServer) args.add("--jdk-server");
        JipParityTest.Run r = JipParityTest.jip(args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("demo: OK"), r.out());
        assertTrue(r.out().contains("ip link add veth0 type veth peer name veth1"), r.out());
        assertTrue(r.out().contains("curl -i 10.200.0.3"), r.out());
        assertTrue(r.out().contains("Welcome to nginx in direct_netns"), r.out());
        // Who answered, from the answer's own Server header: the page is the same either way; the last
        // line names it, and the step that starts the JDK's responder says why it is not nginx.
        String last = r.out().strip().lines().reduce((a, b) -> b).orElse("");
        if (jdkServer) {
            assertTrue(r.out().contains("    Server: " + Demo.JDK_SERVER + "\n"), r.out());
            assertEquals("demo: OK, the page was served by the JDK's responder (" + Demo.JDK_SERVER + ") in " + direct + " and fetched over the veth", last);
            assertTrue(r.out().contains("(--jdk-server) a Java HTTP responder"), r.out());
            if (Files.isExecutable(Path.of("/usr/sbin/nginx"))) assertFalse(r.out().contains("nginx not installed"), r.out());
        } else {
            assertTrue(Pattern.compile("(?m)^    Server: nginx/\\d").matcher(r.out()).find(), "nginx served the page:\n" + r.out());
            assertTrue(last.matches("demo: OK, the page was served by nginx/[0-9.]+ in " + Pattern.quote(direct) + " and fetched over the veth"), last);
        }
        assertFalse(NetNamespace.exists(host), "host namespace left behind");
        assertFalse(NetNamespace.exists(direct), "namespace left behind");
        assertEquals(mounts, netnsMounts(host, direct), "no mount left behind");
        nginxGone(r.out(), "");
    }

    /** The nginx the demo started (its pid and directory as it printed them) is stopped and its directory removed. */
    private static void nginxGone(String out, String context) {
        Matcher m = Pattern.compile("nginx pid (\\d+) \\(its own config in (\\S+)\\)").matcher(out);
        if (!m.find()) return; // the demo had not started it
        String dir = m.group(2);
        assertFalse(Files.exists(Path.of(dir)), context + "nginx's directory left: " + dir + "\n" + out);
        assertFalse(ProcessHandle.allProcesses().anyMatch(h -> h.info().commandLine().orElse("").contains(dir)),
                context + "nginx left running\n" + out);
    }

    @Test
    void withTheJdkServer() throws Exception {
        runDemo(true);
    }

    /**
     * The namespace the demo would make exists: one line that says so and how to choose another, exit
     * status 1, and nothing made or removed (the existing namespace is not the demo's to remove).
     */
    @Test
    void anExistingNamespaceEndsTheDemoWithOneLine() throws Exception {
        try (io.github.netlink4j.testing.ThrowawayNamespace taken = io.github.netlink4j.testing.ThrowawayNamespace.create("demo-taken")) {
            String host = io.github.netlink4j.testing.ThrowawayNamespace.uniqueName("demo-host");
            for (boolean topology : new boolean[] {false, true}) {
                List<String> args = new java.util.ArrayList<>(List.of("demo", "--host-netns", host, "--netns", taken.name(), "--jdk-server"));
                if (topology) args.add("--topology");
                JipParityTest.Run r = JipParityTest.jip(args.toArray(String[]::new));
                assertEquals(1, r.exit(), r.out() + r.err());
                assertEquals("", r.out());
                assertEquals(1, r.err().lines().count(), r.err());
                assertTrue(r.err().startsWith("demo: namespace \"" + taken.name() + "\" exists already"), r.err());
                assertTrue(r.err().contains("--netns NAME"), r.err());
                assertFalse(NetNamespace.exists(host), "no host namespace made");
                assertTrue(NetNamespace.exists(taken.name()), "the existing namespace is left alone");
            }
        }
    }

    /** jip --help, jip demo --help and a wrong option show the same synopsis. */
    @Test
    void theUsageTextsAgree() {
        String synopsis = "jip demo [--host-netns NAME] [--netns NAME] [--jdk-server] [--topology]";
        JipParityTest.Run help = JipParityTest.jip("--help");
        assertTrue(help.err().lines().anyMatch(l -> l.strip().equals(synopsis)), help.err());
        JipParityTest.Run demoHelp = JipParityTest.jip("demo", "--help");
        assertEquals(0, demoHelp.exit());
        assertEquals("usage: " + synopsis, demoHelp.out().lines().findFirst().orElse(""));
        for (String option : new String[] {"--host-netns", "--netns", "--jdk-server", "--topology"}) {
            assertTrue(demoHelp.out().contains("\n  " + option + " "), option + " is described: " + demoHelp.out());
        }
        for (String[] wrong : new String[][] {{"demo", "--bogus"}, {"demo", "--netns"}}) {
            JipParityTest.Run r = JipParityTest.jip(wrong);
            assertEquals(255, r.exit());
            assertEquals("usage: " + synopsis + "\n", r.err());
        }
    }

    @Test
    void asOneTopology() throws Exception {
        String host = io.github.netlink4j.testing.ThrowawayNamespace.uniqueName("demo-host");
        String direct = io.github.netlink4j.testing.ThrowawayNamespace.uniqueName("direct");
        long mounts = netnsMounts(host, direct);
        JipParityTest.Run r = JipParityTest.jip("demo", "--topology", "--jdk-server", "--host-netns", host, "--netns", direct);
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("link veth0 (veth) in host, peer in " + direct), r.out());
        assertTrue(r.out().contains("    Server: " + Demo.JDK_SERVER + "\n"), r.out());
        assertTrue(r.out().contains("Welcome to nginx in direct_netns"), r.out());
        assertFalse(NetNamespace.exists(host), "host namespace left behind");
        assertFalse(NetNamespace.exists(direct), "namespace left behind");
        assertEquals(mounts, netnsMounts(host, direct), "no mount left behind");
    }

    @Test
    void withNginxWhenInstalled() throws Exception {
        if (!Files.isExecutable(Path.of("/usr/sbin/nginx"))) {
            if ("true".equals(System.getenv("CI"))) throw new AssertionError(".ci/run must install nginx-light");
            org.junit.jupiter.api.Assumptions.abort("nginx is not installed");
        }
        runDemo(false);
    }

    /** kill(2), so that the signal leaves at once (a kill process would give the demo milliseconds to run on). */
    private static int kill(long pid, int sig) throws Throwable {
        var kill = java.lang.foreign.Linker.nativeLinker().downcallHandle(
                java.lang.foreign.Linker.nativeLinker().defaultLookup().find("kill").orElseThrow(),
                java.lang.foreign.FunctionDescriptor.of(java.lang.foreign.ValueLayout.JAVA_INT, java.lang.foreign.ValueLayout.JAVA_INT,
                        java.lang.foreign.ValueLayout.JAVA_INT));
        return (int) kill.invokeExact((int) pid, sig);
    }

    private static final int SIGINT = 2;
    /** Signalled up to this step, the demo is far (a server start and its first answer) from its end. */
    private static final int EARLY = 3;

    /**
     * Ctrl-C at every step: a fresh JVM runs the demo, gets SIGINT as soon as it prints step N, and must
     * stop there (the JVM ends by the signal, 128+2, and an early signal never lets the page be fetched)
     * leaving no namespace, mount or server process behind (the shutdown hook used to race the steps'
     * bookkeeping). The loop ends at the first run with no step N: that run must have finished cleanly
     * after step N-1, so every step got its signal.
     */
    @Test
    @org.junit.jupiter.api.Timeout(400)
    void interruptedAtEachStepLeavesNothingBehind() throws Throwable {
        Privileged.require();
        String javaBin = ProcessHandle.current().info().command().orElseThrow();
        int steps = -1;
        for (int stepN = 1; stepN <= 20 && steps < 0; stepN++) {
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
                        assertEquals(0, kill(p.pid(), SIGINT), "step " + stepN + ": SIGINT sent");
                        signalled = true;
                    }
                }
            } finally {
                if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) p.destroyForcibly();
                try {
                    assertFalse(NetNamespace.exists(host), "step " + stepN + ": host namespace left\n" + out);
                    assertFalse(NetNamespace.exists(direct), "step " + stepN + ": namespace left\n" + out);
                    assertEquals(0, netnsMounts(host, direct), "step " + stepN + ": mount left\n" + out);
                    nginxGone(out.toString(), "step " + stepN + ": ");
                } finally {
                    for (String n : List.of(host, direct)) if (NetNamespace.exists(n)) NetNamespace.delete(n);
                }
            }
            if (signalled) {
                assertEquals(130, p.exitValue(), "step " + stepN + ": the JVM ended by the SIGINT, not by finishing\n" + out);
                if (stepN <= EARLY) assertFalse(out.toString().contains("demo: OK"), "step " + stepN + ": went on to the end after SIGINT\n" + out);
            } else {
                // no step N: the demo has N-1 steps, and this run went through all of them
                assertEquals(0, p.exitValue(), "step " + stepN + ": the run without a signal\n" + out);
                assertTrue(out.toString().contains("demo: OK"), out.toString());
                assertTrue(out.toString().contains("\n[" + (stepN - 1) + "] "), "the last step is " + (stepN - 1) + "\n" + out);
                steps = stepN - 1;
            }
        }
        assertTrue(steps > EARLY, "the demo's steps were all signalled: " + steps);
    }
}
