package io.github.netlink4j.link;

/**
 * A VLAN's tag protocol ({@code IFLA_VLAN_PROTOCOL}, an ethertype in network order).
 *
 * {@snippet :
 * nl.links().add(new LinkSpec.Vlan("veth0.100", "veth0", 100, VlanProtocol.IEEE_8021Q, LinkOptions.DEFAULTS));
 * }
 */
public enum VlanProtocol {
    /** IEEE 802.1Q, ethertype 0x8100 (the default). */
    IEEE_8021Q(0x8100, "802.1Q"),
    /** IEEE 802.1ad (QinQ), ethertype 0x88a8. */
    IEEE_8021AD(0x88a8, "802.1ad");

    private final int value;
    private final String text;

    VlanProtocol(int value, String text) {
        this.value = value;
        this.text = text;
    }

    /** The ethertype. */
    public int value() {
        return value;
    }

    /** The name ip uses, such as {@code 802.1Q}. */
    public String text() {
        return text;
    }

    /**
     * The protocol with ethertype {@code value}.
     *
     * @throws IllegalArgumentException if no constant has that value
     */
    public static VlanProtocol of(int value) {
        for (VlanProtocol p : values()) if (p.value == value) return p;
        throw new IllegalArgumentException("unknown VLAN protocol 0x" + Integer.toHexString(value));
    }
}
