package io.github.netlink4j.internal.wire.spec;

import io.github.netlink4j.genl.GenlFamily;
import io.github.netlink4j.internal.codec.genl.GenlSpecs;
import io.github.netlink4j.internal.wire.spec.gen.EthtoolSpec;
import io.github.netlink4j.internal.wire.spec.gen.NetdevSpec;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The small parts of the descriptor model at the edges of their ranges, and the registry a resolved family fills. */
class SpecModelEdgesTest {
    @Test
    void attributeNumbersFitNlaType() {
        assertEquals(0x3fff, new AttrSpec(0x3fff, "a", "A", AttrType.U8, null, null, false, false, null).value());
        assertEquals(0, new AttrSpec(0, "a", "A", AttrType.UNUSED, null, null, false, false, null).value());
        assertThrows(IllegalArgumentException.class, () -> new AttrSpec(-1, "a", "A", AttrType.U8, null, null, false, false, null));
        assertThrows(NullPointerException.class, () -> new AttrSpec(1, "a", null, AttrType.U8, null, null, false, false, null));
    }

    @Test
    void setsOperationsAndEnumsAnswerAsGenerated() {
        AttrSetSpec header = EthtoolSpec.SPEC.set("header");
        assertEquals("header", header.name());
        assertTrue(header.toString().contains("header"));
        assertFalse(EthtoolSpec.SPEC.op("linkinfo-ntf").hasDo(), "a notification is never asked for");
        assertTrue(EthtoolSpec.SPEC.op("linkinfo-ntf").notification());
        assertFalse(EthtoolSpec.SPEC.op("linkinfo-set").hasDump());
        assertTrue(EthtoolSpec.SPEC.operations().size() > 60);
        assertEquals("linkinfo-get", EthtoolSpec.SPEC.operations().get(1).name());
        assertEquals("rx", NetdevSpec.SPEC.enumeration("queue-type").orElseThrow().nameOf(0), "the first entry is 0");
        FamilySpec.Builder b = FamilySpec.builder("x", "genetlink", 0);
        assertEquals(b, b.enumeration("e", false, new String[] {"a"}, new long[] {0}), "the builder chains");
        assertEquals(List.of("a"), b.build().enumeration("e").orElseThrow().names());
    }

    @Test
    void aResolvedFamilysIdNamesItsRequestsExtendedAcks() {
        MemorySegment s = MemorySegment.ofArray(HexFormat.of().parseHex(("2c000000 6e00 0500 00000000 00000000 12010000"
                + "10000180 0a000200 76657468 30000000 08000600 02000000").replaceAll("\\s+", "")));
        assertNull(SpecPaths.pathAt(s, 0, 36), "id 0x6e is nobody's yet");
        GenlSpecs.resolved(new GenlFamily("ethtool", 0x6e, 1, 0, 0, List.of(), List.of()));
        assertEquals("ETHTOOL_A_CHANNELS_RX_COUNT", SpecPaths.pathAt(s, 0, 36));
        GenlSpecs.resolved(new GenlFamily("nl4jnospec", 0x6f, 1, 0, 0, List.of(), List.of()));
    }
}
