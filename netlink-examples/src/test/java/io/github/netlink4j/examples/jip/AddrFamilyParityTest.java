package io.github.netlink4j.examples.jip;

import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ip addr}'s link lines under every family option, through ip and jip on the same namespace, byte
 * for byte. The family decides which message ip prints a link from: -4, -0 and no option get the full
 * RTM_GETLINK answer (-4 without the link/ line), -6 lists from the kernel's AF_INET6 link dump (no qdisc,
 * master, group or link-netnsid, the peer's index resolved among this namespace's links) unless a device
 * is named, -B and -M list nothing. Two veths here have their peers in another namespace: veth0, whose
 * peer's index is this namespace's ifb's, and w0, whose peer has w0's own index.
 */
class AddrFamilyParityTest {
    private static ThrowawayNamespace ns;
    private static ThrowawayNamespace peer;

    private static final String[] SHOWS = {"addr", "addr show dev veth0", "addr show dev w0", "addr show dev v2", "addr show up",
            "-j addr", "-j addr show dev veth0", "-br addr", "-br -j addr", "-o addr", "-d addr", "-j -d addr", "addr show dev d0",
            "-d addr show dev d0", "-p -j addr show dev w0"};

    @BeforeAll
    static void setUp() throws IOException {
        ns = ThrowawayNamespace.create("addrfam");
        peer = ThrowawayNamespace.create("addrfam-peer");
        String n = ns.name();
        for (String c : new String[] {"link add d0 type ifb", "link set d0 alias an-alias",
                "link add veth0 type veth peer name veth1 netns " + peer.name(), "@peer link add pad0 type ifb",
                "link add w0 type veth peer name w1 netns " + peer.name(), "link add v2 type veth peer name v3", "link add br0 type bridge",
                "link set v3 master br0", "link set veth0 up", "link set w0 up", "link set lo up", "link set v2 up",
                "addr add 10.200.0.2/24 dev veth0", "addr add 10.200.3.2/24 brd 10.200.3.255 dev veth0",
                "addr add fd00:200::2/64 dev veth0 nodad", "addr add fd00:200::3/64 dev w0 nodad", "addr add 10.200.4.2/24 dev w0",
                "addr add fd00:200::5/64 dev v3 nodad", "addr add fd00:200::6/64 dev v2 nodad"}) {
            if (c.startsWith("@peer ")) Ip.in(peer.name(), Parity.words(c.substring(6)));
            else Ip.in(n, Parity.words(c));
        }
        String w0 = Ip.in(n, "-o", "link", "show", "w0");
        assertTrue(w0.startsWith("4: w0@if4:"), "w0's peer has w0's own index: " + w0);
        assertTrue(Ip.in(n, "-o", "link", "show", "veth0").startsWith("3: veth0@if2:"), "veth0's peer has d0's index");
    }

    @AfterAll
    static void tearDown() throws IOException {
        for (ThrowawayNamespace t : new ThrowawayNamespace[] {ns, peer}) if (t != null) t.close();
    }

    private static void same(String family, String... shows) throws IOException {
        for (String show : shows) {
            List<String> a = new ArrayList<>();
            if (!family.isEmpty()) a.addAll(List.of(Parity.words(family)));
            a.addAll(List.of(Parity.words(show)));
            Parity.same(ns.name(), a.toArray(String[]::new));
        }
    }

    /** The full message, link-netns and all, without the link/ line. */
    @Test
    void anIpv4ListingKeepsTheWholeLinkLine() throws IOException {
        for (String f : new String[] {"-4", "-f inet"}) same(f, SHOWS);
    }

    /** ip asks for a named device by index, and the kernel's answer to that is the full message. */
    @Test
    void anIpv6ListingOfOneDeviceHasTheWholeLinkLine() throws IOException {
        for (String f : new String[] {"-6", "-f inet6"}) {
            same(f, "addr show dev veth0", "addr show dev w0", "addr show dev v2", "-j addr show dev veth0", "-br addr show dev veth0",
                    "-d addr show dev veth0", "-p -j addr show dev w0");
        }
    }

    /** veth0 shows as veth0@d0 and M-DOWN (d0 holds its peer's index here), w0 without a peer, as ip shows them. */
    @Test
    void anIpv6ListingIsTheKernelsInet6LinkDump() throws IOException {
        for (String f : new String[] {"-6", "-f inet6"}) {
            same(f, "addr", "addr show up", "-j addr", "-br addr", "-br -j addr", "-o addr", "-d addr", "-j -d addr",
                    "addr show to fd00:200::/64", "addr show scope global");
        }
        assertTrue(Ip.in(ns.name(), "-6", "addr").contains("veth0@d0: <NO-CARRIER,BROADCAST,MULTICAST,UP,M-DOWN>"), "the state tests what it means to");
    }

    /** -0 (-f link): the links as ip link lists them, without the mode, and no addresses. */
    @Test
    void theLinkFamilyListsLinksOnly() throws IOException {
        for (String f : new String[] {"-0", "-f link"}) {
            same(f, SHOWS);
            // ip -0 applies no address selector, and prints nothing of a link under a label selector
            same(f, "addr show to 10.200.0.0/16", "addr flush dev veth0", "addr show scope host", "-j addr show permanent",
                    "addr show label lo", "-j addr show label lo");
        }
    }

    /** -B and -M: no address is of those families, so nothing is listed; their prefixes are not IP ones. */
    @Test
    void theBridgeAndMplsFamiliesListNothing() throws IOException {
        for (String f : new String[] {"-B", "-f bridge", "-M", "-f mpls"}) {
            same(f, SHOWS);
            same(f, "addr show to 10.200.0.0/16", "addr show to fd00:200::/64");
        }
    }

    /** No family, and a family given by a {@code to} prefix rather than an option. */
    @Test
    void withoutAFamilyOptionTheLinkLinesAreIps() throws IOException {
        same("", SHOWS);
        same("", "addr show to fd00:200::/64", "addr show to 10.200.0.0/16", "-j addr show to fd00:200::/64");
    }
}
