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
