package io.github.netlink4j.internal.wire;

import io.github.netlink4j.common.MacAddress;
import io.github.netlink4j.error.ProtocolException;

import java.util.Optional;

/** Link-layer addresses decoded from attributes (IFLA_ADDRESS, NDA_LLADDR, IFLA_MACVLAN_MACADDR, …). */
public final class LinkLayer {
    private LinkLayer() {}

    /** The address in the attribute under {@code a}; empty when it has none. The kernel's MAX_ADDR_LEN is 32. */
    public static Optional<MacAddress> address(Attrs a) throws ProtocolException {
        if (a.payloadLength() == 0) return Optional.empty();
        if (a.payloadLength() > 32) throw new ProtocolException("link-layer address of " + a.payloadLength() + " bytes (attribute " + a.type() + ")");
        return Optional.of(MacAddress.of(a.bytes()));
    }
}
