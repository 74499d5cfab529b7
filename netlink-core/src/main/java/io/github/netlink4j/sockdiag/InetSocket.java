package io.github.netlink4j.sockdiag;

import io.github.netlink4j.common.AddressFamily;

import java.net.InetAddress;
import java.util.OptionalInt;

/**
 * A TCP or UDP socket as inet_diag reports it ({@code struct inet_diag_msg}): one line of {@code ss -tan}
 * or {@code ss -uan}.
 *
 * @param protocol      TCP or UDP
 * @param family        INET or INET6 ({@code idiag_family})
 * @param state         {@code idiag_state}
 * @param localAddress  {@code id.idiag_src} (the wildcard address when unbound)
 * @param localPort     {@code id.idiag_sport}
 * @param remoteAddress {@code id.idiag_dst}
 * @param remotePort    {@code id.idiag_dport} (0: none)
 * @param boundDevice   {@code id.idiag_if}: the interface index the socket is bound to, absent when none
 * @param receiveQueue  {@code idiag_rqueue}: bytes not yet read, or for a listener the connections not yet accepted
 * @param sendQueue     {@code idiag_wqueue}: bytes not yet acknowledged, or for a listener its backlog
 * @param uid           {@code idiag_uid}
 * @param inode         {@code idiag_inode}: the socket's inode (0 for a socket no file holds, e.g. TIME-WAIT)
 * @param cookie        {@code id.idiag_cookie}: the kernel's id of the socket
 */
public record InetSocket(SocketProtocol protocol, AddressFamily family, SocketState state, InetAddress localAddress, int localPort,
                         InetAddress remoteAddress, int remotePort, OptionalInt boundDevice, long receiveQueue, long sendQueue,
                         long uid, long inode, long cookie) {
    /** Checks what must be there. */
    public InetSocket {
        java.util.Objects.requireNonNull(protocol, "protocol");
        java.util.Objects.requireNonNull(family, "family");
        java.util.Objects.requireNonNull(state, "state");
        java.util.Objects.requireNonNull(localAddress, "localAddress");
        java.util.Objects.requireNonNull(remoteAddress, "remoteAddress");
        java.util.Objects.requireNonNull(boundDevice, "boundDevice");
    }

    /** Whether {@code query} would list this socket (protocol, family, state and ports). */
    public boolean matches(SocketQuery query) {
        return query.protocol() == protocol && query.families().contains(family) && query.states().contains(state)
                && (query.localPort().isEmpty() || query.localPort().getAsInt() == localPort)
                && (query.remotePort().isEmpty() || query.remotePort().getAsInt() == remotePort);
    }
}
