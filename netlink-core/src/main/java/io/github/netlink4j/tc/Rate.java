package io.github.netlink4j.tc;

import java.util.Locale;
import java.util.Map;

/**
 * A rate, held as the kernel holds it: bytes per second ({@code struct tc_ratespec}'s rate, or the
 * 64-bit TCA_*_RATE64 above 4 GB/s). Read and printed in bits as tc 6.1 does: {@code of("1mbit")} is
 * 125,000 bytes per second and prints {@code 1Mbit}; {@code 800kbit} prints {@code 800Kbit}.
 *
 * {@snippet :
 * Rate r = Rate.of("1.5mbit");       // 187,500 bytes/s
 * r.toString();                      // 1500Kbit
 * }
 *
 * @param bytesPerSecond 0 to {@code Long.MAX_VALUE / 8} (so that the bits fit a long)
 */
public record Rate(long bytesPerSecond) implements Comparable<Rate> {
    /** tc's units (lib/utils_math.c), matched without regard to case: bits and bytes, SI and IEC. */
    private static final Map<String, Double> UNITS = Map.ofEntries(
            Map.entry("bit", 1.), Map.entry("kibit", 1024.), Map.entry("kbit", 1000.), Map.entry("mibit", 1024. * 1024.),
            Map.entry("mbit", 1000000.), Map.entry("gibit", 1024. * 1024. * 1024.), Map.entry("gbit", 1000000000.),
            Map.entry("tibit", 1024. * 1024. * 1024. * 1024.), Map.entry("tbit", 1000000000000.), Map.entry("bps", 8.),
            Map.entry("kibps", 8. * 1024.), Map.entry("kbps", 8000.), Map.entry("mibps", 8. * 1024 * 1024.), Map.entry("mbps", 8000000.),
            Map.entry("gibps", 8. * 1024. * 1024. * 1024.), Map.entry("gbps", 8000000000.),
            Map.entry("tibps", 8. * 1024. * 1024. * 1024. * 1024.), Map.entry("tbps", 8000000000000.));

    /** Checks the range. */
    public Rate {
        if (bytesPerSecond < 0 || bytesPerSecond > Long.MAX_VALUE / 8) {
            throw new IllegalArgumentException("rate of " + Long.toUnsignedString(bytesPerSecond) + " bytes/s is out of range (0 to "
                    + Long.MAX_VALUE / 8 + ")");
        }
    }

    /** {@code bytes} per second. */
    public static Rate ofBytesPerSecond(long bytes) {
        return new Rate(bytes);
    }

    /** {@code bits} per second, a whole number of bytes (the kernel counts bytes). */
    public static Rate ofBitsPerSecond(long bits) {
        if (bits % 8 != 0) throw new IllegalArgumentException(bits + " bit/s is not a whole number of bytes per second");
        return new Rate(bits / 8);
    }

    /**
     * Reads a rate as tc's get_rate64 does: a decimal number and a unit, {@code bit} (also when there is
     * none), {@code kbit}, {@code mbit}, {@code gbit}, {@code tbit}, their IEC forms {@code kibit} …
     * {@code tibit}, and bytes as {@code bps}, {@code kbps} … {@code tbps}, {@code kibps} …, in any case.
     * A fraction of a byte per second is dropped, as tc drops it ({@code 1001bit} is 125 bytes/s).
     *
     * @throws IllegalArgumentException for anything else, or a rate out of range
     */
    public static Rate of(String text) {
        TcText.Number n = TcText.number(text);
        Double scale = n == null ? null : n.unit().isEmpty() ? Double.valueOf(1) : UNITS.get(n.unit().toLowerCase(Locale.ROOT));
        if (scale == null) {
            throw new IllegalArgumentException("\"" + text + "\" is not a rate tc reads (a number and bit, kbit, mbit, gbit, tbit, kibit, …, bps, kbps, …)");
        }
        double bytes = n.value() * scale / 8;
        if (bytes >= Long.MAX_VALUE / 8) throw new IllegalArgumentException("rate " + text + " is out of range");
        return new Rate((long) bytes);
    }

    /** The rate in bits per second. */
    public long bitsPerSecond() {
        return bytesPerSecond * 8;
    }

    @Override
    public int compareTo(Rate o) {
        return Long.compare(bytesPerSecond, o.bytesPerSecond);
    }

    /**
     * As tc 6.1 prints a rate (print_rate, SI units): in bits, divided by 1000 while it is a whole multiple
     * of 1000 or at least a million: {@code 1Mbit}, {@code 800Kbit}, {@code 1500Kbit}, {@code 1234567bit}
     * is {@code 1234Kbit}.
     */
    @Override
    public String toString() {
        String[] units = {"", "K", "M", "G", "T"};
        long rate = bitsPerSecond();
        int i = 0;
        for (; i < units.length - 1; i++) {
            if (rate < 1000) break;
            if (rate % 1000 != 0 && rate < 1000 * 1000) break;
            rate /= 1000;
        }
        return rate + units[i] + "bit";
    }
}
