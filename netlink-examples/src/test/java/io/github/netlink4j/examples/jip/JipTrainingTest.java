package io.github.netlink4j.examples.jip;

import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.Json;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code jip --train}, the run the jip script makes its AOT cache from: every command it runs succeeds,
 * and the namespace it was started in (a throwaway one here) is left exactly as it was: the commands
 * ran in an anonymous namespace of the training's own. Its exit status is not taken on trust: the
 * commands' effects are looked at with ip, and a command known to fail must stop the training.
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

    /** The training's own commands, one by one in a namespace ip can look into: each one did what it says. */
    @Test
    void eachTrainingCommandHasItsEffect() throws Exception {
        try (ThrowawayNamespace ns = ThrowawayNamespace.create("jip-train")) {
            List<String[]> commands = JipTraining.COMMANDS;
            String[] last = commands.get(commands.size() - 1);
            assertEquals(List.of("link", "del", "veth0"), List.of(last), "the last command removes what the others made");
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            assertEquals(0, JipTraining.run(ns.ns(), commands.subList(0, commands.size() - 1), new PrintStream(err, true, StandardCharsets.UTF_8), Jip::train),
                    err.toString(StandardCharsets.UTF_8));
            Map<?, ?> veth0 = (Map<?, ?>) ((List<?>) Json.parse(Ip.in(ns.name(), "-j", "addr", "show", "veth0"))).get(0);
            assertTrue(((List<?>) veth0.get("flags")).contains("UP"), "link set veth0 up: " + veth0);
            assertTrue(((List<?>) veth0.get("addr_info")).stream().map(a -> (Map<?, ?>) a)
                    .anyMatch(a -> "10.200.0.2".equals(a.get("local")) && Long.valueOf(24).equals(a.get("prefixlen"))), "addr add: " + veth0);
            assertTrue(Ip.in(ns.name(), "-j", "link", "show", "lo").contains("\"UP\""), "link set lo up");
            assertTrue(Ip.in(ns.name(), "-j", "link", "show", "veth1").contains("\"ifname\":\"veth1\""), "the veth's peer");
            assertTrue(Ip.in(ns.name(), "-j", "route", "show", "10.200.9.0/24").contains("\"gateway\":\"10.200.0.1\""), "route add");
            assertEquals(0, JipTraining.run(ns.ns(), List.<String[]>of(last), new PrintStream(err, true, StandardCharsets.UTF_8), Jip::train));
            assertEquals("[lo]", linkNames(ns).toString(), "link del veth0 took the pair");
        }
    }

    /** A command that fails stops the training with a failure, and no command after it runs. */
    @Test
    void aFailingCommandFailsTheTraining() throws Exception {
        try (ThrowawayNamespace ns = ThrowawayNamespace.create("jip-train")) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int rc = JipTraining.run(ns.ns(), List.of(
                    new String[] {"link", "add", "tr0", "type", "ifb"},
                    new String[] {"link", "del", "nosuch0"},
                    new String[] {"link", "add", "tr1", "type", "ifb"}), new PrintStream(err, true, StandardCharsets.UTF_8), Jip::train);
            assertEquals(1, rc, "link del of a link that is not there fails: " + err);
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("link del nosuch0"), "the failing command named: " + err);
            assertEquals("[lo, tr0]", linkNames(ns).toString(), "the command before ran, the one after did not");
        }
    }

    private static List<String> linkNames(ThrowawayNamespace ns) throws Exception {
        return ((List<?>) Json.parse(Ip.in(ns.name(), "-j", "link"))).stream().map(l -> (String) ((Map<?, ?>) l).get("ifname")).toList();
    }
}
