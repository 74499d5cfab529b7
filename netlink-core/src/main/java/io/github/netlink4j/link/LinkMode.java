package io.github.netlink4j.link;

/**
 * A link's mode ({@code IFLA_LINKMODE}, {@code IF_LINK_MODE_*} of linux/if_link.h), as {@code ip -d link}
 * prints it.
 *
 * {@snippet :
 * LinkMode m = nl.links().get("veth0").linkMode();       // ip link: … mode DEFAULT
 * }
 */
public enum LinkMode {
    /** {@code IF_LINK_MODE_DEFAULT} (0). */
    DEFAULT,
    /** {@code IF_LINK_MODE_DORMANT} (1): the link stays dormant until a supplicant says otherwise. */
    DORMANT,
    /** {@code IF_LINK_MODE_TESTING} (2). */
    TESTING;

    private static final LinkMode[] VALUES = values();

    /** The kernel value. */
    public int value() {
        return ordinal();
    }

    /**
     * The mode with kernel value {@code value}.
     *
     * @throws IllegalArgumentException if no constant has that value
     */
    public static LinkMode of(int value) {
        LinkMode[] all = VALUES;
        if (value < 0 || value >= all.length) throw new IllegalArgumentException("unknown link mode " + value);
        return all[value];
    }
}
