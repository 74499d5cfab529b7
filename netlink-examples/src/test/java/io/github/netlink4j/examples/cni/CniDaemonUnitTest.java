package io.github.netlink4j.examples.cni;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The systemd unit shipped for the daemon (src/main/cni/netlink4j-cni.service) agrees with the daemon and
 * the launcher: one socket path in all three, a runtime directory that is root's alone, a stop timeout
 * longer than the daemon waits for its calls, and the JVM as the process that gets SIGTERM.
 */
class CniDaemonUnitTest {
    private static List<String> unit() throws IOException {
        return Files.readAllLines(Path.of("src/main/cni/netlink4j-cni.service")).stream().filter(l -> !l.startsWith("#")).toList();
    }

    private static String value(String key) throws IOException {
        List<String> v = unit().stream().filter(l -> l.startsWith(key + "=")).map(l -> l.substring(key.length() + 1)).toList();
        assertEquals(1, v.size(), key + " once: " + v);
        return v.get(0);
    }

    @Test
    void oneSocketPathInTheUnitTheDaemonAndTheLauncher() throws IOException {
        assertEquals(Path.of("/run/netlink4j/cni.sock"), CniDaemon.DEFAULT_SOCKET);
        assertTrue(value("ExecStart").startsWith("/opt/cni/bin/netlink4j-bridge --daemon --socket " + CniDaemon.DEFAULT_SOCKET + " "), value("ExecStart"));
        assertEquals(CniDaemon.DEFAULT_SOCKET.getParent(), Path.of("/run").resolve(value("RuntimeDirectory")));
        assertTrue(Files.readString(Path.of("src/main/cni/netlink4j-bridge")).contains("sock=${NETLINK4J_CNI_SOCKET:-" + CniDaemon.DEFAULT_SOCKET + "}"));
    }

    @Test
    void theRuntimeDirectoryIsRootsAloneAndTheStopWaitsForTheCalls() throws IOException {
        assertEquals("0700", value("RuntimeDirectoryMode"), "the launcher uses a socket only in a directory of mode 0700");
        assertTrue(Integer.parseInt(value("TimeoutStopSec")) > CniDaemon.DRAIN_TIME.toSeconds(), "systemd waits longer than the daemon drains");
        assertEquals("mixed", value("KillMode"), "SIGTERM to the JVM alone: the IPAM plugins of running calls are not killed with it");
        assertTrue(unit().contains("Environment=NETLINK4J_AOT=0"), "so that the launcher execs the JVM, and the JVM is the main process");
    }
}
