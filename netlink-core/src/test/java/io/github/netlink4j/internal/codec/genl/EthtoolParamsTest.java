package io.github.netlink4j.internal.codec.genl;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.genl.GenlFamily;
import io.github.netlink4j.genl.ethtool.Coalesce;
import io.github.netlink4j.genl.ethtool.Eee;
import io.github.netlink4j.genl.ethtool.Pause;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.testing.Golden;
import io.github.netlink4j.testing.Written;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * ethtool's pause, EEE and coalescing: the requests against what ethtool -a, --show-eee and -c sent (golden,
 * captured from the tool), the replies from bytes written here by hand, since a veth reports none of the
 * three (the kernel answers EOPNOTSUPP) and no device of this machine could be captured.
 */
class EthtoolParamsTest {
    private static final GenlFamily ETHTOOL = new GenlFamily("ethtool", 0x15, 1, 0, 0, List.of(), List.of());

    private static void assertGet(String fixture, int command) {
        MessageWriter w = new MessageWriter(64);
        EthtoolCodec.encodeGet(w, ETHTOOL, command, "veth0", 0);
        assertEquals(Golden.dump(Golden.bytes(fixture)), Golden.dump(Written.bytes(w)), fixture);
    }

    @Test
    void requestsAreWhatEthtoolSends() {
        assertGet("ethtool/pause-get", EthtoolParams.PAUSE_GET);
        assertGet("ethtool/eee-get", EthtoolParams.EEE_GET);
        assertGet("ethtool/coalesce-get", EthtoolParams.COALESCE_GET);
    }

    private static MemorySegment msg(String hex) {
        return MemorySegment.ofArray(HexFormat.of().parseHex(hex.replaceAll("\\s+", "")));
    }

    /** ETHTOOL_A_*_HEADER (1, NLA_F_NESTED): ETHTOOL_A_HEADER_DEV_INDEX 3, ETHTOOL_A_HEADER_DEV_NAME "veth0". */
    private static final String HEADER = "18000180 08000100 03000000 0a000200 76657468 30000000";

    @Test
    void pauseReply() throws Exception {
        MemorySegment s = msg("44000000 1500 0000 00000000 00000000" // nlmsghdr: 68 bytes, the family id
                + "16010000" // genlmsghdr: ETHTOOL_MSG_PAUSE_GET_REPLY (22), version 1
                + HEADER
                + "05000200 00000000" // ETHTOOL_A_PAUSE_AUTONEG 0
                + "05000300 01000000" // ETHTOOL_A_PAUSE_RX 1
                + "05000400 00000000"); // ETHTOOL_A_PAUSE_TX 0
        assertEquals(new Pause("veth0", 3, Optional.of(false), Optional.of(true), Optional.of(false)), EthtoolParams.pause(s, 0, 68));
        MemorySegment bare = msg("2c000000 1500 0000 00000000 00000000 16010000" + HEADER);
        assertEquals(new Pause("veth0", 3, Optional.empty(), Optional.empty(), Optional.empty()), EthtoolParams.pause(bare, 0, 44));
    }

    @Test
    void eeeReply() throws Exception {
        MemorySegment s = msg("58000000 1500 0000 00000000 00000000"
                + "18010000" // ETHTOOL_MSG_EEE_GET_REPLY (24)
                + HEADER
                + "0c000280 08000200 00000000" // ETHTOOL_A_EEE_MODES_OURS: a bitset of size 0, not kept
                + "05000400 01000000" // ETHTOOL_A_EEE_ACTIVE 1
                + "05000500 01000000" // ETHTOOL_A_EEE_ENABLED 1
                + "05000600 00000000" // ETHTOOL_A_EEE_TX_LPI_ENABLED 0
                + "08000700 11000000"); // ETHTOOL_A_EEE_TX_LPI_TIMER 17
        assertEquals(new Eee("veth0", 3, Optional.of(true), Optional.of(true), Optional.of(false), OptionalLong.of(17)), EthtoolParams.eee(s, 0, 88));
        MemorySegment bare = msg("2c000000 1500 0000 00000000 00000000 18010000" + HEADER);
        assertEquals(OptionalLong.empty(), EthtoolParams.eee(bare, 0, 44).txLpiTimer());
    }

    @Test
    void coalesceReply() throws Exception {
        MemorySegment s = msg("48000000 1500 0000 00000000 00000000"
                + "14010000" // ETHTOOL_MSG_COALESCE_GET_REPLY (20)
                + HEADER
                + "08000200 32000000" // ETHTOOL_A_COALESCE_RX_USECS 50
                + "08000700 40000000" // ETHTOOL_A_COALESCE_TX_MAX_FRAMES 64
                + "05000b00 01000000" // ETHTOOL_A_COALESCE_USE_ADAPTIVE_RX 1
                + "04001d80"); // ETHTOOL_A_COALESCE_RX_PROFILE, an empty nest: not a parameter
        Coalesce c = EthtoolParams.coalesce(s, 0, 72);
        assertEquals(new Coalesce("veth0", 3, Map.of("rx-usecs", 50L, "tx-max-frames", 64L, "use-adaptive-rx", 1L)), c);
        assertEquals(List.of("rx-usecs", "tx-max-frames", "use-adaptive-rx"), List.copyOf(c.parameters().keySet()), "in the kernel's order");
        assertEquals(OptionalLong.of(50), c.parameter("rx-usecs"));
        assertEquals(OptionalLong.empty(), c.parameter("tx-usecs"));
    }

    @Test
    void malformedReplies() {
        assertEquals("expected ETHTOOL_MSG_PAUSE_GET_REPLY (command 22), got command 24",
                assertThrows(ProtocolException.class, () -> EthtoolParams.pause(msg("2c000000 1500 0000 00000000 00000000 18010000" + HEADER), 0, 44)).getMessage());
        assertEquals("ETHTOOL_MSG_EEE_GET_REPLY of 19 bytes has no genlmsghdr",
                assertThrows(ProtocolException.class, () -> EthtoolParams.eee(msg("13000000 1500 0000 00000000 00000000 180100"), 0, 19)).getMessage());
        assertEquals("ETHTOOL_MSG_COALESCE_GET_REPLY without ETHTOOL_A_HEADER_DEV_NAME",
                assertThrows(ProtocolException.class, () -> EthtoolParams.coalesce(msg("1c000000 1500 0000 00000000 00000000 14010000 08000200 32000000"), 0, 28)).getMessage());
        assertEquals("ETHTOOL_MSG_PAUSE_GET_REPLY without ETHTOOL_A_HEADER_DEV_NAME",
                assertThrows(ProtocolException.class, () -> EthtoolParams.pause(msg("20000000 1500 0000 00000000 00000000 16010000 0c000180 08000100 03000000"), 0, 32)).getMessage(),
                "a header naming no device");
        assertEquals(0, assertDoesNotThrowIndex(), "a header without an index reads as index 0");
    }

    private static int assertDoesNotThrowIndex() {
        try {
            return EthtoolParams.pause(msg("2c000000 1500 0000 00000000 00000000 16010000 10000180 0a000200 76657468 30000000 05000200 01000000"), 0, 44).index();
        } catch (ProtocolException e) {
            throw new AssertionError(e);
        }
    }
}
