package io.github.netlink4j.internal.wire;

import io.github.netlink4j.common.MacAddress;
import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.support.IpText;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Addresses in attributes: IP (4 or 16 bytes, network order) and link-layer (0 to MAX_ADDR_LEN = 32 bytes, linux/netdevice.h). */
class LinkLayerAndInetTest {
    /** A cursor on one attribute of type 7 holding {@code payload}. */
    private static Attrs on(byte[] payload) throws ProtocolException {
        int len = 4 + payload.length;
        byte[] b = ByteBuffer.allocate((len + 3) & ~3).order(ByteOrder.nativeOrder()).putShort((short) len).putShort((short) 7).put(payload).array();
        Attrs a = new Attrs().reset(MemorySegment.ofArray(b), 0, b.length, "t");
        a.next();
        return a;
    }

    private static byte[] seq(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) (i + 1);
        return b;
    }

    @Test
    void linkLayerAddressesUpToMaxAddrLen() throws Exception {
        assertEquals(Optional.empty(), LinkLayer.address(on(new byte[0])), "an empty IFLA_ADDRESS is none");
        assertEquals(Optional.of(MacAddress.of("02:00:00:00:00:07")), LinkLayer.address(on(new byte[] {2, 0, 0, 0, 0, 7})));
        assertEquals(Optional.of(MacAddress.of(seq(1))), LinkLayer.address(on(seq(1))));
        assertEquals(Optional.of(MacAddress.of(seq(32))), LinkLayer.address(on(seq(32))), "an InfiniBand-sized address fits");
        ProtocolException e = assertThrows(ProtocolException.class, () -> LinkLayer.address(on(seq(33))));
        assertEquals("link-layer address of 33 bytes (attribute 7)", e.getMessage());
    }

    @Test
    void ipAddressesOfFourOrSixteenBytes() throws Exception {
        assertEquals(InetAddress.ofLiteral("10.200.0.1"), Inet.decode(on(new byte[] {10, (byte) 200, 0, 1})));
        assertEquals(InetAddress.ofLiteral("fd00:200::1"), Inet.decode(on(java.util.HexFormat.of().parseHex("fd000200000000000000000000000001"))));
        // 16 bytes are IPv6 also when IPv4-mapped: an AF_INET6 route to ::ffff:10.0.0.0/104 must not read as IPv4.
        InetAddress mapped = Inet.decode(on(java.util.HexFormat.of().parseHex("00000000000000000000ffff0a000001")));
        assertEquals(java.net.Inet6Address.class, mapped.getClass());
        assertEquals("::ffff:10.0.0.1", IpText.text(mapped));
        for (int n : new int[] {0, 3, 5, 15, 17}) {
            ProtocolException e = assertThrows(ProtocolException.class, () -> Inet.decode(on(new byte[n])));
            assertEquals("address attribute type 7 has " + n + " bytes, need 4 or 16", e.getMessage());
        }
    }
}
