package io.github.netlink4j.link;

import io.github.netlink4j.common.MacAddress;

import java.util.Optional;
import java.util.Set;

/**
 * One link of a streaming dump ({@link io.github.netlink4j.Links#forEach}), read from the received bytes
 * as it is asked: a view over one RTM_NEWLINK, reused for the next, that copies nothing out unless a
 * method returning an object is called. The numbers, the enums and the {@code …Equals} tests allocate
 * nothing; {@link #name()}, {@link #kind()} and {@link #address()} make what they return.
 *
 * <p>Valid only during the callback it was handed to: a method called after the callback returned throws
 * {@link IllegalStateException}. Keep what it returns, never the view.
 *
 * {@snippet :
 * nl.links().forEach(v -> {
 *     if (v.has(LinkFlag.UP)) System.out.println(v.index() + " " + v.name() + " mtu " + v.mtu());
 * });
 * }
 */
public interface LinkView {
    /** ifi_index. */
    int index();

    /** IFLA_IFNAME; makes a String: {@link #nameEquals} does not. */
    String name();

    /** Whether IFLA_IFNAME is {@code name}, without making a String. */
    boolean nameEquals(String name);

    /** ifi_flags as the kernel sent them. */
    int rawFlags();

    /** Whether ifi_flags has {@code flag}. */
    boolean has(LinkFlag flag);

    /** ifi_flags as {@link LinkFlag}s, as {@link Link#flags()}. */
    Set<LinkFlag> flags();

    /** IFLA_MTU, 0 if the kernel sent none. */
    int mtu();

    /** IFLA_MASTER, 0 if the link has no master (the kernel numbers links from 1). */
    int masterIndex();

    /** IFLA_LINKINFO › IFLA_INFO_KIND; empty for a link without one (a physical device, lo). */
    Optional<String> kind();

    /** Whether IFLA_INFO_KIND is {@code kind}, without making a String. */
    boolean kindEquals(String kind);

    /** IFLA_OPERSTATE ({@link OperState#UNKNOWN} if the kernel sent none, as {@link Link#operState()}). */
    OperState operState();

    /** IFLA_ADDRESS; empty when the link has none. */
    Optional<MacAddress> address();

    /**
     * Copies IFLA_ADDRESS into {@code into} and returns its length (6 for Ethernet), 0 when the link has
     * none; copies nothing when {@code into} is too short, and returns the length still.
     */
    int copyAddress(byte[] into);
}
