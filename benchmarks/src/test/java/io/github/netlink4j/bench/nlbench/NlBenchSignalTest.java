package io.github.netlink4j.bench.nlbench;

import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.testing.Privileged;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** What nlbench leaves when it is stopped, and what it removes of a run that was killed. */
class NlBenchSignalTest {

    private static List<String> namespacesOf(long pid) throws Exception {
        return NetNamespace.list().stream().filter(n -> n.startsWith(Guard.PREFIX + pid + "-")).toList();
    }

    @Test
    void sigtermMidRunLeavesNoNamespace() throws Exception {
        Privileged.require();
        String java = ProcessHandle.current().info().command().orElseThrow();
        // Long enough that TERM lands mid-run: scenario namespaces of their own under the measured one.
        Process p = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                NlBench.class.getName(), "run", "w4", "--count", "500", "--repeat", "20", "--warmup", "0")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            // Wait for the measured namespace with its scenarios (a name with two dashes after the sequence).
            while (namespacesOf(p.pid()).stream().noneMatch(n -> n.contains("-x"))) {
                if (!p.isAlive()) fail("nlbench ended before it was stopped: status " + p.exitValue());
                if (System.nanoTime() > deadline) fail("nlbench made no scenario namespace within 60 s");
                Thread.sleep(20);
            }
            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "nlbench did not stop within 60 s of SIGTERM");
            assertEquals(List.of(), namespacesOf(p.pid()), "namespaces left after SIGTERM");
        } finally {
            if (p.isAlive()) p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            Guard.removeMatching(n -> n.startsWith(Guard.PREFIX + p.pid() + "-")); // whatever a failure left
        }
    }

    @Test
    void staleNamespacesOfDeadRunsAreSweptAndLiveOnesKept() throws Exception {
        Privileged.require();
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(10, TimeUnit.SECONDS);
        long dead = gone.pid();
        String stale = Guard.PREFIX + dead + "-1", staleChild = Guard.PREFIX + dead + "-1-x0";
        String live = Guard.PREFIX + ProcessHandle.current().pid() + "-stale-test";
        try {
            NetNamespace.create(stale).close();
            NetNamespace.create(staleChild).close();
            NetNamespace.create(live).close();
            List<String> swept = Guard.sweepStale();
            assertTrue(swept.containsAll(List.of(stale, staleChild)), "swept " + swept);
            assertFalse(NetNamespace.exists(stale) || NetNamespace.exists(staleChild), "stale namespaces left");
            assertTrue(NetNamespace.exists(live), "a live process's namespace was removed");
        } finally {
            Guard.removeMatching(n -> n.equals(stale) || n.equals(staleChild) || n.equals(live));
        }
    }

    @Test
    void creatorPidIsReadOnlyFromNlbenchNames() {
        assertEquals(1234, Guard.creatorPid("nlb-1234-5-x0"));
        assertEquals(-1, Guard.creatorPid("nl4j-bench-1234"));
        assertEquals(-1, Guard.creatorPid("nlb-abc-1"));
    }
}
