package io.github.netlink4j.neighbour;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.common.MacAddress;
import io.github.netlink4j.support.FlagSet;
import io.github.netlink4j.support.IpText;


import java.net.InetAddress;
import java.util.Optional;
import java.util.Set;

/**
 * A neighbour (ARP or NDP) cache entry from {@code RTM_NEWNEIGH} (struct ndmsg and {@code NDA_*} attributes).
 *
 * {@snippet :
 * for (Neighbour n : nl.neighbours().list("veth0")) System.out.println(n);   // ip neigh show dev veth0
 * }
 *
 * @param family   ndm_family: INET (ARP), INET6 (NDP), BRIDGE (bridge FDB entries)
 * @param index    ndm_ifindex
 * @param address  NDA_DST
 * @param lladdr   NDA_LLADDR
 * @param state    ndm_state; empty for NUD_NONE
 * @param rawState the same as bits
 * @param flags    ndm_flags (NTF_*)
 */
public record Neighbour(AddressFamily family, int index, Optional<InetAddress> address, Optional<MacAddress> lladdr,
                        Set<NeighbourState> state, int rawState, int flags) {
    /** Makes the set immutable. */
    public Neighbour {
        state = state instanceof FlagSet ? state : Set.copyOf(state);
    }

    /** {@link #flags()} as {@link NeighbourFlag}s. */
    public Set<NeighbourFlag> flagSet() {
        return NeighbourFlag.fromBits(flags);
    }

    /** One line in ip's words: {@code 10.200.0.3 dev if3 lladdr 02:00:00:00:00:03 PERMANENT}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(address.map(IpText::text).orElse(family.text())).append(" dev if").append(index);
        lladdr.ifPresent(l -> sb.append(" lladdr ").append(l));
        if (state.isEmpty()) sb.append(" NONE");
        for (NeighbourState s : state) sb.append(' ').append(s);
        return sb.toString();
    }
}
