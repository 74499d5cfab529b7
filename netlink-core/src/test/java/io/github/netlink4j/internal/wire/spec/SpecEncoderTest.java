package io.github.netlink4j.internal.wire.spec;

import io.github.netlink4j.genl.SpecRequestException;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.testing.Written;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.github.netlink4j.internal.wire.spec.AttrType.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Values to attributes for every type the spec format has, on a family made here (little-endian host): the
 * bytes each type writes, the ranges each refuses, and the typed errors naming the attribute.
 */
class SpecEncoderTest {
    /** Every type, each enum kind, a nest, an indexed array and a multi-attr attribute. */
    static final FamilySpec T = FamilySpec.builder("test", "genetlink", 0)
            .set("main")
            .attr(0, "unspec", "T_UNSPEC", UNUSED)
            .attr(1, "u8", "T_U8", U8)
            .attr(2, "u16", "T_U16", U16)
            .attr(3, "u16be", "T_U16BE", U16, null, null, false, true, null)
            .attr(4, "u32", "T_U32", U32)
            .attr(5, "u32be", "T_U32BE", U32, null, null, false, true, null)
            .attr(6, "u64", "T_U64", U64)
            .attr(7, "s8", "T_S8", S8)
            .attr(8, "s16", "T_S16", S16)
            .attr(9, "s32", "T_S32", S32)
            .attr(10, "s64", "T_S64", S64)
            .attr(11, "uint", "T_UINT", UINT)
            .attr(12, "sint", "T_SINT", SINT)
            .attr(13, "string", "T_STRING", STRING)
            .attr(14, "binary", "T_BINARY", BINARY)
            .attr(15, "u16s", "T_U16S", BINARY, null, U16, false, false, null)
            .attr(16, "s8s", "T_S8S", BINARY, null, S8, false, false, null)
            .attr(17, "u32s", "T_U32S", BINARY, null, U32, false, false, null)
            .attr(18, "u64s", "T_U64S", BINARY, null, U64, false, false, null)
            .attr(19, "flag", "T_FLAG", FLAG)
            .attr(20, "nest", "T_NEST", NEST, "inner", null, false, false, null)
            .attr(21, "array", "T_ARRAY", INDEXED_ARRAY, "inner", null, false, false, null)
            .attr(22, "multi", "T_MULTI", U32, null, null, true, false, null)
            .attr(23, "color", "T_COLOR", U32, null, null, false, false, "color")
            .attr(24, "bits", "T_BITS", U64, null, null, false, false, "bits")
            .attr(25, "pad", "T_PAD", PAD)
            .attr(26, "tv", "T_TV", NEST_TYPE_VALUE, "inner", null, false, false, null)
            .attr(27, "bf", "T_BF", BITFIELD32)
            .attr(28, "s16s", "T_S16S", BINARY, null, S16, false, false, null)
            .attr(29, "s32s", "T_S32S", BINARY, null, S32, false, false, null)
            .attr(30, "u8s", "T_U8S", BINARY, null, U8, false, false, null)
            .attr(31, "scalars", "T_SCALARS", INDEXED_ARRAY, null, U32, false, false, null)
            .attr(32, "nobits", "T_NOBITS", U32, null, null, false, false, "missing")
            .attr(33, "multinest", "T_MULTINEST", NEST, "inner", null, true, false, null)
            .set("inner")
            .attr(1, "a", "T_INNER_A", U32)
            .attr(2, "b", "T_INNER_B", STRING)
            .enumeration("color", false, new String[] {"red", "green"}, new long[] {0, 5})
            .enumeration("bits", true, new String[] {"x", "y"}, new long[] {1, 4})
            .op("get", "main", 1, 1, false, new String[0], new String[0], null, null)
            .build();

    @SafeVarargs
    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    /** The attributes {@code values} become, as hex. */
    static String hex(Map<String, ?> values) {
        MessageWriter w = new MessageWriter(64);
        SpecEncoder.encode(w, T, "get", "main", values);
        return HexFormat.of().formatHex(Written.bytes(w));
    }

