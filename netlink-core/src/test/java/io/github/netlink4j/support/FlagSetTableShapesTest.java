package io.github.netlink4j.support;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tables built here, not the ones the flag enums build once in their static initialisers: the bit
 * positions are chosen to sit at each edge of the cache (known bits spanning exactly eight positions
 * high in the word, nine positions, none), and every answer is checked against a set made by hand.
 */
class FlagSetTableShapesTest {
    enum Bit { A, B, C, D }

    private static Set<Bit> expected(int[] bitOf, int word) {
        EnumSet<Bit> s = EnumSet.noneOf(Bit.class);
        for (Bit b : Bit.values()) if ((word & bitOf[b.ordinal()]) != 0) s.add(b);
        return s;
    }

    /** Every word built from the known bits and a stray bit, against the hand-made set and back. */
    private static void checkAll(FlagSet.Table<Bit> t, int[] bitOf, int stray) {
        for (int pick = 0; pick < 16; pick++) {
            int word = 0;
            for (int i = 0; i < 4; i++) if ((pick & 1 << i) != 0) word |= bitOf[i];
            Set<Bit> got = t.of(word | stray);
            assertEquals(expected(bitOf, word), got, Integer.toHexString(word));
            assertEquals(word, t.bits(got));
            assertEquals(word, t.bits(EnumSet.copyOf(expected(bitOf, word).isEmpty() ? EnumSet.noneOf(Bit.class) : expected(bitOf, word))));
        }
    }

    @Test
    void eightPositionsHighInTheWordAreCachedOncePerPattern() {
        int[] bitOf = {1 << 20, 1 << 22, 1 << 25, 1 << 27}; // span 8 from bit 20
        FlagSet.Table<Bit> t = new FlagSet.Table<>(Bit.values(), bitOf);
        checkAll(t, bitOf, 1 << 28 | 1 << 21 | 1);
        for (int pick = 0; pick < 16; pick++) {
            int word = 0;
            for (int i = 0; i < 4; i++) if ((pick & 1 << i) != 0) word |= bitOf[i];
            assertSame(t.of(word), t.of(word | 1 << 19 | 1 << 31), "one shared set for " + Integer.toHexString(word));
        }
        assertTrue(t.of(0).isEmpty());
    }

    @Test
    void nineOrMorePositionsAreBuiltPerWord() {
        int[] bitOf = {1 << 3, 1 << 5, 1 << 8, 1 << 11}; // span 9
        FlagSet.Table<Bit> t = new FlagSet.Table<>(Bit.values(), bitOf);
        checkAll(t, bitOf, 1 << 4 | 1 << 12);
        assertNotSame(t.of(1 << 3), t.of(1 << 3));
        assertSame(t.of(0), t.of(1 << 4), "still one empty set");
        int[] wide = {1, 1 << 9, 1 << 20, 1 << 31};
        checkAll(new FlagSet.Table<>(Bit.values(), wide), wide, 1 << 2);
    }

    @Test
    void lowBitsAndASingleBit() {
        int[] low = {1, 2, 4, 8};
        FlagSet.Table<Bit> t = new FlagSet.Table<>(Bit.values(), low);
        checkAll(t, low, 0x10);
        assertSame(t.of(5), t.of(5 | 0x100));
        int[] one = {1 << 31, 0, 0, 0};
        FlagSet.Table<Bit> top = new FlagSet.Table<>(Bit.values(), one);
        assertEquals(Set.of(Bit.A), top.of(-1));
        assertSame(top.of(1 << 31), top.of(1 << 31));
        FlagSet.Table<Bit> none = new FlagSet.Table<>(Bit.values(), new int[4]);
        assertEquals(Set.of(), none.of(-1));
    }

    @Test
    void bitsOfAnotherTablesSetAreTranslatedNotCopied() {
        // Two tables of one enum with different bit words: a set from one, asked of the other, must give
        // the other's bits.
        int[] first = {1, 2, 4, 8}, second = {0x100, 0x200, 0x400, 0x800};
        FlagSet.Table<Bit> a = new FlagSet.Table<>(Bit.values(), first);
        FlagSet.Table<Bit> b = new FlagSet.Table<>(Bit.values(), second);
        assertEquals(0x500, b.bits(a.of(5)));
        assertEquals(5, a.bits(b.of(0x500)));
        assertEquals(0, b.bits(a.of(0)));
    }

    @Test
    void maskOrsEveryBit() {
        assertEquals(0, FlagSet.mask(new int[0]));
        assertEquals(0x8000_0103, FlagSet.mask(new int[] {1, 2, 0x100, 0x8000_0000, 1}));
    }
}
