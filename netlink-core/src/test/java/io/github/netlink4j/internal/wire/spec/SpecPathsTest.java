package io.github.netlink4j.internal.wire.spec;

import io.github.netlink4j.internal.wire.spec.gen.EthtoolSpec;
import io.github.netlink4j.internal.wire.spec.gen.NlctrlSpec;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Extended-ACK offsets named by a family's spec, on requests written out by hand. */
class SpecPathsTest {
    /** ETHTOOL_MSG_CHANNELS_SET (cmd 18) of veth0 with RX_COUNT 2: as ethtool -L veth0 rx 2 sends it, type 0x15. */
    private static final String CHANNELS_SET = "2c000000 1500 0500 00000000 00000000" // nlmsghdr, 44 bytes
            + "12010000" // genlmsghdr: cmd 18, version 1                           offset 16
            + "10000180 0a000200 76657468 30000000" // HEADER { DEV_NAME "veth0" }    offset 20, name at 24
            + "08000600 02000000"; // ETHTOOL_A_CHANNELS_RX_COUNT 2                 offset 36

    private static MemorySegment hex(String h) {
        return MemorySegment.ofArray(HexFormat.of().parseHex(h.replaceAll("\\s+", "")));
    }

    @Test
    void offsetsAreNamedWithTheSpecsCNames() {
        MemorySegment s = hex(CHANNELS_SET);
        assertEquals("ETHTOOL_A_CHANNELS_RX_COUNT", SpecPaths.pathAt(s, 0, 36, EthtoolSpec.SPEC));
        assertEquals("ETHTOOL_A_CHANNELS_RX_COUNT", SpecPaths.pathAt(s, 0, 40, EthtoolSpec.SPEC), "an offset into the payload");
        assertEquals("ETHTOOL_A_CHANNELS_HEADER › ETHTOOL_A_HEADER_DEV_NAME", SpecPaths.pathAt(s, 0, 24, EthtoolSpec.SPEC));
        assertEquals("ETHTOOL_A_CHANNELS_HEADER", SpecPaths.pathAt(s, 0, 20, EthtoolSpec.SPEC));
        assertNull(SpecPaths.pathAt(s, 0, 16, EthtoolSpec.SPEC), "the genlmsghdr is no attribute");
        assertNull(SpecPaths.pathAt(s, 0, 44, EthtoolSpec.SPEC), "past the end");
    }

    @Test
    void offsetsAreNamedWithTheSpecsOwnNamesAsYnlDoes() {
        MemorySegment s = hex(CHANNELS_SET);
        assertEquals("rx-count", SpecPaths.specPathAt(s, 0, 36, EthtoolSpec.SPEC));
        assertEquals("header.dev-name", SpecPaths.specPathAt(s, 0, 24, EthtoolSpec.SPEC));
        assertEquals("header", SpecPaths.specPathAt(s, 0, 20, EthtoolSpec.SPEC));
        assertNull(SpecPaths.specPathAt(s, 0, 16, EthtoolSpec.SPEC));
        assertEquals("header.attribute 9", SpecPaths.specPathAt(
                hex(CHANNELS_SET.replaceFirst("0a000200 76657468 30000000", "0a000900 76657468 30000000")), 0, 24, EthtoolSpec.SPEC));
        assertEquals("ETHTOOL_A_CHANNELS_HEADER › ETHTOOL_A_HEADER_DEV_NAME", SpecPaths.pathAt(s, 0, 24, EthtoolSpec.SPEC),
                "the C names stay the default");
    }

