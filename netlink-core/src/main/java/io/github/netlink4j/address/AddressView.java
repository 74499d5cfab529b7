package io.github.netlink4j.address;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.route.RouteScope;

import java.net.InetAddress;
import java.util.Optional;

/**
 * One address of a streaming dump ({@link io.github.netlink4j.Addresses#forEach}), read from the
 * received bytes as it is asked: a view over one RTM_NEWADDR, reused for the next. The numbers, the enums
 * and {@link #copyAddress} allocate nothing; {@link #address()} and {@link #label()} make what they return.
 *
 * <p>Valid only during the callback it was handed to: a method called after the callback returned throws
 * {@link IllegalStateException}.
 *
 * {@snippet :
 * nl.addresses().forEach("veth0", v -> System.out.println(v.address() + "/" + v.prefixLength()));
 * }
 */
public interface AddressView {
    /** ifa_index: the link's index. */
    int index();

    /** ifa_family. */
    AddressFamily family();

    /** ifa_prefixlen. */
    int prefixLength();

    /** The address, as {@link Address#address()}: IFA_LOCAL, or IFA_ADDRESS when there is no IFA_LOCAL (IPv6). */
    InetAddress address();

    /** Copies the bytes of {@link #address()} (4 or 16) into {@code into}, if it is long enough, and returns their count. */
    int copyAddress(byte[] into);

    /** IFA_LABEL (IPv4 only); empty without one. */
    Optional<String> label();

    /** ifa_scope. */
    RouteScope scope();
}
