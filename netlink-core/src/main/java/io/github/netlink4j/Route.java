package io.github.netlink4j;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A route as the kernel reports it in {@code RTM_NEWROUTE}.
 *
 * @param family          2 (IPv4) or 10 (IPv6)
 * @param destination     RTA_DST; empty for the default route
 * @param destinationLength rtm_dst_len
 * @param table           RTA_TABLE (or rtm_table): 254 main, 255 local
 * @param protocol        rtm_protocol: 2 kernel, 3 boot, 4 static, …
 * @param scope           rtm_scope
 * @param type            rtm_type
 * @param flags           rtm_flags
 * @param gateway         RTA_GATEWAY
 * @param outputIndex     RTA_OIF
 * @param preferredSource RTA_PREFSRC
 * @param priority        RTA_PRIORITY (the metric)
 * @param multipath       RTA_MULTIPATH next hops; empty for a single path
 * @param preference      RTA_PREF, the IPv6 router preference (0 medium, 1 high, 3 low)
 */
public record Route(int family, Optional<InetAddress> destination, int destinationLength, int table, int protocol,
                    RouteScope scope, RouteType type, int flags, Optional<InetAddress> gateway, OptionalInt outputIndex,
                    Optional<InetAddress> preferredSource, OptionalInt priority, List<NextHop> multipath,
                    OptionalInt preference) {
    /** Makes the list immutable. */
    public Route {
        multipath = List.copyOf(multipath);
    }

    /** Whether this is a default route (destination length 0). */
    public boolean isDefault() {
        return destinationLength == 0;
    }

    /** {@code default} or {@code dst/len}, as ip prints the destination (host routes without /32). */
    public String destinationText() {
        if (destination.isEmpty() || destinationLength == 0) return "default";
        int max = family == Inet.AF_INET ? 32 : 128;
        return Inet.text(destination.get()) + (destinationLength == max ? "" : "/" + destinationLength);
    }
}
