package io.github.netlink4j.examples.jip;

import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code jip --train}, the run the jip script makes its AOT cache from: every command it runs succeeds,
 * and the namespace it was started in (a throwaway one here) is left exactly as it was: the commands
 * ran in an anonymous namespace of the training's own.
 */
class JipTrainingTest {
    @Test
    void trainsInItsOwnNamespaceAndLeavesTheOneItRanInAlone() throws Exception {
        try (ThrowawayNamespace here = ThrowawayNamespace.create("jip-train")) {
            String before = Ip.in(here.name(), "-d", "addr") + Ip.in(here.name(), "route", "show", "table", "all");
            Process p = new ProcessBuilder(List.of("ip", "netns", "exec", here.name(),
                    ProcessHandle.current().info().command().orElseThrow(), "--enable-native-access=ALL-UNNAMED",
                    "-cp", System.getProperty("java.class.path"), Jip.class.getName(), "--train"))
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "bounded");
            assertEquals(0, p.exitValue(), out);
            assertEquals("", out, "nothing printed: the commands' output goes nowhere");
            assertEquals(before, Ip.in(here.name(), "-d", "addr") + Ip.in(here.name(), "route", "show", "table", "all"));
        }
    }
}
