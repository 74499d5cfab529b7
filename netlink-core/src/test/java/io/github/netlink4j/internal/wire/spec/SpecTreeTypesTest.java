package io.github.netlink4j.internal.wire.spec;

import io.github.netlink4j.internal.wire.spec.gen.EthtoolSpec;
import io.github.netlink4j.internal.wire.spec.gen.MptcpPmSpec;
import io.github.netlink4j.internal.wire.spec.gen.NlctrlSpec;
import io.github.netlink4j.internal.wire.spec.gen.TcpMetricsSpec;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every scalar type the stored specs use, decoded from hand-written bytes (little-endian host). */
class SpecTreeTypesTest {
    private static Object one(FamilySpec spec, String set, String hex) throws Exception {
        MemorySegment s = MemorySegment.ofArray(HexFormat.of().parseHex(hex.replaceAll("\\s+", "")));
        List<SpecTree.Node> n = SpecTree.decode(s, 0, s.byteSize(), spec, set);
        assertEquals(1, n.size());
        return n.get(0).value();
    }

    @Test
    void bigEndianSignedAndFlags() throws Exception {
        assertEquals(4789L, one(EthtoolSpec.SPEC, "tunnel-udp-entry", "06000100 12b50000"), "a u16 port in network order");
        assertEquals(0x0ac80001L, one(MptcpPmSpec.SPEC, "event-attr", "08000500 0ac80001"), "a u32 address in network order");
        assertEquals(0xc80aL, one(MptcpPmSpec.SPEC, "event-attr", "06000900 c80a0000"), "sport, a big-endian u16");
        assertEquals(-2L, one(TcpMetricsSpec.SPEC, "tcp-metrics", "08000500 feffffff"), "an s32");
        assertEquals(0xfffffffeL, one(EthtoolSpec.SPEC, "header", "08000100 feffffff"), "a u32 is unsigned");
        assertEquals(-2L, one(NlctrlSpec.SPEC, "policy-attrs", "0c000200 feffffff ffffffff"), "an s64");
        assertEquals(0x1ffL, one(EthtoolSpec.SPEC, "plca", "06000200 ff010000"), "a u16");
        assertEquals(Boolean.TRUE, one(EthtoolSpec.SPEC, "bitset-bit", "04000300"));
        assertEquals(0xffL, one(EthtoolSpec.SPEC, "linkinfo", "05000200 ff000000"), "a u8 is unsigned");
        assertEquals(0xffffffffL, one(EthtoolSpec.SPEC, "ts-stat", "08000100 ffffffff"), "a 4-byte uint");
        assertEquals(-1L, one(EthtoolSpec.SPEC, "ts-stat", "0c000100 ffffffff ffffffff"), "an 8-byte uint keeps its 64 bits");
    }

    @Test
    void binariesWithAnElementTypeAreArrays() throws Exception {
        assertArrayEquals(new long[] {1, 2}, (long[]) one(EthtoolSpec.SPEC, "fec-stat", "14000200 01000000 00000000 02000000 00000000"));
        assertArrayEquals(new long[] {-1, 2}, (long[]) one(EthtoolSpec.SPEC, "phc-vclocks", "0c000300 ffffffff 02000000"), "s32 elements");
        assertArrayEquals(new long[] {0xffffffffL, 2}, (long[]) one(EthtoolSpec.SPEC, "rss", "0c000400 ffffffff 02000000"), "u32 elements");
        assertArrayEquals(new long[] {7}, (long[]) one(EthtoolSpec.SPEC, "rss", "0a000400 07000000 0100 0000"), "a partial element is dropped");
        assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) one(EthtoolSpec.SPEC, "rss", "07000500 010203 00"), "a plain binary is its bytes");
        assertThrows(io.github.netlink4j.error.ProtocolException.class, () -> one(EthtoolSpec.SPEC, "header", "06000100 0100 0000"),
                "a u32 of two bytes");
    }
}
