package io.github.netlink4j;

import io.github.netlink4j.address.AddressSpec;
import io.github.netlink4j.link.LinkSpec;

import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The seed walkthrough through the API only, with a throwaway namespace standing in for the host:
 * veth pair, veth1 moved into the second namespace, 10.200.0.2/24 and 10.200.0.3/24, ends and lo up,
 * then a TCP connection from the "host" to a listener in the other namespace.
 */
class SeedSequenceTest {
    @Test
    void twoNamespacesConnectedByAVeth() throws Exception {
        try (ThrowawayNamespace host = ThrowawayNamespace.create("seed-host");
             ThrowawayNamespace direct = ThrowawayNamespace.create("seed-direct")) {
            NetlinkClient h = host.client();
            NetlinkClient d = direct.client();
            h.links().add(LinkSpec.veth("veth0", "veth1"));             // ip link add veth0 type veth peer name veth1
            d.links().setUp("lo");                                       // ip netns exec direct_netns ip link set lo up
            h.links().moveTo("veth1", direct.ns());                      // ip link set veth1 netns direct_netns
            h.addresses().add(AddressSpec.of("veth0", "10.200.0.2/24")); // ip a add 10.200.0.2/24 dev veth0
            d.addresses().add(AddressSpec.of("veth1", "10.200.0.3/24")); // ip netns exec … ip a add 10.200.0.3/24 dev veth1
            h.links().setUp("veth0");
            d.links().setUp("veth1");

            // The listener is opened inside the other namespace and stays there after the task returns.
            ServerSocket server = direct.ns().call(() -> new ServerSocket(8080, 5, InetAddress.ofLiteral("10.200.0.3")));
            try (server) {
                Thread acceptor = Thread.ofPlatform().start(() -> {
                    try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
                        out.write("hello from direct_netns".getBytes(StandardCharsets.UTF_8));
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                });
                String got = host.ns().call(() -> {
                    try (Socket c = new Socket()) {
                        c.connect(new InetSocketAddress(InetAddress.ofLiteral("10.200.0.3"), 8080), 5000);
                        c.setSoTimeout(5000);
                        try (InputStream in = c.getInputStream()) {
                            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                        }
                    }
                });
                acceptor.join(5000);
                assertEquals("hello from direct_netns", got);
            }
        }
    }
}
