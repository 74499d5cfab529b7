package io.github.netlink4j.internal.wire.spec;

import io.github.netlink4j.internal.wire.spec.gen.NetdevSpec;
import io.github.netlink4j.internal.wire.spec.gen.NlctrlSpec;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Attributes decoded into the tree a spec types, on bytes written out by hand (little-endian host). */
class SpecTreeTest {
    private static MemorySegment hex(String h) {
        return MemorySegment.ofArray(HexFormat.of().parseHex(h.replaceAll("\\s+", "")));
    }

    @Test
    void numbersOfEachWidthAndUnknownAttributesKeptRaw() throws Exception {
        // netdev "dev": ifindex u32 7, xdp-features u64 0x13, attribute 99 (unknown) with 2 bytes
        MemorySegment s = hex("08000100 07000000  0c000300 13000000 00000000  06006300 abcd0000");
        List<SpecTree.Node> dev = SpecTree.decode(s, 0, s.byteSize(), NetdevSpec.SPEC, "dev");
        assertEquals(new SpecTree.Node("ifindex", 1, 7L), dev.get(0));
        assertEquals(0x13L, dev.get(1).number());
        assertEquals("xdp-features", dev.get(1).name());
        assertEquals("attribute 99", dev.get(2).name());
        assertArrayEquals(new byte[] {(byte) 0xab, (byte) 0xcd}, (byte[]) dev.get(2).value());
        EnumSpec xdp = NetdevSpec.SPEC.enumeration("xdp-act").orElseThrow();
        assertEquals(List.of("basic", "redirect", "rx-sg"), xdp.namesOf(0x23));
    }

    @Test
    void nestsStringsAndIndexedArrays() throws Exception {
        // nlctrl: family-name "ab", ops [ [1]: { id 3, flags 0x0a } ], uint? no: maxattr u32 9
        MemorySegment s = hex("07000200 61620000" // CTRL_ATTR_FAMILY_NAME "ab\\0" (len 7) + pad
                + "08000500 09000000" // CTRL_ATTR_MAXATTR 9
                + "18000600" // CTRL_ATTR_OPS, 24 bytes
                + "14000100" // entry [1], 20 bytes
                + "08000100 03000000" // CTRL_ATTR_OP_ID 3
                + "08000200 0a000000"); // CTRL_ATTR_OP_FLAGS 0x0a
        List<SpecTree.Node> n = SpecTree.decode(s, 0, s.byteSize(), NlctrlSpec.SPEC, "ctrl-attrs");
        assertEquals("ab", n.get(0).value());
        assertEquals(9L, n.get(1).number());
        @SuppressWarnings("unchecked")
        List<List<SpecTree.Node>> ops = (List<List<SpecTree.Node>>) n.get(2).value();
        assertEquals(1, ops.size());
        assertEquals(3L, SpecTree.first(ops.get(0), "id").orElseThrow().number());
        assertEquals(0x0aL, SpecTree.first(ops.get(0), "flags").orElseThrow().number());
        assertTrue(n.get(2).children().isEmpty(), "an array is not a nest");
    }

    @Test
    void aNestIsDecodedByItsSetAndUintsTakeTheirWidthFromTheSender() throws Exception {
        // netdev "page-pool-stats": info { id (uint, 4 bytes) 5, ifindex u32 3 }, alloc-fast (uint, 8 bytes) 100
        MemorySegment s = hex("14000100 08000100 05000000 08000200 03000000  0c000800 64000000 00000000");
        List<SpecTree.Node> n = SpecTree.decode(s, 0, s.byteSize(), NetdevSpec.SPEC, "page-pool-stats");
        SpecTree.Node info = n.get(0);
        assertEquals("info", info.name());
        assertEquals(5L, info.child("id").orElseThrow().number());
        assertEquals(3L, info.child("ifindex").orElseThrow().number());
        assertEquals(100L, SpecTree.first(n, "alloc-fast").orElseThrow().number());
    }

    @Test
    void aTruncatedAttributeIsAProtocolError() {
        MemorySegment s = hex("08000100 0700");
        assertThrows(io.github.netlink4j.error.ProtocolException.class, () -> SpecTree.decode(s, 0, s.byteSize(), NetdevSpec.SPEC, "dev"));
    }
}
