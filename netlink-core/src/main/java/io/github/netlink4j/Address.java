package io.github.netlink4j;

import io.github.netlink4j.internal.codec.FlagSet;
import io.github.netlink4j.internal.codec.Inet;
import io.github.netlink4j.internal.codec.Text;

import java.net.InetAddress;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * An interface address as the kernel reports it in {@code RTM_NEWADDR} (struct ifaddrmsg and
 * {@code IFA_*} attributes).
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
        return Inet.text(address) + "/" + prefixLength;
    }

    /** An IP address as iproute2 prints it: dotted quad, or compressed IPv6 (RFC 5952) like inet_ntop. */
    public static String format(InetAddress address) {
        return Inet.text(address);
    }

    /** Whether the address can be used: not tentative (IPv6 DAD finished) and DAD did not fail. */
    public boolean isUsable() {
        return !flags.contains(AddressFlag.TENTATIVE) && !flags.contains(AddressFlag.DADFAILED);
    }

    /** One line in ip's words: {@code inet 10.200.0.2/24 brd 10.200.0.255 scope global if3}. */
    @Override
    public String toString() {
        return Text.address(this);
    }
}
