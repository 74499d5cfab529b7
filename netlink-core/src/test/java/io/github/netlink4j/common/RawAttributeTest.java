package io.github.netlink4j.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * struct nlattr as linux/netlink.h lays it out: u16 nla_len (header included), u16 nla_type (the type in
 * its low 14 bits, NLA_TYPE_MASK; NLA_F_NESTED 0x8000 and NLA_F_NET_BYTEORDER 0x4000 above), the payload,
 * padding to NLA_ALIGNTO (4). Numbers are in host byte order; the expected bytes here are written with a
 * ByteBuffer in native order, field by field.
 */
class RawAttributeTest {
    private static ByteBuffer buf(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.nativeOrder());
    }

    /** One struct nlattr: header, payload, zero padding to 4. */
    private static byte[] nlattr(int len, int type, byte[] payload) {
        ByteBuffer b = buf((len + 3) & ~3);
        b.putShort((short) len).putShort((short) type).put(payload);
        return b.array();
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    @Test
    void typeIsFourteenBitsAndPayloadFitsA16BitLength() {
        assertEquals(0, RawAttribute.of(0, new byte[0]).type());
        assertEquals(0x3fff, RawAttribute.of(0x3fff, new byte[0]).type());
        assertThrows(IllegalArgumentException.class, () -> RawAttribute.of(-1, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> RawAttribute.of(0x4000, new byte[0]));
        assertEquals(65531, RawAttribute.of(1, new byte[65531]).length(), "65,535 with the header");
        assertThrows(IllegalArgumentException.class, () -> RawAttribute.of(1, new byte[65532]));
    }

    @Test
    void payloadIsCopiedInAndOut() {
        byte[] v = {1, 2};
        RawAttribute a = RawAttribute.of(5, v);
        v[0] = 9;
        a.value()[1] = 9;
        assertArrayEquals(new byte[] {1, 2}, a.value());
        assertEquals(2, a.length());
        assertFalse(a.isNest());
    }

    @Test
    void numbersAreInHostOrder() {
        assertArrayEquals(new byte[] {(byte) 0xfe}, RawAttribute.ofU8(1, 0xfe).value());
        assertArrayEquals(buf(2).putShort((short) 0xbeef).array(), RawAttribute.ofU16(1, 0xbeef).value());
        assertArrayEquals(buf(4).putInt(0xdeadbeef).array(), RawAttribute.ofU32(1, 0xdeadbeef).value());
        assertArrayEquals(buf(8).putLong(0x0102030405060708L).array(), RawAttribute.ofU64(1, 0x0102030405060708L).value());
        assertEquals(7, RawAttribute.ofU64(7, 1).type());
    }

    @Test
    void unsignedValueReadsByLength() {
        assertEquals(0xfe, RawAttribute.ofU8(1, 0xfe).unsignedValue());
        assertEquals(0xbeef, RawAttribute.ofU16(1, 0xbeef).unsignedValue());
        assertEquals(0xdeadbeefL, RawAttribute.ofU32(1, 0xdeadbeef).unsignedValue());
        assertEquals(0x0102030405060708L, RawAttribute.ofU64(1, 0x0102030405060708L).unsignedValue());
        assertEquals(4294967295L, RawAttribute.ofU32(1, -1).unsignedValue());
        assertEquals(65535, RawAttribute.ofU16(1, -1).unsignedValue());
        assertEquals(255, RawAttribute.ofU8(1, -1).unsignedValue());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3, 5, 16})
    void unsignedValueOfAnotherLengthIsRefused(int n) {
        assertThrows(IllegalStateException.class, () -> RawAttribute.of(1, new byte[n]).unsignedValue());
    }

    @Test
    void stringsAreNulTerminatedUtf8() {
        assertArrayEquals(new byte[] {'v', 'e', 't', 'h', '0', 0}, RawAttribute.ofString(2, "veth0").value());
        assertArrayEquals(new byte[] {(byte) 0xc3, (byte) 0xa9, 0}, RawAttribute.ofString(2, "é").value());
        assertArrayEquals(new byte[] {0}, RawAttribute.ofString(2, "").value());
        assertThrows(IllegalArgumentException.class, () -> RawAttribute.ofString(2, "a\0b"));
        assertThrows(IllegalArgumentException.class, () -> RawAttribute.ofString(2, "\0b"), "a NUL first would make it the empty string");
    }

    @Test
    void stringValueStopsAtTheFirstNul() {
        assertEquals("veth0", RawAttribute.ofString(2, "veth0").stringValue());
        assertEquals("ab", RawAttribute.of(2, new byte[] {'a', 'b', 0, 'c', 0}).stringValue());
        assertEquals("ab", RawAttribute.of(2, new byte[] {'a', 'b'}).stringValue(), "no NUL: the whole payload");
        assertEquals("", RawAttribute.of(2, new byte[0]).stringValue());
        assertEquals("é", RawAttribute.of(2, new byte[] {(byte) 0xc3, (byte) 0xa9, 0}).stringValue());
    }

    @Test
    void aNestPacksItsMembersAsStructNlattrsAndIsSentNested() {
        // a string (nla_len 10, 2 bytes of padding), a u32 (8) and a nest holding a u8 (4 + 5, padded to 12)
        RawAttribute inner = RawAttribute.nest(3, List.of(RawAttribute.ofU8(1, 7)));
        RawAttribute nest = RawAttribute.nest(1, List.of(RawAttribute.ofString(2, "veth0"), RawAttribute.ofU32(3, 1), inner));
        assertTrue(nest.isNest());
        assertTrue(inner.isNest());
        byte[] expected = concat(
                nlattr(10, 2, "veth0\0".getBytes(StandardCharsets.US_ASCII)),
                nlattr(8, 3, buf(4).putInt(1).array()),
                nlattr(12, 0x8000 | 3, nlattr(5, 1, new byte[] {7})));
        assertEquals(32, expected.length, "the premise: 12 + 8 + 12");
        assertArrayEquals(expected, nest.value());
        assertEquals(1, nest.type());
        assertArrayEquals(new byte[0], RawAttribute.nest(4, List.of()).value());
    }

    @Test
    void nestedReadsThePayloadBack() {
        RawAttribute inner = RawAttribute.nest(3, List.of(RawAttribute.ofU8(1, 7)));
        RawAttribute nest = RawAttribute.nest(1, List.of(RawAttribute.ofString(2, "veth0"), inner));
        assertEquals(List.of(RawAttribute.ofString(2, "veth0"), RawAttribute.of(3, inner.value())), nest.nested());
        assertEquals(List.of(RawAttribute.ofU8(1, 7)), nest.nested().get(1).nested());
    }

    @Test
    void listOfSplitsAnAreaMaskingTheTypeFlags() {
        byte[] area = concat(
                nlattr(5, 0x8000 | 3, new byte[] {7}),        // NLA_F_NESTED
                nlattr(8, 0x4000 | 9, buf(4).putInt(42).array()), // NLA_F_NET_BYTEORDER
                nlattr(4, 11, new byte[0]),                    // a flag: header only
                new byte[] {1, 2, 3});                         // a tail too short for a header is not an attribute
        List<RawAttribute> l = RawAttribute.listOf(area);
        assertEquals(3, l.size());
        assertEquals(RawAttribute.of(3, new byte[] {7}), l.get(0));
        assertEquals(RawAttribute.ofU32(9, 42), l.get(1));
        assertEquals(RawAttribute.of(11, new byte[0]), l.get(2));
        assertTrue(RawAttribute.isArea(l));
        assertFalse(RawAttribute.isArea(List.of(RawAttribute.ofU8(1, 1))));
        assertEquals("[3 attributes, types 3, 9, 11]", l.toString());
    }

    @Test
    void anAttributeEndingExactlyAtTheAreaEndIsRead() {
        byte[] area = buf(5).putShort((short) 5).putShort((short) 1).put((byte) 9).array(); // no padding after the last one
        assertEquals(List.of(RawAttribute.ofU8(1, 9)), RawAttribute.listOf(area));
    }

    @Test
    void aMalformedAreaIsRefusedWhenRead() {
        byte[] shortLen = buf(8).putShort((short) 3).putShort((short) 1).array();  // nla_len below the header
        byte[] pastEnd = buf(8).putShort((short) 12).putShort((short) 1).array();  // nla_len past the end
        byte[] zero = new byte[8];                                               // nla_len 0 would loop for ever
        byte[] secondPastEnd = concat(nlattr(5, 1, new byte[] {7}), buf(8).putShort((short) 9).putShort((short) 2).array());
        assertThrows(IllegalStateException.class, () -> RawAttribute.listOf(shortLen).size());
        assertThrows(IllegalStateException.class, () -> RawAttribute.listOf(pastEnd).get(0));
        assertThrows(IllegalStateException.class, () -> RawAttribute.listOf(zero).size());
        assertThrows(IllegalStateException.class, () -> RawAttribute.listOf(secondPastEnd).size(), "8 bytes left at 8, not 9");
        assertEquals(List.of(), RawAttribute.listOf(new byte[3]));
    }

    @Test
    void equalByTypeAndPayload() {
        RawAttribute a = RawAttribute.of(3, new byte[] {7});
        assertEquals(a, RawAttribute.ofU8(3, 7));
        assertEquals(a.hashCode(), RawAttribute.ofU8(3, 7).hashCode());
        assertNotEquals(a, RawAttribute.ofU8(4, 7));
        assertNotEquals(a.hashCode(), RawAttribute.ofU8(4, 7).hashCode());
        assertNotEquals(a, RawAttribute.ofU8(3, 8));
        assertNotEquals(a.hashCode(), RawAttribute.ofU8(3, 8).hashCode());
        assertNotEquals(a, (Object) "RawAttribute");
        assertEquals(RawAttribute.nest(3, List.of()), RawAttribute.of(3, new byte[0]), "the nested flag is how it is sent, not what it holds");
        // as keys of a map by type, attributes with the same payload should not all collide
        java.util.Set<Integer> hashes = new java.util.HashSet<>();
        for (int t = 0; t < 64; t++) hashes.add(RawAttribute.ofU32(t, 1).hashCode());
        assertEquals(64, hashes.size());
    }

    @Test
    void printsTypeAndHexOrASummary() {
        assertEquals("RawAttribute[type=3, value=07ff]", RawAttribute.of(3, new byte[] {7, (byte) 0xff}).toString());
        assertEquals("[0 attributes]", RawAttribute.summary(List.of()));
        assertEquals("[1 attribute, types 26]", RawAttribute.summary(List.of(RawAttribute.ofU8(26, 0))));
        assertEquals("[3 attributes, types 3, 26]", RawAttribute.summary(List.of(RawAttribute.ofU8(26, 0), RawAttribute.ofU8(3, 0),
                RawAttribute.ofU8(26, 1))));
    }
}
