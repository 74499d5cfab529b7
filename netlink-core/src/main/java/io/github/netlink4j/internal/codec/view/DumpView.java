package io.github.netlink4j.internal.codec.view;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.internal.wire.Nlmsg;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

/**
 * What the views of a streaming dump share: the message they are over, read through one reused
 * {@link Attrs} cursor, and their validity. {@link #open} walks the attributes once, noting where the ones
 * a view offers lie (no copy, no allocation), and checks them as the record decoders do, so a malformed
 * message fails the dump with a {@link ProtocolException} before the caller sees it; the accessors then
 * only read. Between callbacks the view is closed and every accessor throws.
 */
abstract class DumpView {
    final Attrs a = new Attrs();
    final Attrs nest = new Attrs();
    private boolean valid;
    /** Offset of the message's fixed header (after the nlmsghdr). */
    long h;

    /** Points the view at the message {@code [off, off + len)} of {@code s}, {@code fixed} header bytes long. */
    final void open(MemorySegment s, long off, int len, int fixed, String message) throws ProtocolException {
        if (len < Nlmsg.HDRLEN + fixed) throw new ProtocolException(message + " of " + len + " bytes has no complete header");
        a.reset(s, off + Nlmsg.HDRLEN + fixed, off + len, message);
        h = off + Nlmsg.HDRLEN;
        scan();
        valid = true;
    }

    /** Notes where the attributes lie; the cursor {@link #a} is at the first. */
    abstract void scan() throws ProtocolException;

    /** Ends the callback: from now on every accessor throws. */
    final void close() {
        valid = false;
    }

    final void check() {
        if (!valid) throw new IllegalStateException("a dump's view is valid only during the callback it was handed to");
    }

    /** The NUL-terminated (or not) string of {@code len} bytes at {@code at}, as {@link Attrs#string()} reads it. */
    final String string(long at, int len) {
        byte[] b = new byte[strlen(at, len)];
        for (int i = 0; i < b.length; i++) b[i] = (byte) a.u8At(at + i);
        return new String(b, StandardCharsets.UTF_8);
    }

    private int strlen(long at, int len) {
        int n = 0;
        while (n < len && a.u8At(at + n) != 0) n++;
        return n;
    }

    /** Whether the string at {@code at} is {@code s}: byte by byte for ASCII, decoded otherwise. */
    final boolean stringEquals(long at, int len, String s) {
        if (at < 0) return false;
        int k = s.length();
        for (int i = 0; i < k; i++) if (s.charAt(i) >= 0x80) return string(at, len).equals(s); // its UTF-8 is longer
        if (strlen(at, len) != k) return false;
        for (int i = 0; i < k; i++) if (a.u8At(at + i) != s.charAt(i)) return false;
        return true;
    }

    /** Copies {@code len} bytes at {@code at} into {@code into} if they fit; returns {@code len}. */
    final int copy(long at, int len, byte[] into) {
        if (at < 0) return 0;
        if (into.length >= len) for (int i = 0; i < len; i++) into[i] = (byte) a.u8At(at + i);
        return len;
    }

    final byte[] bytes(long at, int len) {
        byte[] b = new byte[len];
        copy(at, len, b);
        return b;
    }
}
