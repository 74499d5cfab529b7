package io.github.netlink4j.internal.wire;

import java.nio.charset.StandardCharsets;

/**
 * A string encoded once as UTF-8 (without the NUL), for attributes written many times from the same
 * string, such as the link kinds: packed as {@link ShortString} does when up to 15 bytes, kept as bytes
 * otherwise. Refuses NUL characters and unpaired surrogates ({@link ShortString#utf8Length}).
 */
public final class EncodedString {
    private final String text;
    private final byte[] utf8; // null when packed
    final long lo;
    final long hi;
    final int length;

    private EncodedString(String text) {
        this.text = text;
        this.length = ShortString.utf8Length(text);
        if (length <= ShortString.MAX) {
            this.utf8 = null;
            this.lo = ShortString.word(text, length, 0);
            this.hi = ShortString.word(text, length, 1);
        } else {
            this.utf8 = text.getBytes(StandardCharsets.UTF_8);
            this.lo = 0;
            this.hi = 0;
        }
    }

    /** {@code s} encoded. */
    public static EncodedString of(String s) {
        return new EncodedString(s);
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
        return length == text.length();
    }

    /** The UTF-8 bytes, without a NUL (a new array). */
    public byte[] bytes() {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The bytes of a string longer than {@link ShortString#MAX}; null for a packed one. */
    byte[] longBytes() {
        return utf8;
    }

    @Override
    public String toString() {
        return text;
    }
}
