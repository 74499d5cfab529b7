package io.github.netlink4j.tc;

import io.github.netlink4j.common.RawAttribute;

import java.util.Optional;

/**
 * The counters of a qdisc or class (TCA_STATS2 of linux/gen_stats.h), what {@code tc -s} prints under
 * it: {@code Sent 86 bytes 1 pkt (dropped 0, overlimits 0 requeues 0)}, {@code backlog 0b 0p}. The
 * kernel sends the basic and the queue counters for every qdisc and class; one it left out reads 0.
 *
 * @param bytes         TCA_STATS_BASIC bytes sent
 * @param packets       packets sent (TCA_STATS_PKT64 when the kernel sent it, else TCA_STATS_BASIC's)
 * @param drops         TCA_STATS_QUEUE drops
 * @param overlimits    TCA_STATS_QUEUE overlimits: packets held back by a shaper
 * @param requeues      TCA_STATS_QUEUE requeues
 * @param backlog       TCA_STATS_QUEUE backlog, bytes queued now
 * @param qlen          TCA_STATS_QUEUE qlen, packets queued now
 * @param rateEstimate  TCA_STATS_RATE_EST64 (or TCA_STATS_RATE_EST), present when an {@link Estimator} runs
 * @param application   TCA_STATS_APP, the kind's own counters (htb's lends, borrows, tokens), kept raw
 */
public record TcStats(long bytes, long packets, long drops, long overlimits, long requeues, long backlog, long qlen,
                      Optional<RateEstimate> rateEstimate, Optional<RawAttribute> application) {
    /**
     * What a rate estimator measured ({@code tc -s}: {@code rate 1200bit 1pps}).
     *
     * @param rate             the estimated rate
     * @param packetsPerSecond the estimated packets per second
     */
    public record RateEstimate(Rate rate, long packetsPerSecond) {}

    /** {@code Sent 86 bytes 1 pkt (dropped 0, overlimits 0 requeues 0) backlog 0b 0p}, tc's words. */
    @Override
    public String toString() {
        return "Sent " + bytes + " bytes " + packets + " pkt (dropped " + drops + ", overlimits " + overlimits + " requeues " + requeues
                + ") " + rateEstimate.map(r -> "rate " + r.rate() + " " + r.packetsPerSecond() + "pps ").orElse("")
                + "backlog " + (backlog >= 0 && backlog <= 0xffff_ffffL ? Size.ofBytes(backlog).toString() : backlog + "b") + " " + qlen + "p";
    }
}
