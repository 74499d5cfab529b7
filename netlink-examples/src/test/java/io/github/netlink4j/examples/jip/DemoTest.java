package io.github.netlink4j.examples.jip;

import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.testing.Privileged;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seed walkthrough with a throwaway host namespace: the page is fetched, nothing is left behind. */
class DemoTest {
    private static long netnsMounts() throws Exception {
        return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream().filter(l -> l.contains("/run/netns/")).count();
    }

    private void runDemo(boolean jdkServer) throws Exception {
        Privileged.require();
        String host = "nl4j-demo-host-" + UUID.randomUUID().toString().substring(0, 8);
        String direct = "nl4j-direct-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> before = NetNamespace.list();
        long mounts = netnsMounts();
        List<String> args = new java.util.ArrayList<>(List.of("demo", "--host-netns", host, "--netns", direct));
        if (jdkServer) args.add("--jdk-server");
        JipParityTest.Run r = JipParityTest.jip(args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("demo: OK"), r.out());
        assertTrue(r.out().contains("ip link add veth0 type veth peer name veth1"), r.out());
        assertTrue(r.out().contains("curl 10.200.0.3"), r.out());
        assertTrue(r.out().contains("Welcome to nginx in direct_netns"), r.out());
        assertEquals(before, NetNamespace.list(), "no namespace left behind");
        assertFalse(NetNamespace.exists(host));
        assertEquals(mounts, netnsMounts(), "no mount left behind");
    }

    @Test
    void withTheJdkServer() throws Exception {
        runDemo(true);
    }

    @Test
    void withNginxWhenInstalled() throws Exception {
        if (!Files.isExecutable(Path.of("/usr/sbin/nginx"))) {
            if ("true".equals(System.getenv("CI"))) throw new AssertionError(".ci/run must install nginx-light");
            org.junit.jupiter.api.Assumptions.abort("nginx is not installed");
        }
        runDemo(false);
    }
}
