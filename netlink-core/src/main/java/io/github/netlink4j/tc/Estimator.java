package io.github.netlink4j.tc;

import java.time.Duration;

/**
 * A rate estimator for a qdisc or class ({@code tc … estimator INTERVAL TIME_CONSTANT}): the kernel
 * samples the traffic every interval and averages it over the time constant, and reports the result
 * in {@link TcStats#rateEstimate()}. Sent as TCA_RATE ({@code struct tc_estimator}), whose two numbers
 * are computed as tc's tc_setup_estimator computes them.
 *
 * {@snippet :
 * QdiscSpec.root("veth0", QdiscOptions.pfifo()).withEstimator(new Estimator(Duration.ofSeconds(1), Duration.ofSeconds(8)));
 * }
 *
 * @param interval     how often the kernel samples: 1/4 s to 8 s (rounded up to a power of two times 1/4 s)
 * @param timeConstant the averaging time constant
 */
public record Estimator(Duration interval, Duration timeConstant) {
    /** Checks that the kernel can estimate with these, as tc does. */
    public Estimator {
        intervalLog(TcTime.micros(interval));
        ewmaLog(TcTime.micros(interval), TcTime.micros(timeConstant));
    }

    /** {@code tc_estimator.interval}: the sampling period is 2^(this) seconds, -2 to 3. */
    public int intervalLog() {
        return intervalLog(TcTime.micros(interval));
    }

    /** {@code tc_estimator.ewma_log}: the averaging weight is 2^-(this), 1 to 30. */
    public int ewmaLog() {
        return ewmaLog(TcTime.micros(interval), TcTime.micros(timeConstant));
    }

    private static int intervalLog(long a) {
        int i = 0;
        while (i <= 5 && a > (1L << i) * (1_000_000 / 4)) i++;
        if (i > 5) throw new IllegalArgumentException("estimator interval " + TcTime.text(Duration.ofNanos(a * 1000)) + " is past 8s");
        return i - 2;
    }

    private static int ewmaLog(long a, long timeConstant) {
        int e = 1;
        for (; e < 32; e++) {
            double w = 1.0 - 1.0 / (1L << e);
            if (a / -Math.log(w) > timeConstant) break;
        }
        e--;
        if (e == 0 || e >= 31) {
            throw new IllegalArgumentException("estimator time constant " + TcTime.text(Duration.ofNanos(timeConstant * 1000))
                    + " does not fit an interval of " + TcTime.text(Duration.ofNanos(a * 1000)));
        }
        return e;
    }
}
