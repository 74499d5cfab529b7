package io.github.netlink4j.neighbour;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.common.MacAddress;
import io.github.netlink4j.route.RouteProtocol;
import io.github.netlink4j.support.FlagSet;
import io.github.netlink4j.support.IpText;


import java.net.InetAddress;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.IntFunction;

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
 * @param rawState ndm_state as the kernel sent it
 * @param state    the same as {@link NeighbourState}s; empty for NUD_NONE
 * @param rawFlags ndm_flags as the kernel sent them
 * @param flags    the same as {@link NeighbourFlag}s
 * @param protocol NDA_PROTOCOL: who added the entry ({@code ip neigh add … protocol static}); empty when the
 *                 kernel reports none, as for entries it learnt itself
 * @param cacheInfo NDA_CACHEINFO: the entry's ages and reference count ({@code ip -s neigh}); the kernel sends
 *                  it with every entry it dumps, so it is empty only in a record made by hand
 * @param probes    NDA_PROBES: how many solicitations the entry has sent unanswered since it was last confirmed
 */
public record Neighbour(AddressFamily family, int index, Optional<InetAddress> address, Optional<MacAddress> lladdr,
                        int rawState, Set<NeighbourState> state, int rawFlags, Set<NeighbourFlag> flags,
                        Optional<RouteProtocol> protocol, Optional<NeighbourCacheInfo> cacheInfo, OptionalLong probes) {
    /** Makes the sets immutable (the decoders' own sets are kept as they are). */
    public Neighbour {
        state = state instanceof FlagSet ? state : Set.copyOf(state);
        flags = flags instanceof FlagSet ? flags : Set.copyOf(flags);
        java.util.Objects.requireNonNull(protocol);
        java.util.Objects.requireNonNull(cacheInfo);
        java.util.Objects.requireNonNull(probes);
    }

    /** An entry without NDA_CACHEINFO and NDA_PROBES. */
    public Neighbour(AddressFamily family, int index, Optional<InetAddress> address, Optional<MacAddress> lladdr,
                     int rawState, Set<NeighbourState> state, int rawFlags, Set<NeighbourFlag> flags, Optional<RouteProtocol> protocol) {
        this(family, index, address, lladdr, rawState, state, rawFlags, flags, protocol, Optional.empty(), OptionalLong.empty());
    }

    /** An entry without NDA_PROTOCOL. */
    public Neighbour(AddressFamily family, int index, Optional<InetAddress> address, Optional<MacAddress> lladdr,
                     int rawState, Set<NeighbourState> state, int rawFlags, Set<NeighbourFlag> flags) {
        this(family, index, address, lladdr, rawState, state, rawFlags, flags, Optional.empty());
    }

    /**
     * The same entry without what moves as time passes (its ages, references and probes), for comparing
     * states: a subscription's resync calls an entry changed only when this differs.
     */
    public Neighbour withoutTimers() {
        return new Neighbour(family, index, address, lladdr, rawState, state, rawFlags, flags, protocol);
    }

    // The state a spec gets, strongest first, when the kernel reports more than one (it reports one).
    private static final NeighbourState[] SPEC_STATE_ORDER = {NeighbourState.PERMANENT, NeighbourState.NOARP, NeighbourState.REACHABLE,
            NeighbourState.STALE, NeighbourState.DELAY, NeighbourState.PROBE, NeighbourState.FAILED, NeighbourState.INCOMPLETE};

    /**
     * The spec that makes this entry again, or names it for a delete: link, address, link-layer address,
     * state, proxy-ness ({@code NTF_PROXY}) and protocol. Records carry link indexes and specs link names, so
     * {@code linkNames} names {@link #index()}. An entry in no state (NUD_NONE, as proxy entries are
     * reported) gets PERMANENT, the spec's default.
     *
     * @throws IllegalStateException for an entry without an IP address (a bridge FDB entry), which no
     *                               {@code NeighbourSpec} describes
     */
    public NeighbourSpec toSpec(IntFunction<String> linkNames) {
        InetAddress a = address.orElseThrow(() -> new IllegalStateException("a neighbour entry without an IP address has no NeighbourSpec"));
        NeighbourState s = NeighbourState.PERMANENT;
        for (NeighbourState x : SPEC_STATE_ORDER) {
            if (state.contains(x)) {
                s = x;
                break;
            }
        }
        return new NeighbourSpec(linkNames.apply(index), a, lladdr, s, flags.contains(NeighbourFlag.PROXY), protocol);
    }

    /** One line in ip's words: {@code 10.200.0.3 dev if3 lladdr 02:00:00:00:00:03 PERMANENT}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(address.map(IpText::text).orElse(family.text())).append(" dev if").append(index);
        lladdr.ifPresent(l -> sb.append(" lladdr ").append(l));
        if (state.isEmpty()) sb.append(" NONE");
        for (NeighbourState s : state) sb.append(' ').append(s);
        protocol.ifPresent(p -> sb.append(" proto ").append(p));
        return sb.toString();
    }
}
