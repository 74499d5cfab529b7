package io.github.netlink4j.examples.jip;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** ip's print_timestamp (utils.c, iproute2 6.1): asctime's layout with microseconds for -t, ISO with six digits for -ts. */
class TimestampsTest {
    @Test
    void theLongFormIsAsctimeAndMicrosecondsOnALineOfItsOwn() {
        Instant t = Instant.parse("2026-12-07T21:05:09.000042Z");
        assertEquals("Timestamp: Mon Dec  7 21:05:09 2026 42 usec\n", Timestamps.of(1, t, ZoneOffset.UTC), "a one-digit day is padded with a space");
        assertEquals("Timestamp: Thu Dec 17 22:05:09 2026 999999 usec\n",
                Timestamps.of(1, Instant.parse("2026-12-17T21:05:09.999999900Z"), ZoneOffset.ofHours(1)), "local time, microseconds cut, not rounded");
    }

    @Test
    void theShortFormPrefixesTheLine() {
        Instant t = Instant.parse("2026-12-07T21:05:09.000042Z");
        assertEquals("[2026-12-07T21:05:09.000042] ", Timestamps.of(2, t, ZoneOffset.UTC));
        assertEquals("[2026-12-07T22:05:09.000042] ", Timestamps.of(2, t, ZoneId.of("Europe/Paris")));
    }

    @Test
    void noOptionNoTimestamp() {
        assertEquals("", Timestamps.of(0, Instant.EPOCH, ZoneOffset.UTC));
    }
}
