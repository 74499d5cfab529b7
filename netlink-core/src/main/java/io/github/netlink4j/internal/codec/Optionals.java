package io.github.netlink4j.internal.codec;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Shared instances of the optionals decoders make by the thousand: a dump of links repeats the same
 * small counts and sizes (promiscuity 0, one queue, GSO 65536, MTU 1500) in every object, and each
 * {@code OptionalLong.of} is 24 bytes the caller never asked for. Optionals are value-based, so handing
 * out one instance for equal values is invisible to callers (they compare with {@code equals}). The tables
 * fill as values are met (a race stores equal instances; the optionals' final fields publish them safely).
 */
final class Optionals {
    private Optionals() {}

    private static final int SMALL = 4096;
    private static final OptionalLong[] LONGS = new OptionalLong[SMALL];
    private static final OptionalInt[] INTS = new OptionalInt[SMALL];
    // the sizes every link of a dump reports (GSO/GRO 65536, segments 65535, veth's TSO 524280)
    private static final OptionalLong L65535 = OptionalLong.of(65535), L65536 = OptionalLong.of(65536),
            L524280 = OptionalLong.of(524_280);
    private static final OptionalInt I65535 = OptionalInt.of(65535), I65536 = OptionalInt.of(65536);
    private static final Optional<Boolean> TRUE = Optional.of(true), FALSE = Optional.of(false);

    /** {@code OptionalLong.of(v)}, shared for common values. */
    static OptionalLong of(long v) {
        if (v >= 0 && v < SMALL) {
            OptionalLong o = LONGS[(int) v];
            if (o == null) LONGS[(int) v] = o = OptionalLong.of(v);
            return o;
        }
        if (v == 65535) return L65535;
        if (v == 65536) return L65536;
        if (v == 524_280) return L524280;
        return OptionalLong.of(v);
    }

    /** The kernel's unsigned 32-bit {@code raw} as an {@code OptionalLong}, shared for common values. */
    static OptionalLong u32(int raw) {
        return of(Integer.toUnsignedLong(raw));
    }

    /** {@code OptionalInt.of(v)}, shared for common values. */
    static OptionalInt ofInt(int v) {
        if (v >= 0 && v < SMALL) {
            OptionalInt o = INTS[v];
            if (o == null) INTS[v] = o = OptionalInt.of(v);
            return o;
        }
        if (v == 65535) return I65535;
        if (v == 65536) return I65536;
        return OptionalInt.of(v);
    }

    /** {@code Optional.of(b)}, one of two instances. */
    static Optional<Boolean> of(boolean b) {
        return b ? TRUE : FALSE;
    }
}