    @Test
    void whatCannotBeNamedIsNull() {
        MemorySegment s = hex(CHANNELS_SET);
        assertNull(SpecPaths.pathAt(s, 0, 19, EthtoolSpec.SPEC), "inside the genlmsghdr");
        assertEquals("ETHTOOL_A_CHANNELS_HEADER", SpecPaths.pathAt(s, 0, 23, EthtoolSpec.SPEC), "the last byte of the nest's header");
        assertEquals("ETHTOOL_A_CHANNELS_RX_COUNT", SpecPaths.pathAt(s, 0, 43, EthtoolSpec.SPEC), "the last byte of the message");
        assertNull(SpecPaths.pathAt(hex(CHANNELS_SET.replaceFirst("12010000", "63010000")), 0, 36, EthtoolSpec.SPEC), "command 99 is no operation");
        assertNull(SpecPaths.pathAt(hex(CHANNELS_SET.replaceFirst("2c000000", "2d000000")), 0, 36, EthtoolSpec.SPEC), "a length past the bytes");
        assertNull(SpecPaths.pathAt(hex(CHANNELS_SET.replaceFirst("2c000000", "13000000")), 0, 36, EthtoolSpec.SPEC), "a length short of the headers");
        assertNull(SpecPaths.pathAt(hex("2c000000 1500"), 0, 36, EthtoolSpec.SPEC), "no room for the headers");
        assertNull(SpecPaths.pathAt(hex("2c000000 1500"), 0, 36), "no room for the nlmsghdr");
        assertEquals("attribute 12", SpecPaths.pathAt(hex(CHANNELS_SET.replaceFirst("08000600 02000000", "08000c00 02000000")), 0, 36,
                EthtoolSpec.SPEC), "a top-level attribute the spec does not know");
        assertEquals("ETHTOOL_A_CHANNELS_HEADER › attribute 9", SpecPaths.pathAt(
                hex(CHANNELS_SET.replaceFirst("0a000200 76657468 30000000", "0a000900 76657468 30000000")), 0, 24, EthtoolSpec.SPEC),
                "an attribute the spec does not know is named by number");
    }

    @Test
    void theRegistryFindsTheSpecByFamilyId() {
        MemorySegment s = hex(CHANNELS_SET.replaceFirst("1500", "7f00"));
        assertNull(SpecPaths.pathAt(s, 0, 36), "no family registered as 0x7f");
        SpecPaths.register(0x7f, EthtoolSpec.SPEC);
        assertEquals("ETHTOOL_A_CHANNELS_RX_COUNT", SpecPaths.pathAt(s, 0, 36));
    }

    @Test
    void arrayEntriesAreNumbered() {
        // nlctrl CTRL_CMD_GETPOLICY (10) is a dump: its request is not an operation of a do; use GETFAMILY (3) with an ops array
        MemorySegment s = hex("2c000000 1000 0500 00000000 00000000 03020000"
                + "18000600 14000100 08000100 03000000 08000200 0a000000");
        assertEquals("CTRL_ATTR_OPS › [1] › CTRL_ATTR_OP_FLAGS", SpecPaths.pathAt(s, 0, 36, NlctrlSpec.SPEC));
        assertEquals("CTRL_ATTR_OPS › [1] › CTRL_ATTR_OP_ID", SpecPaths.pathAt(s, 0, 28, NlctrlSpec.SPEC));
        assertEquals("CTRL_ATTR_OPS › [1]", SpecPaths.pathAt(s, 0, 25, NlctrlSpec.SPEC), "the entry's own header");
        assertEquals("CTRL_ATTR_OPS", SpecPaths.pathAt(s, 0, 21, NlctrlSpec.SPEC));
        MemorySegment two = hex("30000000 1000 0500 00000000 00000000 03020000"
                + "1c000600 0c000100 08000100 03000000 0c000200 08000200 0a000000");
        assertEquals("CTRL_ATTR_OPS › [2] › CTRL_ATTR_OP_FLAGS", SpecPaths.pathAt(two, 0, 44, NlctrlSpec.SPEC), "the second entry");
        assertEquals("CTRL_ATTR_OPS › [1] › CTRL_ATTR_OP_ID", SpecPaths.pathAt(two, 0, 32, NlctrlSpec.SPEC));
    }
}
