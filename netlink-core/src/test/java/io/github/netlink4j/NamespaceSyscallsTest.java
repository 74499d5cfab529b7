package io.github.netlink4j;

import io.github.netlink4j.testing.Privileged;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The system calls namespace creation makes, seen from outside: a child JVM runs {@link Child} under
 * {@code strace -f}. Each creation must unshare exactly one network namespace: an extra unshare makes
 * a namespace nobody can reach, which the kernel then has to tear down (holding RTNL and queueing RCU
 * work) while the caller's next operations wait.
 */
class NamespaceSyscallsTest {

    /** Creates and deletes one named and one anonymous namespace; prints "done". */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            try (NetNamespace ns = NetNamespace.create(args[0])) {
                try (NetlinkClient nl = NetlinkClient.open(ns)) {
                    nl.links().setUp("lo");
                }
            } finally {
                NetNamespace.delete(args[0]);
            }
            try (NetNamespace anon = NetNamespace.createAnonymous()) {
                System.out.println("done " + anon.fd());
            }
        }
    }

    @Test
    void eachCreationUnsharesExactlyOneNetworkNamespace() throws Exception {
        Privileged.require();
        String name = io.github.netlink4j.testing.ThrowawayNamespace.uniqueName("sys");
        Path trace = Files.createTempFile("nl4j-strace", ".txt");
        try {
            String java = ProcessHandle.current().info().command().orElseThrow();
            Process p = new ProcessBuilder("strace", "-f", "-qq", "-e", "trace=unshare,setns", "-o", trace.toString(),
                    java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                    Child.class.getName(), name)
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child did not finish");
            assertEquals(0, p.exitValue(), out);
            assertTrue(out.contains("done"), out);
            List<String> unshares = Files.readAllLines(trace).stream().filter(l -> l.contains("unshare(")).toList();
            assertEquals(2, unshares.stream().filter(l -> l.contains("CLONE_NEWNET")).count(),
                    "one unshare(CLONE_NEWNET) for the named and one for the anonymous namespace: " + unshares);
            assertTrue(unshares.stream().allMatch(l -> l.contains("= 0")), unshares.toString());
        } finally {
            Files.deleteIfExists(trace);
            if (NetNamespace.exists(name)) NetNamespace.delete(name);
        }
    }
}
