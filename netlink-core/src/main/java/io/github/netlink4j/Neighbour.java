package io.github.netlink4j;

import java.net.InetAddress;
import java.util.Optional;
import java.util.Set;

/**
 * A neighbour (ARP or NDP) cache entry from {@code RTM_NEWNEIGH}.
 *
 * @param family      2 (ARP) or 10 (NDP); 7 (AF_BRIDGE) for bridge FDB entries
 * @param index       ndm_ifindex
 * @param address     NDA_DST
 * @param lladdr      NDA_LLADDR
 * @param state       ndm_state
 * @param rawState    the same as bits
 * @param flags       ndm_flags (NTF_*)
 */
public record Neighbour(int family, int index, Optional<InetAddress> address, Optional<MacAddress> lladdr,
                        Set<NeighbourState> state, int rawState, int flags) {
    /** Makes the set immutable. */
    public Neighbour {
        state = state.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(state));
    }
}
