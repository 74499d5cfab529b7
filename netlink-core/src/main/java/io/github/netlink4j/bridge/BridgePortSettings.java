package io.github.netlink4j.bridge;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Settings of a bridge port to change ({@code IFLA_INFO_SLAVE_DATA} › {@code IFLA_BRPORT_*}, what
 * {@code ip link set PORT type bridge_slave …} and {@code bridge link set dev PORT …} send); what is
 * empty is left as it is.
 *
 * {@snippet :
 * nl.bridges().setPort("veth0", BridgePortSettings.empty().withHairpin(true));   // bridge link set dev veth0 hairpin on
 * }
 *
 * @param hairpin      IFLA_BRPORT_MODE: send frames back out of the port they came in on
 * @param learning     IFLA_BRPORT_LEARNING
 * @param unicastFlood IFLA_BRPORT_UNICAST_FLOOD
 * @param isolated     IFLA_BRPORT_ISOLATED
 * @param cost         IFLA_BRPORT_COST, the STP path cost: 1..65535 (the kernel's BR_MIN_PATH_COST and
 *                     BR_MAX_PATH_COST; the attribute is 32 bits wide, but a larger cost is refused with ERANGE)
 * @param priority     IFLA_BRPORT_PRIORITY, the STP port priority (0..63)
 */
public record BridgePortSettings(Optional<Boolean> hairpin, Optional<Boolean> learning, Optional<Boolean> unicastFlood,
                                 Optional<Boolean> isolated, OptionalLong cost, OptionalInt priority) {
    /** Checks the ranges. */
    public BridgePortSettings {
        cost.ifPresent(c -> {
            if (c < 1 || c > 65535) throw new IllegalArgumentException("port cost " + c + " is out of 1..65535");
        });
        priority.ifPresent(p -> {
            if (p < 0 || p > 63) throw new IllegalArgumentException("port priority " + p + " is out of 0..63");
        });
    }

    /** No change yet. */
    public static BridgePortSettings empty() {
        return new BridgePortSettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), OptionalLong.empty(),
                OptionalInt.empty());
    }

    /** Hairpin mode on or off. */
    public BridgePortSettings withHairpin(boolean on) {
        return new BridgePortSettings(Optional.of(on), learning, unicastFlood, isolated, cost, priority);
    }

    /** Address learning on or off. */
    public BridgePortSettings withLearning(boolean on) {
        return new BridgePortSettings(hairpin, Optional.of(on), unicastFlood, isolated, cost, priority);
    }

    /** Flooding of unknown unicast on or off. */
    public BridgePortSettings withUnicastFlood(boolean on) {
        return new BridgePortSettings(hairpin, learning, Optional.of(on), isolated, cost, priority);
    }

    /** Port isolation on or off. */
    public BridgePortSettings withIsolated(boolean on) {
        return new BridgePortSettings(hairpin, learning, unicastFlood, Optional.of(on), cost, priority);
    }

    /** The STP path cost. */
    public BridgePortSettings withCost(long c) {
        return new BridgePortSettings(hairpin, learning, unicastFlood, isolated, OptionalLong.of(c), priority);
    }

    /** The STP port priority. */
    public BridgePortSettings withPriority(int p) {
        return new BridgePortSettings(hairpin, learning, unicastFlood, isolated, cost, OptionalInt.of(p));
    }
}
