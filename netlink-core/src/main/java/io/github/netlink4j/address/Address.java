package io.github.netlink4j.address;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.support.FlagSet;
import io.github.netlink4j.support.IpText;
import io.github.netlink4j.route.RouteScope;


import java.net.InetAddress;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

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
 * @param flags             IFA_FLAGS (or ifa_flags) as {@link AddressFlag}s
 * @param rawFlags          the same as bits
 * @param validLifetime     IFA_CACHEINFO ifa_valid in seconds; empty for "forever"
 * @param preferredLifetime IFA_CACHEINFO ifa_prefered in seconds; empty for "forever"
 */
public record Address(AddressFamily family, int index, InetAddress address, int prefixLength, Optional<InetAddress> peer,
                      Optional<InetAddress> broadcast, Optional<String> label, RouteScope scope, Set<AddressFlag> flags,
                      int rawFlags, OptionalLong validLifetime, OptionalLong preferredLifetime) {
    /** Makes the flag set immutable. */
    public Address {
        flags = flags instanceof FlagSet ? flags : Set.copyOf(flags);
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
        if (validLifetime.isPresent()) {
            sb.append(" valid_lft ").append(validLifetime.getAsLong()).append("sec preferred_lft ")
                    .append(preferredLifetime.orElse(0)).append("sec");
        }
        return sb.toString();
    }
}
