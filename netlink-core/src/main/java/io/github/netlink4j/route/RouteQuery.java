package io.github.netlink4j.route;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.support.IpText;
import io.github.netlink4j.support.Validate;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A route lookup, what {@code ip route get} asks the kernel (RTM_GETROUTE without NLM_F_DUMP): the
 * route a packet to {@code destination} would take, optionally as if it came from {@code source}, arrived
 * on {@code inputLink}, was sent through {@code outputLink}, carried {@code mark} or belonged to
 * {@code uid}; with {@code fibMatch} the kernel answers with the matching routing-table entry itself
 * (RTM_F_FIB_MATCH) instead of the resolved route.
 *
 * {@snippet :
 * Route r = nl.routes().lookup(RouteQuery.to(InetAddress.ofLiteral("10.200.0.5")));       // ip route get 10.200.0.5
 * Route m = nl.routes().lookup(RouteQuery.to(InetAddress.ofLiteral("10.200.0.5")).withFibMatch()); // … fibmatch
 * }
 *
 * @param destination RTA_DST
 * @param source      RTA_SRC ({@code from})
 * @param inputLink   RTA_IIF ({@code iif}), by name
 * @param outputLink  RTA_OIF ({@code oif}), by name
 * @param mark        RTA_MARK ({@code mark}), 0 to 4294967295
 * @param uid         RTA_UID ({@code uid}), 0 to 4294967295
 * @param fibMatch    RTM_F_FIB_MATCH ({@code fibmatch})
 */
public record RouteQuery(InetAddress destination, Optional<InetAddress> source, Optional<String> inputLink,
                         Optional<String> outputLink, OptionalLong mark, OptionalLong uid, boolean fibMatch) {
    /** Checks that the addresses are of one family, the link names valid and the numbers unsigned 32-bit. */
    public RouteQuery {
        Validate.u32("mark", mark);
        Validate.u32("uid", uid);
        Objects.requireNonNull(destination, "destination");
        if (source.isPresent() && AddressFamily.of(source.get()) != AddressFamily.of(destination)) {
            throw new IllegalArgumentException("from " + IpText.text(source.get()) + " is not of the destination's family");
        }
        inputLink.ifPresent(Validate::ifName);
        outputLink.ifPresent(Validate::ifName);
    }

    /** The lookup of {@code destination} and nothing else. */
    public static RouteQuery to(InetAddress destination) {
        return new RouteQuery(destination, Optional.empty(), Optional.empty(), Optional.empty(), OptionalLong.empty(),
                OptionalLong.empty(), false);
    }

    /** The family of the destination. */
    public AddressFamily family() {
        return AddressFamily.of(destination);
    }

    /** The same lookup as if the packet came from {@code from}. */
    public RouteQuery withSource(InetAddress from) {
        return new RouteQuery(destination, Optional.of(from), inputLink, outputLink, mark, uid, fibMatch);
    }

    /** The same lookup as if the packet arrived on link {@code name}. */
    public RouteQuery withInputLink(String name) {
        return new RouteQuery(destination, source, Optional.of(name), outputLink, mark, uid, fibMatch);
    }

    /** The same lookup restricted to output link {@code name}. */
    public RouteQuery withOutputLink(String name) {
        return new RouteQuery(destination, source, inputLink, Optional.of(name), mark, uid, fibMatch);
    }

    /** The same lookup for packets with firewall mark {@code value}. */
    public RouteQuery withMark(long value) {
        return new RouteQuery(destination, source, inputLink, outputLink, OptionalLong.of(value), uid, fibMatch);
    }

    /** The same lookup for sockets of user {@code value}. */
    public RouteQuery withUid(long value) {
        return new RouteQuery(destination, source, inputLink, outputLink, mark, OptionalLong.of(value), fibMatch);
    }

    /** The same lookup answered with the matching table entry (RTM_F_FIB_MATCH). */
    public RouteQuery withFibMatch() {
        return new RouteQuery(destination, source, inputLink, outputLink, mark, uid, true);
    }
}
