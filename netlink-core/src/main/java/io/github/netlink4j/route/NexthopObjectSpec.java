package io.github.netlink4j.route;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.support.IpText;
import io.github.netlink4j.support.Validate;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.IntFunction;

/**
 * A nexthop object to add or replace (RTM_NEWNEXTHOP), what {@code ip nexthop add|replace} takes: a
 * gateway and/or device, a blackhole, or a group of other nexthops, each with an id (0 or empty: the
 * kernel picks one).
 *
 * {@snippet :
 * nl.nexthops().add(NexthopObjectSpec.via(1, InetAddress.ofLiteral("10.200.0.1"), "veth0"));
 * nl.nexthops().add(NexthopObjectSpec.group(10, List.of(new NexthopObject.Member(1, 1), new NexthopObject.Member(2, 3))));
 * nl.routes().add(RouteSpec.to("10.200.50.0/24").withNexthopId(10));
 * }
 *
 * @param id              NHA_ID, 1 to 4294967295 (empty: the kernel assigns one)
 * @param family          nh_family: the gateway's family, INET for a device or blackhole (INET6 for an IPv6
 *                        blackhole), empty (AF_UNSPEC) for a group, as ip sends them
 * @param gateway         NHA_GATEWAY ({@code via})
 * @param link            NHA_OIF by name ({@code dev})
 * @param blackhole       NHA_BLACKHOLE
 * @param fdb             NHA_FDB
 * @param onlink          RTNH_F_ONLINK: the gateway is on the link even without a route to it
 * @param group           NHA_GROUP members
 * @param groupType       NHA_GROUP_TYPE; empty for the default (mpath)
 * @param buckets         NHA_RES_GROUP_BUCKETS, for a resilient group
 * @param idleTimer       NHA_RES_GROUP_IDLE_TIMER
 * @param unbalancedTimer NHA_RES_GROUP_UNBALANCED_TIMER
 * @param protocol        nh_protocol
 */
