package io.github.netlink4j.internal.codec;

import io.github.netlink4j.address.Address;
import io.github.netlink4j.address.AddressFlag;
import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.route.RouteScope;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import static io.github.netlink4j.internal.codec.HandBytes.at;
import static io.github.netlink4j.internal.codec.HandBytes.segment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * RTM_NEWADDR as the kernel sends it (linux/if_addr.h: struct ifaddrmsg, IFA_ADDRESS 1, IFA_LOCAL 2,
 * IFA_LABEL 3, IFA_CACHEINFO 6, IFA_FLAGS 8), written out by hand: the kernel puts IFA_ADDRESS (the
 * peer, on a point-to-point address) before IFA_LOCAL, where ip's requests put IFA_LOCAL first.
 */
class AddressCodecTest {
    private static final String PEER = """
            50 00 00 00                 # nlmsg_len 80
            14 00 02 00                 # RTM_NEWADDR, NLM_F_MULTI
            44 33 22 11 88 77 66 55     # seq, pid of a dump
            02 20 80 fd 03 00 00 00     # AF_INET, /32, IFA_F_PERMANENT, RT_SCOPE_LINK, index 3
            08 00 01 00 0a c8 00 09     # IFA_ADDRESS: the peer 10.200.0.9
            08 00 02 00 0a c8 00 01     # IFA_LOCAL 10.200.0.1
            0a 00 03 00 76 65 74 68 30 00 00 00   # IFA_LABEL "veth0"
            08 00 08 00 80 00 00 00     # IFA_FLAGS IFA_F_PERMANENT
            14 00 06 00                 # IFA_CACHEINFO
            2c 01 00 00 58 02 00 00     #   ifa_prefered 300, ifa_valid 600
            00 00 00 00 00 00 00 00     #   cstamp, tstamp
            """;

    @Test
    void peerComesBeforeTheLocalAddress() throws Exception {
        MemorySegment s = at(12, PEER);
        assertEquals(new Address(AddressFamily.INET, 3, InetAddress.ofLiteral("10.200.0.1"), 32, Optional.of(InetAddress.ofLiteral("10.200.0.9")),
                Optional.empty(), Optional.of("veth0"), RouteScope.LINK, 0x80, Set.of(AddressFlag.PERMANENT), Duration.ofSeconds(600),
                Duration.ofSeconds(300)), AddressCodec.decode(s, 12, 80));
    }

    @Test
    void theSameAddressTwiceIsNoPeer() throws Exception {
        MemorySegment s = segment("""
                28 00 00 00 14 00 02 00 00 00 00 00 00 00 00 00
                02 18 00 00 03 00 00 00     # AF_INET, /24, index 3
                08 00 01 00 0a c8 00 01     # IFA_ADDRESS
                08 00 02 00 0a c8 00 01     # IFA_LOCAL, the same
                """);
        Address a = AddressCodec.decode(s, 0, 40);
        assertEquals(InetAddress.ofLiteral("10.200.0.1"), a.address());
        assertEquals(Optional.empty(), a.peer());
        assertEquals(Address.FOREVER, a.validLifetime(), "no IFA_CACHEINFO: forever");
    }

    @Test
    void ipv6HasOnlyIfaAddress() throws Exception {
        MemorySegment s = segment("""
                2c 00 00 00 14 00 02 00 00 00 00 00 00 00 00 00
                0a 40 00 00 03 00 00 00     # AF_INET6, /64, index 3
                14 00 01 00 fd 00 02 00 00 00 00 00 00 00 00 00 00 00 00 01   # IFA_ADDRESS fd00:200::1
                """);
        Address a = AddressCodec.decode(s, 0, 44);
        assertEquals(InetAddress.ofLiteral("fd00:200::1"), a.address());
        assertEquals(Optional.empty(), a.peer());
    }

    @Test
    void malformedAddressesAreRefused() {
        MemorySegment none = segment("""
                20 00 00 00 14 00 02 00 00 00 00 00 00 00 00 00
                02 18 00 00 03 00 00 00
                08 00 03 00 78 00 00 00     # IFA_LABEL "x" only
                """);
        assertThrows(ProtocolException.class, () -> AddressCodec.decode(none, 0, 32));
        MemorySegment cache = segment("""
                2c 00 00 00 14 00 02 00 00 00 00 00 00 00 00 00
                02 18 00 00 03 00 00 00
                08 00 02 00 0a c8 00 01     # IFA_LOCAL
                10 00 06 00 2c 01 00 00 58 02 00 00 00 00 00 00   # IFA_CACHEINFO of 12 bytes, not 16
                """);
        assertThrows(ProtocolException.class, () -> AddressCodec.decode(cache, 0, 44));
    }

    @Test
    void echoOfAnotherTypeIsNoAddress() throws Exception {
        MemorySegment del = segment(PEER.replaceFirst("14 00 02 00", "15 00 00 00"));
        assertNull(AddressCodec.decodeEcho(del, 0, 80), "RTM_DELADDR");
        assertEquals(InetAddress.ofLiteral("10.200.0.1"), AddressCodec.decodeEcho(segment(PEER), 0, 80).address());
    }
}
