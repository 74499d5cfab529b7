package io.github.netlink4j.tc.action;

import io.github.netlink4j.common.RawAttribute;
import io.github.netlink4j.tc.TcStats;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * An action as the kernel reports it, inside a filter (TCA_*_ACT) or in {@code tc actions ls}
 * (RTM_GETACTION's TCA_ROOT_TAB): one nest of TCA_ACT_* numbered by its order.
 *
 * @param order     its place in the list (the nest's type, from 1; 0 in a standalone listing as tc prints it)
 * @param options   TCA_ACT_KIND and TCA_ACT_OPTIONS, decoded for the kinds the library knows
 * @param index     the action's index (from its parameters or TCA_ACT_INDEX)
 * @param refcount  references to it (its parameters' {@code refcnt})
 * @param bindcount filters bound to it ({@code bindcnt})
 * @param stats     TCA_ACT_STATS
 * @param times     when it was installed and used (its kind's TCA_*_TM), for the kinds the library decodes
 * @param unknown   the other TCA_ACT_* attributes, raw
 */
public record Action(int order, ActionOptions options, long index, long refcount, long bindcount, Optional<TcStats> stats,
                     Optional<ActionTimes> times, List<RawAttribute> unknown) {
    /** Checks for null; makes the list immutable. */
    public Action {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(stats, "stats");
        Objects.requireNonNull(times, "times");
        unknown = List.copyOf(unknown);
    }

    /** The kind, TCA_ACT_KIND. */
    public String kind() {
        return options.kind();
    }

    /** The same action without counters and times, which move while it is unchanged (what stays equal). */
    public Action withoutStats() {
        return stats.isEmpty() && times.isEmpty() ? this
                : new Action(order, options, index, refcount, bindcount, Optional.empty(), Optional.empty(), unknown);
    }

    /**
     * The spec that makes this action again with its index ({@code tc actions add … index N}); a mirred
     * action's link is named by {@code linkNames}.
     */
    public ActionSpec toSpec(IntFunction<String> linkNames) {
        if (options instanceof ActionOptions.Mirred m) {
            return new ActionSpec(new ActionOptions.Mirred(m.action(), 0, m.control()), index, Optional.of(linkNames.apply(m.ifindex())));
        }
        return new ActionSpec(options, index, Optional.empty());
    }
}
