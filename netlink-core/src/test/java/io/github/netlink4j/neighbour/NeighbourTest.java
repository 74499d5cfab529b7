package io.github.netlink4j.neighbour;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.common.MacAddress;
import io.github.netlink4j.route.RouteProtocol;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A neighbour record's spec takes the strongest state it reports, its line prints NONE for NUD_NONE and the
 * family for an FDB entry, and a spec without an address in the record matches nothing.
 */
class NeighbourTest {
    private static final IntFunction<String> NAMES = Map.of(3, "veth0")::get;
    private static final InetAddress IP = InetAddress.ofLiteral("10.200.0.7");
    private static final MacAddress MAC = MacAddress.of("02:00:00:00:00:07");

    private static Neighbour entry(int state) {
        return new Neighbour(AddressFamily.INET, 3, Optional.of(IP), Optional.of(MAC), state, NeighbourState.fromBits(state), 0, Set.of());
    }

    @Test
    void theSpecTakesTheStrongestState() {
        // NUD_PERMANENT 0x80, NOARP 0x40, FAILED 0x20, PROBE 0x10, DELAY 0x08, STALE 0x04, REACHABLE 0x02, INCOMPLETE 0x01
        assertEquals(NeighbourState.PERMANENT, entry(0x80 | 0x40 | 0x02).toSpec(NAMES).state());
        assertEquals(NeighbourState.NOARP, entry(0x40 | 0x02).toSpec(NAMES).state());
        assertEquals(NeighbourState.REACHABLE, entry(0x02 | 0x04).toSpec(NAMES).state());
        assertEquals(NeighbourState.STALE, entry(0x04 | 0x08).toSpec(NAMES).state());
        assertEquals(NeighbourState.DELAY, entry(0x08 | 0x10).toSpec(NAMES).state());
        assertEquals(NeighbourState.PROBE, entry(0x10 | 0x20).toSpec(NAMES).state());
        assertEquals(NeighbourState.FAILED, entry(0x20 | 0x01).toSpec(NAMES).state());
        assertEquals(NeighbourState.INCOMPLETE, entry(0x01).toSpec(NAMES).state());
        assertEquals(NeighbourState.PERMANENT, entry(0).toSpec(NAMES).state(), "NUD_NONE gets the spec's default");
        assertEquals(NeighbourSpec.of("veth0", IP, MAC).withState(NeighbourState.STALE), entry(0x04).toSpec(NAMES));
    }

    @Test
    void linesInIpsWords() {
        assertEquals("10.200.0.7 dev if3 lladdr 02:00:00:00:00:07 NONE", entry(0).toString());
        assertEquals("10.200.0.7 dev if3 lladdr 02:00:00:00:00:07 STALE", entry(0x04).toString());
        Neighbour fdb = new Neighbour(AddressFamily.BRIDGE, 4, Optional.empty(), Optional.of(MAC), 0x80, NeighbourState.fromBits(0x80), 0x2,
                NeighbourFlag.fromBits(0x2));
        assertEquals("bridge dev if4 lladdr 02:00:00:00:00:07 PERMANENT", fdb.toString());
        Neighbour bare = new Neighbour(AddressFamily.INET6, 4, Optional.of(InetAddress.ofLiteral("fd00:200::7")), Optional.empty(), 0x20,
                NeighbourState.fromBits(0x20), 0, Set.of());
        assertEquals("fd00:200::7 dev if4 FAILED", bare.toString());
    }

    @Test
    void specsAreCheckedAndMatchOnlyEntriesWithAnAddress() {
        Neighbour fdb = new Neighbour(AddressFamily.BRIDGE, 3, Optional.empty(), Optional.of(MAC), 0x80, NeighbourState.fromBits(0x80), 0,
                Set.of());
        assertFalse(NeighbourSpec.of("veth0", IP).matches(fdb, NAMES));
        assertFalse(NeighbourSpec.of("veth0", InetAddress.ofLiteral("10.200.0.8")).matches(entry(0x80), NAMES), "another address");
        assertEquals(AddressFamily.INET6, NeighbourSpec.of("veth0", InetAddress.ofLiteral("fd00:200::7")).family());
        assertEquals(AddressFamily.INET, NeighbourSpec.of("veth0", IP).family());
        assertThrows(IllegalArgumentException.class, () -> NeighbourSpec.of("veth0", IP, MacAddress.of(new byte[4])), "a 4-byte lladdr");
        assertThrows(IllegalArgumentException.class, () -> NeighbourSpec.of("a b", IP));
        assertThrows(NullPointerException.class, () -> NeighbourSpec.of("veth0", IP).withState(null));
        assertThrows(NullPointerException.class, () -> NeighbourSpec.of("veth0", null));
    }

