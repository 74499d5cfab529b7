package io.github.netlink4j.tc;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code tbf rate R burst B limit L [peakrate P mtu M]}: a token bucket (TCA_TBF_PARMS and the rate
 * tables tc computes; TCA_TBF_RATE64 above 4 GB/s). The kernel keeps the burst and the MTU as times at
 * their rates, so a qdisc reports them as those times come to, as tc prints them: an MTU of 1514 at 20mbit
 * reads 1512.
 *
 * @param rate     the rate tokens come in at
 * @param burst    the bucket, in bytes sent at once
 * @param limit    bytes queued waiting for tokens
 * @param peakrate the highest rate even with a full bucket
 * @param mtu      the peak rate's bucket, the largest packet (tc's {@code mtu}/{@code minburst})
 */
public record Tbf(Rate rate, Size burst, Size limit, Optional<Rate> peakrate, Optional<Size> mtu) implements QdiscOptions {
    /** Checks that the rate is set and a peak rate comes with its MTU, as tc requires. */
    public Tbf {
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(burst, "burst");
        Objects.requireNonNull(limit, "limit");
        if (rate.bytesPerSecond() == 0) throw new IllegalArgumentException("tbf needs a rate above 0");
        if (burst.bytes() == 0) throw new IllegalArgumentException("tbf needs a burst above 0");
        if (peakrate.isPresent() != mtu.isPresent()) throw new IllegalArgumentException("tbf takes a peakrate together with its mtu");
        peakrate.ifPresent(p -> {
            if (p.bytesPerSecond() == 0) throw new IllegalArgumentException("tbf peakrate must be above 0");
        });
    }

    @Override
    public String kind() {
        return "tbf";
    }

    /** The same with a peak rate and the MTU that goes with it; the limit is kept. */
    public Tbf withPeakrate(Rate peak, Size mtu) {
        return new Tbf(rate, burst, limit, Optional.of(peak), Optional.of(mtu));
    }

    /**
     * The latency tc prints ({@code lat}): how long the limit's bytes wait at the rate, less the burst's
     * time (and the larger of that and the same for the peak rate).
     */
    public Duration latency() {
        double latency = 1e6 * (limit.bytes() / (double) rate.bytesPerSecond()) - micros(rate, burst);
        if (peakrate.isPresent()) {
            double lat2 = 1e6 * (limit.bytes() / (double) peakrate.get().bytesPerSecond()) - micros(peakrate.get(), mtu.orElseThrow());
            if (lat2 > latency) latency = lat2;
        }
        return Duration.ofNanos(Math.max(0, (long) latency) * 1000);
    }

    /** tc's transmit time of {@code size} at {@code rate}, in whole microseconds (tc_calc_xmittime before its ticks). */
    private static long micros(Rate rate, Size size) {
        return (long) (1e6 * ((double) size.bytes() / (double) rate.bytesPerSecond()));
    }

    /** q_tbf.c: {@code rate * latency + burst}, or the same for the peak rate and MTU if smaller. */
    static Size limitOf(Rate rate, Size burst, Duration latency, Rate peak, Size mtu) {
        long us = TcTime.micros(latency);
        double limit = rate.bytesPerSecond() * (double) us / 1e6 + burst.bytes();
        if (peak != null) {
            double lim2 = peak.bytesPerSecond() * (double) us / 1e6 + mtu.bytes();
            if (lim2 < limit) limit = lim2;
        }
        if (limit >= 0x1_0000_0000L) throw new IllegalArgumentException("tbf latency " + TcTime.text(latency) + " makes a limit past 4294967295 bytes");
        return Size.ofBytes((long) limit);
    }

    @Override
    public String toString() {
        return "rate " + rate + " burst " + burst + peakrate.map(p -> " peakrate " + p + " minburst " + mtu.orElseThrow()).orElse("")
                + " lat " + TcTime.text(latency());
    }
}
