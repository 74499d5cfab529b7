package io.github.netlink4j.tc;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code sfq [perturb SECS] [quantum SIZE] [limit N] [divisor N] [flows N] [depth N] [headdrop]}:
 * stochastic fairness (TCA_OPTIONS: {@code struct tc_sfq_qopt_v1}); what is empty is sent as 0, the
 * kernel's default.
 *
 * @param perturb  how often the hash is perturbed, in whole seconds
 * @param quantum  bytes a flow sends per round
 * @param limit    packets queued at most
 * @param divisor  hash table size
 * @param flows    flows at most
 * @param depth    packets per flow at most
 * @param headdrop drop from the head of a full flow rather than its tail
 */
public record Sfq(Optional<Duration> perturb, Optional<Size> quantum, OptionalLong limit, OptionalLong divisor, OptionalLong flows,
           OptionalLong depth, boolean headdrop) implements QdiscOptions {
    /** Nothing set. */
    public static final Sfq DEFAULTS = new Sfq(Optional.empty(), Optional.empty(), OptionalLong.empty(), OptionalLong.empty(),
            OptionalLong.empty(), OptionalLong.empty(), false);

    /** Checks the ranges. */
    public Sfq {
        perturb.ifPresent(p -> {
            if (p.isNegative() || p.toSeconds() > Integer.MAX_VALUE || p.toNanos() % 1_000_000_000 != 0) {
                throw new IllegalArgumentException("sfq perturb " + p + " is not a whole number of seconds");
            }
        });
        Objects.requireNonNull(quantum, "quantum");
        for (OptionalLong v : List.of(limit, divisor, flows, depth)) v.ifPresent(x -> TcText.u32("sfq value", x));
    }

    @Override
    public String kind() {
        return "sfq";
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        limit.ifPresent(v -> sb.append("limit ").append(v).append("p "));
        quantum.ifPresent(v -> sb.append("quantum ").append(v).append(' '));
        depth.ifPresent(v -> sb.append("depth ").append(v).append(' '));
        if (headdrop) sb.append("headdrop ");
        flows.ifPresent(v -> sb.append("flows ").append(v).append(' '));
        divisor.ifPresent(v -> sb.append("divisor ").append(v).append(' '));
        perturb.ifPresent(v -> sb.append("perturb ").append(v.toSeconds()).append("sec "));
        return sb.toString().strip();
    }
}
