package io.github.netlink4j.internal.codec.genl;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.genl.GenlFamily;
import io.github.netlink4j.genl.netdev.NetdevQueue;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.testing.Written;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * NETDEV_CMD_QUEUE_GET on bytes written here by hand from netdev.yaml (no tool of this machine speaks the
 * netdev family to capture it from; the live test checks the kernel takes the request and answers as /sys does).
 */
class NetdevQueueCodecTest {
    private static final GenlFamily NETDEV = new GenlFamily("netdev", 0x1e, 1, 0, 0, List.of(), List.of());

    private static String request(int index) {
        MessageWriter w = new MessageWriter(64);
        NetdevCodec.encodeQueueDump(w, NETDEV, index);
        return HexFormat.of().formatHex(Written.bytes(w));
    }

    private static MemorySegment msg(String hex) {
        return MemorySegment.ofArray(HexFormat.of().parseHex(hex.replaceAll("\\s+", "")));
    }

    @Test
    void aDumpOfOneDeviceOrOfAll() {
        // nlmsghdr (NLM_F_REQUEST | NLM_F_DUMP), genlmsghdr NETDEV_CMD_QUEUE_GET (10) version 1, NETDEV_A_QUEUE_IFINDEX 5
        assertEquals("1c000000 1e00 0103 00000000 00000000 0a010000 08000200 05000000".replace(" ", ""), request(5));
        assertEquals("14000000 1e00 0103 00000000 00000000 0a010000".replace(" ", ""), request(0), "no filter: every device");
    }

    @Test
    void queues() throws Exception {
        MemorySegment rx = msg("34000000 1e00 0200 00000000 00000000 0a010000"
                + "08000100 03000000" // NETDEV_A_QUEUE_ID 3
                + "08000300 00000000" // NETDEV_A_QUEUE_TYPE rx
                + "08000400 09200000" // NETDEV_A_QUEUE_NAPI_ID 8201
                + "08000200 05000000"); // NETDEV_A_QUEUE_IFINDEX 5
        assertEquals(new NetdevQueue(5, 3, NetdevQueue.Type.RX, OptionalInt.of(8201)), NetdevCodec.decodeQueue(rx, 0, 52));
        MemorySegment tx = msg("2c000000 1e00 0200 00000000 00000000 0a010000 08000100 00000000 08000300 01000000 08000200 05000000");
        assertEquals(new NetdevQueue(5, 0, NetdevQueue.Type.TX, OptionalInt.empty()), NetdevCodec.decodeQueue(tx, 0, 44));
    }

    @Test
    void malformedQueues() {
        assertEquals("NETDEV_CMD_QUEUE_GET reply with queue type 7", assertThrows(ProtocolException.class,
                () -> NetdevCodec.decodeQueue(msg("2c000000 1e00 0200 00000000 00000000 0a010000 08000100 00000000 08000300 07000000 08000200 05000000"), 0, 44)).getMessage());
        assertEquals("NETDEV_CMD_QUEUE_GET reply with queue type null", assertThrows(ProtocolException.class,
                () -> NetdevCodec.decodeQueue(msg("24000000 1e00 0200 00000000 00000000 0a010000 08000100 00000000 08000200 05000000"), 0, 36)).getMessage());
        String missing = "NETDEV_CMD_QUEUE_GET reply without NETDEV_A_QUEUE_IFINDEX or NETDEV_A_QUEUE_ID";
        assertEquals(missing, assertThrows(ProtocolException.class,
                () -> NetdevCodec.decodeQueue(msg("24000000 1e00 0200 00000000 00000000 0a010000 08000100 00000000 08000300 01000000"), 0, 36)).getMessage());
        assertEquals(missing, assertThrows(ProtocolException.class,
                () -> NetdevCodec.decodeQueue(msg("24000000 1e00 0200 00000000 00000000 0a010000 08000300 01000000 08000200 05000000"), 0, 36)).getMessage());
        assertEquals("netdev reply of 19 bytes has no genlmsghdr", assertThrows(ProtocolException.class,
                () -> NetdevCodec.decodeQueue(msg("13000000 1e00 0200 00000000 00000000 0a0100"), 0, 19)).getMessage());
    }
}
