package io.github.netlink4j.common;

import io.github.netlink4j.testing.Gen;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.math.BigInteger;
import java.net.InetAddress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** IpPrefix over random IPv4 and IPv6 prefixes: text round trips, host bits, network and contains. */
class IpPrefixPropertiesTest {
    @Provide
    Arbitrary<IpPrefix> prefixes() {
        return Gen.prefix();
    }

    /** The address as a number, and the prefix's network computed arithmetically: the oracle for network(). */
    private static BigInteger number(InetAddress a) {
        return new BigInteger(1, a.getAddress());
    }

    private static BigInteger hostMask(IpPrefix p) {
        int bits = IpPrefix.maxLength(p.address());
        return BigInteger.ONE.shiftLeft(bits - p.length()).subtract(BigInteger.ONE);
    }

    @Property
    void formatThenParseIsTheSamePrefix(@ForAll("prefixes") IpPrefix p) {
        assertEquals(p, IpPrefix.of(p.toString()));
        assertEquals(p.address().getHostAddress().contains(":"), p.toString().contains(":"));
    }

    @Property
    void theTextIsAddressSlashLength(@ForAll("prefixes") IpPrefix p) {
        String text = p.toString();
        assertEquals(p.length(), Integer.parseInt(text.substring(text.indexOf('/') + 1)));
        assertEquals(p.address(), io.github.netlink4j.support.IpText.parse(text.substring(0, text.indexOf('/'))));
        assertFalse(text.contains(":::"), text);
        assertEquals(text.toLowerCase(), text);
    }

    /** RFC 5952 by a different road: the full text, then the first longest run of two or more zero groups as "::". */
    @Property
    void ipv6TextCompressesTheFirstLongestZeroRun(@ForAll("prefixes") IpPrefix p) {
        if (!(p.address() instanceof java.net.Inet6Address)) return;
        byte[] b = p.address().getAddress();
        StringBuilder full = new StringBuilder();
        for (int i = 0; i < 16; i += 2) full.append(i == 0 ? "" : ":").append(Integer.toHexString((b[i] & 0xff) << 8 | (b[i + 1] & 0xff)));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<![0-9a-f])0(:0)+(?![0-9a-f])").matcher(full);
        int at = -1, len = 0;
        while (m.find()) {
            if (m.group().length() > len) {
                at = m.start();
                len = m.group().length();
            }
        }
        String want = at < 0 ? full.toString()
                : full.substring(0, at).replaceAll(":$", "") + "::" + full.substring(at + len).replaceAll("^:", "");
        // glibc's exception: an IPv4-mapped (::ffff:a.b.c.d) or IPv4-compatible (::a.b.c.d, group 6 not 0)
        // address ends in a dotted quad.
        String quad = (b[12] & 0xff) + "." + (b[13] & 0xff) + "." + (b[14] & 0xff) + "." + (b[15] & 0xff);
        if (full.toString().matches("0:0:0:0:0:ffff:.*")) want = "::ffff:" + quad;
        else if (full.toString().matches("0:0:0:0:0:0:[1-9a-f][0-9a-f]*:.*")) want = "::" + quad;
        assertEquals(want + "/" + p.length(), p.toString());
    }

    @Property
    void withoutALengthAnAddressIsAHost(@ForAll("prefixes") IpPrefix p) {
        IpPrefix host = IpPrefix.of(p.toString().substring(0, p.toString().indexOf('/')));
        assertEquals(IpPrefix.maxLength(p.address()), host.length());
        assertTrue(host.isNetwork());
    }

    @Property
    void networkClearsExactlyTheHostBits(@ForAll("prefixes") IpPrefix p) {
        BigInteger want = number(p.address()).andNot(hostMask(p));
        IpPrefix n = p.network();
        assertEquals(want, number(n.address()));
        assertEquals(p.length(), n.length());
        assertEquals(p.family(), n.family());
        assertEquals(number(p.address()).and(hostMask(p)).signum() == 0, p.isNetwork());
    }

    @Property
    void parseNetworkRefusesHostBitsAndAcceptsANetwork(@ForAll("prefixes") IpPrefix p) {
        if (p.isNetwork()) {
            assertEquals(p, IpPrefix.ofNetwork(p.toString()));
        } else {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IpPrefix.ofNetwork(p.toString()));
            assertTrue(e.getMessage().contains("did you mean " + p.network()), e.getMessage());
        }
        assertEquals(p.network(), IpPrefix.ofNetwork(p.network().toString()));
    }

    @Property
    void containsIsSameNetworkBits(@ForAll("prefixes") IpPrefix p, @ForAll("prefixes") IpPrefix q) {
        boolean sameFamily = p.family() == q.family();
        boolean want = sameFamily && number(q.address()).andNot(hostMask(p)).equals(number(p.address()).andNot(hostMask(p)));
        assertEquals(want, p.contains(q.address()));
        assertTrue(p.contains(p.address()));
    }

    @Property
    void aLengthPastTheFamilyIsRefused(@ForAll("prefixes") IpPrefix p, @ForAll @IntRange(min = 1, max = 200) int over) {
        int max = IpPrefix.maxLength(p.address());
        String addr = p.toString().substring(0, p.toString().indexOf('/'));
        int len = max + over;
        assertThrows(IllegalArgumentException.class, () -> IpPrefix.of(addr + "/" + len));
        assertThrows(IllegalArgumentException.class, () -> new IpPrefix(p.address(), len));
        assertThrows(IllegalArgumentException.class, () -> new IpPrefix(p.address(), -over));
    }
}
