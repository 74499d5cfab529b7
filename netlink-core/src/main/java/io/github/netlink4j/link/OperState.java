package io.github.netlink4j.link;

/**
 * RFC 2863 operational state ({@code IFLA_OPERSTATE}, {@code IF_OPER_*} of linux/if.h), as {@code ip link}
 * prints it.
 *
 * {@snippet :
 * boolean up = nl.links().get("veth0").operState() == OperState.UP;   // ip link: … state UP
 * }
 */
public enum OperState {
    /** 0. */ UNKNOWN,
    /** 1. */ NOTPRESENT,
    /** 2. */ DOWN,
    /** 3. */ LOWERLAYERDOWN,
    /** 4. */ TESTING,
    /** 5. */ DORMANT,
    /** 6. */ UP;

    private static final OperState[] VALUES = values();

    /** The kernel value. */
    public int value() {
        return ordinal();
    }

    /**
     * The state with kernel value {@code value}.
     *
     * @throws IllegalArgumentException if no constant has that value
     */
    public static OperState of(int value) {
        OperState[] all = VALUES;
        if (value < 0 || value >= all.length) throw new IllegalArgumentException("unknown operstate " + value);
        return all[value];
    }
}
