package io.github.netlink4j.tc.filter;

import io.github.netlink4j.common.IpPrefix;

import java.net.Inet4Address;

/**
 * One 32-bit comparison of a u32 selector, {@code struct tc_u32_key}: the word at {@code off} bytes into
 * the packet's network header, masked, must equal {@code value}. Value and mask are the word as read in
 * network order ({@code 10.200.0.0} is {@code 0x0ac80000}). The factories build what tc's
 * {@code match ip …} builds, for an IPv4 header of 20 bytes (tc's u32 assumes no IP options, and so do they).
 *
 * {@snippet :
 * U32Key.ipDst(IpPrefix.of("10.200.0.0/24"));   // match ip dst 10.200.0.0/24
 * U32Key.ipProtocol(6);                         // match ip protocol 6 0xff
 * U32Key.dport(80);                             // match ip dport 80 0xffff
 * }
 *
 * @param value   the value after masking (bits outside the mask are cleared)
 * @param mask    which bits count
 * @param off     the word's offset, a multiple of 4
 * @param offmask the mask of the variable offset ({@code offmask}; 0 for a fixed offset)
 */
public record U32Key(long value, long mask, int off, int offmask) {
    /** Checks the ranges and clears the value's bits outside the mask, as tc does. */
    public U32Key {
        if (mask < 0 || mask > 0xffffffffL || value < 0 || value > 0xffffffffL) {
            throw new IllegalArgumentException("u32 value and mask are 32-bit: " + Long.toHexString(value) + "/" + Long.toHexString(mask));
        }
        if (off % 4 != 0) throw new IllegalArgumentException("u32 offset " + off + " is not a multiple of 4");
        value &= mask;
    }

    /** {@code match u32 VALUE MASK at OFF}. */
    public static U32Key of(long value, long mask, int off) {
        return new U32Key(value, mask, off, 0);
    }

    /** {@code match ip src PREFIX}: the source address, word 12. */
    public static U32Key ipSrc(IpPrefix prefix) {
        return address(prefix, 12);
    }

    /** {@code match ip dst PREFIX}: the destination address, word 16. */
    public static U32Key ipDst(IpPrefix prefix) {
        return address(prefix, 16);
    }

    private static U32Key address(IpPrefix prefix, int off) {
        if (!(prefix.address() instanceof Inet4Address a)) throw new IllegalArgumentException("match ip takes an IPv4 prefix, not " + prefix);
        byte[] b = a.getAddress();
        long v = (b[0] & 0xffL) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff);
        long mask = prefix.length() == 0 ? 0 : (0xffffffffL << (32 - prefix.length())) & 0xffffffffL;
        return new U32Key(v, mask, off, 0);
    }

    /** {@code match ip protocol PROTO 0xff}: the IP protocol byte (6 TCP, 17 UDP), in word 8. */
    public static U32Key ipProtocol(int protocol) {
        return byteAt(protocol, 9);
    }

    /** {@code match ip tos TOS MASK}: the TOS byte, in word 0. */
    public static U32Key ipTos(int tos, int mask) {
        if (mask < 0 || mask > 0xff) throw new IllegalArgumentException("tos mask " + mask + " is out of range (0 to 255)");
        U32Key k = byteAt(tos, 1);
        return new U32Key(k.value, (long) mask << 16, 0, 0);
    }

    private static U32Key byteAt(int v, int at) {
        if (v < 0 || v > 0xff) throw new IllegalArgumentException("byte " + v + " is out of range (0 to 255)");
        int shift = 8 * (3 - at % 4);
        return new U32Key((long) v << shift, 0xffL << shift, at & ~3, 0);
    }

    /** {@code match ip sport PORT 0xffff}: the TCP or UDP source port, in word 20. */
    public static U32Key sport(int port) {
        checkPort(port);
        return new U32Key((long) port << 16, 0xffff0000L, 20, 0);
    }

    /** {@code match ip dport PORT 0xffff}: the TCP or UDP destination port, in word 20. */
    public static U32Key dport(int port) {
        checkPort(port);
        return new U32Key(port, 0xffff, 20, 0);
    }

    private static void checkPort(int port) {
        if (port < 0 || port > 0xffff) throw new IllegalArgumentException("port " + port + " is out of range (0 to 65535)");
    }

    /** As tc prints it: {@code match 0ac80000/ffffff00 at 16}. */
    @Override
    public String toString() {
        return String.format("match %08x/%08x at %s%d", value, mask, offmask != 0 ? "nexthdr+" : "", off);
    }
}
