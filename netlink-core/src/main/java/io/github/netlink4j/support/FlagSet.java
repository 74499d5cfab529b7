package io.github.netlink4j.support;

import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An immutable set of flag constants backed by the kernel's bit word: what the decoders return for
 * link and address flags. Building it is one allocation where an
 * EnumSet plus an unmodifiable copy were three; {@code contains} is a bit test. Equal to any other
 * {@code Set} with the same elements.
 */
public final class FlagSet<E extends Enum<E>> extends AbstractSet<E> {
    private final E[] universe;
    private final int[] bitOf; // bitOf[e.ordinal()]
    private final int bits;

    /** {@code bits} must hold only bits that name a constant (the caller masks them). */
    public FlagSet(E[] universe, int[] bitOf, int bits) {
        this.universe = universe;
        this.bitOf = bitOf;
        this.bits = bits;
    }

    /**
     * The sets of one flag enum, made from kernel bit words without allocating where that is cheap: one
     * shared empty set for a word with no known bit, and, when the known bits span at most eight bit
     * positions, one shared set per pattern made up front (at most 256). Wider enums get one
     * {@code FlagSet} per non-empty word, as before.
     */
    public static final class Table<E extends Enum<E>> {
        private static final int MAX_CACHED_SPAN = 8;
        private final E[] universe;
        private final int[] bitOf;
        private final int known;
        private final int shift;
        private final FlagSet<E> empty;
        private final FlagSet<E>[] cached; // null when the span is too wide

        /** The table for {@code universe}, whose constant {@code i} has bit {@code bitOf[i]}. */
        @SuppressWarnings("unchecked")
        public Table(E[] universe, int[] bitOf) {
            this.universe = universe;
            this.bitOf = bitOf;
            this.known = mask(bitOf);
            this.shift = known == 0 ? 0 : Integer.numberOfTrailingZeros(known);
            this.empty = new FlagSet<>(universe, bitOf, 0);
            int span = known == 0 ? 0 : 32 - Integer.numberOfLeadingZeros(known) - shift;
            if (span <= MAX_CACHED_SPAN) {
                cached = new FlagSet[1 << span];
                for (int i = 0; i < cached.length; i++) {
                    int bits = (i << shift) & known;
                    cached[i] = bits == 0 ? empty : new FlagSet<>(universe, bitOf, bits);
                }
            } else {
                cached = null;
            }
        }

        /** The flags set in {@code bits}, an immutable set; bits that name no constant are ignored. */
        public java.util.Set<E> of(int bits) {
            int b = bits & known;
            if (b == 0) return empty;
            if (cached != null) return cached[b >>> shift];
            return new FlagSet<>(universe, bitOf, b);
        }

        /** The or of the bits of {@code flags}. */
        public int bits(java.util.Set<E> flags) {
            if (flags instanceof FlagSet<?> f && f.universe == universe) return f.bits;
            int b = 0;
            for (E e : flags) b |= bitOf[e.ordinal()];
            return b;
        }
    }

    /** The or of every constant's bit. */
    public static int mask(int[] bitOf) {
        int m = 0;
        for (int b : bitOf) m |= b;
        return m;
    }

    @Override
    public boolean contains(Object o) {
        if (!(o instanceof Enum<?> e) || e.getDeclaringClass() != universe.getClass().getComponentType()) return false;
        return (bits & bitOf[e.ordinal()]) != 0;
    }

    @Override
    public int size() {
        return Integer.bitCount(bits);
    }

    @Override
    public boolean isEmpty() {
        return bits == 0;
    }

    @Override
    public Iterator<E> iterator() {
        return new Iterator<>() {
            private int next = advance(0);

            private int advance(int from) {
                int i = from;
                while (i < universe.length && (bits & bitOf[i]) == 0) i++;
                return i;
            }

            @Override
            public boolean hasNext() {
                return next < universe.length;
            }

            @Override
            public E next() {
                if (next >= universe.length) throw new NoSuchElementException();
                E e = universe[next];
                next = advance(next + 1);
                return e;
            }
        };
    }
}
