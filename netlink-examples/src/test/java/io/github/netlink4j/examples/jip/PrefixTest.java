package io.github.netlink4j.examples.jip;

import io.github.netlink4j.common.AddressFamily;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** jip's selector prefixes, read as ip's get_prefix and get_addr read them, and matched as inet_addr_match does. */
class PrefixTest {
    private static Optional<InetAddress> ip(String s) {
        return Optional.of(InetAddress.ofLiteral(s));
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "any", "all"})
    void everyAddressIsLengthZeroOfTheGivenFamily(String word) {
        Prefix p = Prefix.parse(word, null);
        assertNull(p.family());
        assertEquals(0, p.bytes().length);
        assertEquals(0, p.bits());
        assertTrue(p.familyFits(AddressFamily.INET) && p.familyFits(AddressFamily.INET6));
        assertFalse(p.isHost());
        assertEquals(AddressFamily.INET6, Prefix.parse(word, AddressFamily.INET6).family());
        assertTrue(p.matchesFirst(ip("10.200.0.1"), 0));
    }

    @ParameterizedTest
    @CsvSource({"10.200.0.1, INET, 32, true", "10.200.0.0/24, INET, 24, false", "fd00:200::/64, INET6, 64, false",
            "fd00:200::1, INET6, 128, true", "10.200.0.0/0, INET, 0, false", "10.200.0.0/32, INET, 32, true"})
    void readsAnAddressAndItsLength(String text, AddressFamily family, int bits, boolean host) {
        Prefix p = Prefix.parse(text, null);
        assertEquals(family, p.family());
        assertEquals(bits, p.bits());
        assertEquals(host, p.isHost());
        assertArrayEquals(InetAddress.ofLiteral(text.split("/")[0]).getAddress(), p.bytes());
        assertTrue(p.familyFits(family));
        assertFalse(p.familyFits(family == AddressFamily.INET ? AddressFamily.INET6 : AddressFamily.INET));
        assertEquals(family, Prefix.parse(text, family).family());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "10.200.0.0/33||Error: any valid prefix is expected rather than \"10.200.0.0/33\".",
            "10.200.0.0/x||Error: any valid prefix is expected rather than \"10.200.0.0/x\".",
            "host.example||Error: any valid prefix is expected rather than \"host.example\".",
            "/24||Error: any valid prefix is expected rather than \"/24\".",
            "fd00::/129||Error: any valid prefix is expected rather than \"fd00::/129\".",
            "fd00::1|INET|Error: inet prefix is expected rather than \"fd00::1\".",
            "10.200.0.1|INET6|Error: inet6 prefix is expected rather than \"10.200.0.1\"."})
    void refusesWhatIpRefuses(String text, AddressFamily family, String message) {
        UsageException e = assertThrows(UsageException.class, () -> Prefix.parse(text, family));
        assertEquals(message, e.getMessage());
        assertEquals(1, e.status());
    }

    @Test
    void anAddressIsAPrefixWithoutLength() {
        assertEquals(InetAddress.ofLiteral("10.200.0.7"), Prefix.address("10.200.0.7", null));
        assertEquals(InetAddress.ofLiteral("fd00:200::7"), Prefix.address("fd00:200::7", AddressFamily.INET6));
        for (String bad : new String[] {"10.200.0.0/24", "default", "any", "all", "nope"}) {
            UsageException e = assertThrows(UsageException.class, () -> Prefix.address(bad, null));
            assertEquals("Error: any valid address is expected rather than \"" + bad + "\".", e.getMessage());
            assertEquals(1, e.status());
        }
        assertEquals("Error: inet address is expected rather than \"fd00::1\".",
                assertThrows(UsageException.class, () -> Prefix.address("fd00::1", AddressFamily.INET)).getMessage());
        assertEquals("Error: inet6 address is expected rather than \"x\".",
                assertThrows(UsageException.class, () -> Prefix.address("x", AddressFamily.INET6)).getMessage());
    }

    @Test
    void matchesTheFirstBitsOnly() {
        Prefix p = Prefix.parse("10.200.0.0/23", null);
        assertTrue(p.matchesFirst(ip("10.200.1.255"), 23));
        assertFalse(p.matchesFirst(ip("10.200.2.0"), 23), "bit 22 differs");
        assertTrue(p.matchesFirst(ip("10.200.2.0"), 22));
        assertFalse(p.matchesFirst(ip("138.200.0.0"), 1), "the first bit");
        assertTrue(p.matchesFirst(ip("138.200.0.0"), 0));
        assertFalse(p.matchesFirst(ip("fd00::"), 8), "another family");
        assertFalse(p.matchesFirst(Optional.empty(), 8), "no address is all zeros: 10 is not 0");
        assertTrue(Prefix.parse("0.0.0.0/8", null).matchesFirst(Optional.empty(), 8), "no address is all zeros");
        Prefix v6 = Prefix.parse("fd00:200::8000/113", null);
        assertTrue(v6.matchesFirst(ip("fd00:200::ffff"), 113));
        assertFalse(v6.matchesFirst(ip("fd00:200::7fff"), 113), "the last bit of the prefix");
        assertTrue(v6.matchesFirst(ip("fd00:200::7fff"), 112));
    }

    /** get_prefix under a preferred family that is not an IP one: -0 takes none, -B default/any/all only, -M labels only. */
    @Test
    void aSelectorUnderTheLinkBridgeOrMplsFamilyIsReadAsIpReadsIt() {
        UsageException e = assertThrows(UsageException.class, () -> Prefix.selector("10.200.0.0/24", null, JipOptions.AF_PACKET));
        assertEquals("Error: \"10.200.0.0/24\" may be inet prefix, but it is not allowed in this context.", e.getMessage());
        assertEquals(1, e.status());
        e = assertThrows(UsageException.class, () -> Prefix.selector("fd00:200::/64", null, AddressFamily.BRIDGE.value()));
        assertEquals("Error: bridge prefix is expected rather than \"fd00:200::/64\".", e.getMessage());
        e = assertThrows(UsageException.class, () -> Prefix.selector("default", null, JipOptions.AF_MPLS));
        assertEquals("Error: mpls prefix is expected rather than \"default\".", e.getMessage());
        assertEquals(0, Prefix.selector("any", null, AddressFamily.BRIDGE.value()).bits());
        assertEquals(0, Prefix.selector("100/200", null, JipOptions.AF_MPLS).bytes().length);
        assertEquals(24, Prefix.selector("10.200.0.0/24", AddressFamily.INET, AddressFamily.INET.value()).bits());
        assertEquals(AddressFamily.INET6, Prefix.selector("fd00:200::/64", null, 0).family());
    }
}
