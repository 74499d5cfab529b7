package io.github.netlink4j.neighbour;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.common.MacAddress;
import io.github.netlink4j.route.RouteProtocol;
import io.github.netlink4j.support.Validate;


import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * A neighbour entry to add, replace or delete (RTM_NEWNEIGH/RTM_DELNEIGH): {@code ip neigh add ADDR
 * lladdr MAC dev LINK nud STATE}.
 *
 * {@snippet :
 * nl.neighbours().add(NeighbourSpec.of("veth0", InetAddress.ofLiteral("10.200.0.7"), MacAddress.of("02:00:00:00:00:07")));
 * nl.neighbours().add(NeighbourSpec.proxy("veth0", InetAddress.ofLiteral("10.200.0.50")));   // ip neigh add proxy …
 * }
 *
 * @param link    the link's name
 * @param address the IP address (NDA_DST)
 * @param lladdr  the link-layer address (NDA_LLADDR); needed to add, not to delete
 * @param state   PERMANENT by default, as in ip
 * @param proxy   a proxy entry (NTF_PROXY: the host answers ARP/NDP for {@code address} on {@code link}), {@code ip neigh add proxy ADDR dev LINK}
 * @param protocol who adds the entry (NDA_PROTOCOL), {@code ip neigh add … protocol static}; none by default, as in ip
 */
public record NeighbourSpec(String link, InetAddress address, Optional<MacAddress> lladdr, NeighbourState state, boolean proxy,
                            Optional<RouteProtocol> protocol) {
    /** Validates before sending. */
    public NeighbourSpec {
        Validate.ifName(link);
        Objects.requireNonNull(address);
        lladdr.ifPresent(Validate::mac);
        Objects.requireNonNull(state);
        Objects.requireNonNull(protocol);
    }

    /** A spec without a protocol. */
    public NeighbourSpec(String link, InetAddress address, Optional<MacAddress> lladdr, NeighbourState state, boolean proxy) {
        this(link, address, lladdr, state, proxy, Optional.empty());
    }

    /** A permanent entry {@code address → lladdr} on {@code link}. */
    public static NeighbourSpec of(String link, InetAddress address, MacAddress lladdr) {
        return new NeighbourSpec(link, address, Optional.of(lladdr), NeighbourState.PERMANENT, false);
    }

    /** An entry naming only the address, for delete. */
    public static NeighbourSpec of(String link, InetAddress address) {
        return new NeighbourSpec(link, address, Optional.empty(), NeighbourState.PERMANENT, false);
    }

    /** A proxy entry for {@code address} on {@code link} (NTF_PROXY), to add or delete. */
    public static NeighbourSpec proxy(String link, InetAddress address) {
        return new NeighbourSpec(link, address, Optional.empty(), NeighbourState.PERMANENT, true);
    }

    /** The address's family. */
    public AddressFamily family() {
        return AddressFamily.of(address);
    }

    /**
     * Whether {@code n} is the entry this spec names, by the kernel's key for a neighbour: the link (the
     * record's index named by {@code linkNames}), the IP address, and whether it is a proxy entry (proxy
     * entries live in a table of their own). The link-layer address and state are what an add sets, not
     * part of the key.
     */
    public boolean matches(Neighbour n, IntFunction<String> linkNames) {
        return n.address().isPresent() && n.address().get().equals(address) && n.flags().contains(NeighbourFlag.PROXY) == proxy
                && link.equals(linkNames.apply(n.index()));
    }

    /** A copy with {@code state} set. */
    public NeighbourSpec withState(NeighbourState s) {
        return new NeighbourSpec(link, address, lladdr, s, proxy, protocol);
    }

    /** A copy with {@code p} as its protocol (NDA_PROTOCOL). */
    public NeighbourSpec withProtocol(RouteProtocol p) {
        return new NeighbourSpec(link, address, lladdr, state, proxy, Optional.of(p));
    }
}