    private static String one(String name, Object v) {
        return hex(map(name, v));
    }

    private static SpecRequestException refused(Map<String, ?> values) {
        return assertThrows(SpecRequestException.class, () -> hex(values));
    }

    private static String reason(String name, Object v) {
        return refused(map(name, v)).getMessage();
    }

    @Test
    void numbersAtTheirWidthsAndByteOrders() {
        assertEquals("05000100ff000000", one("u8", 255L));
        assertEquals("06000200fffe0000", one("u16", 0xfeffL));
        assertEquals("0600030012b50000", one("u16be", 4789L), "network order");
        assertEquals("08000400feffffff", one("u32", 0xfffffffeL));
        assertEquals("080005000ac80001", one("u32be", 0x0ac80001L), "network order");
        assertEquals("0c000600ffffffffffffffff", one("u64", new BigInteger("18446744073709551615")));
        assertEquals("0c0006000100000000000000", one("u64", 1));
        assertEquals("05000700ff000000", one("s8", -1L));
        assertEquals("06000800feff0000", one("s16", (short) -2));
        assertEquals("08000900fdffffff", one("s32", -3));
        assertEquals("0c000a00fcffffffffffffff", one("s64", (byte) -4));
        assertEquals("0c000a000000000000000080", one("s64", Long.MIN_VALUE));
    }

    @Test
    void variableWidthIntegersTakeFourBytesWhenTheyFit() {
        assertEquals("08000b00ffffffff", one("uint", 0xffffffffL));
        assertEquals("0c000b000000000001000000", one("uint", 0x100000000L));
        assertEquals("0c000b00ffffffffffffffff", one("uint", new BigInteger("18446744073709551615")));
        assertEquals("08000c00ffffff7f", one("sint", (long) Integer.MAX_VALUE));
        assertEquals("08000c0000000080", one("sint", (long) Integer.MIN_VALUE));
        assertEquals("0c000c000000008000000000", one("sint", Integer.MAX_VALUE + 1L));
        assertEquals("0c000c00ffffff7fffffffff", one("sint", Integer.MIN_VALUE - 1L));
    }

    @Test
    void rangesAreTheTypes() {
        assertEquals("test get: u8: 256 is out of range for u8 (0 to 255)", reason("u8", 256L));
        assertEquals("test get: u8: -1 is out of range for u8 (0 to 255)", reason("u8", -1L));
        assertEquals("test get: u16: 65536 is out of range for u16 (0 to 65535)", reason("u16", 65536L));
        assertEquals("test get: u32: 4294967296 is out of range for u32 (0 to 4294967295)", reason("u32", 0x100000000L));
        assertEquals("test get: u64: -1 is out of range for u64 (0 to 18446744073709551615)", reason("u64", -1L));
        assertEquals("test get: uint: 18446744073709551616 is out of range for uint (0 to 18446744073709551615)",
                reason("uint", BigInteger.ONE.shiftLeft(64)));
        assertEquals("test get: s8: 128 is out of range for s8 (-128 to 127)", reason("s8", 128L));
        assertEquals("test get: s8: -129 is out of range for s8 (-128 to 127)", reason("s8", -129L));
        assertEquals("test get: s16: 32768 is out of range for s16 (-32768 to 32767)", reason("s16", 32768L));
        assertEquals("test get: s32: -2147483649 is out of range for s32 (-2147483648 to 2147483647)", reason("s32", -2147483649L));
        assertEquals("test get: s64: 9223372036854775808 is out of range for s64 (-9223372036854775808 to 9223372036854775807)",
                reason("s64", BigInteger.ONE.shiftLeft(63)));
        assertEquals("test get: sint: -9223372036854775809 is out of range for sint (-9223372036854775808 to 9223372036854775807)",
                reason("sint", BigInteger.ONE.shiftLeft(63).negate().subtract(BigInteger.ONE)));
        assertEquals("05000100ff000000", one("u8", 255L), "the edge itself is in range");
        assertEquals("05000700 80000000".replace(" ", ""), one("s8", -128L));
    }

