package io.github.netlink4j.bridge;

import java.util.Set;
import java.util.function.IntFunction;

/**
 * A link enslaved to a bridge, as the kernel reports it to an AF_BRIDGE RTM_GETLINK dump (what
 * {@code bridge -d link show} prints): the port's name and index, its bridge, STP state, priority, path
 * cost and the settings that are on.
 *
 * {@snippet :
 * BridgePort p = nl.bridges().get("veth0");                       // bridge -d link show dev veth0
 * boolean forwarding = p.state() == BridgePortState.FORWARDING;
 * }
 *
 * @param port        IFLA_IFNAME, the port's link name
 * @param index       the port's link index
 * @param bridgeIndex IFLA_MASTER, the link index of the bridge the port belongs to
 * @param state       IFLA_BRPORT_STATE, the spanning-tree state
 * @param priority    IFLA_BRPORT_PRIORITY, the STP port priority (0..63)
 * @param cost        IFLA_BRPORT_COST, the STP path cost (unsigned 32 bits)
 * @param flags       the IFLA_BRPORT_* settings that are on (an immutable set)
 */
public record BridgePort(String port, int index, int bridgeIndex, BridgePortState state, int priority, long cost,
                         Set<BridgePortFlag> flags) {
    /** Makes the flag set immutable. */
    public BridgePort {
        flags = Set.copyOf(flags);
    }

    /** Whether setting {@code f} is on. */
    public boolean has(BridgePortFlag f) {
        return flags.contains(f);
    }

    /**
     * The spec that makes this port again: the same bridge, and the settings a {@link BridgePortSettings}
     * can carry (hairpin, learning, unicast flood, isolated, cost, priority) as they are now.
     * {@code linkNames} names a link index (the bridge's), for example a map's {@code get} filled from
     * {@code nl.links().list()}.
     */
    public BridgePortSpec toSpec(IntFunction<String> linkNames) {
        BridgePortSettings s = BridgePortSettings.empty().withHairpin(has(BridgePortFlag.HAIRPIN)).withLearning(has(BridgePortFlag.LEARNING))
                .withUnicastFlood(has(BridgePortFlag.UNICAST_FLOOD)).withIsolated(has(BridgePortFlag.ISOLATED)).withCost(cost)
                .withPriority(priority);
        return BridgePortSpec.of(port, linkNames.apply(bridgeIndex)).withSettings(s);
    }
}
