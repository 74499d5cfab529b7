package io.github.netlink4j.examples.jip;

import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code jip netns exec} in a JVM of its own, signalled the way a supervisor would (kill PID): the
 * child must get the signal and jip must exit with the child's status, as ip, which execs, does.
 */
class NetnsExecSignalTest {
    private static final String SCRIPT = "trap 'echo got INT; exit 9' INT; trap 'echo got TERM; exit 7' TERM; trap 'echo got HUP; exit 5' HUP; "
            + "echo ready; i=0; while [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done; exit 3";

    private static void signalled(String signal, String expected, int status) throws Exception {
        try (ThrowawayNamespace t = ThrowawayNamespace.create("sig")) {
            String javaBin = ProcessHandle.current().info().command().orElseThrow();
            Process jip = new ProcessBuilder(javaBin, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                    Jip.class.getName(), "netns", "exec", t.name(), "sh", "-c", SCRIPT)
                    .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            StringBuilder out = new StringBuilder();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(jip.getInputStream(), StandardCharsets.UTF_8))) {
                String line = r.readLine();
                out.append(line);
                assertEquals("ready", line);
                new ProcessBuilder("kill", "-" + signal, Long.toString(jip.pid())).start().waitFor();
                for (String l; (l = r.readLine()) != null; ) out.append('\n').append(l);
            } finally {
                assertTrue(jip.waitFor(20, TimeUnit.SECONDS), "jip did not end: " + out);
                jip.destroyForcibly();
            }
            assertEquals("ready\n" + expected, out.toString());
            assertEquals(status, jip.exitValue(), out.toString());
            assertTrue(jip.descendants().findAny().isEmpty(), "no child left running");
        }
    }

    @Test
    @Timeout(60)
    void termReachesTheChildAndItsStatusIsJips() throws Exception {
        signalled("TERM", "got TERM", 7);
    }

    @Test
    @Timeout(60)
    void intReachesTheChildWhenNotFromATerminal() throws Exception {
        signalled("INT", "got INT", 9);
    }

    /** SIGHUP, as a closed terminal sends it: the command run in the namespace hears of it, not only jip. */
    @Test
    @Timeout(60)
    void hupReachesTheChildAndItsStatusIsJips() throws Exception {
        signalled("HUP", "got HUP", 5);
    }
}
