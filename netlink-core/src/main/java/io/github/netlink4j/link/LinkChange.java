package io.github.netlink4j.link;

import io.github.netlink4j.common.MacAddress;
import io.github.netlink4j.support.Validate;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Several changes to one existing link sent as a single RTM_NEWLINK, as {@code ip link set DEV up mtu
 * 1400 name x} sends them: the kernel applies all of them or, when it refuses one, reports that one
 * error (it may have applied the attributes it read before the refused one, as it does for ip).
 *
 * {@snippet :
 * nl.links().set("veth0", LinkChange.empty().withUp(true).withMtu(1400).withAlias("uplink"));
 * }
 *
 * @param up            IFF_UP set or cleared (ifi_flags/ifi_change)
 * @param mtu           IFLA_MTU
 * @param name          IFLA_IFNAME, a new name
 * @param address       IFLA_ADDRESS
 * @param master        IFLA_MASTER by name ({@code master NAME})
 * @param noMaster      IFLA_MASTER 0: frees the link from its master ({@code nomaster})
 * @param alias         IFLA_IFALIAS; an empty string removes the alias, as the kernel itself reads an empty IFLA_IFALIAS
 *                      ({@code ip link set DEV alias ""}); it is the kernel's way, not a marker of ours
 * @param txQueueLength IFLA_TXQLEN, 0 to 4294967295
 * @param flags         other interface flags set ({@code true}) or cleared: {@code promisc on} is
 *                      {@code PROMISC=true}, {@code arp off} is {@code NOARP=true} (ifi_flags/ifi_change)
 * @param group         IFLA_GROUP, 0 to 4294967295 (0 is "default")
 * @param broadcast     IFLA_BROADCAST, the link-layer broadcast address ({@code broadcast LLADDR}); of any length,
 *                      since the kernel, not ip, judges it against the link's own
 */
public record LinkChange(Optional<Boolean> up, OptionalInt mtu, Optional<String> name, Optional<MacAddress> address,
                         Optional<String> master, boolean noMaster, Optional<String> alias, OptionalLong txQueueLength,
                         java.util.Map<LinkFlag, Boolean> flags, OptionalLong group, Optional<MacAddress> broadcast) {
    /** Checks each value as the single-property setters do. */
    public LinkChange {
        mtu.ifPresent(Validate::mtu);
        name.ifPresent(Validate::ifName);
        address.ifPresent(Validate::mac);
        master.ifPresent(Validate::ifName);
        if (noMaster && master.isPresent()) throw new IllegalArgumentException("master " + master.get() + " and nomaster together");
        alias.ifPresent(a -> Validate.text("alias", a, 255));
        Validate.u32("txqueuelen", txQueueLength);
        Validate.u32("group", group);
        flags = java.util.Map.copyOf(flags);
        if (flags.containsKey(LinkFlag.UP)) throw new IllegalArgumentException("set UP with withUp");
        java.util.Objects.requireNonNull(broadcast);
    }

    /** A change without a broadcast address. */
    public LinkChange(Optional<Boolean> up, OptionalInt mtu, Optional<String> name, Optional<MacAddress> address,
                      Optional<String> master, boolean noMaster, Optional<String> alias, OptionalLong txQueueLength,
                      java.util.Map<LinkFlag, Boolean> flags, OptionalLong group) {
        this(up, mtu, name, address, master, noMaster, alias, txQueueLength, flags, group, Optional.empty());
    }

    /** The empty change, which changes nothing yet: start here and add what changes with the withers. */
    public static LinkChange empty() {
        return new LinkChange(Optional.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false,
                Optional.empty(), OptionalLong.empty(), java.util.Map.of(), OptionalLong.empty(), Optional.empty());
    }

    /** Whether nothing would change. */
    public boolean isEmpty() {
        return up.isEmpty() && mtu.isEmpty() && name.isEmpty() && address.isEmpty() && master.isEmpty() && !noMaster && alias.isEmpty()
                && txQueueLength.isEmpty() && flags.isEmpty() && group.isEmpty() && broadcast.isEmpty();
    }

    /** Sets the link up ({@code true}) or down. */
    public LinkChange withUp(boolean value) {
        return new LinkChange(Optional.of(value), mtu, name, address, master, noMaster, alias, txQueueLength, flags, group, broadcast);
    }

    /** Sets the MTU. */
    public LinkChange withMtu(int value) {
        return new LinkChange(up, OptionalInt.of(value), name, address, master, noMaster, alias, txQueueLength, flags, group, broadcast);
    }

    /** Renames the link. */
    public LinkChange withName(String value) {
        return new LinkChange(up, mtu, Optional.of(value), address, master, noMaster, alias, txQueueLength, flags, group, broadcast);
    }

    /** Sets the hardware address. */
    public LinkChange withAddress(MacAddress value) {
        return new LinkChange(up, mtu, name, Optional.of(value), master, noMaster, alias, txQueueLength, flags, group, broadcast);
    }

    /** Enslaves the link to {@code value} (a bridge or bond): {@code master NAME}. */
    public LinkChange withMaster(String value) {
        return new LinkChange(up, mtu, name, address, Optional.of(value), false, alias, txQueueLength, flags, group, broadcast);
    }

    /** Frees the link from its master: {@code nomaster}. */
    public LinkChange withoutMaster() {
        return new LinkChange(up, mtu, name, address, Optional.empty(), true, alias, txQueueLength, flags, group, broadcast);
    }

    /** Sets the alias (the kernel keeps an empty alias as none, as {@code ip link set … alias ""} relies on). */
    public LinkChange withAlias(String value) {
        return new LinkChange(up, mtu, name, address, master, noMaster, Optional.of(value), txQueueLength, flags, group, broadcast);
    }

    /** Sets the transmit queue length. */
    public LinkChange withTxQueueLength(long value) {
        return new LinkChange(up, mtu, name, address, master, noMaster, alias, OptionalLong.of(value), flags, group, broadcast);
    }

    /** Sets ({@code on}) or clears interface flag {@code flag} (PROMISC, ALLMULTI, MULTICAST, NOARP, …). */
    public LinkChange withFlag(LinkFlag flag, boolean on) {
        java.util.Map<LinkFlag, Boolean> f = new java.util.HashMap<>(flags);
        f.put(flag, on);
        return new LinkChange(up, mtu, name, address, master, noMaster, alias, txQueueLength, f, group, broadcast);
    }

    /** Puts the link in group {@code value} (0 is "default"). */
    public LinkChange withGroup(long value) {
        return new LinkChange(up, mtu, name, address, master, noMaster, alias, txQueueLength, flags, OptionalLong.of(value), broadcast);
    }

    /** Sets the link-layer broadcast address ({@code ip link set DEV broadcast LLADDR}). */
    public LinkChange withBroadcast(MacAddress value) {
        return new LinkChange(up, mtu, name, address, master, noMaster, alias, txQueueLength, flags, group, Optional.of(value));
    }
}
