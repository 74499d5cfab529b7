package io.github.netlink4j.route;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.support.FlagSet;
import io.github.netlink4j.support.IpText;


import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.ArrayList;

/**
 * A route as the kernel reports it in {@code RTM_NEWROUTE} (struct rtmsg and {@code RTA_*} attributes).
 *
 * {@snippet :
 * for (Route r : nl.routes().list(AddressFamily.INET, RouteTable.MAIN)) System.out.println(r);   // ip route
 * }
 *
 * @param family            rtm_family
 * @param destination       RTA_DST; empty for the default route
 * @param destinationLength rtm_dst_len
 * @param table             RTA_TABLE (or rtm_table)
 * @param protocol          rtm_protocol
 * @param scope             rtm_scope
 * @param type              rtm_type
 * @param rawFlags          rtm_flags as the kernel sent them: RTNH_F_* in the low byte, RTM_F_* above, a lookup's
 *                          RTCF_* cache flags in the top half
 * @param flags             the RTM_F_* bits as {@link RouteFlag}s (see {@link #nexthopFlags()} and {@link #cacheFlags()} for the rest)
 * @param gateway           RTA_GATEWAY
 * @param outputIndex       RTA_OIF
 * @param preferredSource   RTA_PREFSRC
 * @param metric            RTA_PRIORITY, unsigned 32-bit
 * @param multipath         RTA_MULTIPATH next hops; empty for a single path
 * @param preference        RTA_PREF, the IPv6 router preference
 * @param source            RTA_SRC, the source prefix of a source-specific route or a lookup's {@code from}
 * @param sourceLength      rtm_src_len
 * @param inputIndex        RTA_IIF, the input link of a lookup's answer
 * @param uid               RTA_UID, the user a lookup's answer was made for, unsigned 32-bit
 * @param nexthopId         RTA_NH_ID, the nexthop object the route uses ({@code ip route … nhid N}), unsigned 32-bit
 * @param cacheInfo         RTA_CACHEINFO: a lookup's answer and IPv6 routes carry it, IPv4 routes in a dump do not
 */
