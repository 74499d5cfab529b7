package io.github.netlink4j.internal.wire;

import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A string attribute that repeats from one object of a dump to the next (a link's qdisc and kind, an
 * address's label): the last one decoded is remembered with its bytes, and while the next payload holds
 * the same bytes the same String (and Optional) is handed out again instead of a new copy. One per
 * decoder call site, shared by threads: the remembered entry is immutable and read once per call.
 */
public final class RepeatedString {
    private record Entry(byte[] bytes, String string, Optional<String> optional) {}

    private volatile Entry last = new Entry(new byte[0], "", Optional.of(""));

    /** The attribute under {@code a} as {@link Attrs#string()} reads it (up to its NUL), shared when it repeats. */
    public String get(Attrs a) {
        return entry(a).string;
    }

    /** The same, in an Optional that is shared too. */
    public Optional<String> optional(Attrs a) {
        return entry(a).optional;
    }

    private Entry entry(Attrs a) {
        Entry e = last;
        long p = a.payloadOffset();
        int n = 0, max = a.payloadLength();
        while (n < max && a.u8At(p + n) != 0) n++;
        if (n == e.bytes.length) {
            int i = 0;
            while (i < n && (byte) a.u8At(p + i) == e.bytes[i]) i++;
            if (i == n) return e;
        }
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) a.u8At(p + i);
        String s = new String(b, StandardCharsets.UTF_8);
        e = new Entry(b, s, Optional.of(s));
        last = e;
        return e;
    }
}
