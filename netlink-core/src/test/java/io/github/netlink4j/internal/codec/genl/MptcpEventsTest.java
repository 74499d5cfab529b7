package io.github.netlink4j.internal.codec.genl;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.genl.mptcp.MptcpEvent;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The MPTCP path manager's events on bytes written here by hand from mptcp_pm.yaml's event-attr set (ip mptcp
 * monitor only listens, so no request of it can be captured; MptcpMonitorParityTest compares the kernel's real
 * events printed by jip and by ip).
 */
class MptcpEventsTest {
    private static MemorySegment msg(String hex) {
        return MemorySegment.ofArray(HexFormat.of().parseHex(hex.replaceAll("\\s+", "")));
    }

    /** MPTCP_EVENT_SUB_ESTABLISHED (10) of family 0x1c with every attribute ip prints. */
    private static final String SUB = "84000000 1c00 0000 00000000 00000000 0a010000"
            + "08000100 54e97590" // TOKEN 0x9075e954
            + "05000400 00000000" // REM_ID 0
            + "05000300 01000000" // LOC_ID 1
            + "08000500 0ac84d02" // SADDR4 10.200.77.2
            + "08000700 0ac84d01" // DADDR4 10.200.77.1
            + "06000900 b9970000" // SPORT 47511 (network order)
            + "06000a00 52090000" // DPORT 21001
            + "05000b00 01000000" // BACKUP 1
            + "05000c00 6e000000" // ERROR 110
            + "06000d00 02000000" // FLAGS 2
            + "08000e00 e8030000" // TIMEOUT 1000
            + "08000f00 ffffffff" // IF_IDX -1 as s32
            + "08001000 fefefefe" // RESET_REASON 0xfefefefe
            + "08001100 0f000000"; // RESET_FLAGS 0xf

    @Test
    void everyAttributeOfAnEvent() throws Exception {
        MemorySegment s = msg(SUB);
        MptcpEvent e = MptcpEvents.decode(s, 0, (int) s.byteSize());
        assertEquals(new MptcpEvent(10, Optional.of(MptcpEvent.Type.SUB_ESTABLISHED), OptionalLong.of(0x9075e954L), OptionalInt.of(1), OptionalInt.of(0),
                Optional.of(InetAddress.getByName("10.200.77.2")), Optional.of(InetAddress.getByName("10.200.77.1")), OptionalInt.of(47511),
                OptionalInt.of(21001), OptionalInt.of(1), OptionalInt.of(110), OptionalInt.of(2), OptionalLong.of(1000), OptionalInt.of(-1),
                OptionalLong.of(0xfefefefeL), OptionalLong.of(15)), e);
    }

    @Test
    void ipv6AddressesAndTypesOfANewerKernel() throws Exception {
        MemorySegment s = msg("3c000000 1c00 0000 00000000 00000000 11010000"
                + "14000600 fd000200 00000000 00000000 00000077" // SADDR6 fd00:200::77
                + "14000800 fd000200 00000000 00000000 00000001"); // DADDR6 fd00:200::1
        MptcpEvent e = MptcpEvents.decode(s, 0, 60);
        assertEquals(17, e.rawType());
        assertEquals(Optional.empty(), e.type(), "a type this library does not name");
        assertEquals(Optional.of(InetAddress.getByName("fd00:200::77")), e.source());
        assertEquals(Optional.of(InetAddress.getByName("fd00:200::1")), e.destination());
        assertEquals(OptionalLong.empty(), e.token());
        assertEquals(Optional.of(MptcpEvent.Type.LISTENER_CLOSED), MptcpEvent.Type.of(16));
        assertEquals(Optional.of(MptcpEvent.Type.CREATED), MptcpEvent.Type.of(1));
        assertEquals(13, MptcpEvent.Type.SUB_PRIORITY.value());
    }

    @Test
    void aDatagramKeepsItsFamilysEvents() throws Exception {
        String closed = "1c000000 1c00 0000 00000000 00000000 03010000 08000100 f4bcf381";
        String other = "1c000000 1d00 0000 00000000 00000000 03010000 08000100 00000000";
        MemorySegment s = msg(closed + other + SUB);
        List<MptcpEvent> events = MptcpEvents.decodeAll(s, (int) s.byteSize(), 0x1c);
        assertEquals(List.of(3, 10), events.stream().map(MptcpEvent::rawType).toList());
        assertEquals(OptionalLong.of(0x81f3bcf4L), events.get(0).token(), "unsigned, in host order");
    }

    @Test
    void brokenEventsAreRefused() {
        assertThrows(ProtocolException.class, () -> MptcpEvents.decode(msg("10000000 1c00 0000 00000000 00000000"), 0, 16));
        assertThrows(ProtocolException.class, () -> MptcpEvents.decode(msg("1c000000 1c00 0000 00000000 00000000 01010000 07000500 0ac84d"), 0, 28),
                "an IPv4 address of three bytes");
        assertThrows(ProtocolException.class, () -> MptcpEvents.decodeAll(msg(SUB), 100, 0x1c), "a message past the datagram");
    }
}
