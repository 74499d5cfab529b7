package io.github.netlink4j.examples.jip;

import io.github.netlink4j.common.MacAddress;

import java.util.Arrays;

/**
 * A link-layer address as ip 6.1's ll_addr_a2n reads it ({@code address}, {@code brd}, {@code lladdr}):
 * a dotted IPv4 address is its four bytes, anything else is bytes separated by ':', each read with
 * sscanf's {@code %x} (so {@code 0x12}, {@code 0g} and {@code -0} are read, up to the first character
 * that is not part of the number). The error names the piece that failed, as ip's does, and ends the
 * command with status 1. Whether the length suits the link is checked elsewhere, as ip checks it.
 */
final class LlAddr {
    private LlAddr() {}

    /** ip's buffer for an address: 32 bytes. */
    private static final int MAX = 32;

    static MacAddress parse(String arg) {
        if (arg.indexOf('.') >= 0) return MacAddress.of(ipv4(arg));
        byte[] out = new byte[MAX];
        int n = 0;
        String rest = arg;
        while (true) {
            int colon = rest.indexOf(':');
            String piece = colon < 0 ? rest : rest.substring(0, colon);
            long v = scanHex(piece);
            if (v < 0 || v > 255) throw invalid(piece);
            out[n++] = (byte) v;
            if (colon < 0) break;
            rest = rest.substring(colon + 1);
            if (n == MAX) throw invalid(rest); // more than ip's buffer holds
        }
        return MacAddress.of(Arrays.copyOf(out, n));
    }

    private static UsageException invalid(String piece) {
        return new UsageException("\"" + piece + "\" is invalid lladdr.", 1);
    }

    /**
     * sscanf(piece, "%x", &int): leading blanks, a sign, an optional 0x, then hex digits; the unsigned
     * long strtoul makes of them (saturated, negated for '-') cut to an int. -1 when no digit is read.
     */
    static long scanHex(String s) {
        int i = 0, n = s.length();
        while (i < n && " \t\n\u000b\f\r".indexOf(s.charAt(i)) >= 0) i++;
        boolean negative = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) negative = s.charAt(i++) == '-';
        if (i + 1 < n && s.charAt(i) == '0' && (s.charAt(i + 1) | 0x20) == 'x' && i + 2 < n && Character.digit(s.charAt(i + 2), 16) >= 0) i += 2;
        int start = i;
        long v = 0;
        boolean saturated = false;
        for (; i < n && Character.digit(s.charAt(i), 16) >= 0 && s.charAt(i) < 0x80; i++) {
            if (Long.compareUnsigned(v, 0x0FFF_FFFF_FFFF_FFFFL) > 0) saturated = true;
            v = (v << 4) | Character.digit(s.charAt(i), 16);
        }
        if (i == start) return -1;
        if (saturated) v = -1L; // ULONG_MAX
        else if (negative) v = -v;
        return (int) v; // the int %x stores into
    }

    /** get_addr_1 for AF_INET: exactly four dotted decimal bytes, or the whole argument is refused. */
    private static byte[] ipv4(String arg) {
        String[] parts = arg.split("\\.", -1);
        byte[] b = new byte[4];
        if (parts.length != 4) throw invalid(arg);
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) throw invalid(arg);
            int v = Integer.parseInt(p);
            if (v > 255) throw invalid(arg);
            b[i] = (byte) v;
        }
        return b;
    }
}