public record NexthopObjectSpec(OptionalLong id, Optional<AddressFamily> family, Optional<InetAddress> gateway, Optional<String> link,
                                boolean blackhole, boolean fdb, boolean onlink, List<NexthopObject.Member> group,
                                Optional<NexthopGroupType> groupType, OptionalInt buckets, Optional<Duration> idleTimer,
                                Optional<Duration> unbalancedTimer, Optional<RouteProtocol> protocol) {
    /** Checks that the parts make one kind of nexthop, as the kernel requires. */
    public NexthopObjectSpec {
        Objects.requireNonNull(family, "family");
        Validate.u32("nexthop id", id);
        if (id.isPresent() && id.getAsLong() == 0) throw new IllegalArgumentException("nexthop id 0 means \"the kernel picks\": leave the id empty");
        group = List.copyOf(group);
        gateway.ifPresent(g -> {
            if (family.isPresent() && AddressFamily.of(g) != family.get()) {
                throw new IllegalArgumentException("via " + IpText.text(g) + " is not " + family.get().text());
            }
        });
        link.ifPresent(Validate::ifName);
        if (!group.isEmpty() && (gateway.isPresent() || link.isPresent() || blackhole)) {
            throw new IllegalArgumentException("a group has members only: no via, dev or blackhole");
        }
        if (blackhole && (gateway.isPresent() || link.isPresent() || fdb)) throw new IllegalArgumentException("a blackhole has no via, dev or fdb");
        if (group.isEmpty() && !blackhole && gateway.isEmpty() && link.isEmpty()) {
            throw new IllegalArgumentException("a nexthop needs via, dev, blackhole or group members");
        }
        if (groupType.isPresent() && group.isEmpty()) throw new IllegalArgumentException("a group type needs group members");
        if ((buckets.isPresent() || idleTimer.isPresent() || unbalancedTimer.isPresent()) && groupType.orElse(null) != NexthopGroupType.RESILIENT) {
            throw new IllegalArgumentException("buckets and timers are for resilient groups");
        }
        buckets.ifPresent(b -> {
            if (b < 1 || b > 0xFFFF) throw new IllegalArgumentException("buckets " + b + " is out of 1..65535");
        });
        for (Optional<Duration> t : List.of(idleTimer, unbalancedTimer)) {
            t.ifPresent(d -> {
                if (d.isNegative() || d.toSeconds() >= 0xFFFFFFFFL / 100) throw new IllegalArgumentException("timer " + d + " is out of range");
            });
        }
    }

    private static OptionalLong id(long id) {
        return id == 0 ? OptionalLong.empty() : OptionalLong.of(id);
    }

    private static NexthopObjectSpec single(long id, AddressFamily family, InetAddress gw, String link, boolean blackhole) {
        return new NexthopObjectSpec(id(id), Optional.of(family), Optional.ofNullable(gw),
                Optional.ofNullable(link), blackhole, false, false, List.of(), Optional.empty(), OptionalInt.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** {@code id ID via GW dev LINK}. */
    public static NexthopObjectSpec via(long id, InetAddress gateway, String link) {
        return single(id, AddressFamily.of(gateway), gateway, java.util.Objects.requireNonNull(link, "link"), false);
    }

    /** {@code id ID via GW}: the kernel finds the link by a route to the gateway. */
    public static NexthopObjectSpec via(long id, InetAddress gateway) {
        return single(id, AddressFamily.of(gateway), gateway, null, false);
    }

    /** {@code id ID dev LINK}: a directly connected next hop. */
    public static NexthopObjectSpec dev(long id, String link) {
        return single(id, AddressFamily.INET, null, link, false);
    }

    /** {@code id ID blackhole} of {@code family}. */
    public static NexthopObjectSpec blackhole(long id, AddressFamily family) {
        return single(id, family, null, null, true);
    }

    /** {@code id ID group A[,W]/B[,W]…}: a multipath group of other nexthops. */
    public static NexthopObjectSpec group(long id, List<NexthopObject.Member> members) {
        return new NexthopObjectSpec(id(id), Optional.empty(), Optional.empty(),
                Optional.empty(), false, false, false, members, Optional.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /**
     * Whether {@code n} is the nexthop this spec names. With an id, the id is the kernel's whole key; without
     * one (the kernel picked it), every part the spec sets must equal the record's: family, via, dev (the
     * record's index named by {@code linkNames}), blackhole, fdb, onlink, the members and type of a group,
     * and the protocol when the spec sets one.
     */
    public boolean matches(NexthopObject n, IntFunction<String> linkNames) {
        if (id.isPresent()) return n.id() == id.getAsLong();
        NexthopObjectSpec o = n.toSpec(linkNames);
        return family.equals(o.family) && gateway.equals(o.gateway) && link.equals(o.link) && blackhole == o.blackhole && fdb == o.fdb
                && onlink == o.onlink && group.equals(o.group) && (groupType.isEmpty() || groupType.equals(o.groupType))
                && (protocol.isEmpty() || protocol.equals(o.protocol));
    }

    /** The same nexthop with RTNH_F_ONLINK. */
    public NexthopObjectSpec withOnlink() {
        return new NexthopObjectSpec(id, family, gateway, link, blackhole, fdb, true, group, groupType, buckets, idleTimer, unbalancedTimer, protocol);
    }

    /** The same nexthop marked as a bridge FDB nexthop (NHA_FDB). */
    public NexthopObjectSpec withFdb() {
        return new NexthopObjectSpec(id, family, gateway, link, blackhole, true, onlink, group, groupType, buckets, idleTimer, unbalancedTimer, protocol);
    }

    /**
     * The same group as a resilient one of {@code nbuckets} buckets ({@code type resilient buckets N}); its
     * timers are the kernel's defaults until {@link #withIdleTimer} or {@link #withUnbalancedTimer} sets them.
     */
    public NexthopObjectSpec withResilient(int nbuckets) {
        return new NexthopObjectSpec(id, family, gateway, link, blackhole, fdb, onlink, group, Optional.of(NexthopGroupType.RESILIENT),
                OptionalInt.of(nbuckets), idleTimer, unbalancedTimer, protocol);
    }

    /** The same resilient group with NHA_RES_GROUP_IDLE_TIMER {@code t} ({@code idle_timer}). */
    public NexthopObjectSpec withIdleTimer(Duration t) {
        return new NexthopObjectSpec(id, family, gateway, link, blackhole, fdb, onlink, group, groupType, buckets, Optional.of(t),
                unbalancedTimer, protocol);
    }

    /** The same resilient group with NHA_RES_GROUP_UNBALANCED_TIMER {@code t} ({@code unbalanced_timer}). */
    public NexthopObjectSpec withUnbalancedTimer(Duration t) {
        return new NexthopObjectSpec(id, family, gateway, link, blackhole, fdb, onlink, group, groupType, buckets, idleTimer,
                Optional.of(t), protocol);
    }

    /** The same nexthop recorded as made by {@code p}. */
    public NexthopObjectSpec withProtocol(RouteProtocol p) {
        return new NexthopObjectSpec(id, family, gateway, link, blackhole, fdb, onlink, group, groupType, buckets, idleTimer, unbalancedTimer,
                Optional.of(p));
    }
}
