package io.github.netlink4j.address;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.support.FlagSet;
import io.github.netlink4j.support.IpText;
import io.github.netlink4j.route.RouteScope;


import java.net.InetAddress;
import java.util.Optional;
import java.time.Duration;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * An interface address as the kernel reports it in {@code RTM_NEWADDR} (struct ifaddrmsg and
 * {@code IFA_*} attributes).
 *
 * {@snippet :
 * Address a = nl.addresses().list("veth0").get(0);     // ip addr show dev veth0
 * System.out.println(a);                                 // 10.200.0.2/24 brd 10.200.0.255 scope global veth0
 * }
 *
 * @param family            ifa_family
 * @param index             ifa_index, the link's index
 * @param address           IFA_LOCAL (or IFA_ADDRESS when there is no IFA_LOCAL, as for IPv6)
 * @param prefixLength      ifa_prefixlen
 * @param peer              IFA_ADDRESS when it differs from IFA_LOCAL (point-to-point peer)
 * @param broadcast         IFA_BROADCAST
 * @param label             IFA_LABEL
 * @param scope             ifa_scope
 * @param rawFlags          IFA_FLAGS (or ifa_flags) as the kernel sent them
 * @param flags             the same as {@link AddressFlag}s
 * @param validLifetime     IFA_CACHEINFO ifa_valid, whole seconds; {@link #FOREVER} when the address never expires
 * @param preferredLifetime IFA_CACHEINFO ifa_prefered, whole seconds; {@link #FOREVER} when it never deprecates
 */
public record Address(AddressFamily family, int index, InetAddress address, int prefixLength, Optional<InetAddress> peer,
                      Optional<InetAddress> broadcast, Optional<String> label, RouteScope scope, int rawFlags,
                      Set<AddressFlag> flags, Duration validLifetime, Duration preferredLifetime) {
    /**
     * The lifetime of an address that never expires: 4294967295 seconds, the kernel's own
     * {@code INFINITY_LIFE_TIME}, printed {@code forever} by ip. A shared constant, so compare with
     * {@code equals} or {@link #isPermanent()}.
     */
    public static final Duration FOREVER = Duration.ofSeconds(0xFFFF_FFFFL);

    /** Makes the flag set immutable. */
    public Address {
        flags = flags instanceof FlagSet ? flags : Set.copyOf(flags);
        java.util.Objects.requireNonNull(validLifetime, "validLifetime");
        java.util.Objects.requireNonNull(preferredLifetime, "preferredLifetime");
    }

    /** Whether the address never expires (its valid lifetime is {@link #FOREVER}). */
    public boolean isPermanent() {
        return validLifetime.equals(FOREVER);
    }

    /**
     * The spec that makes this address again, or names it for a delete: link, address and prefix, peer,
     * broadcast, label, scope, the flags a request may set (nodad, noprefixroute, …; the kernel's own
     * states such as tentative or secondary are left out) and the lifetimes. Records carry link indexes
     * and specs link names, so {@code linkNames} names {@link #index()}.
     */
    public AddressSpec toSpec(IntFunction<String> linkNames) {
        Set<AddressFlag> settable = java.util.EnumSet.noneOf(AddressFlag.class);
        for (AddressFlag f : flags) if (AddressSpec.SETTABLE.contains(f)) settable.add(f);
        return new AddressSpec(linkNames.apply(index), address, prefixLength, peer, broadcast, label, Optional.of(scope), settable,
                validLifetime, preferredLifetime);
    }

    /** {@code address/prefixLength}, as ip prints it (IPv6 compressed, RFC 5952). */
    public String cidr() {
        return IpText.text(address) + "/" + prefixLength;
    }

    /** An IP address as iproute2 prints it: dotted quad, or compressed IPv6 (RFC 5952) like inet_ntop. */
    public static String format(InetAddress address) {
        return IpText.text(address);
    }

    /** Whether the address can be used: not tentative (IPv6 DAD finished) and DAD did not fail. */
    public boolean isUsable() {
        return !flags.contains(AddressFlag.TENTATIVE) && !flags.contains(AddressFlag.DADFAILED);
    }

    /** One line in ip's words: {@code inet 10.200.0.2/24 brd 10.200.0.255 scope global if3}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(family.text()).append(' ').append(IpText.text(address));
        peer.ifPresent(p -> sb.append(" peer ").append(IpText.text(p)));
        sb.append('/').append(prefixLength);
        broadcast.ifPresent(b -> sb.append(" brd ").append(IpText.text(b)));
        sb.append(" scope ").append(scope);
        flags.forEach(f -> sb.append(' ').append(f.name().toLowerCase(java.util.Locale.ROOT)));
        sb.append(' ').append(label.orElse("if" + index));
        if (!isPermanent()) {
            sb.append(" valid_lft ").append(validLifetime.toSeconds()).append("sec preferred_lft ")
                    .append(preferredLifetime.toSeconds()).append("sec");
        }
        return sb.toString();
    }
}
