package io.github.netlink4j.support;

import io.github.netlink4j.address.AddressFlag;
import io.github.netlink4j.link.LinkFlag;
import io.github.netlink4j.neighbour.NeighbourFlag;
import io.github.netlink4j.neighbour.NeighbourState;
import io.github.netlink4j.route.NexthopFlag;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Flag words and enum sets agree both ways, for every flag enum the decoders return as a FlagSet: the
 * set of a word holds exactly the constants whose bit is in it (unknown bits ignored), behaves as an
 * EnumSet does (equality, hash, size, iteration order), and a set turns back into its bits.
 */
class FlagSetPropertiesTest {
    /** What one flag enum offers: its constants, the bit of each, and its word → set function. */
    private record Flags<E extends Enum<E>>(Class<E> type, ToIntFunction<E> bit, IntFunction<Set<E>> fromBits) {
        int known() {
            int m = 0;
            for (E e : type.getEnumConstants()) m |= bit.applyAsInt(e);
            return m;
        }
    }

    private static final List<Flags<?>> ALL = List.of(
            new Flags<>(AddressFlag.class, AddressFlag::bit, AddressFlag::fromBits),
            new Flags<>(LinkFlag.class, LinkFlag::bit, LinkFlag::fromBits),
            new Flags<>(NeighbourFlag.class, NeighbourFlag::bit, NeighbourFlag::fromBits),
            new Flags<>(NeighbourState.class, NeighbourState::bit, NeighbourState::fromBits),
            new Flags<>(NexthopFlag.class, NexthopFlag::bit, NexthopFlag::fromBits));

    @Property
    void aWordsSetIsTheConstantsWhoseBitIsSet(@ForAll int word) {
        for (Flags<?> f : ALL) check(f, word);
    }

    private static <E extends Enum<E>> void check(Flags<E> f, int word) {
        Set<E> got = f.fromBits().apply(word);
        EnumSet<E> want = EnumSet.noneOf(f.type());
        for (E e : f.type().getEnumConstants()) if ((word & f.bit().applyAsInt(e)) != 0) want.add(e);
        assertEquals(want, got, f.type().getSimpleName() + " of " + Integer.toHexString(word));
        assertEquals(got, want);
        assertEquals(want.hashCode(), got.hashCode());
        assertEquals(want.size(), got.size());
        assertEquals(want.isEmpty(), got.isEmpty());
        assertEquals(List.copyOf(want), new ArrayList<>(got), "iteration in declaration order");
        for (E e : f.type().getEnumConstants()) assertEquals(want.contains(e), got.contains(e));
        assertFalse(got.contains("not a flag"));
        assertFalse(got.contains(null));
        Iterator<E> it = got.iterator();
        for (int i = 0; i < want.size(); i++) {
            assertTrue(it.hasNext());
            it.next();
        }
        assertFalse(it.hasNext());
        assertThrows(NoSuchElementException.class, it::next);
        assertThrows(UnsupportedOperationException.class, () -> got.add(f.type().getEnumConstants()[0]));
        int bits = 0;
        for (E e : got) bits |= f.bit().applyAsInt(e);
        assertEquals(word & f.known(), bits, "the set gives back the known bits of its word");
        assertEquals(f.fromBits().apply(word & f.known()), got, "unknown bits are ignored");
    }

    @Property
    void addressFlagsTurnBackIntoTheirBits(@ForAll int word) {
        assertEquals(word & FlagSet.mask(bitsOf(AddressFlag.class, AddressFlag::bit)), AddressFlag.toBits(AddressFlag.fromBits(word)));
    }

    @Property
    void neighbourStatesTurnBackIntoTheirBits(@ForAll int word) {
        assertEquals(word & 0xff, NeighbourState.toBits(NeighbourState.fromBits(word)));
    }

    @Property
    void aSetOfOneEnumDoesNotContainAnothersConstant(@ForAll int word) {
        Set<AddressFlag> a = AddressFlag.fromBits(word);
        for (NeighbourState s : NeighbourState.values()) assertFalse(((Set<?>) a).contains(s));
    }

    private static <E extends Enum<E>> int[] bitsOf(Class<E> type, ToIntFunction<E> bit) {
        return java.util.Arrays.stream(type.getEnumConstants()).mapToInt(bit).toArray();
    }
}
