package io.github.netlink4j;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.internal.codec.SockDiagCodec;
import io.github.netlink4j.internal.codec.view.InetSocketFlyweight;
import io.github.netlink4j.internal.codec.view.UnixSocketFlyweight;
import io.github.netlink4j.internal.transport.RequestSocket;
import io.github.netlink4j.sockdiag.InetSocket;
import io.github.netlink4j.sockdiag.InetSocketView;
import io.github.netlink4j.sockdiag.SocketProtocol;
import io.github.netlink4j.sockdiag.SocketQuery;
import io.github.netlink4j.sockdiag.SocketState;
import io.github.netlink4j.sockdiag.UnixSocket;
import io.github.netlink4j.sockdiag.UnixSocketView;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Socket diagnostics in one namespace ({@code ss}): the TCP, UDP and UNIX sockets the kernel's inet_diag
 * and unix_diag report, filtered in the kernel, on a NETLINK_SOCK_DIAG socket of the handle's own.
 * Thread-safe.
 *
 * <p>Round trips: {@code list} one dump per family asked (INET, then INET6, as ss asks), {@code listUnix}
 * one, {@code isListening} one or two dumps that return only the matching sockets; {@code forEach} and
 * {@code forEachUnix} the same dumps as {@code list} and {@code listUnix}.
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

    /**
     * Hands every inet socket {@code query} names to {@code action} as it is read, like {@link #list} without its
     * records: an {@link InetSocketView} over the received bytes, reused for the next socket, that reads only what
     * is asked of it, so a dump allocates nothing per socket. The view is valid only during the call. Should the
     * kernel flag a dump interrupted (NLM_F_DUMP_INTR), that family's dump is read again from the start, and
     * {@code action} sees the sockets of the new attempt too.
     */
    public void forEach(SocketQuery query, Consumer<? super InetSocketView> action) throws NetlinkException {
        Objects.requireNonNull(action);
        InetSocketFlyweight v = new InetSocketFlyweight();
        for (AddressFamily f : List.of(AddressFamily.INET, AddressFamily.INET6)) {
            if (!query.families().contains(f)) continue;
            socket.dump(w -> SockDiagCodec.encodeInetDump(w, query, f), SockDiagCodec.TYPE, (s, off, len) -> {
                v.open(s, off, len, query.protocol());
                try {
                    action.accept(v);
                } finally {
                    v.end();
                }
            }, () -> { }, query.protocol() + " sockets");
        }
    }

    /** {@link #forEach(SocketQuery, Consumer)} for the UNIX sockets in every state ({@code ss -xa}): {@link #listUnix()} without records. */
    public void forEachUnix(Consumer<? super UnixSocketView> action) throws NetlinkException {
        forEachUnix(ALL, action);
    }

    /** {@link #forEachUnix(Consumer)} for the UNIX sockets in {@code states}. */
    public void forEachUnix(Set<SocketState> states, Consumer<? super UnixSocketView> action) throws NetlinkException {
        if (states.isEmpty()) throw new IllegalArgumentException("a socket query names at least one state");
        Objects.requireNonNull(action);
        UnixSocketFlyweight v = new UnixSocketFlyweight();
        socket.dump(w -> SockDiagCodec.encodeUnixDump(w, states), SockDiagCodec.TYPE, (s, off, len) -> {
            v.open(s, off, len);
            try {
                action.accept(v);
            } finally {
                v.end();
            }
        }, () -> { }, "UNIX sockets");
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
