package io.github.netlink4j.internal.codec;

import io.github.netlink4j.internal.codec.genl.GenlCodec;
import io.github.netlink4j.common.RawAttribute;
import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.genl.GenlFamily;
import io.github.netlink4j.genl.GenlMessage;
import io.github.netlink4j.genl.GenlMulticastGroup;
import io.github.netlink4j.genl.GenlOperation;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.util.EnumSet;
import java.util.List;

import static io.github.netlink4j.internal.codec.HandBytes.assertWrites;
import static io.github.netlink4j.internal.codec.HandBytes.segment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Generic netlink against linux/genetlink.h: struct genlmsghdr {u8 cmd; u8 version; u16 reserved},
 * the nlctrl family (GENL_ID_CTRL 0x10) and its CTRL_ATTR_* replies, written out by hand.
 */
class GenlCodecTest {
    private static final GenlFamily ETHTOOL = new GenlFamily("ethtool", 0x14, 1, 0, 0, List.of(), List.of());

    @Test
    void getFamilyAsksNlctrlByName() {
        assertWrites("""
                20 00 00 00                 # nlmsg_len 32
                10 00                       # nlmsg_type GENL_ID_CTRL
                01 00                       # NLM_F_REQUEST (a get: the family or ENOENT answers)
                00 00 00 00 00 00 00 00     # seq, pid
                03 02 00 00                 # genlmsghdr: CTRL_CMD_GETFAMILY, version 2
                0b 00 02 00                 # nla_len 11, CTRL_ATTR_FAMILY_NAME
                6e 6c 63 74 72 6c 00 00     # "nlctrl\\0", one byte of padding
                """, w -> GenlCodec.encodeGetFamily(w, "nlctrl"));
    }

    @Test
    void dumpFamiliesIsAnEmptyGetFamilyDump() {
        assertWrites("""
                14 00 00 00                 # nlmsg_len 20
                10 00                       # GENL_ID_CTRL
                01 03                       # NLM_F_REQUEST | NLM_F_DUMP (0x300)
                00 00 00 00 00 00 00 00
                03 02 00 00                 # CTRL_CMD_GETFAMILY, version 2
                """, GenlCodec::encodeDumpFamilies);
    }

    /** Shaped like ethtool's ETHTOOL_MSG_LINKINFO_GET (2): a nest (ETHTOOL_A_LINKINFO_HEADER › ETHTOOL_A_HEADER_DEV_NAME), then a plain u8. */
    @Test
    void dumpCarriesTheFamilysIdAndVersionAndMarksNests() {
        List<RawAttribute> header = List.of(RawAttribute.nest(1, List.of(RawAttribute.ofString(2, "eth0"))), RawAttribute.ofU8(3, 1));
        assertWrites("""
                2c 00 00 00                 # nlmsg_len 44
                14 00                       # the family's id
                01 03                       # NLM_F_REQUEST | NLM_F_DUMP
                00 00 00 00 00 00 00 00
                02 01 00 00                 # cmd 2, the family's version 1
                10 00 01 80                 # nla_len 16, type 1 | NLA_F_NESTED
                09 00 02 00 65 74 68 30 00 00 00 00   # type 2 "eth0\\0", padded
                05 00 03 00 01 00 00 00     # type 3, u8 1, padded
                """, w -> GenlCodec.encodeDump(w, ETHTOOL, 2, header));
    }

    @Test
    void doAsksAnAckAndZeroesTheFamilyHeader() {
        GenlFamily withHeader = new GenlFamily("demo", 0x20, 3, 4, 0, List.of(), List.of());
        assertWrites("""
                20 00 00 00                 # nlmsg_len 32
                20 00                       # the family's id
                05 00                       # NLM_F_REQUEST | NLM_F_ACK
                00 00 00 00 00 00 00 00
                01 03 00 00                 # cmd 1, version 3
                00 00 00 00                 # CTRL_ATTR_HDRSIZE 4: the family header, zeroed
                08 00 01 00 04 03 02 01     # type 1, u32 0x01020304
                """, w -> GenlCodec.encodeDo(w, withHeader, 1, List.of(RawAttribute.ofU32(1, 0x01020304))));
    }

