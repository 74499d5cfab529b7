package io.github.netlink4j.internal.codec.view;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.sockdiag.SocketState;

/** What the socket views check as {@code SockDiagCodec} checks it. */
final class SockDiagViews {
    private SockDiagViews() {}

    /** The state {@code v}, refused unless it is a TCP state (1 to 12), as the record's decoder refuses it. */
    static SocketState state(int v, String what) throws ProtocolException {
        if (v < 1 || v > 12) throw new ProtocolException(what + " with state " + v + ", not a TCP state (1 to 12)");
        return SocketState.of(v);
    }
}
