package io.github.netlink4j.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one CIDR parser: what it accepts, what it refuses, and network/contains over random prefixes. */
class IpPrefixTest {
    @ParameterizedTest
    @CsvSource({
            "10.200.0.2/24, 10.200.0.2, 24, 10.200.0.0/24",
            "10.200.0.2, 10.200.0.2, 32, 10.200.0.2/32",
            "0.0.0.0/0, 0.0.0.0, 0, 0.0.0.0/0",
            "fd00:200::5/64, fd00:200::5, 64, fd00:200::/64",
            "fd00:200:0:0:1:0:0:0/80, fd00:200::1:0:0:0, 80, fd00:200:0:0:1::/80",
            "::/0, ::, 0, ::/0",
            "10.200.255.255/17, 10.200.255.255, 17, 10.200.128.0/17"})
    void parsesAddressLengthAndNetwork(String text, String address, int length, String network) {
        IpPrefix p = IpPrefix.of(text);
        assertEquals(InetAddress.ofLiteral(address), p.address());
        assertEquals(length, p.length());
        assertEquals(network, p.network().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10.200.0.0/33", "fd00::/129", "10.200.0.0/", "10.200.0.0/-1", "10.200.0.0/+8", "10.200.0.0/0x8",
            "10.200.0.0/ 8", "example.com/24", "10.200.0/24", "10.200.0.0/24/8", "10.200.0.0/0008"})
    void refusesWhatIsNotAPrefix(String text) {
        assertThrows(IllegalArgumentException.class, () -> IpPrefix.of(text));
    }

    /** An IPv4-mapped prefix is IPv6, as ip reads and prints it (the JDK's literals would make it IPv4). */
    @Test
    void anIpv4MappedPrefixStaysIpv6() {
        IpPrefix p = IpPrefix.of("::ffff:10.200.0.7/104");
        assertEquals(java.net.Inet6Address.class, p.address().getClass());
        assertEquals(AddressFamily.INET6, AddressFamily.of(p.address()));
        assertEquals("::ffff:10.200.0.7/104", p.toString());
        assertEquals("::ffff:10.0.0.0/104", p.network().toString());
        assertEquals(java.net.Inet6Address.class, p.network().address().getClass());
        assertEquals("::10.200.0.7/128", IpPrefix.of("::ac8:7").toString());
    }

    @Test
    void aNetworkPrefixHasNoHostBits() {
        assertEquals("10.200.0.0/24", IpPrefix.ofNetwork("10.200.0.0/24").toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IpPrefix.ofNetwork("10.200.0.1/24"));
        assertTrue(e.getMessage().startsWith("Invalid prefix for given prefix length"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> IpPrefix.ofNetwork("fd00:200::1/64"));
        assertTrue(IpPrefix.of("10.200.0.1/32").isNetwork());
        assertFalse(IpPrefix.of("10.200.0.1/31").isNetwork());
    }

    @Test
    void networkAndContainsAgreeOverRandomPrefixes() throws Exception {
        Random r = new Random(26);
        for (int i = 0; i < 5_000; i++) {
            byte[] b = new byte[r.nextBoolean() ? 4 : 16];
            r.nextBytes(b);
            InetAddress a = InetAddress.getByAddress(b);
            int len = r.nextInt(b.length * 8 + 1);
            IpPrefix p = new IpPrefix(a, len);
            IpPrefix n = p.network();
            assertTrue(n.isNetwork(), p.toString());
            assertEquals(n, n.network(), "idempotent");
            assertTrue(n.contains(a) && p.contains(a), p + " contains its own address");
            assertEquals(n, IpPrefix.of(n.toString()), "text round trip of " + n);
            // flipping the first bit inside the prefix leaves it (unless the prefix is empty)
            if (len > 0) {
                byte[] c = b.clone();
                c[0] ^= (byte) 0x80;
                assertFalse(n.contains(InetAddress.getByAddress(c)), n + " must not contain an address differing in bit 0");
            }
            // flipping the last host bit stays inside
            if (len < b.length * 8) {
                byte[] c = b.clone();
                c[b.length - 1] ^= 1;
                assertTrue(n.contains(InetAddress.getByAddress(c)), n + " contains an address differing only in a host bit");
            }
        }
    }
}
