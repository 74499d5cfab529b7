package io.github.netlink4j.neighbour;

import java.time.Duration;
import java.util.Objects;

/**
 * How long ago a neighbour entry was last used, confirmed and updated, and how many holders it has:
 * {@code NDA_CACHEINFO} (struct nda_cacheinfo). The kernel counts the ages in clock ticks of USER_HZ (a
 * hundredth of a second), so they come in steps of 10 ms; {@code ip -s neigh} prints them in whole seconds
 * as {@code used 12/10/10}, and the references as {@code ref N} when there are some.
 *
 * @param sinceUsed      ndm_used: since a packet last went out through the entry
 * @param sinceConfirmed ndm_confirmed: since the neighbour was last confirmed reachable
 * @param sinceUpdated   ndm_updated: since the entry's state or link-layer address last changed
 * @param references     ndm_refcnt: holders besides the table itself (routes, sockets' cached destinations)
 */
public record NeighbourCacheInfo(Duration sinceUsed, Duration sinceConfirmed, Duration sinceUpdated, long references) {
    /** Checks that no age is missing or negative and that the count is not negative. */
    public NeighbourCacheInfo {
        for (Duration d : new Duration[] {sinceUsed, sinceConfirmed, sinceUpdated}) {
            if (Objects.requireNonNull(d, "age").isNegative()) throw new IllegalArgumentException("negative age " + d);
        }
        if (references < 0) throw new IllegalArgumentException("negative reference count " + references);
    }
}
