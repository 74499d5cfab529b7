package io.github.netlink4j.internal.codec.genl;

import io.github.netlink4j.genl.GenlFamily;
import io.github.netlink4j.internal.wire.spec.FamilySpec;
import io.github.netlink4j.internal.wire.spec.SpecPaths;
import io.github.netlink4j.internal.wire.spec.gen.DevlinkSpec;
import io.github.netlink4j.internal.wire.spec.gen.EthtoolSpec;
import io.github.netlink4j.internal.wire.spec.gen.MptcpPmSpec;
import io.github.netlink4j.internal.wire.spec.gen.NetdevSpec;
import io.github.netlink4j.internal.wire.spec.gen.NlctrlSpec;
import io.github.netlink4j.internal.wire.spec.gen.TcpMetricsSpec;
import io.github.netlink4j.internal.wire.spec.gen.WireguardSpec;

import java.util.List;
import java.util.Optional;

/**
 * The generic netlink families whose specs the build generated descriptors for, by family name. A
 * switch rather than a map: a descriptor class is loaded when its family is first met, not with the
 * first family of any kind.
 */
public final class GenlSpecs {
    private GenlSpecs() {}

    /**
     * The names of the families with a generated descriptor. WireGuard's and devlink's are generated and their
     * requests tested on bytes, but no kernel the tests ran on had either: they are not claimed as supported
     * ({@link #UNTESTED}).
     */
    public static final List<String> NAMES = List.of("nlctrl", "ethtool", "netdev", "mptcp_pm", "tcp_metrics", "wireguard", "devlink");

    /** The families of {@link #NAMES} that no kernel the tests ran on had, so nothing of them was checked against one. */
    public static final List<String> UNTESTED = List.of("wireguard", "devlink");

    /** The descriptor of the family named {@code name}, if the build generated one. */
    public static Optional<FamilySpec> of(String name) {
        return Optional.ofNullable(switch (name) {
            case "nlctrl" -> NlctrlSpec.SPEC;
            case "ethtool" -> EthtoolSpec.SPEC;
            case "netdev" -> NetdevSpec.SPEC;
            case "mptcp_pm" -> MptcpPmSpec.SPEC;
            case "tcp_metrics" -> TcpMetricsSpec.SPEC;
            case "wireguard" -> WireguardSpec.SPEC;
            case "devlink" -> DevlinkSpec.SPEC;
            default -> null;
        });
    }

    /** Tells the error path the id of {@code family}, resolved through nlctrl, so that extended ACKs of its requests are named by its spec. */
    public static void resolved(GenlFamily family) {
        of(family.name()).ifPresent(s -> SpecPaths.register(family.id(), s));
    }

    /** The spec's name of command {@code command} of {@code family} as a request, or {@code "command N"}. */
    public static String commandName(String family, int command) {
        return of(family).flatMap(s -> s.opOfRequest(command)).map(o -> o.name()).orElse("command " + command);
    }
}
