package io.github.netlink4j.link;

/**
 * macvlan and macvtap modes ({@code IFLA_MACVLAN_MODE}, {@code MACVLAN_MODE_*} of linux/if_link.h).
 *
 * {@snippet :
 * nl.links().add(LinkSpec.macvlan("mv0", "veth0", MacvlanMode.BRIDGE));   // ip link add mv0 link veth0 type macvlan mode bridge
 * }
 */
public enum MacvlanMode {
    /** No traffic between macvlans on one parent (1). */
    PRIVATE(1),
    /** Traffic between macvlans goes out to the switch (2). */
    VEPA(2),
    /** Traffic between macvlans stays in the host (4). */
    BRIDGE(4),
    /** The one macvlan takes over the parent (8). */
    PASSTHRU(8),
    /** Only frames from listed source MACs (16). */
    SOURCE(16);

    private final int value;

    MacvlanMode(int value) {
        this.value = value;
    }

    /** The kernel value. */
    public int value() {
        return value;
    }

    /** The name ip uses, such as {@code bridge}. */
    public String text() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The mode with kernel value {@code value}.
     *
     * @throws IllegalArgumentException if no constant has that value
     */
    public static MacvlanMode of(int value) {
        for (MacvlanMode m : values()) if (m.value == value) return m;
        throw new IllegalArgumentException("unknown macvlan mode " + value);
    }
}
