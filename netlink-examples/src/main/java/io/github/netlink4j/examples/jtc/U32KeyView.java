package io.github.netlink4j.examples.jtc;

import io.github.netlink4j.tc.filter.U32Key;

/**
 * One u32 key as tc 6.1's show_keys prints it: raw ({@code match 0ac80000/ffff0000 at 16}), or with
 * {@code -p} on an ip or ipv6 filter in print_ipv4's words ({@code match IP dst 10.200.0.0/16}). Both
 * protocols use print_ipv4's table, offsets of an IPv4 header, and a key it has no words for prints
 * nothing; its JSON is not written here (tc 6.1 leaves the object open and aborts).
 */
final class U32KeyView {
    private U32KeyView() {}

    /** ETH_P_IP and ETH_P_IPV6: the protocols tc has a pretty printer for. */
    private static final int ETH_P_IP = 0x0800, ETH_P_IPV6 = 0x86dd;

    static void print(TcOut o, U32Key k, int protocol, boolean pretty) {
        if (pretty && !o.json() && (protocol == ETH_P_IP || protocol == ETH_P_IPV6)) {
            o.fp(ipv4(k));
            return;
        }
        o.openObject("match");
        o.nl();
        o.any("value", Long.toHexString(k.value()), String.format("  match %08x", k.value()));
        o.any("mask", Long.toHexString(k.mask()), String.format("/%08x ", k.mask()));
        o.any("offmask", k.offmask() != 0 ? "nexthdr+" : "", "at " + (k.offmask() != 0 ? "nexthdr+" : ""));
        o.any("off", k.off(), Integer.toString(k.off()));
        o.close();
    }

    /** print_ipv4's text for a key, "" for one it does not know (the offset mask plays no part). */
    static String ipv4(U32Key k) {
        long v = k.value(), m = k.mask();
        return switch (k.off()) {
            case 0 -> m == 0x0f000000L ? "\n  match IP ihl " + (v >>> 24)
                    : m == 0x00ff0000L ? "\n  match IP dsfield " + hash((v >>> 16) & 0xff) : "";
            case 8 -> m == 0x00ff0000L ? "\n  match IP protocol " + ((v >>> 16) & 0xff) : "";
            case 12, 16 -> {
                int bits = bits(m);
                yield bits < 0 ? "" : "\n  match IP " + (k.off() == 12 ? "src " : "dst ") + (v >>> 24) + "." + (v >>> 16 & 0xff) + "."
                        + (v >>> 8 & 0xff) + "." + (v & 0xff) + "/" + bits;
            }
            // tc's own quirk: the destination port alone starts no line
            case 20 -> m == 0x0000ffffL ? "match dport " + (v & 0xffff)
                    : m == 0xffff0000L ? "\n  match sport " + (v >>> 16)
                    : m == 0xffffffffL ? "\n  match dport " + (v & 0xffff) + ", match sport " + (v >>> 16) : "";
            default -> "";
        };
    }

    /** C's {@code %#x}: 0x before a value that is not 0. */
    private static String hash(long v) {
        return v == 0 ? "0" : "0x" + Long.toHexString(v);
    }

    /** mask2bits: the prefix length of a netmask (ones from the top, then zeros), -1 for any other mask. */
    static int bits(long mask) {
        long host = ~mask & 0xffffffffL;
        if ((host & (host + 1)) != 0) return -1;
        return Long.bitCount(mask);
    }
}
