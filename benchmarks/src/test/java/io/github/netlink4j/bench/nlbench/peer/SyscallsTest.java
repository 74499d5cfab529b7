package io.github.netlink4j.bench.nlbench.peer;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading perf stat's count and making a per-operation figure of it; no perf needed. */
class SyscallsTest {

    @Test
    void theCountIsTheFirstFieldOfTheEventsCsvLine() {
        // perf 6.1's `perf stat -x, -e raw_syscalls:sys_enter -- /bin/true`, its comment line included
        assertEquals(29, Syscalls.parse("# started on Mon Dec  7 17:57:35 2026\n\n29,,raw_syscalls:sys_enter,2975138,100.00,,\n"));
    }

    @Test
    void anUncountedEventOrNoLineIsAnError() {
        assertTrue(assertThrows(IllegalStateException.class, () -> Syscalls.parse("<not counted>,,raw_syscalls:sys_enter,0,100.00,,\n"))
                .getMessage().contains("did not count"));
        assertThrows(IllegalStateException.class, () -> Syscalls.parse("# started on …\n"));
    }

    @Test
    void theProgramRunsUnderPerfStat() {
        assertEquals(List.of("/usr/bin/perf", "stat", "-x,", "-e", "raw_syscalls:sys_enter", "-o", "/tmp/x.csv", "--", "/usr/bin/python3", "p.py"),
                Syscalls.wrapped(List.of("/usr/bin/python3", "p.py"), Path.of("/tmp/x.csv")));
    }

    @Test
    void perOperationIsTheWorkLessTheNoopOverN() {
        assertEquals(4.0, Syscalls.perOp(120, 40, 20));
        assertEquals(80.0, Syscalls.perOp(120, 40, 0), "no division by zero");
    }

    @Test
    void aQuotedWordReachesTheProgramAsItWas() throws Exception {
        // the ip column's operations are written into a shell script: sh must hand each word back unchanged
        for (String word : List.of("10.200.0.1/24", "it's", "a b", "$HOME", "\\n", "''", "")) {
            Process p = new ProcessBuilder("/bin/sh", "-c", "printf %s " + Syscalls.quoted(word)).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor());
            assertEquals(word, out, "through sh: " + Syscalls.quoted(word));
        }
    }
}
