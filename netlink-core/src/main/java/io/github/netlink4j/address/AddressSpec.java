package io.github.netlink4j.address;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.support.IpText;
import io.github.netlink4j.support.Validate;
import io.github.netlink4j.route.RouteScope;


import java.net.InetAddress;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.time.Duration;
import java.util.List;
import java.util.function.IntFunction;
import java.util.Set;

/**
 * An address to add, replace or delete on a link (RTM_NEWADDR/RTM_DELADDR): {@code ip addr add
 * ADDRESS/PREFIX dev LINK [peer P] [broadcast B] [label L] [scope S] [nodad] [noprefixroute]
 * [valid_lft V preferred_lft P]}.
 *
 * {@snippet :
 * AddressSpec a = AddressSpec.of("veth0", "10.200.0.2/24");                 // ip addr add 10.200.0.2/24 dev veth0
 * AddressSpec b = AddressSpec.of("veth0", "fd00:200::2/64").withFlag(AddressFlag.NODAD);
 * }
 *
 * @param link              the link's name
 * @param address           the local address (IFA_LOCAL)
 * @param prefixLength      0–32 for IPv4, 0–128 for IPv6
 * @param peer              point-to-point peer (IFA_ADDRESS)
 * @param broadcast         IPv4 broadcast (IFA_BROADCAST)
 * @param label             IPv4 label, which must start with the link name (IFA_LABEL)
 * @param scope             the scope; the kernel's default if empty (host for 127.0.0.0/8)
 * @param flags             nodad, noprefixroute, …
 * @param validLifetime     whole seconds up to {@link Address#FOREVER}, which it is unless set
 * @param preferredLifetime whole seconds up to {@code validLifetime}; {@link Address#FOREVER} unless set
 */
public record AddressSpec(String link, InetAddress address, int prefixLength, Optional<InetAddress> peer,
                          Optional<InetAddress> broadcast, Optional<String> label, Optional<RouteScope> scope,
                          Set<AddressFlag> flags, Duration validLifetime, Duration preferredLifetime) {
    /** The flags a request may set; the others are states the kernel reports. */
    static final Set<AddressFlag> SETTABLE = Set.of(AddressFlag.HOMEADDRESS, AddressFlag.NODAD, AddressFlag.OPTIMISTIC, AddressFlag.MANAGETEMPADDR,
            AddressFlag.NOPREFIXROUTE, AddressFlag.MCAUTOJOIN);

    /** Validates everything that can be checked before sending. */
    public AddressSpec {
        Validate.ifName(link);
        Objects.requireNonNull(address);
        Validate.prefix(address, prefixLength);
        peer.ifPresent(p -> sameFamily(address, p, "peer"));
        broadcast.ifPresent(b -> {
            sameFamily(address, b, "broadcast");
            if (AddressFamily.of(address) != AddressFamily.INET) throw new IllegalArgumentException("broadcast is IPv4 only");
        });
        label.ifPresent(text -> {
            Validate.text("label", text, 15);
            if (!text.startsWith(link)) throw new IllegalArgumentException("label \"" + text + "\" must start with the link name \"" + link + "\"");
            if (AddressFamily.of(address) != AddressFamily.INET) throw new IllegalArgumentException("labels are IPv4 only");
        });
        Objects.requireNonNull(scope);
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
        Objects.requireNonNull(validLifetime, "validLifetime");
        Objects.requireNonNull(preferredLifetime, "preferredLifetime");
        for (Duration d : List.of(validLifetime, preferredLifetime)) {
            if (d.isNegative() || d.compareTo(Address.FOREVER) > 0) {
                throw new IllegalArgumentException("lifetime " + d + " is out of range (0 to 4294967295 seconds, the last being forever)");
            }
        }
        if (preferredLifetime.compareTo(validLifetime) > 0) throw new IllegalArgumentException("preferred lifetime exceeds valid lifetime");
    }

    private static void sameFamily(InetAddress a, InetAddress b, String what) {
        if (AddressFamily.of(a) != AddressFamily.of(b)) throw new IllegalArgumentException(what + " " + IpText.text(b) + " is not of the address's family");
    }

    /** {@code address/prefixLength} on {@code link}. */
    public static AddressSpec of(String link, InetAddress address, int prefixLength) {
        return new AddressSpec(link, address, prefixLength, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Set.of(), Address.FOREVER, Address.FOREVER);
    }

    /** Parses {@code "10.200.0.2/24"} (a missing prefix means a host address, /32 or /128). */
    public static AddressSpec of(String link, String cidr) {
        io.github.netlink4j.common.IpPrefix p = io.github.netlink4j.common.IpPrefix.of(cidr);
        return of(link, p.address(), p.length());
    }

    /** The address's family. */
    public AddressFamily family() {
        return AddressFamily.of(address);
    }

    /** A copy with {@code peer} set. */
    public AddressSpec withPeer(InetAddress p) {
        return new AddressSpec(link, address, prefixLength, Optional.of(p), broadcast, label, scope, flags, validLifetime, preferredLifetime);
    }

    /** A copy with {@code broadcast} set. */
    public AddressSpec withBroadcast(InetAddress b) {
        return new AddressSpec(link, address, prefixLength, peer, Optional.of(b), label, scope, flags, validLifetime, preferredLifetime);
    }

    /** A copy with {@code label} set. */
    public AddressSpec withLabel(String l) {
        return new AddressSpec(link, address, prefixLength, peer, broadcast, Optional.of(l), scope, flags, validLifetime, preferredLifetime);
    }

    /** A copy with {@code scope} set. */
    public AddressSpec withScope(RouteScope s) {
        return new AddressSpec(link, address, prefixLength, peer, broadcast, label, Optional.of(s), flags, validLifetime, preferredLifetime);
    }

    /** A copy with {@code flag} added. */
    public AddressSpec withFlag(AddressFlag f) {
        EnumSet<AddressFlag> s = EnumSet.noneOf(AddressFlag.class);
        s.addAll(flags);
        s.add(f);
        return new AddressSpec(link, address, prefixLength, peer, broadcast, label, scope, s, validLifetime, preferredLifetime);
    }

    /** A copy with both lifetimes set (whole seconds; {@link Address#FOREVER} for either that never ends). */
    public AddressSpec withLifetimes(Duration valid, Duration preferred) {
        return new AddressSpec(link, address, prefixLength, peer, broadcast, label, scope, flags, valid, preferred);
    }

    /**
     * Whether {@code a} is the address this spec names, by the kernel's key for an address: the link (the
     * record's index named by {@code linkNames}), the family, the local address and prefix length, and
     * for IPv4 the peer (two point-to-point addresses may share a local address). Everything else is
     * what an add or replace sets.
     */
    public boolean matches(Address a, IntFunction<String> linkNames) {
        return a.address().equals(address) && a.prefixLength() == prefixLength
                && (family() != AddressFamily.INET || a.peer().equals(peer)) && link.equals(linkNames.apply(a.index()));
    }
}