    @Test
    void statesAndFlagsCarryTheKernelsBits() {
        // NTF_USE 0x01, NTF_SELF 0x02, NTF_MASTER 0x04, NTF_PROXY 0x08, NTF_EXT_LEARNED 0x10, NTF_OFFLOADED 0x20, NTF_ROUTER 0x80
        assertEquals(0x80 | 0x04, NeighbourState.toBits(EnumSet.of(NeighbourState.PERMANENT, NeighbourState.STALE)));
        assertEquals(0x10, NeighbourState.PROBE.bit());
        assertEquals(Set.of(), NeighbourState.fromBits(0), "NUD_NONE");
        assertEquals(0x08, NeighbourFlag.PROXY.bit());
        assertEquals(0x80, NeighbourFlag.toBits(EnumSet.of(NeighbourFlag.ROUTER)));
    }

    @Test
    void aRecordKeepsTheDecodersSetsAndCopiesAnyOther() {
        Set<NeighbourState> state = NeighbourState.fromBits(0x80);
        Set<NeighbourFlag> flags = NeighbourFlag.fromBits(0x08);
        Neighbour kept = new Neighbour(AddressFamily.INET, 3, Optional.of(IP), Optional.empty(), 0x80, state, 0x08, flags);
        assertSame(state, kept.state());
        assertSame(flags, kept.flags());
        Set<NeighbourState> myState = new HashSet<>(Set.of(NeighbourState.STALE));
        Set<NeighbourFlag> myFlags = new HashSet<>(Set.of(NeighbourFlag.ROUTER));
        Neighbour copied = new Neighbour(AddressFamily.INET, 3, Optional.of(IP), Optional.empty(), 0x04, myState, 0x80, myFlags);
        myState.add(NeighbourState.PROBE);
        myFlags.add(NeighbourFlag.PROXY);
        assertEquals(Set.of(NeighbourState.STALE), copied.state());
        assertEquals(Set.of(NeighbourFlag.ROUTER), copied.flags());
    }

    @Test
    void withoutTimersKeepsTheEntryAndDropsItsAgesAndProbes() {
        NeighbourCacheInfo ages = new NeighbourCacheInfo(Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofSeconds(1), 1);
        Neighbour aged = new Neighbour(AddressFamily.INET, 3, Optional.of(IP), Optional.of(MAC), 0x02, NeighbourState.fromBits(0x02), 0, Set.of(),
                Optional.of(RouteProtocol.STATIC), Optional.of(ages), OptionalLong.of(4));
        Neighbour later = new Neighbour(AddressFamily.INET, 3, Optional.of(IP), Optional.of(MAC), 0x02, NeighbourState.fromBits(0x02), 0, Set.of(),
                Optional.of(RouteProtocol.STATIC), Optional.of(new NeighbourCacheInfo(Duration.ofSeconds(9), Duration.ZERO, Duration.ZERO, 0)), OptionalLong.of(0));
        assertNotEquals(aged, later);
        assertEquals(aged.withoutTimers(), later.withoutTimers(), "only the ages and probes moved");
        assertEquals(new Neighbour(AddressFamily.INET, 3, Optional.of(IP), Optional.of(MAC), 0x02, NeighbourState.fromBits(0x02), 0, Set.of(),
                Optional.of(RouteProtocol.STATIC)), aged.withoutTimers());
    }

    @Test
    void cacheInfoRefusesNegativeAgesAndCounts() {
        assertThrows(IllegalArgumentException.class, () -> new NeighbourCacheInfo(Duration.ofSeconds(-1), Duration.ZERO, Duration.ZERO, 0));
        assertThrows(IllegalArgumentException.class, () -> new NeighbourCacheInfo(Duration.ZERO, Duration.ofSeconds(-1), Duration.ZERO, 0));
        assertThrows(IllegalArgumentException.class, () -> new NeighbourCacheInfo(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(-1), 0));
        assertThrows(IllegalArgumentException.class, () -> new NeighbourCacheInfo(Duration.ZERO, Duration.ZERO, Duration.ZERO, -1));
        assertEquals(0, new NeighbourCacheInfo(Duration.ZERO, Duration.ZERO, Duration.ZERO, 0).references());
    }
}
