package io.github.netlink4j.examples.jip;

import io.github.netlink4j.common.AddressFamily;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * A prefix as ip's get_prefix reads it for selectors: {@code default}, {@code any} or {@code all}
 * (every address of the family, length 0), an address (host length), or ADDR/LEN.
 *
 * @param family null for {@code default} given without -4/-6: it then fits either family
 * @param bytes  the address bytes (empty for default)
 * @param bits   the prefix length
 */
record Prefix(AddressFamily family, byte[] bytes, int bits) {
    /**
     * Reads {@code text} for {@code family} (null: either). A value ip would refuse ends the command
     * as ip does: "Error: inet prefix is expected rather than …" and exit status 1.
     */
    static Prefix parse(String text, AddressFamily family) {
        if (text.equals("default") || text.equals("any") || text.equals("all")) return new Prefix(family, new byte[0], 0);
        String addr = text;
        int bits = -1;
        int slash = text.indexOf('/');
        if (slash >= 0) {
            addr = text.substring(0, slash);
            try {
                bits = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw wrong(text, family);
            }
        }
        InetAddress a;
        try {
            if (!addr.matches("[0-9a-fA-F:.]+") || addr.isEmpty()) throw new IllegalArgumentException();
            a = InetAddress.ofLiteral(addr);
        } catch (IllegalArgumentException e) {
            throw wrong(text, family);
        }
        AddressFamily f = a instanceof Inet4Address ? AddressFamily.INET : AddressFamily.INET6;
        if (family != null && family != f) throw wrong(text, family);
        int max = a.getAddress().length * 8;
        if (bits < 0) bits = max;
        if (bits > max) throw wrong(text, family);
        return new Prefix(f, a.getAddress(), bits);
    }

    /**
     * get_prefix under ip's preferred family (an AF_* number) where it is not an IP family: -0 takes no
     * prefix at all, -B only default, any and all, -M only MPLS labels (which no IP address matches, so
     * the prefix selects nothing jip lists).
     */
    static Prefix selector(String text, AddressFamily family, int preferredFamily) {
        if (preferredFamily == JipOptions.AF_PACKET) {
            throw new UsageException("Error: \"" + text + "\" may be inet prefix, but it is not allowed in this context.", 1);
        }
        boolean anyAddress = text.equals("default") || text.equals("any") || text.equals("all");
        if (preferredFamily == AddressFamily.BRIDGE.value() && !anyAddress || preferredFamily == JipOptions.AF_MPLS && !text.matches("[0-9]+(/[0-9]+)*")) {
            String name = preferredFamily == JipOptions.AF_MPLS ? "mpls" : "bridge";
            throw new UsageException("Error: " + name + " prefix is expected rather than \"" + text + "\".", 1);
        }
        if (preferredFamily == AddressFamily.BRIDGE.value() || preferredFamily == JipOptions.AF_MPLS) return new Prefix(null, new byte[0], 0);
        return parse(text, family);
    }

    /** An address as ip's get_addr reads it: "Error: any valid address is expected rather than …" (exit 1) otherwise. */
    static InetAddress address(String text, AddressFamily family) {
        try {
            if (!text.contains("/") && !text.equals("default") && !text.equals("any") && !text.equals("all")) {
                Prefix p = parse(text, family);
                return InetAddress.getByAddress(p.bytes());
            }
        } catch (UsageException | java.net.UnknownHostException e) {
            // reported below in get_addr's words
        }
        String kind = family == null ? "any valid" : family == AddressFamily.INET ? "inet" : "inet6";
        throw new UsageException("Error: " + kind + " address is expected rather than \"" + text + "\".", 1);
    }

    static UsageException wrong(String text, AddressFamily family) {
        String kind = family == null ? "any valid" : family == AddressFamily.INET ? "inet" : "inet6";
        return new UsageException("Error: " + kind + " prefix is expected rather than \"" + text + "\".", 1);
    }

    /** Whether the first {@code n} bits of {@code address} are this prefix's (ip's inet_addr_match). */
    boolean matchesFirst(Optional<InetAddress> address, int n) {
        byte[] other = address.map(InetAddress::getAddress).orElse(null);
        if (n == 0) return true;
        if (other == null) other = new byte[bytes.length];
        if (other.length != bytes.length) return false;
        for (int i = 0; i < n; i++) {
            int bit = 7 - (i & 7);
            if (((bytes[i >> 3] >> bit) & 1) != ((other[i >> 3] >> bit) & 1)) return false;
        }
        return true;
    }

    /** Whether a route of {@code fam} fits the prefix's family (a bare {@code default} fits any). */
    boolean familyFits(AddressFamily fam) {
        return family == null || family == fam;
    }

    /** Whether this names one host (a full-length address). */
    boolean isHost() {
        return bytes.length > 0 && bits == bytes.length * 8;
    }
}
