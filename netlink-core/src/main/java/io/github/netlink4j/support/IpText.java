package io.github.netlink4j.support;


import io.github.netlink4j.common.IpPrefix;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** IP addresses as text, the way iproute2 writes and reads them: inet_ntop forms, literals without DNS. */
public final class IpText {
    private IpText() {}

    /** 32 for IPv4, 128 for IPv6. */
    public static int maxPrefix(InetAddress a) {
        return a instanceof Inet4Address ? 32 : 128;
    }

    /**
     * Parses an IPv4 or IPv6 literal; never a host name (no DNS lookups). An IPv6 literal stays IPv6 even
     * when it is IPv4-mapped ({@code ::ffff:10.0.0.1}), as ip reads it: the JDK would make it IPv4.
     */
    public static InetAddress parse(String text) {
        InetAddress a;
        try {
            a = InetAddress.ofLiteral(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not an IP address", e);
        }
        return a instanceof Inet4Address && text.indexOf(':') >= 0 ? mapped(a.getAddress()) : a;
    }

    /**
     * The address of these 4 or 16 bytes; 16 bytes are always an IPv6 address, also when IPv4-mapped
     * ({@link InetAddress#getByAddress(byte[])} would return the IPv4 address inside).
     */
    public static InetAddress address(byte[] b) {
        try {
            return b.length == 16 ? Inet6Address.getByAddress(null, b, -1) : InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("an IP address has 4 or 16 bytes, not " + b.length, e);
        }
    }

    private static InetAddress mapped(byte[] v4) {
        byte[] b = new byte[16];
        b[10] = (byte) 0xff;
        b[11] = (byte) 0xff;
        System.arraycopy(v4, 0, b, 12, 4);
        return address(b);
    }

    /** The text form iproute2 prints (glibc's inet_ntop): see {@link IpPrefix#addressText()}. */
    public static String text(InetAddress a) {
        return a instanceof Inet4Address ? a.getHostAddress() : new IpPrefix(a, 128).addressText();
    }

    /** The address with the host bits beyond {@code prefix} cleared. */
    public static InetAddress network(InetAddress a, int prefix) {
        byte[] b = a.getAddress();
        for (int i = 0; i < b.length; i++) {
            int bits = Math.max(0, Math.min(8, prefix - i * 8));
            b[i] &= (byte) (0xff << (8 - bits));
        }
        return address(b);
    }
}
