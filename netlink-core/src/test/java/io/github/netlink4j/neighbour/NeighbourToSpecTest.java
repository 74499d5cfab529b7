package io.github.netlink4j.neighbour;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.common.MacAddress;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A neighbour entry turns back into the spec that makes it, and {@link NeighbourSpec#matches} knows an
 * entry by the kernel's key: link, address and whether it is a proxy entry.
 */
class NeighbourToSpecTest {
    private static final IntFunction<String> NAMES = Map.of(3, "veth0", 4, "veth1")::get;
    private static final InetAddress IP = InetAddress.ofLiteral("10.200.0.7");
    private static final MacAddress MAC = MacAddress.of("02:00:00:00:00:07");

    private static Neighbour entry(int index, int state, int flags) {
        return new Neighbour(AddressFamily.INET, index, Optional.of(IP), flags == 0 ? Optional.of(MAC) : Optional.empty(),
                state, NeighbourState.fromBits(state), flags, NeighbourFlag.fromBits(flags));
    }

    @Test
    void anEntryBecomesItsSpec() {
        assertEquals(NeighbourSpec.of("veth0", IP, MAC).withState(NeighbourState.REACHABLE), entry(3, 0x02, 0).toSpec(NAMES));
        assertEquals(NeighbourSpec.proxy("veth0", IP), entry(3, 0, 0x08).toSpec(NAMES), "a proxy entry, reported in no state");
        Neighbour fdb = new Neighbour(AddressFamily.BRIDGE, 3, Optional.empty(), Optional.of(MAC), 0, Set.of(), 0, Set.of());
        assertThrows(IllegalStateException.class, () -> fdb.toSpec(NAMES));
    }

    @Test
    void matchesIsTheKernelsKey() {
        NeighbourSpec s = NeighbourSpec.of("veth0", IP);
        assertTrue(s.matches(entry(3, 0x80, 0), NAMES));
        assertTrue(s.matches(entry(3, 0x04, 0), NAMES), "state is what an add sets, not the key");
        assertFalse(s.matches(entry(4, 0x80, 0), NAMES), "another link");
        assertFalse(s.matches(entry(3, 0, 0x08), NAMES), "a proxy entry lives in its own table");
        assertTrue(NeighbourSpec.proxy("veth0", IP).matches(entry(3, 0, 0x08), NAMES));
        assertEquals(Set.of(NeighbourFlag.PROXY), entry(3, 0, 0x08).flags());
    }
}
