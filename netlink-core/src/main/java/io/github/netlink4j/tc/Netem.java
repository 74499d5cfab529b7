package io.github.netlink4j.tc;

import java.time.Duration;

/**
 * {@code netem delay D [JITTER] [loss P%] [limit N]}: network emulation (TCA_OPTIONS: {@code struct
 * tc_netem_qopt}, its times in scheduler ticks of 64 ns, from whole microseconds as tc sends them; a
 * kernel reports them in nanoseconds, TCA_NETEM_LATENCY64). A time read back is the ticks' (1 µs is 960 ns).
 *
 * @param delay       how long each packet is held
 * @param jitter      the random variation of the delay; zero for none
 * @param lossPercent the share of packets dropped, 0 to 100
 * @param limit       packets held at most
 */
public record Netem(Duration delay, Duration jitter, double lossPercent, long limit) implements QdiscOptions {
    /** The longest delay or jitter: struct tc_netem_qopt holds 32 bits of 64 ns ticks (tc's tc_core_time2big). */
    static final long MAX_TIME_US = 274_877_906;

    /** Checks the ranges. */
    public Netem {
        for (Duration d : java.util.List.of(delay, jitter)) {
            if (TcTime.micros(d) > MAX_TIME_US) throw new IllegalArgumentException("netem time " + TcTime.text(d) + " is past 274.9s (2^32 ticks of 64 ns)");
        }
        if (!(lossPercent >= 0 && lossPercent <= 100)) throw new IllegalArgumentException("netem loss " + lossPercent + "% is not 0 to 100");
        TcText.u32("netem limit", limit);
    }

    @Override
    public String kind() {
        return "netem";
    }

    /** The same with a jitter. */
    public Netem withJitter(Duration jitter) {
        return new Netem(delay, jitter, lossPercent, limit);
    }

    /** The same dropping {@code percent} of packets at random. */
    public Netem withLoss(double percent) {
        return new Netem(delay, jitter, percent, limit);
    }

    /** The same holding at most {@code packets}. */
    public Netem withLimit(long packets) {
        return new Netem(delay, jitter, lossPercent, packets);
    }

    @Override
    public String toString() {
        return "limit " + limit + " delay " + TcTime.text(delay) + (jitter.isZero() ? "" : "  " + TcTime.text(jitter))
                + (lossPercent > 0 ? " loss " + TcText.g(lossPercent, 6) + "%" : "");
    }
}
