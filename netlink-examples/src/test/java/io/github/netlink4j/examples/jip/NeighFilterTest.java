package io.github.netlink4j.examples.jip;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.common.MacAddress;
import io.github.netlink4j.link.Link;
import io.github.netlink4j.neighbour.Neighbour;
import io.github.netlink4j.neighbour.NeighbourState;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The selectors of {@code ip neigh show|flush}, on a captured link dump and neighbour records made here. */
class NeighFilterTest {
    /** veth0, veth1 (enslaved to br0), br0 and mv0 (macvlan on veth0), as captured. */
    private static final Map<Integer, Link> LINKS = Records.links("dump/bridge-port");

    private static Neighbour on(String dev, String address, NeighbourState... states) {
        int bits = NeighbourState.toBits(Set.of(states));
        InetAddress a = InetAddress.ofLiteral(address);
        return new Neighbour(AddressFamily.of(a), Records.link(LINKS, dev).index(), Optional.of(a),
                Optional.of(MacAddress.of("02:00:00:00:00:01")), bits, Set.of(states), 0, Set.of());
    }

    private static final List<Neighbour> ALL = List.of(
            on("veth0", "10.200.0.2", NeighbourState.REACHABLE),
            on("veth0", "10.200.0.3", NeighbourState.PERMANENT),
            on("veth1", "10.200.1.2", NeighbourState.STALE),
            on("veth1", "fd00:200::2", NeighbourState.NOARP),
            on("br0", "fd00:200::3", NeighbourState.FAILED),
            on("mv0", "198.18.0.1"));

    private static List<String> shown(String args, boolean flush, AddressFamily family) {
        NeighFilter f = NeighFilter.parse(new ArrayList<>(args.isEmpty() ? List.of() : Arrays.asList(args.split(" "))), flush, family, "HELP");
        int master = f.masterIndex(LINKS);
        return ALL.stream().filter(n -> f.test(n, LINKS, master)).map(n -> n.address().orElseThrow().getHostAddress()).toList();
    }

    private static List<String> shown(String args) {
        return shown(args, false, null);
    }

    /** Shown: every state but NOARP, and not an entry with no state (NUD_NONE), unless nud says. */
    @Test
    void everyStateButNoarpUnlessNudSays() {
        assertEquals(List.of("10.200.0.2", "10.200.0.3", "10.200.1.2", "fd00:200:0:0:0:0:0:3"), shown(""));
        assertEquals(List.of("fd00:200:0:0:0:0:0:2"), shown("nud noarp"));
        assertEquals(List.of("10.200.0.2", "10.200.1.2"), shown("nud reachable nud STALE"));
        assertEquals(List.of("198.18.0.1"), shown("nud none"));
        assertEquals(6, shown("nud all").size());
    }

    /** A flush spares PERMANENT and NOARP entries unless nud names them, and takes one with no state. */
    @Test
    void aFlushSparesPermanentEntries() {
        assertEquals(List.of("10.200.0.2", "10.200.1.2", "fd00:200:0:0:0:0:0:3", "198.18.0.1"), shown("", true, null));
        assertEquals(List.of("10.200.0.3"), shown("nud permanent", true, null));
        assertEquals(5, shown("nud all", true, null).size());
    }

    @Test
    void familyPrefixAndMaster() {
        assertEquals(List.of("fd00:200:0:0:0:0:0:3"), shown("", false, AddressFamily.INET6));
        assertEquals(List.of("10.200.0.2", "10.200.0.3"), shown("to 10.200.0.0/24"));
        assertEquals(List.of("10.200.1.2"), shown("10.200.1.0/24"));
        assertEquals(List.of("10.200.1.2"), shown("master br0"));
        assertEquals(List.of("10.200.0.2", "10.200.0.3", "fd00:200:0:0:0:0:0:3"), shown("nomaster"));
        assertEquals(List.of("10.200.1.2", "fd00:200:0:0:0:0:0:2"), shown("proxy master br0 nud reachable")); // proxies: any state
    }

    @Test
    void badArgumentsAreIpsErrors() {
        UsageException e = assertThrows(UsageException.class, () -> shown("nud bogus"));
        assertEquals("Error: argument \"bogus\" is wrong: nud state is bad", e.getMessage());
        assertEquals(255, e.status());
        e = assertThrows(UsageException.class, () -> shown("master nosuch"));
        assertEquals("Error: argument \"nosuch\" is wrong: Device does not exist\n", e.getMessage());
        e = assertThrows(UsageException.class, () -> shown("dev veth0 dev veth1"));
        assertEquals("Error: duplicate \"dev\": \"veth1\" is the second value.", e.getMessage());
        assertEquals("HELP", assertThrows(UsageException.class, () -> shown("help")).getMessage());
        NeighFilter f = NeighFilter.parse(new ArrayList<>(List.of("dev", "veth0", "unused")), false, null, "HELP");
        assertEquals("veth0", f.dev);
    }
}
