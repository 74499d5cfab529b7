package io.github.netlink4j.internal.wire;

import java.nio.charset.StandardCharsets;

/**
 * Strings of up to 15 UTF-8 bytes (interface names, address labels, link kinds) packed into two
 * little-endian words, byte {@code i} of the string in bits {@code 8*(i%8)} of word {@code i/8}, zeros
 * after it: what {@link MessageWriter#attrShortString} stores with the attribute header in three
 * stores. A spec packs its names once when it is made and checked, so a request made from it copies
 * two words per name instead of encoding a {@code String} again (~1 ns a character even unrolled: the
 * JDK has no allocation-free way to read a String's bytes that keeps the check for characters above
 * U+00FF). Packing allocates nothing for ASCII.
 */
public final class ShortString {
    private ShortString() {}

    /** The longest string that packs: 15 bytes, plus the NUL the kernel's IFNAMSIZ (16) counts. */
    public static final int MAX = 15;

    /**
     * The length of {@code s} in UTF-8 bytes, without allocating. Throws IllegalArgumentException for a
     * NUL character (the kernel would read only what comes before it) or an unpaired surrogate (no
     * UTF-8 for it).
     */
    public static int utf8Length(String s) {
        int n = s.length();
        int bytes = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c == 0) throw new IllegalArgumentException("\"" + s.replace("\0", "\\0") + "\" contains a NUL character");
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("\"" + s + "\" contains an unpaired surrogate at index " + i);
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /**
     * Word {@code which} (0: bytes 0-7, 1: bytes 8-15) of {@code s} packed; {@code utf8Length} is what
     * {@link #utf8Length} returned for it and must be at most {@link #MAX}.
     */
    public static long word(String s, int utf8Length, int which) {
        if (utf8Length > MAX) throw new IllegalArgumentException("\"" + s + "\" is " + utf8Length + " bytes, more than " + MAX);
        int from = which * 8;
        int to = Math.min(utf8Length, from + 8);
        long w = 0;
        if (utf8Length == s.length()) {
            for (int i = to - 1; i >= from; i--) w = w << 8 | s.charAt(i);
        } else {
            byte[] u = s.getBytes(StandardCharsets.UTF_8);
            for (int i = to - 1; i >= from; i--) w = w << 8 | (u[i] & 0xff);
        }
        return w;
    }
}
