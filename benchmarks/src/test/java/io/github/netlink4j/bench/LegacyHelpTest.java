package io.github.netlink4j.bench;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The runner's and the throughput program's --help print their usage instead of failing. */
class LegacyHelpTest {
    private interface Body {
        void run() throws Exception;
    }

    private static String stdout(Body body) throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.setOut(saved);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void runnerHelpPrintsUsage() throws Exception {
        String out = stdout(() -> Runner.main(new String[] {"--help"}));
        assertTrue(out.startsWith("usage: Runner"), out);
        assertThrows(IllegalArgumentException.class, () -> Runner.main(new String[] {"--bogus"}));
    }

    @Test
    void throughputHelpPrintsUsageAndSucceeds() throws Exception {
        int[] status = new int[1];
        String out = stdout(() -> status[0] = Throughput.run(new String[] {"--help"}));
        assertEquals(0, status[0]);
        assertTrue(out.startsWith("usage: Throughput"), out);
    }
}
