package io.github.netlink4j.examples.jip;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The timestamp ip prints ahead of a monitored event with {@code -t} or {@code -ts} (print_timestamp in
 * iproute2's utils.c), in local time: {@code Timestamp: Mon Dec  7 21:05:09 2026 42 usec} on a line of its own
 * (asctime's layout), or {@code [2026-12-07T21:05:09.000042] } in front of the event's line.
 */
final class Timestamps {
    private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);

    private Timestamps() {}

    /** What ip prints for {@code now} in {@code zone}: nothing for mode 0, the long form for 1 ({@code -t}), the short for 2 ({@code -ts}). */
    static String of(int mode, Instant now, ZoneId zone) {
        if (mode <= 0) return "";
        LocalDateTime t = LocalDateTime.ofInstant(now, zone);
        long usec = now.getNano() / 1000;
        if (mode > 1) return "[" + SHORT.format(t) + "." + String.format(Locale.ROOT, "%06d", usec) + "] ";
        return "Timestamp: " + ASCTIME.format(t) + " " + usec + " usec\n";
    }

    /** {@link #of} for the present moment in the system's zone, as ip reads gettimeofday and localtime. */
    static String now(int mode) {
        return of(mode, Instant.now(), ZoneId.systemDefault());
    }
}
