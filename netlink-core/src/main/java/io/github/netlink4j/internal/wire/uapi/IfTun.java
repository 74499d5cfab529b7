package io.github.netlink4j.internal.wire.uapi;

/**
 * Constants of {@code linux/if_tun.h} (the TUNSETIFF flags) and of {@code linux/if_link.h}'s
 * IFLA_TUN_* attributes, which a tun device reports in IFLA_INFO_DATA.
 */
@SuppressWarnings("unused")
public final class IfTun {
    private IfTun() {}

    public static final int IFF_TUN = 0x0001;
    public static final int IFF_TAP = 0x0002;
    public static final int IFF_MULTI_QUEUE = 0x0100;
    public static final int IFF_PERSIST = 0x0800;
    public static final int IFF_NO_PI = 0x1000;
    public static final int IFF_ONE_QUEUE = 0x2000;
    public static final int IFF_VNET_HDR = 0x4000;
    public static final int IFF_TUN_EXCL = 0x8000;

    public static final int IFLA_TUN_OWNER = 1;
    public static final int IFLA_TUN_GROUP = 2;
    public static final int IFLA_TUN_TYPE = 3;
    public static final int IFLA_TUN_PI = 4;
    public static final int IFLA_TUN_VNET_HDR = 5;
    public static final int IFLA_TUN_PERSIST = 6;
    public static final int IFLA_TUN_MULTI_QUEUE = 7;
    public static final int IFLA_TUN_NUM_QUEUES = 8;
    public static final int IFLA_TUN_NUM_DISABLED_QUEUES = 9;
}
