package io.github.netlink4j.bridge;

/**
 * The spanning-tree state of a bridge port ({@code IFLA_BRPORT_STATE}, {@code BR_STATE_*} of
 * linux/if_bridge.h), as {@code bridge link show} prints it.
 */
public enum BridgePortState {
    /** {@code BR_STATE_DISABLED}: the port is down or administratively disabled; it passes nothing. */
    DISABLED(0),
    /** {@code BR_STATE_LISTENING}: STP is deciding; the port neither learns nor forwards. */
    LISTENING(1),
    /** {@code BR_STATE_LEARNING}: the port learns addresses but does not forward yet. */
    LEARNING(2),
    /** {@code BR_STATE_FORWARDING}: the port learns and forwards. */
    FORWARDING(3),
    /** {@code BR_STATE_BLOCKING}: STP blocks the port to break a loop. */
    BLOCKING(4);

    private final int value;

    BridgePortState(int value) {
        this.value = value;
    }

    /** The kernel's number for this state. */
    public int value() {
        return value;
    }

    /** The state numbered {@code value}; {@link IllegalArgumentException} for a number the kernel does not define. */
    public static BridgePortState of(int value) {
        for (BridgePortState s : values()) if (s.value == value) return s;
        throw new IllegalArgumentException("bridge port state " + value + " is not one of 0..4");
    }
}
