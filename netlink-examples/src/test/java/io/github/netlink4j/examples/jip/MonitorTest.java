package io.github.netlink4j.examples.jip;

import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code jip monitor} prints what {@code ip} changes, the way ip monitor does. */
class MonitorTest {
    @Test
    void printsLinkAndAddressChanges() throws Exception {
        try (ThrowawayNamespace ns = ThrowawayNamespace.create("monitor")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
            CompletableFuture<Integer> rc = CompletableFuture.supplyAsync(
                    () -> new Jip(ps, ps).run(new String[]{"-n", ns.name(), "monitor", "link", "address", "count", "3"}));
            // Changes are made until the monitor has seen three; each round is bounded.
            for (int i = 0; i < 50 && !rc.isDone(); i++) {
                Ip.in(ns.name(), "link", "add", "ifb" + i, "type", "ifb");
                Ip.in(ns.name(), "addr", "add", "10.200.0." + (i + 1) + "/24", "dev", "ifb" + i);
                Thread.sleep(100);
            }
            assertEquals(0, rc.get(10, TimeUnit.SECONDS));
            String text = out.toString(StandardCharsets.UTF_8);
            // The monitor may join after the first round: any round's changes will do.
            assertTrue(text.matches("(?s).*\\d+: ifb\\d+: <BROADCAST,NOARP> mtu 1500 qdisc noop state DOWN group default qlen 32\n.*"), text);
            assertTrue(text.matches("(?s).*inet 10\\.200\\.0\\.\\d+/24 scope global ifb\\d+\n.*"), text);
        }
    }
}
