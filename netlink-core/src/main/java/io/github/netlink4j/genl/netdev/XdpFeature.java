package io.github.netlink4j.genl.netdev;

import java.util.EnumSet;
import java.util.Set;

/**
 * An XDP feature a device supports: the {@code xdp-act} flags of the netdev spec
 * ({@code NETDEV_XDP_ACT_*}), bit by bit in NETDEV_A_DEV_XDP_FEATURES.
 */
public enum XdpFeature {
    /** NETDEV_XDP_ACT_BASIC: XDP_ABORTED, XDP_DROP, XDP_PASS, XDP_TX. */
    BASIC,
    /** NETDEV_XDP_ACT_REDIRECT: XDP_REDIRECT. */
    REDIRECT,
    /** NETDEV_XDP_ACT_NDO_XMIT: the device implements ndo_xdp_xmit. */
    NDO_XMIT,
    /** NETDEV_XDP_ACT_XSK_ZEROCOPY: AF_XDP in zero-copy mode. */
    XSK_ZEROCOPY,
    /** NETDEV_XDP_ACT_HW_OFFLOAD: XDP offloaded to hardware. */
    HW_OFFLOAD,
    /** NETDEV_XDP_ACT_RX_SG: non-linear XDP buffers in the driver's NAPI callback. */
    RX_SG,
    /** NETDEV_XDP_ACT_NDO_XMIT_SG: non-linear XDP buffers in ndo_xdp_xmit. */
    NDO_XMIT_SG;

    /** The feature's bit. */
    public long bit() {
        return 1L << ordinal();
    }

    /** The features set in {@code bits}; bits no constant names are ignored (a newer kernel's). */
    public static Set<XdpFeature> fromBits(long bits) {
        EnumSet<XdpFeature> s = EnumSet.noneOf(XdpFeature.class);
        for (XdpFeature f : values()) if ((bits & f.bit()) != 0) s.add(f);
        return s;
    }

    /** The constant named {@code specName} in the spec ({@code ndo-xmit-sg}); IllegalArgumentException if none. */
    public static XdpFeature ofSpecName(String specName) {
        return valueOf(specName.replace('-', '_').toUpperCase(java.util.Locale.ROOT));
    }
}
