package io.github.netlink4j.internal.codec.view;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.route.RouteProtocol;
import io.github.netlink4j.route.RouteScope;

import java.util.Optional;

/**
 * The small values the views hand out made once: every u8 protocol and scope, so that reading them
 * allocates nothing, and the checks the record decoders make on the same fields.
 */
final class Views {
    private Views() {}

    private static final RouteProtocol[] PROTOCOLS = new RouteProtocol[256];
    private static final RouteScope[] SCOPES = new RouteScope[256];
    @SuppressWarnings("unchecked")
    private static final Optional<RouteProtocol>[] SOME_PROTOCOLS = new Optional[256];

    static {
        for (int i = 0; i < 256; i++) {
            PROTOCOLS[i] = RouteProtocol.of(i);
            SCOPES[i] = RouteScope.of(i);
            SOME_PROTOCOLS[i] = Optional.of(PROTOCOLS[i]);
        }
    }

    /** {@code Optional.of(protocol(u8))}, made once. */
    static Optional<RouteProtocol> someProtocol(int u8) {
        return SOME_PROTOCOLS[u8];
    }

    static RouteProtocol protocol(int u8) {
        return PROTOCOLS[u8];
    }

    static RouteScope scope(int u8) {
        return SCOPES[u8];
    }

    static AddressFamily family(int v, String message) throws ProtocolException {
        try {
            return AddressFamily.of(v);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(message + " address family " + v + " is not one this library knows");
        }
    }

    /** The payload offset of the 4- or 16-byte address under {@code a}, checked as {@code Inet.decode} checks it. */
    static long inet(Attrs a) throws ProtocolException {
        int n = a.payloadLength();
        if (n != 4 && n != 16) throw new ProtocolException("address attribute type " + a.type() + " has " + n + " bytes, need 4 or 16");
        return a.payloadOffset();
    }
}
