package io.github.netlink4j.internal.wire;

import java.nio.charset.StandardCharsets;

/**
 * A string encoded once, when the spec that holds it is made and checked, so that every request
 * built from that spec copies bytes instead of encoding the string again: UTF-8 without the NUL, and
 * for up to 15 bytes (every interface name, label and link kind) the same bytes packed into two
 * little-endian words, zeros after them, which {@link MessageWriter#attrString(int, EncodedString)}
 * stores with the attribute header in three stores.
 *
 * <p>Encoding a {@code String} per request costs ~1 ns a character here even unrolled (a 9-character
 * label ~6-9 ns, more than the rest of an address request): the JDK offers no allocation-free way to
 * read a String's bytes that keeps the check for non-Latin-1 characters. The specs already walked
 * every character to validate it; now that walk also produces the bytes.
 */
public final class EncodedString {
    /** Longest string kept packed in {@link #lo}/{@link #hi}: 15 bytes plus the NUL. */
    public static final int PACKED_MAX = 15;

    private final String text;
    private final byte[] utf8;
    final long lo;
    final long hi;
    /** UTF-8 bytes; a field so that writing reads it without going through the array. */
    final int length;

    private EncodedString(String text, byte[] utf8) {
        this.text = text;
        this.utf8 = utf8;
        long l = 0;
        long h = 0;
        if (utf8.length <= PACKED_MAX) {
            for (int i = Math.min(utf8.length, 8) - 1; i >= 0; i--) l = l << 8 | (utf8[i] & 0xff);
            for (int i = utf8.length - 1; i >= 8; i--) h = h << 8 | (utf8[i] & 0xff);
        }
        this.lo = l;
        this.hi = h;
        this.length = utf8.length;
    }

    /**
     * Encodes {@code s} as UTF-8. Throws IllegalArgumentException if it contains a NUL character (the
     * kernel would read only what comes before it) or an unpaired surrogate (not encodable).
     */
    public static EncodedString of(String s) {
        int n = s.length();
        byte[] b = null;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == 0) throw new IllegalArgumentException("\"" + s.replace("\0", "\\0") + "\" contains a NUL character");
            if (c >= 0x80) {
                b = utf8(s);
                break;
            }
        }
        if (b == null) {
            b = new byte[n];
            for (int i = 0; i < n; i++) b[i] = (byte) s.charAt(i);
        }
        return new EncodedString(s, b);
    }

    private static byte[] utf8(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("\"" + s + "\" contains an unpaired surrogate at index " + i);
            }
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The string. */
    public String text() {
        return text;
    }

    /** Its length in UTF-8 bytes, without a NUL. */
    public int byteLength() {
        return length;
    }

    /** True if every character is ASCII. */
    public boolean isAscii() {
        return utf8.length == text.length();
    }

    /** The UTF-8 bytes, without a NUL (a copy). */
    public byte[] bytes() {
        return utf8.clone();
    }

    byte[] utf8() {
        return utf8;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncodedString e && e.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
