package io.github.netlink4j.examples.jip;

import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code jip netns monitor} prints what {@code ip netns monitor} prints when a named namespace comes and goes. */
class NetnsMonitorTest {
    private static boolean waitFor(ByteArrayOutputStream out, String line) throws InterruptedException {
        for (int i = 0; i < 200; i++) { // at most 10 s
            if (out.toString(StandardCharsets.UTF_8).contains(line + "\n")) return true;
            Thread.sleep(50);
        }
        return false;
    }

    @Test
    void printsAddAndDelete() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        Thread monitor = new Thread(() -> new Jip(ps, ps).run(new String[] {"netns", "monitor"}), "netns-monitor");
        monitor.start();
        String name = ThrowawayNamespace.uniqueName("monitor");
        try {
            // The monitor waits in the watch service's take() once its watch is registered.
            for (int i = 0; i < 200 && monitor.getState() != Thread.State.WAITING; i++) Thread.sleep(50);
            NetNamespace.create(name).close();
            assertTrue(waitFor(out, "add " + name), "saw the add: " + out);
            NetNamespace.delete(name);
            assertTrue(waitFor(out, "delete " + name), "saw the delete: " + out);
        } finally {
            monitor.interrupt();
            monitor.join(5000);
            if (NetNamespace.exists(name)) NetNamespace.delete(name);
        }
        assertTrue(!monitor.isAlive(), "the monitor ends when interrupted");
    }
}
