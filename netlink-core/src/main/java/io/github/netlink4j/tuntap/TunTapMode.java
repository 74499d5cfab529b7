package io.github.netlink4j.tuntap;

/** What a TUN/TAP device carries: IP packets ({@code IFF_TUN}) or Ethernet frames ({@code IFF_TAP}). */
public enum TunTapMode {
    /** {@code IFF_TUN}: layer 3, IP packets; {@code IFLA_TUN_TYPE} 1. */
    TUN(1),
    /** {@code IFF_TAP}: layer 2, Ethernet frames; {@code IFLA_TUN_TYPE} 2. */
    TAP(2);

    private final int value;

    TunTapMode(int value) {
        this.value = value;
    }

    /** The IFF_TUN/IFF_TAP bit, which is also the value of {@code IFLA_TUN_TYPE}. */
    public int value() {
        return value;
    }

    /** The mode of {@code IFLA_TUN_TYPE} {@code value}; IllegalArgumentException for any other. */
    public static TunTapMode of(int value) {
        for (TunTapMode m : values()) if (m.value == value) return m;
        throw new IllegalArgumentException("no TUN/TAP mode " + value + " (1 tun, 2 tap)");
    }

    /** ip's word: {@code tun} or {@code tap}. */
    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