    @Test
    void wrongTypesNameWhatTheAttributeTakes() {
        assertEquals("test get: u32: u32 takes an integer, not 1.5", reason("u32", 1.5));
        assertEquals("test get: u32: u32 takes an integer, not \"7\"", reason("u32", "7"));
        assertEquals("test get: u32: u32 takes an integer, not null", reason("u32", null));
        assertEquals("test get: string: string takes a string, not 7", reason("string", 7L));
        assertEquals("test get: flag: flag takes true or false, not 1", reason("flag", 1L));
        assertEquals("test get: nest: nest takes an object of attribute set inner, not [1]", reason("nest", List.of(1L)));
        assertEquals("test get: array: indexed-array takes a list, not {}", reason("array", map()));
        assertEquals("test get: binary: binary takes hex bytes, not 7", reason("binary", 7L));
        assertEquals("test get: u16s: binary takes a list of u16, not \"0102\"", reason("u16s", "0102"));
        assertEquals("test get: color: u32 takes an integer or a name of color, not true", reason("color", true));
        assertEquals("test get: bits: u64 takes an integer or a name of bits (or a list of them), not true", reason("bits", true));
        assertEquals("test get: u32: u32 takes an integer, not [1]", reason("u32", List.of(1L)), "a list is no number without flags");
        assertEquals("test get: nobits: u32 takes an integer, not \"x\"", reason("nobits", "x"), "an enum the spec lacks names nothing");
    }

    @Test
    void unknownAttributesAndTypesNotWrittenFromValues() {
        SpecRequestException e = refused(map("nest", map("c", 1L)));
        assertEquals("test", e.family());
        assertEquals("get", e.operation());
        assertEquals("nest.c", e.attribute().orElseThrow());
        assertEquals("test get: nest.c: attribute set inner has no such attribute", e.getMessage());
        assertEquals("test get: array[1].zz: attribute set inner has no such attribute", refused(map("array", List.of(map(), map("zz", 1L)))).getMessage());
        assertEquals("test get: pad: cannot be written from values (type pad)", reason("pad", 0L));
        assertEquals("test get: unspec: cannot be written from values (type unused)", reason("unspec", 0L));
        assertEquals("test get: tv: cannot be written from values (type nest-type-value)", reason("tv", map()));
        assertEquals("test get: bf: cannot be written from values (type bitfield32)", reason("bf", "00"));
        assertEquals("test get: scalars: cannot be written from values (an indexed array of u32)", reason("scalars", List.of(1L)));
        Map<Object, Object> numericKey = new LinkedHashMap<>();
        numericKey.put(1, 2L);
        assertEquals("test get: nest: a key of a nest must be a string, not 1", reason("nest", numericKey));
    }

    @Test
    void stringsFlagsAndBinaries() {
        assertEquals("0a000d00766574683000" + "0000", one("string", "veth0"));
        assertEquals("test get: string: a string attribute cannot hold a NUL character", reason("string", "a\0b"));
        assertEquals("04001300", one("flag", true));
        assertEquals("", one("flag", false), "false leaves the flag out");
        assertEquals("07000e00010203" + "00", one("binary", "010203"));
        assertEquals("07000e00abcdef" + "00", one("binary", "ab:cd:ef"), "a MAC-style hex with colons");
        assertEquals("06000e000102" + "0000", one("binary", new byte[] {1, 2}));
        assertEquals("test get: binary: \"xyz\" is not hex bytes", reason("binary", "xyz"));
    }

    @Test
    void binariesOfTypedElementsAreListsInHostOrder() {
        assertEquals("08000f000100ffff", one("u16s", List.of(1L, 0xffffL)));
        assertEquals("06001000ff7f" + "0000", one("s8s", List.of(-1L, 127L)));
        assertEquals("0c00110001000000ffffffff", one("u32s", List.of(1L, 0xffffffffL)));
        assertEquals("0c0012000200000000000000", one("u64s", List.of(2L)));
        assertEquals("08001c00feff0100", one("s16s", List.of(-2L, 1L)));
        assertEquals("0c001d00fdffffff04000000", one("s32s", List.of(-3L, 4L)));
        assertEquals("06001e000102" + "0000", one("u8s", List.of(1L, 2L)));
        assertEquals("test get: u16s[1]: 65536 is out of range for u16 (0 to 65535)", reason("u16s", List.of(1L, 65536L)));
        assertEquals("test get: s8s[0]: 128 is out of range for s8 (-128 to 127)", reason("s8s", List.of(128L)));
    }

