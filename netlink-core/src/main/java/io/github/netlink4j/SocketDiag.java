package io.github.netlink4j;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.internal.codec.SockDiagCodec;
import io.github.netlink4j.internal.transport.RequestSocket;
import io.github.netlink4j.sockdiag.InetSocket;
import io.github.netlink4j.sockdiag.SocketProtocol;
import io.github.netlink4j.sockdiag.SocketQuery;
import io.github.netlink4j.sockdiag.SocketState;
import io.github.netlink4j.sockdiag.UnixSocket;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Socket diagnostics in one namespace ({@code ss}): the TCP, UDP and UNIX sockets the kernel's inet_diag
 * and unix_diag report, filtered in the kernel, on a NETLINK_SOCK_DIAG socket of the handle's own.
 * Thread-safe.
 *
 * <p>Round trips: {@code list} one dump per family asked (INET, then INET6, as ss asks), {@code listUnix}
 * one, {@code isListening} one or two dumps that return only the matching sockets.
 */
public final class SocketDiag implements AutoCloseable {
    private static final Set<SocketState> ALL = EnumSet.complementOf(EnumSet.of(SocketState.NEW_SYN_RECV));

    private final RequestSocket socket;

    /** A handle on {@code socket}, a NETLINK_SOCK_DIAG socket it owns from now on. */
    SocketDiag(RequestSocket socket) {
        this.socket = Objects.requireNonNull(socket);
    }

    /** The inet sockets {@code query} names ({@code ss -tan}, {@code ss -uan} and their filters). */
    public List<InetSocket> list(SocketQuery query) throws NetlinkException {
        List<InetSocket> out = new ArrayList<>();
        for (AddressFamily f : List.of(AddressFamily.INET, AddressFamily.INET6)) {
            if (!query.families().contains(f)) continue;
            int from = out.size();
            socket.dump(w -> SockDiagCodec.encodeInetDump(w, query, f), SockDiagCodec.TYPE,
                    (s, off, len) -> out.add(SockDiagCodec.decodeInet(s, off, len, query.protocol())),
                    () -> out.subList(from, out.size()).clear(), query.protocol() + " sockets");
        }
        return out;
    }

    /** Every UNIX socket, in every state ({@code ss -xa}). */
    public List<UnixSocket> listUnix() throws NetlinkException {
        return listUnix(ALL);
    }

    /** The UNIX sockets in {@code states}. */
    public List<UnixSocket> listUnix(Set<SocketState> states) throws NetlinkException {
        if (states.isEmpty()) throw new IllegalArgumentException("a socket query names at least one state");
        List<UnixSocket> out = new ArrayList<>();
        socket.dump(w -> SockDiagCodec.encodeUnixDump(w, states), SockDiagCodec.TYPE,
                (s, off, len) -> out.add(SockDiagCodec.decodeUnix(s, off, len)), out::clear, "UNIX sockets");
        return out;
    }

    /** Whether a socket of {@code protocol} listens on {@code port} (TCP: LISTEN; UDP: bound, unconnected). */
    public boolean isListening(SocketProtocol protocol, int port) throws NetlinkException {
        SocketQuery q = (protocol == SocketProtocol.TCP ? SocketQuery.tcp().withStates(SocketState.LISTEN)
                : SocketQuery.udp().withStates(SocketState.CLOSE)).withLocalPort(port);
        return !list(q).isEmpty();
    }

    /** Closes the socket. Idempotent. */
    @Override
    public void close() {
        socket.close();
    }

    @Override
    public String toString() {
        return "SocketDiag[port " + Integer.toUnsignedString(socket.portId()) + (socket.isClosed() ? ", closed" : "") + "]";
    }
}
