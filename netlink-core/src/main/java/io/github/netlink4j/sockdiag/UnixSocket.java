package io.github.netlink4j.sockdiag;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * A UNIX socket as unix_diag reports it ({@code struct unix_diag_msg} and its UNIX_DIAG_* attributes): one
 * line of {@code ss -xa}.
 *
 * @param type         stream, datagram or seqpacket ({@code udiag_type})
 * @param state        {@code udiag_state}: LISTEN, ESTABLISHED, CLOSE (unconnected), SYN_SENT (connecting)
 * @param inode        {@code udiag_ino}
 * @param path         {@code UNIX_DIAG_NAME}: the bound path, an abstract name with a leading '@', absent when unbound
 * @param peerInode    {@code UNIX_DIAG_PEER}: the peer's inode, absent when unconnected
 * @param receiveQueue {@code UNIX_DIAG_RQLEN}'s rqueue: for a listener, connections not yet accepted; else bytes queued
 * @param sendQueue    {@code UNIX_DIAG_RQLEN}'s wqueue: for a listener, its backlog; else bytes sent and not yet read
 * @param cookie       {@code udiag_cookie}
 */
public record UnixSocket(UnixSocketType type, SocketState state, long inode, Optional<String> path, OptionalLong peerInode,
                         long receiveQueue, long sendQueue, long cookie) {
    /** Checks what must be there. */
    public UnixSocket {
        java.util.Objects.requireNonNull(type, "type");
        java.util.Objects.requireNonNull(state, "state");
        java.util.Objects.requireNonNull(path, "path");
        java.util.Objects.requireNonNull(peerInode, "peerInode");
    }
}
