package io.github.netlink4j.sockdiag;

/** The IP protocol of an inet socket ({@code sdiag_protocol}): what {@code ss -t} and {@code ss -u} list. */
public enum SocketProtocol {
    /** {@code IPPROTO_TCP} (6). */
    TCP(6),
    /** {@code IPPROTO_UDP} (17). */
    UDP(17);

    private final int value;

    SocketProtocol(int value) {
        this.value = value;
    }

    /** The IPPROTO_* number. */
    public int value() {
        return value;
    }

    /** The protocol with IPPROTO_* number {@code value}; IllegalArgumentException for any other. */
    public static SocketProtocol of(int value) {
        for (SocketProtocol p : values()) if (p.value == value) return p;
        throw new IllegalArgumentException("no socket protocol " + value + " (6 tcp, 17 udp)");
    }
}
