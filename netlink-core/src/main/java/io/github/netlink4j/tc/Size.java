package io.github.netlink4j.tc;

import java.util.Locale;
import java.util.Map;

/**
 * A size in bytes as tc's options hold them (a queue limit, a burst, an MTU), 0 to 4294967295 (the
 * kernel's u32). Read and printed as tc 6.1 does, in binary units: {@code of("32kb")} is 32,768 bytes
 * and prints {@code 32Kb}; {@code 1514} prints {@code 1514b}.
 *
 * {@snippet :
 * Size.of("1.5k").bytes();    // 1536
 * Size.ofBytes(1600);         // 1600b
 * }
 *
 * @param bytes 0 to 4294967295
 */
public record Size(long bytes) implements Comparable<Size> {
    /** tc's units (get_size in lib/utils_math.c), matched without regard to case. */
    private static final Map<String, Double> UNITS = Map.of("b", 1., "k", 1024., "kb", 1024., "m", 1024. * 1024, "mb", 1024. * 1024,
            "g", 1024. * 1024 * 1024, "gb", 1024. * 1024 * 1024, "kbit", 1024. / 8, "mbit", 1024. * 1024 / 8, "gbit", 1024. * 1024 * 1024 / 8);

    /** Checks the range. */
    public Size {
        if (bytes < 0 || bytes > 0xffff_ffffL) throw new IllegalArgumentException("size of " + bytes + " bytes is out of range (0 to 4294967295)");
    }

    /** {@code bytes} bytes. */
    public static Size ofBytes(long bytes) {
        return new Size(bytes);
    }

    /**
     * Reads a size as tc's get_size does: a decimal number and a unit, bytes when there is none or
     * {@code b}, {@code k}/{@code kb}, {@code m}/{@code mb}, {@code g}/{@code gb} (powers of 1024), or
     * {@code kbit}, {@code mbit}, {@code gbit} (an eighth of those), in any case; a fraction of a byte is
     * dropped ({@code 1.5k} is 1536).
     *
     * @throws IllegalArgumentException for anything else, or a size past 4294967295
     */
    public static Size of(String text) {
        TcText.Number n = TcText.number(text);
        Double scale = n == null ? null : n.unit().isEmpty() ? Double.valueOf(1) : UNITS.get(n.unit().toLowerCase(Locale.ROOT));
        if (scale == null) throw new IllegalArgumentException("\"" + text + "\" is not a size tc reads (a number and b, kb, mb, gb, kbit, mbit or gbit)");
        double bytes = n.value() * scale;
        if (bytes >= 0x1_0000_0000L) throw new IllegalArgumentException("size " + text + " is past 4294967295 bytes");
        return new Size((long) bytes);
    }

    @Override
    public int compareTo(Size o) {
        return Long.compare(bytes, o.bytes);
    }

    /**
     * As tc 6.1 prints a size (sprint_size): whole mebibytes as {@code Mb} and kibibytes as {@code Kb}
     * when within 1024 or 16 bytes of one, else bytes as {@code b}: {@code 32Kb}, {@code 1600b}.
     */
    @Override
    public String toString() {
        long kilo = 1024, mega = kilo * kilo;
        if (bytes >= mega && Math.abs(mega * Math.rint((double) bytes / mega) - bytes) < 1024) {
            return TcText.g(Math.rint((double) bytes / mega), 6) + "Mb";
        }
        if (bytes >= kilo && Math.abs(kilo * Math.rint((double) bytes / kilo) - bytes) < 16) {
            return TcText.g(Math.rint((double) bytes / kilo), 6) + "Kb";
        }
        return bytes + "b";
    }
}
