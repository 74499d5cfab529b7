package io.github.netlink4j;

/** RFC 2863 operational state ({@code IFLA_OPERSTATE}, {@code IF_OPER_*}), as {@code ip link} prints it. */
public enum OperState {
    UNKNOWN, NOTPRESENT, DOWN, LOWERLAYERDOWN, TESTING, DORMANT, UP;

    /** The state for the kernel's IF_OPER_* number (UNKNOWN for numbers it does not know). */
    private static final OperState[] VALUES = values();

    public static OperState of(int v) {
        return v >= 0 && v < VALUES.length ? VALUES[v] : UNKNOWN;
    }
}
