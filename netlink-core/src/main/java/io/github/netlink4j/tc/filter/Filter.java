package io.github.netlink4j.tc.filter;

import io.github.netlink4j.common.RawAttribute;
import io.github.netlink4j.tc.TcHandle;
import io.github.netlink4j.tc.action.Action;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.IntFunction;

/**
 * A filter as the kernel reports it in RTM_NEWTFILTER: what one line of {@code tc filter show} says. A
 * kind's dump also holds one message per priority with no handle and no options (u32 and flower's
 * "head", which tc prints as {@code filter parent 1: protocol ip pref 10 u32 chain 0}) and, for u32,
 * the hash table each priority starts with ({@code fh 800: ht divisor 1}).
 *
 * @param index    tcm_ifindex, the link
 * @param parent   tcm_parent
 * @param priority tcm_info's upper 16 bits (tc's {@code pref})
 * @param protocol tcm_info's lower 16 bits
 * @param handle   tcm_handle (tc's {@code fh}), the kind's to read: {@code new U32Handle(handle)} for u32
 * @param chain    TCA_CHAIN (0, the default chain, also when a kernel before 4.13 leaves the attribute out)
 * @param options  TCA_KIND and TCA_OPTIONS, decoded for the kinds the library knows
 * @param actions  the actions in the kind's TCA_*_ACT, in order
 * @param unknown  attributes not decoded above, kept raw
 * @param offload  whether the kernel runs it in hardware, from the kind's TCA_*_FLAGS (tc's {@code in_hw}, {@code not_in_hw})
 */
public record Filter(int index, TcHandle parent, int priority, FilterProtocol protocol, long handle, long chain, FilterOptions options,
                     List<Action> actions, List<RawAttribute> unknown, FilterOffload offload) {
    /** Checks for null; makes the lists immutable. */
    public Filter {
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(offload, "offload");
        actions = List.copyOf(actions);
        unknown = List.copyOf(unknown);
    }

    /** The kind, TCA_KIND. */
    public String kind() {
        return options.kind();
    }

    /** The same filter without its actions' counters (what stays equal while it is unchanged). */
    public Filter withoutStats() {
        return new Filter(index, parent, priority, protocol, handle, chain, options, actions.stream().map(Action::withoutStats).toList(), unknown, offload);
    }

    /**
     * The spec that makes this filter again, or names it for a delete: link (named by {@code linkNames}),
     * parent, priority, protocol, handle, chain, options and actions (a mirred's link named by {@code linkNames}).
     */
    public FilterSpec toSpec(IntFunction<String> linkNames) {
        return new FilterSpec(linkNames.apply(index), parent, priority, protocol, handle == 0 ? OptionalLong.empty() : OptionalLong.of(handle),
                chain == 0 ? OptionalLong.empty() : OptionalLong.of(chain),
                options, actions.stream().map(a -> a.toSpec(linkNames)).toList());
    }

    /** {@code filter parent 1: protocol ip pref 10 u32 chain 0 fh 800::800 dev if3}: tc's words, the link by index. */
    @Override
    public String toString() {
        String fh = handle == 0 ? "" : " fh " + (options instanceof FilterOptions.U32 ? new U32Handle(handle).toString() : "0x" + Long.toHexString(handle));
        return "filter parent " + parent + " protocol " + protocol + " pref " + priority + " " + kind() + " chain " + chain + fh
                + " dev if" + index + options.classid().map(c -> " classid " + c).orElse("") + (actions.isEmpty() ? "" : " " + actions.size() + " actions");
    }
}
