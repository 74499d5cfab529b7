package io.github.netlink4j.support;

import io.github.netlink4j.common.MacAddress;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The argument rules at their edges, from the kernel's own limits: IFNAMSIZ 16 with the NUL and
 * dev_valid_name (net/core/dev.c) for names, ETH_MIN_MTU 68 and IP_MAX_MTU-sized MTUs, u32 ranges,
 * ifindex from 1.
 */
class ValidateTest {
    private static String refused(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void interfaceNamesThatFitAreReturned() {
        for (String ok : new String[] {"a", "veth0", "fifteen-bytes-x", "...", ".a", "é", "ééééééé", "\ud83d\ude00", "x\ud83d\ude00y"}) {
            assertSame(ok, Validate.ifName(ok), ok);
        }
    }

    @Test
    void interfaceNamesTheKernelRefuses() {
        assertEquals("interface name is empty", refused(() -> Validate.ifName("")));
        assertEquals("interface name is empty", refused(() -> Validate.ifName(null)));
        assertEquals("\"a/b\" is not a valid ifname: it contains '/'", refused(() -> Validate.ifName("a/b")));
        assertEquals("\"a:b\" is not a valid ifname: it contains ':'", refused(() -> Validate.ifName("a:b")));
        assertEquals("\"a b\" is not a valid ifname: it contains ' '", refused(() -> Validate.ifName("a b")));
        assertEquals("\"a\\0b\" is not a valid ifname: it contains '\\0'", refused(() -> Validate.ifName("a\0b")));
        assertEquals("\"\n\" is not a valid ifname: it contains '\n'", refused(() -> Validate.ifName("\n")));
        assertEquals("\".\" is not a valid ifname", refused(() -> Validate.ifName(".")));
        assertEquals("\"..\" is not a valid ifname", refused(() -> Validate.ifName("..")));
        assertEquals("\"sixteen-bytes-xx\" is not a valid ifname: 16 bytes, at most 15 (IFNAMSIZ)", refused(() -> Validate.ifName("sixteen-bytes-xx")));
        // Eight two-byte characters: 8 chars but 16 bytes of UTF-8.
        assertEquals("\"éééééééé\" is not a valid ifname: 16 bytes, at most 15 (IFNAMSIZ)", refused(() -> Validate.ifName("éééééééé")));
    }

    @Test
    void unpairedSurrogatesHaveNoUtf8AndAreRefused() {
        String high = "\ud83d", low = "\ude00";
        assertEquals("\"a" + high + "\" is not a valid ifname: unpaired surrogate at index 1", refused(() -> Validate.ifName("a" + high)));
        assertEquals("\"" + high + "a\" is not a valid ifname: unpaired surrogate at index 0", refused(() -> Validate.ifName(high + "a")));
        assertEquals("\"" + low + "a\" is not a valid ifname: unpaired surrogate at index 0", refused(() -> Validate.ifName(low + "a")));
        assertEquals("\"a" + low + "\" is not a valid ifname: unpaired surrogate at index 1", refused(() -> Validate.ifName("a" + low)));
        // Reversed: a low before a high pairs with neither.
        assertEquals("\"" + low + high + "\" is not a valid ifname: unpaired surrogate at index 0", refused(() -> Validate.ifName(low + high)));
        assertEquals("\"" + high + high + "\" is not a valid ifname: unpaired surrogate at index 0", refused(() -> Validate.ifName(high + high)));
        assertEquals("\"" + high + low + low + "\" is not a valid ifname: unpaired surrogate at index 2", refused(() -> Validate.ifName(high + low + low)));
    }

    @Test
    void mtuRange() {
        for (int ok : new int[] {0, 68, 1500, 65535 * 4}) assertEquals(ok, Validate.mtu(ok));
        for (int bad : new int[] {-1, 1, 67, 65535 * 4 + 1, Integer.MIN_VALUE}) {
            assertEquals("MTU " + bad + " is out of range (68 to 262140)", refused(() -> Validate.mtu(bad)));
        }
    }

    @Test
    void unsigned32() {
        for (long ok : new long[] {0, 1, 4294967295L}) assertEquals(ok, Validate.u32("table", ok));
        assertEquals(4294967295L, Validate.U32_MAX);
        assertEquals("table -1 is out of range (0 to 4294967295)", refused(() -> Validate.u32("table", -1)));
        assertEquals("metric 4294967296 is out of range (0 to 4294967295)", refused(() -> Validate.u32("metric", 4294967296L)));
        OptionalLong some = OptionalLong.of(7);
        assertSame(some, Validate.u32("metric", some));
        assertSame(OptionalLong.empty(), Validate.u32("metric", OptionalLong.empty()));
        assertEquals("metric -2 is out of range (0 to 4294967295)", refused(() -> Validate.u32("metric", OptionalLong.of(-2))));
    }

    @Test
    void macAddressesHaveSixBytes() {
        MacAddress m = MacAddress.of("02:00:00:00:00:0a");
        assertSame(m, Validate.mac(m));
        assertEquals("MAC address must have 6 bytes, not 5", refused(() -> Validate.mac(MacAddress.of(new byte[5]))));
        assertEquals("MAC address must have 6 bytes, not 20", refused(() -> Validate.mac(MacAddress.of(new byte[20]))));
    }

    @Test
    void prefixLengthsFitTheFamily() {
        InetAddress v4 = InetAddress.ofLiteral("10.200.0.2"), v6 = InetAddress.ofLiteral("fd00:200::2");
        for (int ok : new int[] {0, 1, 24, 32}) assertEquals(ok, Validate.prefix(v4, ok));
        for (int ok : new int[] {0, 33, 64, 128}) assertEquals(ok, Validate.prefix(v6, ok));
        assertEquals("prefix length 33 is out of range for 10.200.0.2 (0 to 32)", refused(() -> Validate.prefix(v4, 33)));
        assertEquals("prefix length -1 is out of range for 10.200.0.2 (0 to 32)", refused(() -> Validate.prefix(v4, -1)));
        assertEquals("prefix length 129 is out of range for fd00:200::2 (0 to 128)", refused(() -> Validate.prefix(v6, 129)));
    }

    @Test
    void interfaceIndexesStartAtOne() {
        assertEquals(1, Validate.index(1));
        assertEquals(Integer.MAX_VALUE, Validate.index(Integer.MAX_VALUE));
        assertEquals("interface index must be positive: 0", refused(() -> Validate.index(0)));
        assertEquals("interface index must be positive: -3", refused(() -> Validate.index(-3)));
    }

    @Test
    void textFitsItsByteLimitWithoutNul() {
        assertSame("web", Validate.text("alias", "web", 3));
        assertSame("", Validate.text("alias", "", 0));
        assertSame("é", Validate.text("alias", "é", 2));
        assertEquals("alias \"é\" is 2 bytes, at most 1", refused(() -> Validate.text("alias", "é", 1)));
        assertEquals("label \"web0\" is 4 bytes, at most 3", refused(() -> Validate.text("label", "web0", 3)));
        assertEquals("alias contains a NUL character", refused(() -> Validate.text("alias", "a\0", 10)));
        assertEquals("label contains a NUL character", refused(() -> Validate.text("label", "\0a", 10)), "a NUL first too");
    }
}
