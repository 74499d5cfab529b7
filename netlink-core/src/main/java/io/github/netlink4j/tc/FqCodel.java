package io.github.netlink4j.tc;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code fq_codel [limit N] [flows N] [quantum N] [target T] [interval T] [ecn|noecn] [ce_threshold T]
 * [memory_limit SIZE] [drop_batch N]} (TCA_FQ_CODEL_*); what is empty is not sent, and the kernel's
 * default applies.
 *
 * @param limit       packets queued at most
 * @param flows       the number of flow queues
 * @param quantum     bytes a flow sends per round
 * @param target      the queueing delay CoDel aims at
 * @param interval    CoDel's interval
 * @param ecn         mark rather than drop
 * @param ceThreshold the delay above which packets are marked CE
 * @param memoryLimit bytes queued at most
 * @param dropBatch   packets dropped at once when over the limit
 */
public record FqCodel(OptionalLong limit, OptionalLong flows, OptionalLong quantum, Optional<Duration> target, Optional<Duration> interval,
               Optional<Boolean> ecn, Optional<Duration> ceThreshold, Optional<Size> memoryLimit, OptionalLong dropBatch)
        implements QdiscOptions {
    /** Nothing set: every value the kernel's default. */
    public static final FqCodel DEFAULTS = new FqCodel(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), OptionalLong.empty());

    /** Checks the ranges. */
    public FqCodel {
        for (OptionalLong v : List.of(limit, flows, quantum, dropBatch)) v.ifPresent(x -> TcText.u32("fq_codel value", x));
        for (Optional<Duration> t : List.of(target, interval, ceThreshold)) t.ifPresent(TcTime::micros);
        Objects.requireNonNull(ecn, "ecn");
        Objects.requireNonNull(memoryLimit, "memoryLimit");
    }

    @Override
    public String kind() {
        return "fq_codel";
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        limit.ifPresent(v -> sb.append("limit ").append(v).append("p "));
        flows.ifPresent(v -> sb.append("flows ").append(v).append(' '));
        quantum.ifPresent(v -> sb.append("quantum ").append(v).append(' '));
        target.ifPresent(v -> sb.append("target ").append(TcTime.text(v)).append(' '));
        ceThreshold.ifPresent(v -> sb.append("ce_threshold ").append(TcTime.text(v)).append(' '));
        interval.ifPresent(v -> sb.append("interval ").append(TcTime.text(v)).append(' '));
        memoryLimit.ifPresent(v -> sb.append("memory_limit ").append(v).append(' '));
        ecn.ifPresent(v -> sb.append(v ? "ecn " : "noecn "));
        dropBatch.ifPresent(v -> sb.append("drop_batch ").append(v).append(' '));
        return sb.toString().strip();
    }
}
