package io.github.netlink4j.internal.codec.genl;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.genl.netdev.NetdevPagePool;
import io.github.netlink4j.genl.netdev.PagePoolEvent;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Page pools and the {@code page-pool} group's notifications on bytes written here by hand from netdev.yaml (no
 * tool of this machine speaks the netdev family, and no device of the test kernel has a pool the kernel lists).
 */
class PagePoolCodecTest {
    private static MemorySegment msg(String hex) {
        return MemorySegment.ofArray(HexFormat.of().parseHex(hex.replaceAll("\\s+", "")));
    }

    @Test
    void aPoolWithEveryAttribute() throws Exception {
        MemorySegment full = msg("58000000 1e00 0200 00000000 00000000 05010000" // NETDEV_CMD_PAGE_POOL_GET reply
                + "0c000100 0c000000 00000000" // NETDEV_A_PAGE_POOL_ID 12 (uint, 8 bytes)
                + "08000200 05000000" // NETDEV_A_PAGE_POOL_IFINDEX 5
                + "08000300 09200000" // NETDEV_A_PAGE_POOL_NAPI_ID 8201
                + "0c000400 40000000 00000000" // NETDEV_A_PAGE_POOL_INFLIGHT 64
                + "0c000500 00000400 00000000" // NETDEV_A_PAGE_POOL_INFLIGHT_MEM 262144
                + "08000600 e8030000" // NETDEV_A_PAGE_POOL_DETACH_TIME 1000
                + "08000700 03000000"); // NETDEV_A_PAGE_POOL_DMABUF 3
        assertEquals(new NetdevPagePool(12, OptionalInt.of(5), OptionalLong.of(8201), OptionalLong.of(64), OptionalLong.of(262144),
                OptionalLong.of(1000), OptionalInt.of(3)), PagePoolCodec.decode(full, 0, 88));
    }

    @Test
    void aPoolWhoseDeviceIsGoneHasNoIndex() throws Exception {
        MemorySegment bare = msg("24000000 1e00 0200 00000000 00000000 05010000 08000100 0d000000 08000200 00000000");
        assertEquals(new NetdevPagePool(13, OptionalInt.empty(), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
                OptionalLong.empty(), OptionalInt.empty()), PagePoolCodec.decode(bare, 0, 36), "ifindex 0 and a 4-byte id");
        assertThrows(ProtocolException.class, () -> PagePoolCodec.decode(msg("1c000000 1e00 0200 00000000 00000000 05010000 08000200 05000000"), 0, 28),
                "no NETDEV_A_PAGE_POOL_ID");
        assertThrows(ProtocolException.class, () -> PagePoolCodec.decode(msg("10000000 1e00 0200 00000000 00000000"), 0, 16));
    }

    /** A page-pool notification: genlmsghdr cmd, NETDEV_A_PAGE_POOL_ID (4 bytes). */
    private static String ntf(int cmd, int familyId, int id) {
        return String.format("1c000000 %02x00 0000 00000000 00000000 %02x010000 08000100 %02x000000", familyId, cmd, id);
    }

    @Test
    void aDatagramOfPagePoolNotifications() throws Exception {
        String device = "28000000 1e00 0000 00000000 00000000 02010000 08000100 04000000 0c000300 00000000 00000000"; // NETDEV_CMD_DEV_ADD_NTF
        MemorySegment s = msg(ntf(6, 0x1e, 1) + device + ntf(6, 0x1f, 9) + ntf(8, 0x1e, 2) + ntf(7, 0x1e, 3) + ntf(5, 0x1e, 4));
        List<PagePoolEvent> events = PagePoolCodec.decodeEvents(s, (int) s.byteSize(), 0x1e);
        assertEquals(List.of(PagePoolEvent.Action.ADD, PagePoolEvent.Action.CHANGE, PagePoolEvent.Action.DELETE),
                events.stream().map(PagePoolEvent::action).toList(), "the device's, another family's and a get reply skipped");
        assertEquals(List.of(1L, 2L, 3L), events.stream().map(e -> e.pool().id()).toList());
        assertEquals(List.of(), PagePoolCodec.decodeEvents(s, 0, 0x1e), "an empty datagram");
    }

    @Test
    void aBrokenDatagramIsRefused() {
        MemorySegment s = msg(ntf(6, 0x1e, 1));
        assertThrows(ProtocolException.class, () -> PagePoolCodec.decodeEvents(s, 24, 0x1e), "a message longer than the datagram");
        assertThrows(ProtocolException.class, () -> PagePoolCodec.decodeEvents(msg("0c000000 1e00 0000 00000000 00000000"), 16, 0x1e),
                "a length below the header");
        assertThrows(ProtocolException.class, () -> PagePoolCodec.decodeEvents(msg("10000000 1e00 0000 00000000 00000000"), 16, 0x1e),
                "no genlmsghdr");
        assertThrows(ProtocolException.class, () -> PagePoolCodec.decodeEvents(msg("14000000 1e00 0000 00000000 00000000 06010000"), 20, 0x1e),
                "a pool without its id");
        assertEquals(List.of(), assertDoesNotThrowList(msg("10000000 1f00 0000 00000000 00000000")), "another family's short message is not ours to judge");
    }

    private static List<PagePoolEvent> assertDoesNotThrowList(MemorySegment s) {
        try {
            return PagePoolCodec.decodeEvents(s, (int) s.byteSize(), 0x1e);
        } catch (ProtocolException e) {
            throw new AssertionError(e);
        }
    }
}
