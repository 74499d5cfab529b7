package io.github.netlink4j.sockdiag;

/**
 * A socket's state ({@code idiag_state}, {@code udiag_state}): the TCP states of {@code include/net/tcp_states.h},
 * which UDP and UNIX sockets use too (a bound UDP socket is {@link #CLOSE}, which ss prints as UNCONN).
 */
public enum SocketState {
    /** TCP_ESTABLISHED (1): ss's ESTAB. */
    ESTABLISHED(1, "ESTAB"),
    /** TCP_SYN_SENT (2). */
    SYN_SENT(2, "SYN-SENT"),
    /** TCP_SYN_RECV (3). */
    SYN_RECV(3, "SYN-RECV"),
    /** TCP_FIN_WAIT1 (4). */
    FIN_WAIT1(4, "FIN-WAIT-1"),
    /** TCP_FIN_WAIT2 (5). */
    FIN_WAIT2(5, "FIN-WAIT-2"),
    /** TCP_TIME_WAIT (6). */
    TIME_WAIT(6, "TIME-WAIT"),
    /** TCP_CLOSE (7): ss's UNCONN. */
    CLOSE(7, "UNCONN"),
    /** TCP_CLOSE_WAIT (8). */
    CLOSE_WAIT(8, "CLOSE-WAIT"),
    /** TCP_LAST_ACK (9). */
    LAST_ACK(9, "LAST-ACK"),
    /** TCP_LISTEN (10). */
    LISTEN(10, "LISTEN"),
    /** TCP_CLOSING (11). */
    CLOSING(11, "CLOSING"),
    /** TCP_NEW_SYN_RECV (12): a request socket, which ss lists as SYN-RECV. */
    NEW_SYN_RECV(12, "SYN-RECV");

    private final int value;
    private final String ssName;

    SocketState(int value, String ssName) {
        this.value = value;
        this.ssName = ssName;
    }

    /** The state's number. */
    public int value() {
        return value;
    }

    /** How {@code ss} prints it: ESTAB, LISTEN, UNCONN, TIME-WAIT, … */
    public String ssName() {
        return ssName;
    }

    /** The state numbered {@code value}; IllegalArgumentException for any other. */
    public static SocketState of(int value) {
        if (value >= 1 && value <= 12) return values()[value - 1];
        throw new IllegalArgumentException("no socket state " + value + " (1 to 12)");
    }
}
