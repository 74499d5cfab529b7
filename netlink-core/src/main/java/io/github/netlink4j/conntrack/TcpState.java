package io.github.netlink4j.conntrack;

/**
 * The state of a tracked TCP connection ({@code CTA_PROTOINFO_TCP_STATE}, {@code enum tcp_conntrack} of
 * linux/netfilter/nf_conntrack_tcp.h), printed by {@code conntrack -L} after the timeout.
 */
public enum TcpState {
    /** TCP_CONNTRACK_NONE. */ NONE("NONE"),
    /** TCP_CONNTRACK_SYN_SENT. */ SYN_SENT("SYN_SENT"),
    /** TCP_CONNTRACK_SYN_RECV. */ SYN_RECV("SYN_RECV"),
    /** TCP_CONNTRACK_ESTABLISHED. */ ESTABLISHED("ESTABLISHED"),
    /** TCP_CONNTRACK_FIN_WAIT. */ FIN_WAIT("FIN_WAIT"),
    /** TCP_CONNTRACK_CLOSE_WAIT. */ CLOSE_WAIT("CLOSE_WAIT"),
    /** TCP_CONNTRACK_LAST_ACK. */ LAST_ACK("LAST_ACK"),
    /** TCP_CONNTRACK_TIME_WAIT. */ TIME_WAIT("TIME_WAIT"),
    /** TCP_CONNTRACK_CLOSE. */ CLOSE("CLOSE"),
    /** TCP_CONNTRACK_SYN_SENT2 (was TCP_CONNTRACK_LISTEN, the name conntrack prints). */ SYN_SENT2("LISTEN");

    private static final TcpState[] VALUES = values();
    private final String text;

    TcpState(String text) {
        this.text = text;
    }

    /** The kernel's number. */
    public int value() {
        return ordinal();
    }

    /** The state numbered {@code value}; IllegalArgumentException for a number no constant has. */
    public static TcpState of(int value) {
        if (value < 0 || value >= VALUES.length) throw new IllegalArgumentException("no TCP conntrack state " + value);
        return VALUES[value];
    }

    /** As {@code conntrack -L} prints it ({@code ESTABLISHED}, {@code LISTEN} for SYN_SENT2). */
    @Override
    public String toString() {
        return text;
    }
}
