package io.github.netlink4j.sockdiag;

import io.github.netlink4j.common.AddressFamily;

import java.util.EnumSet;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Which inet sockets to list, all filtered in the kernel: the protocol, the families (one dump each, as ss
 * asks), the states ({@code idiag_states}) and ports ({@code INET_DIAG_REQ_BYTECODE}, as ss compiles
 * {@code sport = :P} and {@code dport = :P}). Validated when made.
 *
 * @param protocol   TCP or UDP
 * @param families   INET, INET6 or both
 * @param states     the states to list (not empty)
 * @param localPort  only sockets bound to this port (0 to 65535)
 * @param remotePort only sockets whose peer has this port
 */
public record SocketQuery(SocketProtocol protocol, Set<AddressFamily> families, Set<SocketState> states, OptionalInt localPort,
                          OptionalInt remotePort) {
    /** The states ss asks for with {@code -a}: every one but NEW_SYN_RECV, which the kernel lists under SYN_RECV. */
    private static final Set<SocketState> ALL = EnumSet.complementOf(EnumSet.of(SocketState.NEW_SYN_RECV));

    /** Checks the sets and ports. */
    public SocketQuery {
        java.util.Objects.requireNonNull(protocol, "protocol");
        families = Set.copyOf(families);
        states = Set.copyOf(states);
        if (families.isEmpty() || !families.stream().allMatch(f -> f == AddressFamily.INET || f == AddressFamily.INET6)) {
            throw new IllegalArgumentException("an inet socket query names INET, INET6 or both, not " + families);
        }
        if (states.isEmpty()) throw new IllegalArgumentException("a socket query names at least one state");
        checkPort("local", localPort);
        checkPort("remote", remotePort);
    }

    /** Every TCP socket of both families, in every state: {@code ss -tan}. */
    public static SocketQuery tcp() {
        return new SocketQuery(SocketProtocol.TCP, Set.of(AddressFamily.INET, AddressFamily.INET6), ALL, OptionalInt.empty(), OptionalInt.empty());
    }

    /** Every UDP socket of both families: {@code ss -uan}. */
    public static SocketQuery udp() {
        return new SocketQuery(SocketProtocol.UDP, Set.of(AddressFamily.INET, AddressFamily.INET6), ALL, OptionalInt.empty(), OptionalInt.empty());
    }

    /** A copy listing only {@code first} and {@code more} states ({@code ss state …}). */
    public SocketQuery withStates(SocketState first, SocketState... more) {
        return new SocketQuery(protocol, families, EnumSet.of(first, more), localPort, remotePort);
    }

    /** A copy listing only {@code family}'s sockets ({@code ss -4}, {@code ss -6}). */
    public SocketQuery withFamily(AddressFamily family) {
        return new SocketQuery(protocol, Set.of(family), states, localPort, remotePort);
    }

    /** A copy listing only sockets bound to {@code port} ({@code sport = :PORT}). */
    public SocketQuery withLocalPort(int port) {
        return new SocketQuery(protocol, families, states, OptionalInt.of(port), remotePort);
    }

    /** A copy listing only sockets whose peer has {@code port} ({@code dport = :PORT}). */
    public SocketQuery withRemotePort(int port) {
        return new SocketQuery(protocol, families, states, localPort, OptionalInt.of(port));
    }

    private static void checkPort(String which, OptionalInt port) {
        java.util.Objects.requireNonNull(port, which);
        if (port.isPresent() && (port.getAsInt() < 0 || port.getAsInt() > 65535)) {
            throw new IllegalArgumentException(which + " port " + port.getAsInt() + " is out of range (0 to 65535)");
        }
    }
}
