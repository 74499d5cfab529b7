package io.github.netlink4j.route;

import io.github.netlink4j.common.AddressFamily;

/**
 * A range of ports or user ids a policy rule selects ({@code struct fib_rule_port_range} for
 * FRA_SPORT_RANGE and FRA_DPORT_RANGE, {@code struct fib_rule_uid_range} for FRA_UID_RANGE).
 *
 * {@snippet :
 * nl.rules().add(RuleSpec.of(AddressFamily.INET).withDestinationPorts(new RuleRange(1000, 2000)).withLookup(RouteTable.of(7)));
 * // ip rule add dport 1000-2000 lookup 7
 * }
 *
 * @param start the first value
 * @param end   the last value, not below {@code start}
 */
public record RuleRange(long start, long end) {
    /** Checks the order. */
    public RuleRange {
        if (start < 0 || end < start) throw new IllegalArgumentException("bad range " + start + "-" + end);
    }

    /** The single value {@code v}. */
    public static RuleRange of(long v) {
        return new RuleRange(v, v);
    }

    /** {@code 80} or {@code 1000-2000}, as ip prints and reads a range. */
    @Override
    public String toString() {
        return start == end ? Long.toString(start) : start + "-" + end;
    }
}
