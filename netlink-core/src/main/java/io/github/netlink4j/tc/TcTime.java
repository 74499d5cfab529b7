package io.github.netlink4j.tc;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * tc's times ({@code 400ms}, {@code 10us}, {@code 1.5s}): whole microseconds up to 4294967295 (tc's
 * unsigned int), read and printed as tc 6.1 does. The library's records and specs hold
 * {@link Duration}s; this reads tc's text into one and prints one as tc would.
 *
 * {@snippet :
 * Duration lat = TcTime.of("400ms");
 * TcTime.text(Duration.ofMillis(1500));   // 1.5s
 * }
 */
public final class TcTime {
    private TcTime() {}

    /** tc's units (get_time in lib/utils.c) in microseconds, matched without regard to case; none is microseconds. */
    private static final Map<String, Double> UNITS = Map.of("s", 1e6, "sec", 1e6, "secs", 1e6, "ms", 1e3, "msec", 1e3, "msecs", 1e3,
            "us", 1., "usec", 1., "usecs", 1.);

    /** The largest time tc holds: 4294967295 µs, about 71.6 minutes. */
    public static final Duration MAX = Duration.ofNanos(0xffff_ffffL * 1000);

    /**
     * Reads a time as tc's get_time does: a decimal number and {@code s}/{@code sec}/{@code secs},
     * {@code ms}/{@code msec}/{@code msecs} or {@code us}/{@code usec}/{@code usecs} (microseconds also
     * when there is no unit), in any case; a fraction of a microsecond is dropped.
     *
     * @throws IllegalArgumentException for anything else, or a time past {@link #MAX}
     */
    public static Duration of(String text) {
        TcText.Number n = TcText.number(text);
        Double scale = n == null ? null : n.unit().isEmpty() ? Double.valueOf(1) : UNITS.get(n.unit().toLowerCase(Locale.ROOT));
        if (scale == null) throw new IllegalArgumentException("\"" + text + "\" is not a time tc reads (a number and s, ms or us)");
        double us = n.value() * scale;
        if (us >= 0x1_0000_0000L) throw new IllegalArgumentException("time " + text + " is past " + text(MAX));
        return Duration.ofNanos((long) us * 1000);
    }

    /** The whole microseconds of {@code d}, checked against tc's range: what tc would send for it. */
    public static long micros(Duration d) {
        if (d.isNegative() || d.compareTo(MAX) > 0) throw new IllegalArgumentException("time " + d + " is out of range (0 to " + text(MAX) + ")");
        return d.toNanos() / 1000;
    }

    /**
     * As tc 6.1 prints a time (sprint_time): three significant digits in seconds from one second,
     * in milliseconds from one millisecond, else whole microseconds: {@code 400ms}, {@code 1.23ms},
     * {@code 1.5s}, {@code 999us}.
     */
    public static String text(Duration d) {
        long us = d.isNegative() ? 0 : d.compareTo(MAX) > 0 ? 0xffff_ffffL : d.toNanos() / 1000;
        if (us >= 1_000_000) return TcText.g(us / 1e6, 3) + "s";
        if (us >= 1000) return TcText.g(us / 1e3, 3) + "ms";
        return us + "us";
    }
}
