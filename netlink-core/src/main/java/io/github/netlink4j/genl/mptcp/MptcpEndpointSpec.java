package io.github.netlink4j.genl.mptcp;

import io.github.netlink4j.support.Validate;

import java.net.InetAddress;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * An endpoint to add ({@code ip mptcp endpoint add ADDRESS [dev NAME] [id ID] [port NR] [FLAG…]}). The
 * rules {@code ip} checks before it asks the kernel are checked when the spec is made: an id of 1 to 255,
 * a port only on a {@link EndpointFlag#SIGNAL} endpoint, never {@code signal} with {@code fullmesh}, and no
 * {@link EndpointFlag#IMPLICIT} (the kernel's own mark).
 *
 * {@snippet :
 * MptcpEndpointSpec e = MptcpEndpointSpec.of("10.200.0.2").withFlags(EndpointFlag.SIGNAL).withDevice("veth0");
 * }
 *
 * @param address the address
 * @param id      the id to give it; empty: the kernel picks the lowest free one
 * @param port    the port a signal endpoint announces
 * @param flags   its flags
 * @param device  the device it is bound to
 */
public record MptcpEndpointSpec(InetAddress address, OptionalInt id, OptionalInt port, Set<EndpointFlag> flags,
                                Optional<String> device) {
    /** Checks the rules above. */
    public MptcpEndpointSpec {
        Objects.requireNonNull(address);
        Objects.requireNonNull(id);
        Objects.requireNonNull(port);
        Objects.requireNonNull(device);
        flags = Set.copyOf(flags);
        id.ifPresent(i -> {
            if (i < 1 || i > 255) throw new IllegalArgumentException("an MPTCP endpoint id is 1 to 255, not " + i);
        });
        port.ifPresent(p -> {
            if (p < 1 || p > 65535) throw new IllegalArgumentException("port " + p + " is not 1 to 65535");
        });
        if (port.isPresent() && !flags.contains(EndpointFlag.SIGNAL)) {
            throw new IllegalArgumentException("an MPTCP endpoint with a port must have the signal flag");
        }
        if (flags.contains(EndpointFlag.SIGNAL) && flags.contains(EndpointFlag.FULLMESH)) {
            throw new IllegalArgumentException("an MPTCP endpoint cannot have both the signal and the fullmesh flag");
        }
        if (flags.contains(EndpointFlag.IMPLICIT)) {
            throw new IllegalArgumentException("the implicit flag marks endpoints the kernel made; it cannot be asked for");
        }
        device.ifPresent(Validate::ifName);
    }

    /** An endpoint for {@code address} (an IPv4 or IPv6 literal), no flags, the id the kernel picks. */
    public static MptcpEndpointSpec of(String address) {
        return of(io.github.netlink4j.support.IpText.parse(address));
    }

    /** An endpoint for {@code address}, no flags, the id the kernel picks. */
    public static MptcpEndpointSpec of(InetAddress address) {
        return new MptcpEndpointSpec(address, OptionalInt.empty(), OptionalInt.empty(), Set.of(), Optional.empty());
    }

    /** With id {@code id}. */
    public MptcpEndpointSpec withId(int id) {
        return new MptcpEndpointSpec(address, OptionalInt.of(id), port, flags, device);
    }

    /** Announcing port {@code port} (needs {@link EndpointFlag#SIGNAL}: give the flags first). */
    public MptcpEndpointSpec withPort(int port) {
        return new MptcpEndpointSpec(address, id, OptionalInt.of(port), flags, device);
    }

    /** With exactly {@code flags}. */
    public MptcpEndpointSpec withFlags(EndpointFlag... flags) {
        Set<EndpointFlag> s = EnumSet.noneOf(EndpointFlag.class);
        s.addAll(java.util.List.of(flags));
        return new MptcpEndpointSpec(address, id, port, s, device);
    }

    /** Bound to device {@code name}. */
    public MptcpEndpointSpec withDevice(String name) {
        return new MptcpEndpointSpec(address, id, port, flags, Optional.of(name));
    }
}
