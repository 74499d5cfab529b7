package io.github.netlink4j.tc;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Rates, sizes and times read and print as tc 6.1's lib/utils_math.c, json_print.c, json_print_math.c and
 * utils.c do (the cases worked through that code; TcParityTest checks the printing against tc itself).
 */
class TcUnitsTest {
    @Test
    void ratesReadInBitsAndBytes() {
        Map<String, Long> bytes = Map.ofEntries(Map.entry("1mbit", 125_000L), Map.entry("1Mbit", 125_000L), Map.entry("800kbit", 100_000L),
                Map.entry("1.5mbit", 187_500L), Map.entry("1001bit", 125L), Map.entry("1000", 125L), Map.entry("1kibit", 128L),
                Map.entry("40gbit", 5_000_000_000L), Map.entry("1KBps", 1000L), Map.entry("1MiBps", 1_048_576L), Map.entry("1e3kbit", 125_000L),
                Map.entry("2tbit", 250_000_000_000L), Map.entry("8bps", 8L), Map.entry(".5mbit", 62_500L), Map.entry("1.bit", 0L));
        bytes.forEach((text, b) -> assertEquals(b, Rate.of(text).bytesPerSecond(), text));
        for (String bad : List.of("", "mbit", "1 mbit", "-1mbit", "1xbit", "0x10", "1mbits", "1e", "inf"))
            assertThrows(IllegalArgumentException.class, () -> Rate.of(bad), bad);
        assertThrows(IllegalArgumentException.class, () -> Rate.ofBitsPerSecond(1001), "not whole bytes");
        assertThrows(IllegalArgumentException.class, () -> Rate.ofBytesPerSecond(-1));
        assertThrows(IllegalArgumentException.class, () -> Rate.of("1e30bit"));
        assertEquals(1_000_000, Rate.of("1mbit").bitsPerSecond());
    }

    /** print_rate: bits, divided by 1000 while a whole multiple of it, or at least a million. */
    @Test
    void ratesPrintAsTcDoes() {
        Map<Long, String> text = Map.of(125_000L, "1Mbit", 100_000L, "800Kbit", 187_500L, "1500Kbit", 154_320L, "1234Kbit",
                128L, "1024bit", 1_048_576L, "8388Kbit", 5_000_000_000L, "40Gbit", 0L, "0bit", 124L, "992bit", 125_000_000_000_000L, "1000Tbit");
        text.forEach((b, t) -> assertEquals(t, Rate.ofBytesPerSecond(b).toString(), b + " bytes/s"));
    }

    @Test
    void sizesReadInBinaryUnits() {
        Map<String, Long> bytes = Map.of("32kb", 32_768L, "1514", 1514L, "1.5k", 1536L, "1m", 1_048_576L, "1mbit", 131_072L, "1gb", 1L << 30,
                "1kbit", 128L, "1.5", 1L, "2KB", 2048L, "4294967295b", 0xffff_ffffL);
        bytes.forEach((text, b) -> assertEquals(b, Size.of(text).bytes(), text));
        for (String bad : List.of("", "kb", "4gb", "1 kb", "1kib", "-1", "1t"))
            assertThrows(IllegalArgumentException.class, () -> Size.of(bad), bad);
        assertThrows(IllegalArgumentException.class, () -> Size.ofBytes(1L << 32));
    }

    /** sprint_size: Mb within 1024 bytes of a mebibyte, Kb within 16 of a kibibyte, printed with %g; else bytes. */
    @Test
    void sizesPrintAsTcDoes() {
        Map<Long, String> text = Map.of(32_768L, "32Kb", 1514L, "1514b", 1536L, "1536b", 1030L, "1Kb", 1040L, "1040b", 1_048_576L + 1000, "1Mb",
                1_572_869L, "1536Kb", 1_024_000_000L, "1e+06Kb", 0xffff_ffffL, "4096Mb", 0L, "0b");
        text.forEach((b, t) -> assertEquals(t, Size.ofBytes(b).toString(), b + " bytes"));
    }

    @Test
    void timesReadInMicroseconds() {
        Map<String, Duration> d = Map.of("400ms", Duration.ofMillis(400), "1.5s", Duration.ofMillis(1500), "10usecs", Duration.ofNanos(10_000),
                "5MSEC", Duration.ofMillis(5), "2secs", Duration.ofSeconds(2), "999", Duration.ofNanos(999_000), "1.9us", Duration.ofNanos(1000),
                "4294s", Duration.ofSeconds(4294));
        d.forEach((text, v) -> assertEquals(v, TcTime.of(text), text));
        for (String bad : List.of("", "ms", "1h", "-1ms", "4295s", "1 ms", "1m"))
            assertThrows(IllegalArgumentException.class, () -> TcTime.of(bad), bad);
        assertThrows(IllegalArgumentException.class, () -> TcTime.micros(Duration.ofSeconds(4295)));
        assertThrows(IllegalArgumentException.class, () -> TcTime.micros(Duration.ofMillis(-1)));
    }

    /** sprint_time: %.3g in s from a second, in ms from a millisecond, else whole µs. */
    @Test
    void timesPrintAsTcDoes() {
        Map<Duration, String> text = Map.of(Duration.ofMillis(400), "400ms", Duration.ofMillis(1500), "1.5s", Duration.ofNanos(1_234_000), "1.23ms",
                Duration.ofNanos(999_000), "999us", Duration.ofNanos(12_345_600_000L), "12.3s", Duration.ofSeconds(1000), "1e+03s",
                Duration.ofNanos(1_999_999), "2ms", Duration.ZERO, "0us", Duration.ofNanos(1500), "1us");
        text.forEach((v, t) -> assertEquals(t, TcTime.text(v), v.toString()));
    }

    /** C's %g: significant digits, trailing zeros dropped, scientific outside 1e-4 to 10^precision; the exact double rounded half to even. */
    @Test
    void printfG() {
        assertEquals("0.5", TcText.g(0.5, 3));
        assertEquals("123456", TcText.g(123456, 6));
        assertEquals("1.23457e+06", TcText.g(1234567, 6));
        assertEquals("0.0001", TcText.g(0.0001, 3));
        assertEquals("1e-05", TcText.g(0.00001, 3));
        assertEquals("2", TcText.g(2.5, 1), "a tie goes to even");
        assertEquals("100", TcText.g(99.95, 3), "99.95 is a little above as a double");
        assertEquals("1e+100", TcText.g(1e100, 3));
    }

    /** Whatever the text, reading it either gives a value or an IllegalArgumentException, never another exception. */
    @Test
    void readersRefuseGarbageWithTheirOwnException() {
        Random r = new Random(0x7463);
        String alphabet = "0123456789.eE+-xkKmMgGtTbBiIpPsSuU: ";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = r.nextInt(12); k > 0; k--) sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            String s = sb.toString();
            for (java.util.function.Consumer<String> reader : List.<java.util.function.Consumer<String>>of(Rate::of, Size::of, TcTime::of, TcHandle::of)) {
                try {
                    reader.accept(s);
                } catch (IllegalArgumentException expected) {
                    // refused
                }
            }
        }
    }

    /** A rate read back from its bits is the same rate: ofBitsPerSecond and of(text) agree. */
    @Test
    void ratesRoundTripThroughBits() {
        Random r = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            long bytes = r.nextLong(1L << 50);
            assertEquals(Rate.ofBytesPerSecond(bytes), Rate.of(Rate.ofBytesPerSecond(bytes).bitsPerSecond() + "bit"));
            assertEquals(Rate.ofBytesPerSecond(bytes), Rate.ofBitsPerSecond(bytes * 8));
        }
    }
}
