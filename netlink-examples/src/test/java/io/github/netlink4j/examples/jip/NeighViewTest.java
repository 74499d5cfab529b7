package io.github.netlink4j.examples.jip;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.common.MacAddress;
import io.github.netlink4j.json.Json;
import io.github.netlink4j.neighbour.Neighbour;
import io.github.netlink4j.neighbour.NeighbourCacheInfo;
import io.github.netlink4j.neighbour.NeighbourState;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** ipneigh.c's print_neigh with {@code -s}: print_cacheinfo's ages in whole seconds and NDA_PROBES, on records made here. */
class NeighViewTest {
    private static Neighbour entry(long references) {
        // 1999 ms is 199 ticks: ip divides by USER_HZ and prints 1
        NeighbourCacheInfo c = new NeighbourCacheInfo(Duration.ofMillis(1990), Duration.ofSeconds(7), Duration.ofMillis(30_000), references);
        return new Neighbour(AddressFamily.INET, 3, Optional.of(InetAddress.ofLiteral("10.200.0.9")), Optional.of(MacAddress.of("02:00:00:00:00:09")),
                0x02, NeighbourState.fromBits(0x02), 0, Set.of(), Optional.empty(), Optional.of(c), OptionalLong.of(4));
    }

    @Test
    void statsPrintTheAgesInWholeSecondsThenTheProbesBeforeTheState() {
        assertEquals("10.200.0.9 dev v0 lladdr 02:00:00:00:00:09  used 1/7/30probes 4 REACHABLE \n",
                new NeighView(entry(0), "v0", Style.PLAIN, true).text());
        assertEquals("10.200.0.9 dev v0 lladdr 02:00:00:00:00:09  ref 2 used 1/7/30probes 4 REACHABLE \n",
                new NeighView(entry(2), "v0", Style.PLAIN, true).text());
        assertEquals("10.200.0.9 dev v0 lladdr 02:00:00:00:00:09 REACHABLE \n", new NeighView(entry(2), "v0", Style.PLAIN, false).text());
        assertEquals("10.200.0.9 dev v0 lladdr 02:00:00:00:00:09 REACHABLE \n", new NeighView(entry(2), "v0", Style.PLAIN).text(), "ip monitor's");
    }

    @Test
    void statsInJsonAreNumbersUnderIpsKeys() {
        assertEquals("{\"dst\":\"10.200.0.9\",\"dev\":\"v0\",\"lladdr\":\"02:00:00:00:00:09\",\"refcnt\":2,\"used\":1,\"confirmed\":7,\"updated\":30,"
                + "\"probes\":4,\"state\":[\"REACHABLE\"]}", Json.write(new NeighView(entry(2), "v0", Style.PLAIN, true).json()));
        assertEquals("{\"dst\":\"10.200.0.9\",\"dev\":\"v0\",\"lladdr\":\"02:00:00:00:00:09\",\"used\":1,\"confirmed\":7,\"updated\":30,"
                + "\"probes\":4,\"state\":[\"REACHABLE\"]}", Json.write(new NeighView(entry(0), "v0", Style.PLAIN, true).json()));
        assertEquals("{\"dst\":\"10.200.0.9\",\"dev\":\"v0\",\"lladdr\":\"02:00:00:00:00:09\",\"state\":[\"REACHABLE\"]}",
                Json.write(new NeighView(entry(2), "v0", Style.PLAIN, false).json()));
    }

    @Test
    void anEntryWithoutCacheInfoOrProbesPrintsNeitherEvenWithStats() {
        Neighbour bare = new Neighbour(AddressFamily.INET, 3, Optional.of(InetAddress.ofLiteral("10.200.0.9")), Optional.empty(),
                0x80, NeighbourState.fromBits(0x80), 0, Set.of());
        assertEquals("10.200.0.9 dev v0 PERMANENT \n", new NeighView(bare, "v0", Style.PLAIN, true).text());
    }
}
