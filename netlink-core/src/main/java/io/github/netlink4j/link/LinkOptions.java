package io.github.netlink4j.link;

import io.github.netlink4j.common.MacAddress;
import io.github.netlink4j.support.Validate;


import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Settings any new link may be created with, beyond its kind: what {@code ip link add NAME mtu N
 * address MAC txqueuelen N alias TEXT master BR up} sets. Immutable; each {@code with} method returns
 * a copy.
 *
 * {@snippet :
 * nl.links().add(LinkSpec.veth("veth0", "veth1").withOptions(LinkOptions.DEFAULTS.withMtu(1400).withUp(true)));
 * // ip link add veth0 mtu 1400 up type veth peer name veth1
 * }
 *
 * @param mtu           IFLA_MTU
 * @param address       IFLA_ADDRESS
 * @param txQueueLength IFLA_TXQLEN, 0 to 4294967295
 * @param alias         IFLA_IFALIAS
 * @param master        the bridge or bond to enslave to (by name), IFLA_MASTER
 * @param up            create it administratively up (IFF_UP in ifi_flags)
 */
public record LinkOptions(OptionalInt mtu, Optional<MacAddress> address, OptionalLong txQueueLength,
                          Optional<String> alias, Optional<String> master, boolean up) {
    /** No options: the kernel's defaults, link down. */
    public static final LinkOptions DEFAULTS = new LinkOptions(OptionalInt.empty(), Optional.empty(),
            OptionalLong.empty(), Optional.empty(), Optional.empty(), false);

    /** Validates what can be checked before sending. */
    public LinkOptions {
        if (mtu.isPresent()) Validate.mtu(mtu.getAsInt());
        if (address.isPresent()) Validate.mac(address.get());
        Validate.u32("txqueuelen", txQueueLength);
        if (master.isPresent()) Validate.ifName(master.get());
        if (alias.isPresent()) Validate.text("alias", alias.get(), 255);
    }

    /** A copy with {@code mtu} set. */
    public LinkOptions withMtu(int v) {
        return new LinkOptions(OptionalInt.of(v), address, txQueueLength, alias, master, up);
    }

    /** A copy with {@code address} set. */
    public LinkOptions withAddress(MacAddress v) {
        return new LinkOptions(mtu, Optional.of(v), txQueueLength, alias, master, up);
    }

    /** A copy with {@code txQueueLength} set. */
    public LinkOptions withTxQueueLength(long v) {
        return new LinkOptions(mtu, address, OptionalLong.of(v), alias, master, up);
    }

    /** A copy with {@code alias} set. */
    public LinkOptions withAlias(String v) {
        return new LinkOptions(mtu, address, txQueueLength, Optional.of(v), master, up);
    }

    /** A copy with {@code master} set. */
    public LinkOptions withMaster(String v) {
        return new LinkOptions(mtu, address, txQueueLength, alias, Optional.of(v), up);
    }

    /** A copy with {@code up} set. */
    public LinkOptions withUp(boolean v) {
        return new LinkOptions(mtu, address, txQueueLength, alias, master, v);
    }
}