public record Route(AddressFamily family, Optional<InetAddress> destination, int destinationLength, RouteTable table,
                    RouteProtocol protocol, RouteScope scope, RouteType type, int rawFlags, Set<RouteFlag> flags,
                    Optional<InetAddress> gateway, OptionalInt outputIndex, Optional<InetAddress> preferredSource,
                    OptionalLong metric, List<Nexthop> multipath, Optional<RoutePreference> preference,
                    Optional<InetAddress> source, int sourceLength, OptionalInt inputIndex, OptionalLong uid,
                    OptionalLong nexthopId, Optional<RouteCacheInfo> cacheInfo) {
    /** Makes the collections immutable (the decoders' own flag sets are kept as they are). */
    public Route {
        flags = flags instanceof FlagSet ? flags : Set.copyOf(flags);
        multipath = List.copyOf(multipath);
        java.util.Objects.requireNonNull(cacheInfo);
    }

    /** A route without RTA_CACHEINFO. */
    public Route(AddressFamily family, Optional<InetAddress> destination, int destinationLength, RouteTable table,
                 RouteProtocol protocol, RouteScope scope, RouteType type, int rawFlags, Set<RouteFlag> flags,
                 Optional<InetAddress> gateway, OptionalInt outputIndex, Optional<InetAddress> preferredSource,
                 OptionalLong metric, List<Nexthop> multipath, Optional<RoutePreference> preference,
                 Optional<InetAddress> source, int sourceLength, OptionalInt inputIndex, OptionalLong uid,
                 OptionalLong nexthopId) {
        this(family, destination, destinationLength, table, protocol, scope, type, rawFlags, flags, gateway, outputIndex, preferredSource,
                metric, multipath, preference, source, sourceLength, inputIndex, uid, nexthopId, Optional.empty());
    }

    /**
     * The same route without its cache info, whose times move as the clock does (an IPv6 route's expiry
     * counts down): a subscription's resync calls a route changed only when this differs.
     */
    public Route withoutCacheInfo() {
        return cacheInfo.isEmpty() ? this : new Route(family, destination, destinationLength, table, protocol, scope, type, rawFlags, flags,
                gateway, outputIndex, preferredSource, metric, multipath, preference, source, sourceLength, inputIndex, uid, nexthopId);
    }

    /** Whether this is a default route (destination length 0). */
    public boolean isDefault() {
        return destinationLength == 0;
    }

    /** Whether the kernel made this entry as a cache of a lookup ({@code RTM_F_CLONED}); ip hides these. */
    public boolean isCloned() {
        return flags.contains(RouteFlag.CLONED);
    }

    // RTCF_* of linux/in_route.h in the order ip's print_cache_flags prints them, with its names.
    private static final int[] CACHE_BITS = {0x80000000, 0x40000000, 0x20000000, 0x10000000, 0x08000000, 0x00800000,
            0x00400000, 0x00020000, 0x04000000, 0x00040000, 0x01000000, 0x00200000, 0x00010000, 0x00080000};
    private static final String[] CACHE_NAMES = {"local", "reject", "mc", "brd", "dst-nat", "src-nat", "masq",
            "dst-direct", "src-direct", "redirected", "redirect", "fastroute", "notify", "proxy"};

    /**
     * The routing-cache flags of a lookup's answer (the RTCF_* bits in the top half of {@code rtm_flags},
     * linux/in_route.h) as ip names them after {@code cache}: {@code local}, {@code brd}, {@code mc}, …;
     * a bit ip has no name for as its hexadecimal value.
     */
    public List<String> cacheFlags() {
        List<String> out = new java.util.ArrayList<>();
        int f = rawFlags & ~0xFFFF;
        for (int i = 0; i < CACHE_BITS.length; i++) {
            if ((f & CACHE_BITS[i]) != 0) {
                out.add(CACHE_NAMES[i]);
                f &= ~CACHE_BITS[i];
            }
        }
        if (f != 0) out.add(Integer.toHexString(f));
        return List.copyOf(out);
    }

    /** The next-hop flags of a single-path route (the RTNH_F_* bits of {@code rtm_flags}). */
    public Set<NexthopFlag> nexthopFlags() {
        return NexthopFlag.fromBits(rawFlags);
    }

    /**
     * The spec that makes this route again, or names it for a delete: its key (family, destination,
     * table, type, metric), how it is reached (gateway and link, the multipath list, or the nexthop
     * object) and its protocol, scope and preferred source. Records carry link indexes and specs link
     * names, so {@code linkNames} names each index (e.g. from {@code nl.links().list()}); a route through a
     * nexthop object ({@code nhid}) keeps only the id, since the kernel reports the object's gateway and
     * link as the route's own. Not carried: RTA_SRC, RTA_PREF and the flags, which a spec does not set.
     *
     * @throws IllegalArgumentException when {@code linkNames} gives no valid name for an index
     */
    public RouteSpec toSpec(IntFunction<String> linkNames) {
        boolean viaObject = nexthopId.isPresent();
        List<NexthopSpec> hops = new ArrayList<>(multipath.size());
        if (!viaObject) {
            for (Nexthop h : multipath) hops.add(new NexthopSpec(h.gateway(), linkNames.apply(h.outputIndex()), h.weight()));
        }
        Optional<String> link = viaObject || outputIndex.isEmpty() ? Optional.empty() : Optional.of(linkNames.apply(outputIndex.getAsInt()));
        return new RouteSpec(family, destination, destinationLength, viaObject ? Optional.empty() : gateway, link, preferredSource,
                metric, Optional.of(table), Optional.of(protocol), Optional.of(scope), type, hops, nexthopId);
    }

    /** {@code default} or {@code dst/len}, as ip prints the destination (host routes without /32). */
    public String destinationText() {
        if (destination.isEmpty() || destinationLength == 0) return "default";
        return IpText.text(destination.get()) + (destinationLength == IpText.maxPrefix(destination.get()) ? "" : "/" + destinationLength);
    }

    /** One line in ip's words: {@code 10.200.1.0/24 via 10.200.0.1 dev if3 proto boot metric 7}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (type != RouteType.UNICAST) sb.append(type.text()).append(' ');
        sb.append(destinationText());
        gateway.ifPresent(g -> sb.append(" via ").append(IpText.text(g)));
        outputIndex.ifPresent(i -> sb.append(" dev if").append(i));
        if (!table.equals(RouteTable.MAIN)) sb.append(" table ").append(table);
        sb.append(" proto ").append(protocol).append(" scope ").append(scope);
        preferredSource.ifPresent(s -> sb.append(" src ").append(IpText.text(s)));
        metric.ifPresent(m -> sb.append(" metric ").append(m));
        for (Nexthop h : multipath) {
            sb.append(" nexthop");
            h.gateway().ifPresent(g -> sb.append(" via ").append(IpText.text(g)));
            sb.append(" dev if").append(h.outputIndex()).append(" weight ").append(h.weight());
        }
        preference.ifPresent(p -> sb.append(" pref ").append(p.text()));
        return sb.toString();
    }
}
