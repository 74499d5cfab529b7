package io.github.netlink4j.tuntap;

import java.util.OptionalLong;

/**
 * A persistent TUN/TAP device to create, as {@code ip tuntap add dev NAME mode MODE [user U] [group G]
 * [pi] [one_queue] [vnet_hdr] [multi_queue]} makes it (TUNSETIFF, TUNSETOWNER, TUNSETGROUP,
 * TUNSETPERSIST). Validated when made.
 *
 * @param name        the device name (1 to 15 characters, no '/', no whitespace), or a template with one
 *                    {@code %d} that the kernel numbers (the lowest free: {@code tap%d} gives tap0, then tap1)
 * @param mode        tun or tap
 * @param owner       the uid that may open it without CAP_NET_ADMIN (TUNSETOWNER), 0 to 4294967294
 * @param group       the gid that may open it (TUNSETGROUP), 0 to 4294967294
 * @param packetInfo  whether each packet is preceded by the 4-byte {@code struct tun_pi} (not IFF_NO_PI)
 * @param vnetHeader  whether each packet is preceded by a {@code virtio_net_hdr} (IFF_VNET_HDR)
 * @param multiQueue  whether the device takes several queues (IFF_MULTI_QUEUE)
 * @param oneQueue    IFF_ONE_QUEUE, which kernels since 3.8 ignore; kept for ip's grammar
 */
public record TunTapSpec(String name, TunTapMode mode, OptionalLong owner, OptionalLong group, boolean packetInfo,
                         boolean vnetHeader, boolean multiQueue, boolean oneQueue) {
    /** Checks the name, the mode and the ids. */
    public TunTapSpec {
        checkName(name);
        int percent = name.indexOf('%');
        // the kernel's dev_alloc_name takes one "%d" and refuses any other use of '%' (EINVAL)
        if (percent >= 0 && (!name.startsWith("%d", percent) || name.indexOf('%', percent + 1) >= 0)) {
            throw new IllegalArgumentException("\"" + name + "\" is not a valid device name template (one %d, no other '%')");
        }
        java.util.Objects.requireNonNull(mode, "mode");
        checkId("user", owner);
        checkId("group", group);
    }

    /** A tun device (IP packets, no packet information), as {@code ip tuntap add dev NAME mode tun}. */
    public static TunTapSpec tun(String name) {
        return new TunTapSpec(name, TunTapMode.TUN, OptionalLong.empty(), OptionalLong.empty(), false, false, false, false);
    }

    /** A tap device (Ethernet frames, no packet information), as {@code ip tuntap add dev NAME mode tap}. */
    public static TunTapSpec tap(String name) {
        return new TunTapSpec(name, TunTapMode.TAP, OptionalLong.empty(), OptionalLong.empty(), false, false, false, false);
    }

    /** A copy owned by {@code uid} ({@code user UID}). */
    public TunTapSpec withOwner(long uid) {
        return new TunTapSpec(name, mode, OptionalLong.of(uid), group, packetInfo, vnetHeader, multiQueue, oneQueue);
    }

    /** A copy whose group is {@code gid} ({@code group GID}). */
    public TunTapSpec withGroup(long gid) {
        return new TunTapSpec(name, mode, owner, OptionalLong.of(gid), packetInfo, vnetHeader, multiQueue, oneQueue);
    }

    /** A copy with the packet information header ({@code pi}). */
    public TunTapSpec withPacketInfo() {
        return new TunTapSpec(name, mode, owner, group, true, vnetHeader, multiQueue, oneQueue);
    }

    /** A copy with the virtio-net header ({@code vnet_hdr}). */
    public TunTapSpec withVnetHeader() {
        return new TunTapSpec(name, mode, owner, group, packetInfo, true, multiQueue, oneQueue);
    }

    /** A copy with several queues ({@code multi_queue}). */
    public TunTapSpec withMultiQueue() {
        return new TunTapSpec(name, mode, owner, group, packetInfo, vnetHeader, true, oneQueue);
    }

    /** A copy with IFF_ONE_QUEUE ({@code one_queue}). */
    public TunTapSpec withOneQueue() {
        return new TunTapSpec(name, mode, owner, group, packetInfo, vnetHeader, multiQueue, true);
    }

    /** Whether {@code device} is the one this spec names: the same name and mode. */
    public boolean matches(TunTapDevice device) {
        return device.name().equals(name) && device.mode() == mode;
    }

    static void checkName(String name) {
        if (name == null || name.isEmpty() || name.length() > 15 || name.equals(".") || name.equals("..")
                || name.chars().anyMatch(c -> c == '/' || c == ':' || Character.isWhitespace(c) || c == 0)) {
            throw new IllegalArgumentException("\"" + name + "\" is not a valid device name (1 to 15 characters, no '/', ':' or whitespace)");
        }
    }

    private static void checkId(String what, OptionalLong id) {
        java.util.Objects.requireNonNull(id, what);
        // (uid_t) -1 means "none" to the kernel, so it cannot be an owner
        if (id.isPresent() && (id.getAsLong() < 0 || id.getAsLong() >= 0xffffffffL)) {
            throw new IllegalArgumentException(what + " " + id.getAsLong() + " is out of range (0 to 4294967294)");
        }
    }
}
