package io.github.netlink4j.examples.jip;

import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Arguments ip refuses, or takes in its own way, with ip's words and exit status: interface names no link
 * can have (ip's own check, its lookup or the kernel answers, depending on the command), link-layer
 * addresses as ll_addr_a2n reads them, and route destinations with host bits set.
 */
class ArgumentErrorParityTest {
    /** 17 bytes: over IFNAMSIZ - 1. */
    private static final String LONG = "abcdefghijklmnopq";

    private ThrowawayNamespace ns;
    private ThrowawayNamespace twin;

    @BeforeEach
    void setUp() throws IOException {
        ns = ThrowawayNamespace.create("args");
        twin = ThrowawayNamespace.create("args-twin");
        for (ThrowawayNamespace n : new ThrowawayNamespace[] {ns, twin}) {
            Ip.in(n.name(), "link", "add", "v0", "type", "veth", "peer", "name", "v1");
            Ip.in(n.name(), "link", "set", "lo", "up");
        }
    }

    @AfterEach
    void tearDown() throws IOException {
        for (ThrowawayNamespace n : new ThrowawayNamespace[] {ns, twin}) if (n != null) n.close();
    }

    private void same(String line) throws IOException {
        Parity.same(ns.name(), Parity.words(line.replace("LONG", LONG)));
    }

    /** ip 255 for its own check_ifname, 1 where its lookup finds nothing, 2 where the kernel refuses the name it was sent. */
    @Test
    void aNameNoLinkCanHaveEndsEachCommandAsIpEndsIt() throws IOException {
        for (String c : new String[] {
                "link add LONG type veth peer name v9", "link add dev LONG type ifb", "link add abcdefghijklmnop type ifb",
                "link add name LONG type ifb", "link add v9 type veth peer name LONG", "link add x1 type veth peer LONG",
                "link add x3 type veth peer dev LONG", "link add a:b type ifb", "link add . type ifb", "link add x2 type veth peer name a:b",
                "link set LONG up", "link set dev LONG up", "link set v0 name LONG", "link set v0 name a:b", "link set LONG name x",
                "link set v0 master LONG", "link del LONG", "link del dev LONG", "link show LONG", "link show dev LONG",
                "link add link LONG name m0 type macvlan", "link add m1 link LONG type macvlan",
                "addr add 10.200.0.1/24 dev LONG", "addr del 10.200.0.1/24 dev LONG", "addr show dev LONG",
                "route add 10.200.0.0/24 dev LONG", "route del 10.200.0.0/24 dev LONG", "route show dev LONG",
                "neigh add 10.200.0.9 lladdr 02:00:00:00:00:01 dev LONG", "neigh del 10.200.0.9 dev LONG", "neigh show dev LONG"}) {
            same(c);
        }
    }

    /** ip quotes the byte it could not read, and checks the length against the link's own address. */
    @Test
    void aBadLinkLayerAddressIsRefusedInIpsWords() throws IOException {
        for (String c : new String[] {"link set v0 address zz:00:00:00:00:01", "link set v0 address 02:zz:00:00:00:01",
                "link set v0 address 12::00:00:00:01", "link set v0 address 12:00:00:00:00:01:", "link set v0 address 1.2.3.4.5",
                "link set v0 address 02:00:00:00:00", "link set v0 address 02:00:00:00:00:01:02", "link set v0 address 10.1.2.3",
                "link set nosuch address 02:00:00:00:00", "link add v9 address zz:00:00:00:00:01 type ifb",
                "link add v9 address 02:00:00:00:00 type ifb", "link add v8 address 10.1.2.3 type ifb",
                "neigh add 10.200.0.9 lladdr zz:00:00:00:00:01 dev v0", "neigh add 10.200.0.10 lladdr 02:00:00:00:00 dev v0"}) {
            same(c);
        }
    }

    /** What sscanf's %x reads in each byte, ip takes: jip in one namespace, ip in its twin, the results compared. */
    @Test
    void whatIpReadsJipReadsTheSame() throws IOException {
        for (String c : new String[] {"link set v0 address 0x12:00:00:00:00:01", "link set v1 address 12:-0:00:00:00:0g",
                "neigh add 10.200.0.9 lladdr 02:00:00:00:00:0g dev v0", "neigh add 10.200.0.11 lladdr 02:00:00:00:00:01:02 dev v0",
                "link add v7 address 02:100000000:00:00:00:07 type ifb"}) {
            Ip.in(twin.name(), Parity.words(c));
            List<String> a = new ArrayList<>(List.of("-n", ns.name()));
            a.addAll(List.of(Parity.words(c)));
            JipParityTest.Run r = JipParityTest.jip(a.toArray(String[]::new));
            assertEquals(0, r.exit(), c + ": " + r.err());
        }
        // the neighbour table's order is its hash order, seeded per namespace
        for (String show : new String[] {"link", "neigh"}) assertEquals(sorted(Ip.in(twin.name(), show)), sorted(Ip.in(ns.name(), show)), show);
    }

    private static List<String> sorted(String lines) {
        return lines.lines().sorted().toList();
    }

    /**
     * An IPv4 destination with host bits: ip sends it and the kernel refuses it before anything else in
     * the request; jip says the same and sends nothing (had it cleared the bits, the route would be there
     * now). ip's own lookup of {@code dev} comes first.
     */
    @Test
    void anIpv4DestinationWithHostBitsIsRefusedAndNothingIsSent() throws IOException {
        for (String c : new String[] {"route add 10.200.5.1/24 dev lo", "route add 10.200.5.1/24", "route add 10.200.5.1/24 via 10.200.0.1",
                "route add blackhole 10.200.5.1/24", "route replace 10.200.5.1/24 dev lo table 100", "route append 10.200.5.1/24 dev lo",
                "route prepend 10.200.5.1/24 dev lo", "route change 10.200.5.1/24 dev lo", "route del 10.200.5.1/24",
                "route add 10.200.5.1/24 dev nosuch", "route add 10.200.5.1/24 dev LONG"}) {
            same(c);
        }
        assertEquals("", Ip.in(ns.name(), "route", "show", "table", "all", "root", "10.200.5.0/24"), "no route made by clearing the host bits");
    }

    /** IPv6 clears host bits in the kernel: ip's request succeeds, and jip's makes the same route. */
    @Test
    void anIpv6DestinationWithHostBitsIsTheNetworksRoute() throws IOException {
        Ip.in(twin.name(), "-6", "route", "add", "fd00:200::1/64", "dev", "lo");
        JipParityTest.Run r = JipParityTest.jip("-n", ns.name(), "-6", "route", "add", "fd00:200::1/64", "dev", "lo");
        assertEquals(0, r.exit(), r.err());
        String routes = Ip.in(ns.name(), "-6", "route", "show", "dev", "lo");
        assertEquals(Ip.in(twin.name(), "-6", "route", "show", "dev", "lo"), routes);
        assertEquals("fd00:200::/64 metric 1024 pref medium\n", routes);
        r = JipParityTest.jip("-n", ns.name(), "-6", "route", "del", "fd00:200::7/64", "dev", "lo");
        assertEquals(0, r.exit(), r.err());
        assertEquals("", Ip.in(ns.name(), "-6", "route", "show", "dev", "lo"));
    }

    /**
     * A value ip cannot read is invarg's {@code Error: argument "V" is wrong: WHAT}, exit 255, the value
     * quoted and WHAT in each object's own words (iproute.c's and iprule.c's end in a newline: an empty
     * line follows). The scope, table and protocol of {@code route add} and the scope of {@code addr add}
     * once left the value or the prefix out, and {@code addr show}'s scope and group the empty line, which {@code netns set} had one too many of.
     */
    @Test
    void aValueIpCannotReadIsQuotedInInvargsWords() throws IOException {
        for (String c : new String[] {"route add 10.200.0.0/24 dev lo scope foo", "route add 10.200.0.0/24 dev lo table 0x",
                "route add 10.200.0.0/24 dev lo proto foo", "addr add 10.200.0.1/24 dev lo scope foo", "-f foo addr",
                "route show table foo", "route show proto foo", "route show scope foo", "rule add tos x9 table 10",
                "rule show table foo", "neigh add 10.200.0.9 dev v0 nud foo", "nexthop add id x1 dev v0", "link set v0 group x",
                "link set v0 master LONG", "addr show scope foo", "addr show group x", "link show group x", "netns set foo x", "netns set foo -1"}) {
            same(c);
        }
    }
}
