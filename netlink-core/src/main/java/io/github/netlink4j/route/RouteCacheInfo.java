package io.github.netlink4j.route;

import java.time.Duration;
import java.util.Objects;

/**
 * What the kernel says of a route's cached destination entry: {@code RTA_CACHEINFO} (struct rta_cacheinfo),
 * sent with a lookup's answer ({@code ip route get}) and with IPv6 routes. The kernel counts times in clock
 * ticks of USER_HZ (a hundredth of a second). {@code ip route} prints {@code expires Nsec} and {@code error N}
 * when they are not zero, and with {@code -s} the cache line's {@code users N used N age Nsec}.
 *
 * @param users        rta_clntref: the references held on the entry, unsigned 32-bit
 * @param used         rta_used: how many times the entry was used, unsigned 32-bit
 * @param sinceLastUse rta_lastuse: since the entry was last used; zero when the kernel reports none
 * @param expires      rta_expires (signed): how long until the route expires; zero for one that does not
 * @param error        rta_error: the entry's error as the kernel keeps it (a negated errno), unsigned 32-bit as ip prints it
 * @param id           rta_id: the IP id, zero in every kernel since the field lost its use; unsigned 32-bit
 */
public record RouteCacheInfo(long users, long used, Duration sinceLastUse, Duration expires, long error, long id) {
    /** Checks that the times are given and the counts are unsigned. */
    public RouteCacheInfo {
        Objects.requireNonNull(sinceLastUse, "sinceLastUse");
        Objects.requireNonNull(expires, "expires");
        if (sinceLastUse.isNegative()) throw new IllegalArgumentException("negative age " + sinceLastUse);
        for (long v : new long[] {users, used, error, id}) {
            if (v < 0 || v > 0xFFFF_FFFFL) throw new IllegalArgumentException("not an unsigned 32-bit value: " + v);
        }
    }
}
