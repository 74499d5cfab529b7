package io.github.netlink4j.support;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * IP text as iproute2 prints and reads it. Expected strings are glibc's inet_ntop output (checked with
 * Python's socket.inet_ntop, which calls it) and RFC 5952's rules, not this class's.
 */
class IpTextTest {
    /** An Inet6Address even for an IPv4-mapped address (InetAddress.getByAddress would make that an Inet4Address). */
    private static InetAddress v6(String hex) throws Exception {
        return java.net.Inet6Address.getByAddress(null, java.util.HexFormat.of().parseHex(hex), -1);
    }

    @Test
    void maxPrefixIsTheAddressWidthInBits() {
        assertEquals(32, IpText.maxPrefix(InetAddress.ofLiteral("10.200.0.1")));
        assertEquals(128, IpText.maxPrefix(InetAddress.ofLiteral("fd00:200::1")));
    }

    @Test
    void literalsParseAndNamesAreRefusedWithoutALookup() {
        assertEquals(InetAddress.ofLiteral("198.18.0.1"), IpText.parse("198.18.0.1"));
        assertEquals(InetAddress.ofLiteral("fd00:200::1"), IpText.parse("fd00:200:0::1"));
        // An IPv4-mapped literal stays IPv6, as ip reads it (the JDK's ofLiteral would make it IPv4).
        assertEquals(java.net.Inet6Address.class, IpText.parse("::ffff:10.200.0.1").getClass());
        assertEquals("::ffff:10.200.0.1", IpText.text(IpText.parse("::ffff:10.200.0.1")));
        assertEquals(java.net.Inet4Address.class, IpText.parse("10.200.0.1").getClass());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IpText.parse("localhost"));
        assertEquals("\"localhost\" is not an IP address", e.getMessage());
        assertInstanceOf(IllegalArgumentException.class, e.getCause(), "the JDK's reason is kept");
    }

    @Test
    void textIsInetNtop() throws Exception {
        // hex -> what glibc's inet_ntop(AF_INET6) prints
        String[][] cases = {
                {"fd000200000000000000000000000001", "fd00:200::1"},
                {"00000000000000000000000000000000", "::"},
                {"00000000000000000000000000000001", "::1"},
                {"fe800000000000000000000000000000", "fe80::"},
                {"fd000000000000000000000000000000", "fd00::"},
                {"00010000000000000000000000000000", "1::"},
                {"00000000000000000000000100000000", "::1:0:0"},
                {"00010000000100000001000000010000", "1:0:1:0:1:0:1:0"}, // single zero groups stay
                {"00010002000000000005000600070008", "1:2::5:6:7:8"}, // a run of two is compressed
                {"00010002000300040005000600000000", "1:2:3:4:5:6::"},
                {"00010002000300040005000600070000", "1:2:3:4:5:6:7:0"},
                {"00010000000000040000000000000000", "1:0:0:4::"},
                {"00010000000000040000000000000008", "1:0:0:4::8"}, // the longer run wins
                {"20010db8000000000001000000000001", "2001:db8::1:0:0:1"}, // the first of equal runs
                {"20010db80000000100000000000000ab", "2001:db8:0:1::ab"},
                {"ffffffffffffffffffffffffffffffff", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"},
                {"00000000000000000000ffff0ac80001", "::ffff:10.200.0.1"}, // IPv4-mapped: a dotted quad
                {"00000000000000000000ffffc61200fe", "::ffff:198.18.0.254"},
                {"00000000000000000000fffe0ac80001", "::fffe:ac8:1"}, // not mapped: hex
                {"0000000000000000ffff00000a000001", "::ffff:0:a00:1"}, // zero run of four, not five
                {"00010000000000000000ffff0ac80001", "1::ffff:ac8:1"}, // a run of four not at the start
                // glibc's inet_ntop (python3's socket.inet_ntop, 2026-12-07): six zero groups first are an
                // IPv4-compatible address, printed as a dotted quad; seven are not.
                {"0000000000000000000000000a000001", "::10.0.0.1"},
                {"000000000000000000000000000a000b", "::0.10.0.11"},
                {"00000000000000000000000000000002", "::2"},
                {"00000000000000000000ffff00000001", "::ffff:0.0.0.1"},
                {"00000000000000000000000100000001", "::1:0:1"},
        };
        for (String[] c : cases) assertEquals(c[1], IpText.text(v6(c[0])), c[0]);
        assertEquals("10.200.0.1", IpText.text(InetAddress.ofLiteral("10.200.0.1")));
        assertEquals("0.0.0.0", IpText.text(InetAddress.ofLiteral("0.0.0.0")));
    }

    @Test
    void networkClearsTheHostBits() {
        String[][] cases = {
                {"10.200.1.7", "24", "10.200.1.0"},
                {"10.200.1.7", "32", "10.200.1.7"},
                {"10.200.1.7", "0", "0.0.0.0"},
                {"10.200.255.255", "20", "10.200.240.0"},
                {"198.19.255.255", "15", "198.18.0.0"},
                {"10.200.1.255", "31", "10.200.1.254"},
                {"10.200.1.255", "1", "0.0.0.0"},
                {"255.200.1.255", "1", "128.0.0.0"},
                {"255.255.255.255", "9", "255.128.0.0"},
                {"fd00:200::ffff", "64", "fd00:200::"},
                {"fd00:200::ffff", "128", "fd00:200::ffff"},
                {"fd00:200::ffff", "127", "fd00:200::fffe"},
                {"fd00:200::ffff", "0", "::"},
                {"fd00:2ff::", "23", "fd00:200::"},
        };
        for (String[] c : cases) {
            InetAddress a = InetAddress.ofLiteral(c[0]);
            assertEquals(InetAddress.ofLiteral(c[2]), IpText.network(a, Integer.parseInt(c[1])), c[0] + "/" + c[1]);
            assertEquals(InetAddress.ofLiteral(c[0]), a, "the argument is not changed");
        }
    }
}
