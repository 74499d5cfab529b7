package io.github.netlink4j.internal.codec.genl;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.genl.GenlFamily;
import io.github.netlink4j.genl.netdev.NetdevEvent;
import io.github.netlink4j.genl.netdev.NetdevNapi;
import io.github.netlink4j.genl.netdev.XdpFeature;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.testing.Written;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * NETDEV_CMD_NAPI_GET and the device notifications on bytes written here by hand from netdev.yaml (no tool of
 * this machine speaks the netdev family; the live tests check the kernel's own against ip).
 */
class NetdevNapiEventsCodecTest {
    private static final GenlFamily NETDEV = new GenlFamily("netdev", 0x1e, 1, 0, 0, List.of(), List.of());

    private static MemorySegment msg(String hex) {
        return MemorySegment.ofArray(HexFormat.of().parseHex(hex.replaceAll("\\s+", "")));
    }

    private static String napiDump(int index) {
        MessageWriter w = new MessageWriter(64);
        NetdevCodec.encodeNapiDump(w, NETDEV, index);
        return HexFormat.of().formatHex(Written.bytes(w));
    }

    @Test
    void aNapiDumpOfOneDeviceOrOfAll() {
        // nlmsghdr (NLM_F_REQUEST | NLM_F_DUMP), genlmsghdr NETDEV_CMD_NAPI_GET (11) version 1, NETDEV_A_NAPI_IFINDEX 5
        assertEquals("1c000000 1e00 0103 00000000 00000000 0b010000 08000100 05000000".replace(" ", ""), napiDump(5));
        assertEquals("14000000 1e00 0103 00000000 00000000 0b010000".replace(" ", ""), napiDump(0));
    }

    @Test
    void napiInstances() throws Exception {
        MemorySegment full = msg("48000000 1e00 0200 00000000 00000000 0b010000"
                + "08000200 09200000" // NETDEV_A_NAPI_ID 8201
                + "08000100 05000000" // NETDEV_A_NAPI_IFINDEX 5
                + "08000300 1a000000" // NETDEV_A_NAPI_IRQ 26
                + "08000400 d2040000" // NETDEV_A_NAPI_PID 1234
                + "08000500 02000000" // NETDEV_A_NAPI_DEFER_HARD_IRQS 2
                + "0c000600 40420f00 00000000"); // NETDEV_A_NAPI_GRO_FLUSH_TIMEOUT 1000000 ns (uint, 8 bytes)
        assertEquals(new NetdevNapi(5, 8201, OptionalInt.of(26), OptionalInt.of(1234), OptionalLong.of(2), Optional.of(Duration.ofMillis(1))),
                NetdevCodec.decodeNapi(full, 0, 72));
        MemorySegment bare = msg("2c000000 1e00 0200 00000000 00000000 0b010000 08000200 0a200000 08000100 07000000 08000600 00000000");
        assertEquals(new NetdevNapi(7, 8202, OptionalInt.empty(), OptionalInt.empty(), OptionalLong.empty(), Optional.of(Duration.ZERO)),
                NetdevCodec.decodeNapi(bare, 0, 44), "a 4-byte uint is as good as 8");
        assertThrows(ProtocolException.class, () -> NetdevCodec.decodeNapi(msg("1c000000 1e00 0200 00000000 00000000 0b010000 08000100 07000000"), 0, 28),
                "no NETDEV_A_NAPI_ID");
        assertThrows(ProtocolException.class, () -> NetdevCodec.decodeNapi(msg("1c000000 1e00 0200 00000000 00000000 0b010000 08000200 07000000"), 0, 28),
                "no NETDEV_A_NAPI_IFINDEX");
        assertThrows(ProtocolException.class, () -> NetdevCodec.decodeNapi(msg("10000000 1e00 0200 00000000 00000000"), 0, 16));
    }

    /** A device notification: genlmsghdr cmd, NETDEV_A_DEV_IFINDEX, NETDEV_A_DEV_XDP_FEATURES (u64). */
    private static String ntf(int cmd, int familyId, int index, long xdp) {
        return String.format("28000000 %02x00 0000 00000000 00000000 %02x010000 08000100 %02x000000 0c000300 %02x000000 00000000",
                familyId, cmd, index, xdp);
    }

    @Test
    void aDatagramOfDeviceNotifications() throws Exception {
        String pagePool = "1c000000 1e00 0000 00000000 00000000 06010000 08000200 05000000"; // NETDEV_CMD_PAGE_POOL_ADD_NTF
        String other = ntf(2, 0x1f, 9, 0); // another family's message on the socket
        MemorySegment s = msg(ntf(2, 0x1e, 4, 0x3) + pagePool + other + ntf(3, 0x1e, 5, 0) + ntf(4, 0x1e, 6, 0x1));
        List<NetdevEvent> events = NetdevCodec.decodeEvents(s, (int) s.byteSize(), 0x1e);
        assertEquals(List.of(NetdevEvent.Action.ADD, NetdevEvent.Action.DELETE, NetdevEvent.Action.CHANGE), events.stream().map(NetdevEvent::action).toList());
        assertEquals(List.of(4, 5, 6), events.stream().map(e -> e.device().index()).toList());
        assertEquals(Set.of(XdpFeature.BASIC, XdpFeature.REDIRECT), events.get(0).device().xdpFeatures());
        assertEquals(0x3, events.get(0).device().rawXdpFeatures());
        assertEquals(List.of(), NetdevCodec.decodeEvents(s, 0, 0x1e), "an empty datagram");
    }

    @Test
    void aBrokenDatagramIsRefused() {
        MemorySegment s = msg(ntf(2, 0x1e, 4, 0));
        assertThrows(ProtocolException.class, () -> NetdevCodec.decodeEvents(s, 20, 0x1e), "a message longer than the datagram");
        MemorySegment shortLen = msg("0c000000 1e00 0000 00000000 00000000");
        assertThrows(ProtocolException.class, () -> NetdevCodec.decodeEvents(shortLen, 16, 0x1e), "a length below the header");
        MemorySegment noGenl = msg("10000000 1e00 0000 00000000 00000000");
        assertThrows(ProtocolException.class, () -> NetdevCodec.decodeEvents(noGenl, 16, 0x1e), "no genlmsghdr");
        MemorySegment noIndex = msg("14000000 1e00 0000 00000000 00000000 02010000");
        assertThrows(ProtocolException.class, () -> NetdevCodec.decodeEvents(noIndex, 20, 0x1e), "a device without its index");
    }
}
