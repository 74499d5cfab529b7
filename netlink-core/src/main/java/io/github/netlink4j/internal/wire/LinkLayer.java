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
        if (a.payloadLength() == 6 && a.s32At(a.payloadOffset()) == -1 && a.u16At(a.payloadOffset() + 4) == 0xffff) return BROADCAST;
        return Optional.of(MacAddress.of(a.bytes()));
    }

    // Every Ethernet link of a dump reports ff:ff:ff:ff:ff:ff as IFLA_BROADCAST: one shared instance
    // (MacAddress is immutable and compared by value) saves three objects a link.
    private static final Optional<MacAddress> BROADCAST = Optional.of(MacAddress.of(new byte[] {-1, -1, -1, -1, -1, -1}));
}
