package io.github.netlink4j.common;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Arrays;

/**
 * An IP prefix: an address and a prefix length ({@code 10.200.0.0/24}, {@code fd00:200::/64}). The one
 * parser of CIDR text in netlink4j: addresses, routes and rules all read their prefixes through it.
 *
 * {@snippet :
 * IpPrefix p = IpPrefix.of("10.200.0.2/24");          // an interface address: host bits kept
 * p.network();                                          // 10.200.0.0/24
 * IpPrefix.ofNetwork("10.200.0.2/24");               // IllegalArgumentException, as ip route add refuses it
 * }
 *
 * @param address the address, of either family
 * @param length  the prefix length, 0 to 32 (IPv4) or 0 to 128 (IPv6)
 */
public record IpPrefix(InetAddress address, int length) {
    /** Checks the length against the address's family. */
    public IpPrefix {
        if (address == null) throw new IllegalArgumentException("a prefix has an address");
        int max = maxLength(address);
        if (length < 0 || length > max) throw new IllegalArgumentException("prefix length " + length + " is out of 0.." + max);
    }

    /** The longest prefix of {@code address}'s family: 32 or 128. */
    public static int maxLength(InetAddress address) {
        return address instanceof Inet4Address ? 32 : 128;
    }

    /**
     * Parses {@code ADDRESS[/LENGTH]}: an IPv4 or IPv6 literal (never a host name: no DNS lookup) and
     * a decimal length; without one, a host prefix (/32 or /128). Host bits are kept.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static IpPrefix of(String text) {
        if (text == null || text.isEmpty()) throw new IllegalArgumentException("an empty prefix");
        int slash = text.indexOf('/');
        String addr = slash < 0 ? text : text.substring(0, slash);
        InetAddress a;
        // Four parts for IPv4: the JDK reads "10.1" the BSD way (10.0.0.1) where ip reads it as 10.1.0.0.
        if (addr.indexOf(':') < 0 && addr.chars().filter(c -> c == '.').count() != 3) {
            throw new IllegalArgumentException("\"" + addr + "\" is not an IP address (IPv4 has four parts)");
        }
        try {
            a = InetAddress.ofLiteral(addr);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + addr + "\" is not an IP address", e);
        }
        // An IPv6 literal stays IPv6 when IPv4-mapped (::ffff:10.0.0.0/104), as ip reads it; the JDK makes it IPv4.
        if (a instanceof Inet4Address && addr.indexOf(':') >= 0) {
            byte[] b = new byte[16];
            b[10] = (byte) 0xff;
            b[11] = (byte) 0xff;
            System.arraycopy(a.getAddress(), 0, b, 12, 4);
            a = address(b);
        }
        if (slash < 0) return new IpPrefix(a, maxLength(a));
        String len = text.substring(slash + 1);
        if (len.isEmpty() || len.length() > 3 || !len.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("invalid prefix length \"" + len + "\" in \"" + text + "\"");
        }
        int n = Integer.parseInt(len);
        if (n > maxLength(a)) {
            throw new IllegalArgumentException("prefix length " + n + " is out of range for " + addr + " (0 to " + maxLength(a) + ")");
        }
        return new IpPrefix(a, n);
    }

    /**
     * Parses a network prefix, whose host bits must be zero ({@code 10.200.0.0/24}), as {@code ip route
     * add} reads its destination.
     *
     * @throws IllegalArgumentException for {@code 10.200.0.1/24}: "Invalid prefix for given prefix length"
     */
    public static IpPrefix ofNetwork(String text) {
        IpPrefix p = of(text);
        if (!p.isNetwork()) throw new IllegalArgumentException("Invalid prefix for given prefix length: \"" + text + "\" (did you mean " + p.network() + "?)");
        return p;
    }

    /** The address family. */
    public AddressFamily family() {
        return AddressFamily.of(address);
    }

    /** Whether no bit beyond the prefix length is set. */
    public boolean isNetwork() {
        return network().address.equals(address);
    }

    /** The prefix with its host bits cleared. */
    public IpPrefix network() {
        byte[] b = address.getAddress();
        for (int i = 0; i < b.length; i++) {
            int keep = Math.max(0, Math.min(8, length - i * 8));
            b[i] &= (byte) (0xff << (8 - keep));
        }
        return new IpPrefix(address(b), length);
    }

    /** The address of 4 or 16 bytes; 16 stay IPv6 also when IPv4-mapped (the JDK's getByAddress unmaps them). */
    private static InetAddress address(byte[] b) {
        try {
            return b.length == 16 ? java.net.Inet6Address.getByAddress(null, b, -1) : InetAddress.getByAddress(b);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e); // 4 or 16 bytes: cannot happen
        }
    }

    /** Whether {@code a} (of the same family) lies inside this prefix. */
    public boolean contains(InetAddress a) {
        if (a.getAddress().length != address.getAddress().length) return false;
        return Arrays.equals(new IpPrefix(a, length).network().address.getAddress(), network().address.getAddress());
    }

    /** {@code 10.200.0.0/24}, in the text forms ip prints. */
    @Override
    public String toString() {
        return addressText() + "/" + length;
    }

    /**
     * The address as ip prints it, glibc's inet_ntop: a dotted quad for IPv4; for IPv6 lower-case hex
     * without leading zeros and the longest run of two or more zero groups as "::" (RFC 5952), and the
     * last 32 bits as a dotted quad when the address is IPv4-mapped ({@code ::ffff:10.0.0.1}) or
     * IPv4-compatible ({@code ::10.0.0.1}: six zero groups first).
     */
    public String addressText() {
        if (address instanceof Inet4Address) return address.getHostAddress();
        byte[] b = address.getAddress();
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) g[i] = (b[2 * i] & 0xff) << 8 | (b[2 * i + 1] & 0xff);
        int bestAt = -1, bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) { i++; continue; }
            int j = i;
            while (j < 8 && g[j] == 0) j++;
            if (j - i > bestLen) { bestAt = i; bestLen = j - i; }
            i = j;
        }
        if (bestAt == 0 && (bestLen == 6 || (bestLen == 5 && g[5] == 0xffff))) {
            return (bestLen == 5 ? "::ffff:" : "::") + (b[12] & 0xff) + "." + (b[13] & 0xff) + "." + (b[14] & 0xff) + "." + (b[15] & 0xff);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestAt) { sb.append("::"); i += bestLen - 1; continue; }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') sb.append(':');
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }
}
