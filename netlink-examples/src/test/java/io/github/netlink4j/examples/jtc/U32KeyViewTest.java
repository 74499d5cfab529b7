package io.github.netlink4j.examples.jtc;

import io.github.netlink4j.common.IpPrefix;
import io.github.netlink4j.tc.filter.U32Key;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * u32 keys in print_ipv4's words (tc -p), without a kernel: the keys tc 6.1 was seen to print in the
 * parity state "pretty" (parity/tc.txt), and the ones it prints nothing for.
 */
class U32KeyViewTest {
    @Test
    void addressesByOffsetAndContiguousMask() {
        assertEquals("\n  match IP src 10.200.1.0/24", U32KeyView.ipv4(U32Key.ipSrc(IpPrefix.of("10.200.1.0/24"))));
        assertEquals("\n  match IP dst 0.0.0.0/0", U32KeyView.ipv4(U32Key.ipDst(IpPrefix.of("10.200.0.0/0"))));
        assertEquals("\n  match IP dst 255.255.255.255/32", U32KeyView.ipv4(U32Key.of(0xffffffffL, 0xffffffffL, 16)));
        assertEquals("", U32KeyView.ipv4(U32Key.of(0x0ac80000L, 0xff00ff00L, 16)), "a mask with a hole has no prefix length");
        assertEquals(-1, U32KeyView.bits(0x00ffffffL));
        assertEquals(1, U32KeyView.bits(0x80000000L));
    }

    @Test
    void headerFieldsAndPorts() {
        assertEquals("\n  match IP ihl 5", U32KeyView.ipv4(U32Key.of(0x05000000L, 0x0f000000L, 0)));
        assertEquals("\n  match IP dsfield 0x10", U32KeyView.ipv4(U32Key.of(0x00100000L, 0x00ff0000L, 0)));
        assertEquals("\n  match IP dsfield 0", U32KeyView.ipv4(U32Key.of(0, 0x00ff0000L, 0)), "C's %#x prints 0 bare");
        assertEquals("\n  match IP protocol 6", U32KeyView.ipv4(U32Key.ipProtocol(6)));
        assertEquals("\n  match sport 80", U32KeyView.ipv4(U32Key.sport(80)));
        assertEquals("match dport 443", U32KeyView.ipv4(U32Key.dport(443)), "tc starts no line for a lone dport");
        assertEquals("\n  match dport 443, match sport 80", U32KeyView.ipv4(U32Key.of(0x005001bbL, 0xffffffffL, 20)));
        assertEquals("", U32KeyView.ipv4(U32Key.of(0x08000000L, 0xff000000L, 20)), "icmp_type: no words");
        assertEquals("", U32KeyView.ipv4(U32Key.of(0x12340000L, 0xffff0000L, 4)));
        assertEquals("", U32KeyView.ipv4(U32Key.of(0x00060000L, 0x00ffff00L, 8)));
    }
}
