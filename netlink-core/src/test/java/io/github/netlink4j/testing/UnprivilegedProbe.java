package io.github.netlink4j.testing;

import io.github.netlink4j.address.AddressSpec;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.route.RouteSpec;
import io.github.netlink4j.error.NotPermittedException;
import io.github.netlink4j.error.SyscallException;

/**
 * Run as an unprivileged user in a JVM of its own. {@code refused NAME}: in the namespace it was
 * started in, creating a link and creating the named namespace NAME must be refused, each with the
 * capability it needs named; so must creating a tap and listing conntrack entries. {@code rootless}: inside a user + network namespace of its own
 * ({@code unshare -Urn}), makes a veth pair, an address and a route and prints them back.
 */
public final class UnprivilegedProbe {
    public static void main(String[] args) throws Exception {
        if (args[0].equals("refused")) {
            try (NetlinkClient nl = NetlinkClient.open()) {
                nl.links().add(LinkSpec.ifb("nl4jnope0"));
                System.out.println("link: created!");
            } catch (NotPermittedException e) {
                System.out.println("link: " + e.errnoName() + " " + e.getMessage());
            }
            try (NetlinkClient nl = NetlinkClient.open()) {
                nl.tuntap().add(io.github.netlink4j.tuntap.TunTapSpec.tap("nl4jnope1"));
                System.out.println("tun: created!");
            } catch (NotPermittedException e) {
                System.out.println("tun: " + e.errnoName() + " " + e.getMessage());
            }
            try (NetlinkClient nl = NetlinkClient.open()) {
                System.out.println("conntrack: listed " + nl.conntrack().list().size());
            } catch (NotPermittedException e) {
                System.out.println("conntrack: " + e.errnoName() + " " + e.getMessage());
            }
            try (NetNamespace here = NetNamespace.current(); NetlinkClient c = NetlinkClient.open(here)) {
                System.out.println("setns: entered!");
            } catch (NotPermittedException e) {
                System.out.println("setns: " + e.errnoName() + " " + e.getMessage());
            }
            try (NetNamespace ns = NetNamespace.create(args[1])) {
                System.out.println("netns: created!");
            } catch (SyscallException e) {
                System.out.println("netns: " + e.errnoName() + " " + e.getMessage());
            }
        } else {
            try (NetlinkClient nl = NetlinkClient.open()) {
                nl.links().add(LinkSpec.veth("r0", "r1"));
                nl.links().setUp("lo");
                nl.links().setUp("r0");
                nl.links().setUp("r1");
                nl.addresses().add(AddressSpec.of("r0", "10.200.0.1/24"));
                nl.routes().add(RouteSpec.to("10.200.5.0/24").withGateway(java.net.InetAddress.ofLiteral("10.200.0.2")).withLink("r0"));
                for (var l : nl.links().list()) System.out.println("link " + l.name());
                for (var a : nl.addresses().list()) System.out.println("addr " + a.cidr());
                for (var r : nl.routes().list()) if (r.destinationText().equals("10.200.5.0/24")) System.out.println("route " + r);
            }
        }
    }
}
