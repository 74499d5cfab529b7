package io.github.netlink4j.internal.codec.genl;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.codec.HandBytes;
import io.github.netlink4j.internal.wire.Attrs;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ethtool bitsets in both forms, with and without a mask, written out by hand (ETHTOOL_A_BITSET_*, little-endian host). */
class BitsetTest {
    private static Bitset decode(String hex) throws ProtocolException {
        MemorySegment s = HandBytes.segment(hex);
        return Bitset.decode(new Attrs().reset(s, 0, s.byteSize(), "test bitset"));
    }

    /** BITS { BIT { INDEX 3, NAME "ab", VALUE }, BIT { INDEX 5, NAME "cd" } }. */
    private static final String VERBOSE_BITS = "30000300 18000100 08000100 03000000 07000200 61620000 04000300"
            + " 14000100 08000100 05000000 07000200 63640000";

    @Test
    void aVerboseBitsetListsItsBitsAndTheirNames() throws Exception {
        Bitset b = decode(VERBOSE_BITS);
        assertEquals(6, b.size(), "one past the highest listed bit");
        assertTrue(b.value(3));
        assertFalse(b.value(5));
        assertTrue(b.masked(5));
        assertFalse(b.masked(4), "a bit not listed is not spoken of");
        assertEquals("ab", b.name(3));
        assertEquals("cd", b.name(5));
        assertNull(b.name(4));
        Bitset all = decode("04000100 08000200 08000000 " + VERBOSE_BITS);
        assertEquals(8, all.size());
        assertTrue(all.masked(4), "NOMASK: every bit of SIZE is spoken of");
        assertFalse(all.value(4));
        assertTrue(all.value(3));
        assertTrue(all.value(5), "NOMASK makes a verbose set a list: bit 5 is listed without VALUE, and set");
    }

    @Test
    void aCompactBitsetReadsItsWordsInHostOrder() throws Exception {
        Bitset nomask = decode("04000100 08000200 28000000 0c000400 01000000 80000000");
        assertEquals(40, nomask.size());
        assertTrue(nomask.value(0));
        assertTrue(nomask.value(39), "bit 39 is bit 7 of the second word");
        assertFalse(nomask.value(38));
        assertTrue(nomask.masked(38));
        Bitset masked = decode("08000200 28000000 0c000400 01000000 80000000 0c000500 01000000 00000000");
        assertTrue(masked.value(0));
        assertFalse(masked.value(39), "set in the value, not in the mask");
        assertFalse(masked.masked(39));
        Bitset noMaskAttr = decode("08000200 28000000 0c000400 00000000 80000000");
        assertTrue(noMaskAttr.masked(12), "no ETHTOOL_A_BITSET_MASK: every bit");
        assertTrue(noMaskAttr.value(39));
        Bitset oneWord = decode("08000200 20000000 08000400 00000080");
        assertTrue(oneWord.value(31), "32 bits are one word");
        assertFalse(oneWord.value(30));
    }

    @Test
    void malformedBitsetsAreProtocolErrors() {
        assertThrows(ProtocolException.class, () -> decode("08000200 28000000 08000400 01000000"), "40 bits need 8 bytes");
        assertThrows(ProtocolException.class, () -> decode("08000200 21000000 08000400 01000000"), "33 bits need two words");
        assertThrows(ProtocolException.class, () -> decode("08000200 01000100"), "a size above 65536");
        assertThrows(ProtocolException.class, () -> decode("10000300 0c000100 08000100 00000100"), "a bit index above 65535");
    }

    @Test
    void theEdgesOfTheRanges() throws Exception {
        assertEquals(65536, decode("08000200 00000100").size(), "65536 bits is the most");
        assertTrue(decode("10000300 0c000100 08000100 ffff0000").masked(65535), "bit index 65535 is the highest");
    }
}
