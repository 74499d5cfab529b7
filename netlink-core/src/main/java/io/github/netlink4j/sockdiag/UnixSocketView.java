package io.github.netlink4j.sockdiag;

import java.util.Optional;

/**
 * One UNIX socket of a streaming dump ({@link io.github.netlink4j.SocketDiag#forEachUnix}), read from the
 * received bytes as it is asked: a view over one unix_diag_msg, reused for the next. The numbers, the enums
 * and {@link #pathEquals} allocate nothing; {@link #path()} makes what it returns.
 *
 * <p>Valid only during the callback it was handed to: a method called after the callback returned throws
 * {@link IllegalStateException}. Keep what it returns, never the view.
 *
 * {@snippet :
 * nl.sockets().forEachUnix(v -> { if (v.pathEquals("/run/app.sock")) System.out.println(v.inode()); });
 * }
 */
public interface UnixSocketView {
    /** udiag_type. */
    UnixSocketType type();

    /** udiag_state. */
    SocketState state();

    /** udiag_ino. */
    long inode();

    /** UNIX_DIAG_NAME as {@link UnixSocket#path()} spells it (an abstract name with a leading '@'); empty when unbound. */
    Optional<String> path();

    /** Whether {@link #path()} is present and is {@code path}, without making a String for an ASCII one. */
    boolean pathEquals(String path);

    /** UNIX_DIAG_PEER: the peer's inode, 0 when unconnected. */
    long peerInode();

    /** UNIX_DIAG_RQLEN's rqueue, as {@link UnixSocket#receiveQueue()}. */
    long receiveQueue();

    /** UNIX_DIAG_RQLEN's wqueue, as {@link UnixSocket#sendQueue()}. */
    long sendQueue();

    /** udiag_cookie. */
    long cookie();
}
