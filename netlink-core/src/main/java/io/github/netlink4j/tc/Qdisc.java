package io.github.netlink4j.tc;

import io.github.netlink4j.common.RawAttribute;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.IntFunction;

/**
 * A qdisc as the kernel reports it in RTM_NEWQDISC ({@code struct tcmsg} and TCA_* of linux/rtnetlink.h):
 * what one line of {@code tc -s qdisc show} says.
 *
 * {@snippet :
 * for (Qdisc q : nl.qdiscs().list("veth0")) System.out.println(q);   // qdisc htb 1: dev if3 root refcnt 2 r2q 10 default 0x10 direct_qlen 1000
 * }
 *
 * @param index     tcm_ifindex, the link
 * @param handle    tcm_handle ({@code 0:} for a link's built-in noqueue)
 * @param parent    tcm_parent: {@link TcHandle#ROOT}, a class, or {@link TcHandle#INGRESS}
 * @param options   TCA_KIND and TCA_OPTIONS, decoded for the kinds the library knows
 * @param refcount  tcm_info, the kernel's reference count (1 in the echo of an add, before the kernel attaches the qdisc)
 * @param offloaded TCA_HW_OFFLOAD: the hardware runs it
 * @param stats     TCA_STATS2
 * @param directPackets htb's direct_pkts ({@code struct tc_htb_glob} in TCA_HTB_INIT): packets it sent through its
 *                  direct queue because no class took them ({@code tc qdisc show}: {@code direct_packets_stat 3}).
 *                  A counter the kernel reports with the options and not one of them, so a spec never carries
 *                  it; empty for every other kind
 * @param unknown   attributes not decoded above, kept raw (TCA_STATS and TCA_XSTATS, older copies of
 *                  TCA_STATS2's, are left out)
 */
public record Qdisc(int index, TcHandle handle, TcHandle parent, QdiscOptions options, long refcount, boolean offloaded,
                    Optional<TcStats> stats, OptionalLong directPackets, List<RawAttribute> unknown) {
    /** Checks for null; makes the list immutable. */
    public Qdisc {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(stats, "stats");
        Objects.requireNonNull(directPackets, "directPackets");
        unknown = List.copyOf(unknown);
    }

    /** The kind, TCA_KIND. */
    public String kind() {
        return options.kind();
    }

    /**
     * The same qdisc without counters (its statistics and htb's direct packets): what stays equal while it is
     * unchanged (what a subscription compares).
     */
    public Qdisc withoutStats() {
        return stats.isEmpty() && directPackets.isEmpty() ? this
                : new Qdisc(index, handle, parent, options, refcount, offloaded, Optional.empty(), OptionalLong.empty(), unknown);
    }

    /**
     * The spec that makes this qdisc again, or names it for a delete ({@code tc qdisc replace} of what
     * {@code tc qdisc show} lists): link, parent, handle, kind and options. Records carry link indexes
     * and specs link names, so {@code linkNames} names the index.
     */
    public QdiscSpec toSpec(IntFunction<String> linkNames) {
        return new QdiscSpec(linkNames.apply(index), parent, Optional.of(handle), options, Optional.empty());
    }

    /** {@code qdisc tbf 5: dev if2 root refcnt 2 rate 1Mbit burst 32Kb lat 400ms}: tc's words, the link by index. */
    @Override
    public String toString() {
        String opts = options.toString();
        return "qdisc " + kind() + " " + Integer.toHexString(handle.major()) + ": dev if" + index
                + (parent.equals(TcHandle.ROOT) ? " root" : " parent " + parent) + (refcount != 1 ? " refcnt " + refcount : "")
                + (offloaded ? " offloaded" : "") + (opts.isEmpty() ? "" : " " + opts);
    }
}
