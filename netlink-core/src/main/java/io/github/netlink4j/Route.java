package io.github.netlink4j;


import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A route as the kernel reports it in {@code RTM_NEWROUTE} (struct rtmsg and {@code RTA_*} attributes).
 *
 * @param family            rtm_family
 * @param destination       RTA_DST; empty for the default route
 * @param destinationLength rtm_dst_len
 * @param table             RTA_TABLE (or rtm_table)
 * @param protocol          rtm_protocol
 * @param scope             rtm_scope
 * @param type              rtm_type
 * @param flags             rtm_flags (RTM_F_* and RTNH_F_* bits)
 * @param gateway           RTA_GATEWAY
 * @param outputIndex       RTA_OIF
 * @param preferredSource   RTA_PREFSRC
 * @param metric            RTA_PRIORITY
 * @param multipath         RTA_MULTIPATH next hops; empty for a single path
 * @param preference        RTA_PREF, the IPv6 router preference
 */
public record Route(AddressFamily family, Optional<InetAddress> destination, int destinationLength, RouteTable table,
                    RouteProtocol protocol, RouteScope scope, RouteType type, int flags, Optional<InetAddress> gateway,
                    OptionalInt outputIndex, Optional<InetAddress> preferredSource, OptionalInt metric,
                    List<NextHop> multipath, Optional<RoutePreference> preference) {
    /** {@code RTM_F_CLONED}: a cache entry, not a route someone added. */
    private static final int RTM_F_CLONED = 0x200;

    /** Makes the list immutable. */
    public Route {
        multipath = List.copyOf(multipath);
    }

    /** Whether this is a default route (destination length 0). */
    public boolean isDefault() {
        return destinationLength == 0;
    }

    /** Whether the kernel made this entry as a cache of a lookup ({@code RTM_F_CLONED}); ip hides these. */
    public boolean isCloned() {
        return (flags & RTM_F_CLONED) != 0;
    }

    /** The next-hop flags of a single-path route (the RTNH_F_* bits of {@code rtm_flags}). */
    public java.util.Set<NextHopFlag> nextHopFlags() {
        return NextHopFlag.fromBits(flags);
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
        for (NextHop h : multipath) {
            sb.append(" nexthop");
            h.gateway().ifPresent(g -> sb.append(" via ").append(IpText.text(g)));
            sb.append(" dev if").append(h.outputIndex()).append(" weight ").append(h.weight());
        }
        preference.ifPresent(p -> sb.append(" pref ").append(p.text()));
        return sb.toString();
    }
}
