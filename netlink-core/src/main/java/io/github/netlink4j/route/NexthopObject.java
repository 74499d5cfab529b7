package io.github.netlink4j.route;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.common.RawAttribute;
import io.github.netlink4j.support.FlagSet;
import io.github.netlink4j.support.IpText;
import io.github.netlink4j.support.Validate;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * A nexthop object as the kernel reports it in RTM_NEWNEXTHOP ({@code struct nhmsg} and NHA_*
 * attributes of linux/nexthop.h, kernel 5.3+): a single next hop (a gateway and/or a device, or a
 * blackhole) or a group of other nexthop objects that routes reference by id ({@code ip route … nhid N}).
 * Not to be confused with {@link Nexthop}, one member of a route's own multipath list.
 *
 * {@snippet :
 * for (NexthopObject n : nl.nexthops().list()) System.out.println(n);   // id 1 via 10.200.0.1 dev veth0 scope link
 * }
 *
 * @param id              NHA_ID, 1 to 4294967295
 * @param family          nh_family (the gateway's family; INET for a device-only or blackhole nexthop;
 *                        empty, AF_UNSPEC, for a group)
 * @param scope           nh_scope
 * @param protocol        nh_protocol
 * @param rawFlags        nh_flags as the kernel sent them
 * @param flags           the same as {@link NexthopFlag}s (onlink, dead, linkdown, …)
 * @param gateway         NHA_GATEWAY
 * @param outputIndex     NHA_OIF
 * @param blackhole       NHA_BLACKHOLE
 * @param fdb             NHA_FDB: the nexthop belongs to a bridge FDB (VXLAN)
 * @param group           NHA_GROUP members; empty for a single nexthop
 * @param groupType       NHA_GROUP_TYPE, for a group
 * @param resilient       NHA_RES_GROUP, for a resilient group
 * @param unknown         attributes not decoded above, kept raw
 */
public record NexthopObject(long id, Optional<AddressFamily> family, RouteScope scope, RouteProtocol protocol, int rawFlags,
                            Set<NexthopFlag> flags, Optional<InetAddress> gateway, OptionalInt outputIndex, boolean blackhole, boolean fdb,
                            List<Member> group, Optional<NexthopGroupType> groupType, Optional<Resilient> resilient,
                            List<RawAttribute> unknown) {
    /** Makes the collections immutable. */
    public NexthopObject {
        flags = flags instanceof FlagSet ? flags : Set.copyOf(flags);
        group = List.copyOf(group);
        unknown = List.copyOf(unknown);
    }

    /**
     * One member of a group ({@code struct nexthop_grp}).
     *
     * @param id     the member's nexthop id, 1 to 4294967295
     * @param weight its weight, 1..256 (the kernel stores weight - 1)
     */
    public record Member(long id, int weight) {
        /** Checks the id and the weight. */
        public Member {
            Validate.u32("member id", id);
            if (weight < 1 || weight > 256) throw new IllegalArgumentException("weight " + weight + " is out of 1..256");
        }
    }

    /**
     * A resilient group's settings and state ({@code NHA_RES_GROUP_*}).
     *
     * @param buckets          NHA_RES_GROUP_BUCKETS
     * @param idleTimer        NHA_RES_GROUP_IDLE_TIMER
     * @param unbalancedTimer  NHA_RES_GROUP_UNBALANCED_TIMER
     * @param unbalancedTime   NHA_RES_GROUP_UNBALANCED_TIME, how long the group has been unbalanced
     */
    public record Resilient(int buckets, Duration idleTimer, Duration unbalancedTimer, Duration unbalancedTime) {}

    /**
     * The spec that makes this nexthop again ({@code ip nexthop replace} of what {@code ip nexthop show}
     * lists): id, family, via, dev, blackhole, fdb, onlink, group members and type, a resilient group's
     * buckets and timers, protocol. Records carry link indexes and specs link names, so {@code linkNames}
     * names the output index.
     */
    public NexthopObjectSpec toSpec(IntFunction<String> linkNames) {
        Optional<String> link = outputIndex.isPresent() ? Optional.of(linkNames.apply(outputIndex.getAsInt())) : Optional.empty();
        return new NexthopObjectSpec(OptionalLong.of(id), family, gateway, link, blackhole, fdb, flags.contains(NexthopFlag.ONLINK),
                group, groupType, resilient.map(r -> java.util.OptionalInt.of(r.buckets())).orElse(java.util.OptionalInt.empty()),
                resilient.map(Resilient::idleTimer), resilient.map(Resilient::unbalancedTimer), Optional.of(protocol));
    }

    /** Whether this is a group of other nexthops. */
    public boolean isGroup() {
        return !group.isEmpty();
    }

    /** {@code id 1 via 10.200.0.1 dev if3 scope link}: ip's words, devices by index. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("id ").append(id);
        if (isGroup()) {
            sb.append(" group ");
            for (int i = 0; i < group.size(); i++) {
                if (i > 0) sb.append('/');
                sb.append(group.get(i).id());
                if (group.get(i).weight() != 1) sb.append(',').append(group.get(i).weight());
            }
        }
        gateway.ifPresent(g -> sb.append(" via ").append(IpText.text(g)));
        outputIndex.ifPresent(i -> sb.append(" dev if").append(i));
        if (blackhole) sb.append(" blackhole");
        if (fdb) sb.append(" fdb");
        return sb.toString();
    }
}
