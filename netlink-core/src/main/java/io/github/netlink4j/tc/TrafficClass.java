package io.github.netlink4j.tc;

import io.github.netlink4j.common.RawAttribute;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * A class as the kernel reports it in RTM_NEWTCLASS ({@code struct tcmsg} and TCA_*): what one entry of
 * {@code tc -s class show dev LINK} says.
 *
 * {@snippet :
 * for (TrafficClass c : nl.trafficClasses().list("veth0")) System.out.println(c);   // class htb 1:10 dev if3 root prio 0 quantum 12500 rate 1Mbit ceil 2Mbit burst 1600b cburst 1600b
 * }
 *
 * @param index   tcm_ifindex, the link
 * @param handle  tcm_handle, the class id
 * @param parent  tcm_parent: the class above, or {@link TcHandle#ROOT} for a class at the top of its qdisc
 * @param leaf    tcm_info: the qdisc under a leaf class
 * @param options TCA_KIND and TCA_OPTIONS, decoded for the kinds the library knows
 * @param stats   TCA_STATS2
 * @param unknown attributes not decoded above, kept raw (TCA_STATS and TCA_XSTATS, older copies of
 *                TCA_STATS2's, are left out)
 */
public record TrafficClass(int index, TcHandle handle, TcHandle parent, Optional<TcHandle> leaf, ClassOptions options, Optional<TcStats> stats,
                           List<RawAttribute> unknown) {
    /** Checks for null; makes the list immutable. */
    public TrafficClass {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(leaf, "leaf");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(stats, "stats");
        unknown = List.copyOf(unknown);
    }

    /** The kind, TCA_KIND. */
    public String kind() {
        return options.kind();
    }

    /** The same class without counters: what stays equal while it is unchanged (what a subscription compares). */
    public TrafficClass withoutStats() {
        return stats.isEmpty() ? this : new TrafficClass(index, handle, parent, leaf, options, Optional.empty(), unknown);
    }

    /**
     * The spec that makes this class again, or names it for a delete: link, parent, class id, kind and
     * options. {@code linkNames} names the record's link index.
     */
    public TrafficClassSpec toSpec(IntFunction<String> linkNames) {
        return new TrafficClassSpec(linkNames.apply(index), parent, handle, options, Optional.empty());
    }

    /** {@code class htb 1:10 dev if3 root leaf 8001: prio 0 rate 1Mbit ceil 2Mbit burst 1600b cburst 1600b}: tc's words. */
    @Override
    public String toString() {
        String opts = options.toString();
        return "class " + kind() + " " + handle + " dev if" + index + (parent.equals(TcHandle.ROOT) ? " root" : " parent " + parent)
                + leaf.map(l -> " leaf " + Integer.toHexString(l.major()) + ":").orElse("") + (opts.isEmpty() ? "" : " " + opts);
    }
}