    /** A CTRL_CMD_NEWFAMILY with every attribute the decoder reads, and entries it must skip. */
    private static final String NEW_FAMILY = """
            f8 00 00 00                 # nlmsg_len 248
            10 00 00 00                 # GENL_ID_CTRL, flags 0
            00 00 00 00 00 00 00 00
            01 02 00 00                 # genlmsghdr: CTRL_CMD_NEWFAMILY, version 2
            09 00 02 00 64 65 6d 6f 00 00 00 00   # CTRL_ATTR_FAMILY_NAME "demo"
            06 00 01 00 1a 00 00 00     # CTRL_ATTR_FAMILY_ID u16 0x1a, padded
            08 00 03 00 03 00 00 00     # CTRL_ATTR_VERSION 3
            08 00 04 00 04 00 00 00     # CTRL_ATTR_HDRSIZE 4
            08 00 05 00 2a 00 00 00     # CTRL_ATTR_MAXATTR 42
            40 00 06 00                 # CTRL_ATTR_OPS, 64 bytes
            14 00 01 00                 #   entry 1
            08 00 01 00 02 00 00 00     #     CTRL_ATTR_OP_ID 2
            08 00 02 00 0a 00 00 00     #     CTRL_ATTR_OP_FLAGS GENL_CMD_CAP_DO | GENL_CMD_CAP_HASPOL
            0c 00 02 00                 #   entry 2: flags without an id (left out)
            08 00 02 00 04 00 00 00
            1c 00 03 00                 #   entry 3
            08 00 01 00 00 00 00 00     #     CTRL_ATTR_OP_ID 0
            08 00 02 00 04 00 00 00     #     CTRL_ATTR_OP_FLAGS GENL_CMD_CAP_DUMP
            08 00 09 00 1f 00 00 00     #     an attribute of a later kernel
            70 00 07 00                 # CTRL_ATTR_MCAST_GROUPS, 112 bytes
            18 00 01 00                 #   entry 1
            0c 00 01 00 6d 6f 6e 69 74 6f 72 00   # CTRL_ATTR_MCAST_GRP_NAME "monitor"
            08 00 02 00 05 00 00 00     #     CTRL_ATTR_MCAST_GRP_ID 5
            10 00 02 00                 #   entry 2: a name without an id (left out)
            09 00 01 00 6f 6e 6c 79 00 00 00 00
            0c 00 03 00                 #   entry 3: an id without a name (left out)
            08 00 02 00 07 00 00 00
            18 00 04 00                 #   entry 4: id 0 (left out)
            09 00 01 00 7a 65 72 6f 00 00 00 00
            08 00 02 00 00 00 00 00
            20 00 05 00                 #   entry 5
            09 00 01 00 6c 61 73 74 00 00 00 00   # "last"
            08 00 02 00 06 00 00 00     #     CTRL_ATTR_MCAST_GRP_ID 6
            08 00 03 00 09 00 00 00     #     an attribute of a later kernel
            08 00 08 00 01 00 00 00     # CTRL_ATTR_POLICY (not read)
            """;

    @Test
    void familyDecodesWithItsOperationsAndGroups() throws Exception {
        MemorySegment s = segment(NEW_FAMILY);
        GenlFamily f = GenlCodec.decodeFamily(s, 0, (int) s.byteSize());
        assertEquals(new GenlFamily("demo", 0x1a, 3, 4, 42,
                List.of(new GenlOperation(2, EnumSet.of(GenlOperation.Flag.DO, GenlOperation.Flag.HAS_POLICY)),
                        new GenlOperation(0, EnumSet.of(GenlOperation.Flag.DUMP))),
                List.of(new GenlMulticastGroup("monitor", 5), new GenlMulticastGroup("last", 6))), f);
    }

    @Test
    void familyWithoutNameOrIdIsRefused() {
        MemorySegment noName = segment("""
                1c 00 00 00 10 00 00 00 00 00 00 00 00 00 00 00
                01 02 00 00
                06 00 01 00 1a 00 00 00     # CTRL_ATTR_FAMILY_ID only
                """);
        assertThrows(ProtocolException.class, () -> GenlCodec.decodeFamily(noName, 0, 28));
        MemorySegment noId = segment("""
                20 00 00 00 10 00 00 00 00 00 00 00 00 00 00 00
                01 02 00 00
                09 00 02 00 64 65 6d 6f 00 00 00 00   # CTRL_ATTR_FAMILY_NAME only
                """);
        assertThrows(ProtocolException.class, () -> GenlCodec.decodeFamily(noId, 0, 32));
    }

    @Test
    void messageSkipsTheFamilyHeaderAndKeepsAttributesRaw() throws Exception {
        MemorySegment s = segment("""
                28 00 00 00                 # nlmsg_len 40
                14 00 00 00                 # the family's id, flags 0
                00 00 00 00 00 00 00 00
                07 01 00 00                 # cmd 7, version 1
                aa bb cc dd                 # a 4-byte family header
                08 00 03 00 2a 00 00 00     # type 3, u32 42
                08 00 01 80 00 00 00 00     # type 1 | NLA_F_NESTED (masked off), 4 bytes
                """);
        GenlMessage m = GenlCodec.decodeMessage(s, 0, 40, 4);
        assertEquals(new GenlMessage(0x14, 7, 1, List.of(RawAttribute.ofU32(3, 42), RawAttribute.of(1, new byte[4]))), m);
    }

    @Test
    void messageOfJustItsHeadersHasNoAttributes() throws Exception {
        MemorySegment s = segment("""
                18 00 00 00 14 00 00 00 00 00 00 00 00 00 00 00
                05 02 00 00                 # cmd 5, version 2
                00 00 00 00                 # the family header
                """);
        assertEquals(new GenlMessage(0x14, 5, 2, List.of()), GenlCodec.decodeMessage(s, 0, 24, 4));
    }

    @Test
    void messageShorterThanItsHeadersIsRefused() {
        MemorySegment headerOnly = MemorySegment.ofArray(HandBytes.hex("10 00 00 00 14 00 00 00 00 00 00 00 00 00 00 00"));
        assertThrows(ProtocolException.class, () -> GenlCodec.decodeMessage(headerOnly, 0, 16, 0));
        MemorySegment noFamilyHeader = segment("""
                14 00 00 00 14 00 00 00 00 00 00 00 00 00 00 00
                05 02 00 00                 # genlmsghdr, then none of the 4 family header bytes
                """);
        assertThrows(ProtocolException.class, () -> GenlCodec.decodeMessage(noFamilyHeader, 0, 20, 4));
        MemorySegment torn = MemorySegment.ofArray(HandBytes.hex("11 00 00 00 14 00 00 00 00 00 00 00 00 00 00 00  05   # one byte of genlmsghdr"));
        assertThrows(ProtocolException.class, () -> GenlCodec.decodeMessage(torn, 0, 17, 4), "refused before the version is read past the end");
    }
}