    @Test
    void enumsAndFlagsByName() {
        assertEquals("0800170005000000", one("color", "green"));
        assertEquals("0800170000000000", one("color", "red"));
        assertEquals("0800170009000000", one("color", 9L), "a number no entry names is sent as it is");
        assertEquals("test get: color: enum color has no entry blue (it has red, green)", reason("color", "blue"));
        assertEquals("0c0018000500000000000000", one("bits", List.of("x", "y")));
        assertEquals("0c0018000400000000000000", one("bits", "y"), "one flag by its name");
        assertEquals("0c0018002400000000000000", one("bits", List.of("y", 32L)), "bits no flag names, as numbers");
        assertEquals("0c0018000000000000000080", one("bits", List.of(new BigInteger("9223372036854775808"))), "the top bit");
        assertEquals("0c0018000000000000000000", one("bits", List.of()));
        assertEquals("test get: bits: flags bits has no entry z (it has x, y)", reason("bits", List.of("x", "z")));
    }

    @Test
    void nestsArraysAndRepeatedAttributes() {
        assertEquals("14001480" + "08000100" + "07000000" + "06000200" + "6100" + "0000",
                one("nest", map("a", 7L, "b", "a")), "NLA_F_NESTED on the nest");
        assertEquals("04001480", one("nest", map()));
        assertEquals("1c001580" + "0c000180" + "08000100" + "01000000" + "0c000280" + "08000100" + "02000000",
                one("array", List.of(map("a", 1L), map("a", 2L))), "entries numbered from 1");
        assertEquals("08001600" + "01000000" + "08001600" + "02000000", one("multi", List.of(1L, 2L)), "a multi-attr list: one attribute each");
        assertEquals("08001600" + "03000000", one("multi", 3L), "or a single value");
        assertEquals("0c002180" + "08000100" + "01000000" + "0c002180" + "08000100" + "02000000",
                one("multinest", List.of(map("a", 1L), map("a", 2L))));
        assertEquals("test get: multi[1]: u32 takes an integer, not \"x\"", reason("multi", List.of(1L, "x")));
        assertEquals("05000100" + "01000000" + "06000200" + "0200" + "0000", hex(map("u8", 1L, "u16", 2L)), "in the map's order");
    }

    @Test
    void decodingWhatWasEncodedGivesTheValuesBack() throws Exception {
        Map<String, Object> values = map("u8", 255L, "u16be", 4789L, "u32", 0xffffffffL, "u64", new BigInteger("18446744073709551615"),
                "s8", -1L, "s16", -2L, "s32", -3L, "s64", Long.MIN_VALUE, "uint", 0x100000000L, "sint", -5L, "string", "veth0",
                "u16s", List.of(1L, 0xffffL), "s8s", List.of(-1L), "u64s", List.of(new BigInteger("18446744073709551615")),
                "flag", true, "nest", map("a", 7L, "b", "x"), "array", List.of(map("a", 1L), map("b", "y")), "multi", List.of(1L, 2L),
                "color", "green", "bits", List.of("x", "y"));
        byte[] b = HexFormat.of().parseHex(hex(values));
        java.lang.foreign.MemorySegment s = java.lang.foreign.MemorySegment.ofArray(b);
        assertEquals(values, SpecValues.decode(s, 0, b.length, T, "main"));
        assertEquals(Arrays.toString(new byte[] {1, 2}),
                Arrays.toString((byte[]) SpecValues.decode(java.lang.foreign.MemorySegment.ofArray(HexFormat.of().parseHex(one("binary", "0102"))), 0, 8, T, "main").get("binary")));
    }
}
