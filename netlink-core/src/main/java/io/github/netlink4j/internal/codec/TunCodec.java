package io.github.netlink4j.internal.codec;

import io.github.netlink4j.common.RawAttribute;
import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.uapi.IfTun;
import io.github.netlink4j.link.Link;
import io.github.netlink4j.link.LinkData;
import io.github.netlink4j.tuntap.TunTapDevice;
import io.github.netlink4j.tuntap.TunTapMode;
import io.github.netlink4j.tuntap.TunTapSpec;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * TUN/TAP devices: the TUNSETIFF flags of a spec or of an existing device, and the device a link of kind
 * {@code tun} is, read from its IFLA_INFO_DATA ({@code IFLA_TUN_*}, reported since Linux 4.15), which
 * the link decoder keeps raw.
 */
public final class TunCodec {
    private TunCodec() {}

    /** The kind string of every TUN/TAP link. */
    public static final String KIND = "tun";

    /** TUNSETIFF's flags to create {@code spec}: IFF_TUN_EXCL, so a name taken is refused rather than attached to. */
    public static int createFlags(TunTapSpec spec) {
        return spec.mode().value() | IfTun.IFF_TUN_EXCL | (spec.packetInfo() ? 0 : IfTun.IFF_NO_PI)
                | (spec.vnetHeader() ? IfTun.IFF_VNET_HDR : 0) | (spec.multiQueue() ? IfTun.IFF_MULTI_QUEUE : 0)
                | (spec.oneQueue() ? IfTun.IFF_ONE_QUEUE : 0);
    }

    /**
     * TUNSETIFF's flags to attach a queue to {@code device}: the kernel refuses a type or multi-queue
     * setting that differs from the device's, and takes packet information and the vnet header from
     * every attach, so they are the device's own.
     */
    public static int attachFlags(TunTapDevice device) {
        return device.mode().value() | (device.packetInfo() ? 0 : IfTun.IFF_NO_PI)
                | (device.vnetHeader() ? IfTun.IFF_VNET_HDR : 0) | (device.multiQueue() ? IfTun.IFF_MULTI_QUEUE : 0);
    }

    /** The TUN/TAP device {@code link} is, or empty when it is of another kind. */
    public static Optional<TunTapDevice> decode(Link link) throws ProtocolException {
        if (!link.kind().map(KIND::equals).orElse(false)) return Optional.empty();
        TunTapMode mode = null;
        boolean pi = false, vnet = false, mq = false, persist = false;
        OptionalLong owner = OptionalLong.empty(), group = OptionalLong.empty();
        OptionalInt queues = OptionalInt.empty(), disabled = OptionalInt.empty();
        var attrs = link.data().orElse(null) instanceof LinkData.Other o ? o.attributes() : java.util.List.<RawAttribute>of();
        for (RawAttribute a : attrs) {
            switch (a.type()) {
                case IfTun.IFLA_TUN_TYPE -> {
                    int t = (int) u(a, 1);
                    if (t != 1 && t != 2) throw new ProtocolException("IFLA_TUN_TYPE " + t + " of " + link.name() + " is neither tun nor tap");
                    mode = TunTapMode.of(t);
                }
                case IfTun.IFLA_TUN_PI -> pi = u(a, 1) != 0;
                case IfTun.IFLA_TUN_VNET_HDR -> vnet = u(a, 1) != 0;
                case IfTun.IFLA_TUN_MULTI_QUEUE -> mq = u(a, 1) != 0;
                case IfTun.IFLA_TUN_PERSIST -> persist = u(a, 1) != 0;
                case IfTun.IFLA_TUN_OWNER -> owner = OptionalLong.of(u(a, 4));
                case IfTun.IFLA_TUN_GROUP -> group = OptionalLong.of(u(a, 4));
                case IfTun.IFLA_TUN_NUM_QUEUES -> queues = OptionalInt.of((int) u(a, 4));
                case IfTun.IFLA_TUN_NUM_DISABLED_QUEUES -> disabled = OptionalInt.of((int) u(a, 4));
                default -> { } // a newer kernel's attribute: nothing of ours to fill
            }
        }
        // ARPHRD_NONE for tun, ARPHRD_ETHER for tap, when the kernel gave no IFLA_TUN_TYPE
        if (mode == null) mode = link.type() == 1 ? TunTapMode.TAP : TunTapMode.TUN;
        return Optional.of(new TunTapDevice(link.index(), link.name(), mode, pi, vnet, mq, persist, owner, group, queues, disabled, link.mtu()));
    }

    private static long u(RawAttribute a, int width) throws ProtocolException {
        if (a.length() != width) throw new ProtocolException("IFLA_TUN attribute " + a.type() + " has " + a.length() + " bytes, not " + width);
        return a.unsignedValue();
    }
}
