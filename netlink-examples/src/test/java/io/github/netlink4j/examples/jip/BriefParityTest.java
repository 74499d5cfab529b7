package io.github.netlink4j.examples.jip;

import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code -br} through ip and jip on the same namespace, byte for byte (JSON parsed): the objects ip has a
 * brief form for (link, address, neighbour), as text and as JSON, and the ones it ignores -br for.
 */
class BriefParityTest {
    private static ThrowawayNamespace ns;

    private static final String[] SPELLINGS = {"-br", "-brief", "-br -j", "-j -br -p"};

    @BeforeAll
    static void setUp() throws IOException {
        ns = ThrowawayNamespace.create("brief");
        for (String c : new String[] {"link add v0 type veth peer name v1", "link add br0 type bridge", "link set v1 master br0",
                "link set v0 up", "link set v1 up", "link set lo up", "addr add 10.200.0.2/24 dev v0", "addr add fd00:200::2/64 dev v0 nodad",
                "addr add 10.200.1.2 peer 10.200.1.3/32 dev br0", "neigh add 10.200.0.9 lladdr 02:00:00:00:00:09 dev v0",
                "neigh add proxy 10.200.0.50 dev v0", "-6 neigh add fd00:200::1 lladdr 02:00:00:00:00:01 dev v0 router",
                "neigh add 10.200.0.10 lladdr 02:00:00:00:00:0a dev v0 nud noarp", "neigh add 10.200.0.11 lladdr 02:00:00:00:00:0b dev v0 nud stale",
                "route add 10.200.9.0/24 via 10.200.0.1"}) {
            Ip.in(ns.name(), Parity.words(c));
        }
    }

    @AfterAll
    static void tearDown() throws IOException {
        if (ns != null) ns.close();
    }

    private static void same(String... shows) throws IOException {
        for (String spelling : SPELLINGS) {
            for (String show : shows) {
                List<String> a = new ArrayList<>(List.of(Parity.words(spelling)));
                a.addAll(List.of(Parity.words(show)));
                Parity.same(ns.name(), a.toArray(String[]::new));
            }
        }
    }

    /** print_neigh_brief: the address, the device unless a dev selected the entries, the link-layer address. */
    @Test
    void neighboursHaveIpsBriefLine() throws IOException {
        // IPv6 multicast entries (NOARP) come and go as the links autoconfigure: nud all and noarp for IPv4 only
        same("neigh", "neigh show dev v0", "neigh show proxy", "-4 neigh show nud all", "-4 neigh show nud noarp", "-6 neigh", "-4 neigh",
                "neigh get 10.200.0.9 dev v0", "neigh show to 10.200.0.0/24");
    }

    @Test
    void linksAndAddressesHaveIpsBriefLines() throws IOException {
        same("link", "link show dev v0", "link show master br0", "-d link", "-s link", "addr", "addr show dev v0", "-4 addr", "-6 addr",
                "addr show dev br0");
    }

    /** ip has no brief form for these and prints them in full. */
    @Test
    void routesRulesAndNexthopsIgnoreBrief() throws IOException {
        same("route", "-6 route", "route show table all", "rule", "-6 rule", "nexthop");
    }
}
