package io.github.netlink4j.sockdiag;

/** The type of a UNIX socket ({@code udiag_type}), as ss's Netid column names it. */
public enum UnixSocketType {
    /** SOCK_STREAM (1): {@code u_str}. */
    STREAM(1, "u_str"),
    /** SOCK_DGRAM (2): {@code u_dgr}. */
    DGRAM(2, "u_dgr"),
    /** SOCK_SEQPACKET (5): {@code u_seq}. */
    SEQPACKET(5, "u_seq");

    private final int value;
    private final String ssName;

    UnixSocketType(int value, String ssName) {
        this.value = value;
        this.ssName = ssName;
    }

    /** The SOCK_* number. */
    public int value() {
        return value;
    }

    /** ss's Netid: u_str, u_dgr, u_seq. */
    public String ssName() {
        return ssName;
    }

    /** The type numbered {@code value}; IllegalArgumentException for any other. */
    public static UnixSocketType of(int value) {
        for (UnixSocketType t : values()) if (t.value == value) return t;
        throw new IllegalArgumentException("no UNIX socket type " + value + " (1 stream, 2 dgram, 5 seqpacket)");
    }
}
