package io.github.netlink4j.internal.wire.spec;

import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static io.github.netlink4j.internal.wire.spec.SpecEncoderTest.T;
import static io.github.netlink4j.internal.wire.spec.SpecEncoderTest.map;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Attributes to values: what the kernel may send that a request never holds (hand-written bytes, little-endian host). */
class SpecValuesTest {
    private static Map<String, Object> decode(String hex) throws Exception {
        byte[] b = HexFormat.of().parseHex(hex.replace(" ", ""));
        return SpecValues.decode(MemorySegment.ofArray(b), 0, b.length, T, "main");
    }

    @Test
    void enumValuesNoEntryNamesStayNumbers() throws Exception {
        assertEquals(map("color", "green"), decode("08001700 05000000"));
        assertEquals(map("color", 9L), decode("08001700 09000000"));
        assertEquals(map("nobits", 3L), decode("08002000 03000000"), "an enum the spec does not define");
    }

    @Test
    void flagWordsAreNamesAndTheBitsNoNameCovers() throws Exception {
        assertEquals(map("bits", List.of("x", "y")), decode("0c001800 05000000 00000000"));
        assertEquals(map("bits", List.of()), decode("0c001800 00000000 00000000"));
        assertEquals(map("bits", List.of("y", 0x22L)), decode("0c001800 26000000 00000000"));
        assertEquals(map("bits", List.of("x", new BigInteger("9223372036854775808"))), decode("0c001800 01000000 00000080"),
                "the top bit of a u64 word, unsigned");
    }

    @Test
    void unsigned64BitValuesAboveTheSignedRange() throws Exception {
        assertEquals(map("u64", new BigInteger("18446744073709551615")), decode("0c000600 ffffffff ffffffff"));
        assertEquals(map("u64", Long.MAX_VALUE), decode("0c000600 ffffffff ffffff7f"));
        assertEquals(map("u64", 0L), decode("0c000600 00000000 00000000"), "zero is a Long like any value below 2^63");
        assertEquals(map("uint", new BigInteger("18446744073709551614")), decode("0c000b00 feffffff ffffffff"));
        assertEquals(map("uint", 0xffffffffL), decode("08000b00 ffffffff"));
        assertEquals(map("s64", -1L), decode("0c000a00 ffffffff ffffffff"), "signed stays signed");
        assertEquals(map("sint", -1L), decode("0c000c00 ffffffff ffffffff"));
        assertEquals(map("u64s", List.of(new BigInteger("18446744073709551615"), 1L)), decode("14001200 ffffffff ffffffff 01000000 00000000"));
        assertEquals(map("u32s", List.of(0xffffffffL)), decode("08001100 ffffffff"));
        assertEquals(map("s32s", List.of(-1L)), decode("08001d00 ffffffff"));
    }

    @Test
    void repeatedAttributesBecomeLists() throws Exception {
        assertEquals(map("multi", List.of(1L)), decode("08001600 01000000"), "a multi-attr attribute is a list from the first");
        assertEquals(map("multi", List.of(1L, 2L, 3L)), decode("08001600 01000000 08001600 02000000 08001600 03000000"));
        assertEquals(map("u32", List.of(1L, 2L, 3L), "u8", 4L),
                decode("08000400 01000000 08000400 02000000 05000100 04000000 08000400 03000000"), "any other from the second");
        assertEquals(map("bits", List.of(List.of("x"), List.of("y"))), decode("0c001800 01000000 00000000 0c001800 04000000 00000000"),
                "a repeated flag word: a list of lists, not one list");
        Map<String, Object> unknown = decode("08006300 01000000 08006300 02000000");
        @SuppressWarnings("unchecked")
        List<byte[]> raw = (List<byte[]>) unknown.get("attribute 99");
        assertArrayEquals(new byte[] {1, 0, 0, 0}, raw.get(0), "an attribute the spec does not know keeps its bytes");
        assertArrayEquals(new byte[] {2, 0, 0, 0}, raw.get(1));
    }

    @Test
    void nestsAndArrays() throws Exception {
        assertEquals(map("nest", map("a", 7L, "b", "a")), decode("14001480 08000100 07000000 06000200 61000000"));
        assertEquals(map("nest", map()), decode("04001480"));
        assertEquals(map("array", List.of(map("a", 1L), map("a", 2L))), decode("1c001580 0c000180 08000100 01000000 0c000280 08000100 02000000"));
        assertEquals(map("array", List.of()), decode("04001580"));
        assertEquals(map("tv", List.of(map("a", 1L))), decode("10001a80 0c000580 08000100 01000000"), "type-value nests as a list too");
        assertEquals(map("flag", true, "string", "veth0"), decode("04001300 0a000d00 76657468 30000000"));
    }
}
