package io.github.netlink4j.tuntap;

import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A TUN/TAP device as the kernel reports it in RTM_NEWLINK's {@code IFLA_LINKINFO} (kind {@code tun},
 * the {@code IFLA_TUN_*} attributes of IFLA_INFO_DATA).
 *
 * @param index          the interface index
 * @param name           the device name
 * @param mode           tun or tap ({@code IFLA_TUN_TYPE})
 * @param packetInfo     {@code IFLA_TUN_PI}: packets carry {@code struct tun_pi}
 * @param vnetHeader     {@code IFLA_TUN_VNET_HDR}: packets carry a {@code virtio_net_hdr}
 * @param multiQueue     {@code IFLA_TUN_MULTI_QUEUE}
 * @param persistent     {@code IFLA_TUN_PERSIST}: the device outlives its queues
 * @param owner          {@code IFLA_TUN_OWNER}, absent when none was set
 * @param group          {@code IFLA_TUN_GROUP}, absent when none was set
 * @param queues         {@code IFLA_TUN_NUM_QUEUES}: queues attached now (multi-queue devices)
 * @param disabledQueues {@code IFLA_TUN_NUM_DISABLED_QUEUES}
 * @param mtu            the device's MTU ({@code IFLA_MTU})
 */
public record TunTapDevice(int index, String name, TunTapMode mode, boolean packetInfo, boolean vnetHeader, boolean multiQueue,
                           boolean persistent, OptionalLong owner, OptionalLong group, OptionalInt queues,
                           OptionalInt disabledQueues, int mtu) {
    /** Checks what must be there. */
    public TunTapDevice {
        java.util.Objects.requireNonNull(name, "name");
        java.util.Objects.requireNonNull(mode, "mode");
        java.util.Objects.requireNonNull(owner, "owner");
        java.util.Objects.requireNonNull(group, "group");
        java.util.Objects.requireNonNull(queues, "queues");
        java.util.Objects.requireNonNull(disabledQueues, "disabledQueues");
    }

    /** The spec that makes this device again (IFF_ONE_QUEUE, which the kernel does not report, left off). */
    public TunTapSpec toSpec() {
        return new TunTapSpec(name, mode, owner, group, packetInfo, vnetHeader, multiQueue, false);
    }
}
