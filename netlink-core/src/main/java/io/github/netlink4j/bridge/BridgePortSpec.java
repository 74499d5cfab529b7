package io.github.netlink4j.bridge;

import io.github.netlink4j.support.Validate;

import java.util.Objects;

/**
 * A link to make a port of a bridge, with the port settings to apply ({@code ip link set PORT master
 * BRIDGE} followed by {@code bridge link set dev PORT …}).
 *
 * {@snippet :
 * nl.bridges().add(BridgePortSpec.of("veth0", "br0").withSettings(BridgePortSettings.empty().withHairpin(true)));
 * }
 *
 * @param port     the name of the link to enslave
 * @param bridge   the name of the bridge
 * @param settings what to set on the port once it is enslaved; {@link BridgePortSettings#empty()} sets nothing
 */
public record BridgePortSpec(String port, String bridge, BridgePortSettings settings) {
    /** Checks the names. */
    public BridgePortSpec {
        Validate.ifName(port);
        Validate.ifName(bridge);
        Objects.requireNonNull(settings, "settings");
    }

    /** Port {@code port} of bridge {@code bridge}, its settings left as the kernel makes them. */
    public static BridgePortSpec of(String port, String bridge) {
        return new BridgePortSpec(port, bridge, BridgePortSettings.empty());
    }

    /** A copy with the settings {@code s}. */
    public BridgePortSpec withSettings(BridgePortSettings s) {
        return new BridgePortSpec(port, bridge, s);
    }

    /**
     * Whether {@code p} is the port this spec makes: the same port name, in the bridge {@code bridgeIndex}
     * names (the caller resolves {@link #bridge()}), with every setting this spec sets as it is in {@code p}.
     */
    public boolean matches(BridgePort p, int bridgeIndex) {
        if (!p.port().equals(port) || p.bridgeIndex() != bridgeIndex) return false;
        BridgePortSettings s = settings;
        return s.hairpin().map(b -> b == p.has(BridgePortFlag.HAIRPIN)).orElse(true)
                && s.learning().map(b -> b == p.has(BridgePortFlag.LEARNING)).orElse(true)
                && s.unicastFlood().map(b -> b == p.has(BridgePortFlag.UNICAST_FLOOD)).orElse(true)
                && s.isolated().map(b -> b == p.has(BridgePortFlag.ISOLATED)).orElse(true)
                && (s.cost().isEmpty() || s.cost().getAsLong() == p.cost())
                && (s.priority().isEmpty() || s.priority().getAsInt() == p.priority());
    }
}
