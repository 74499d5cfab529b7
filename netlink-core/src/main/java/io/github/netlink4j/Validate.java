package io.github.netlink4j;

import java.net.Inet4Address;
import java.net.InetAddress;
import io.github.netlink4j.internal.wire.ShortString;

/** Argument checks made before anything reaches the kernel; each throws IllegalArgumentException. */
final class Validate {
    private Validate() {}

    /**
     * IFNAMSIZ is 16 with the NUL: 1 to 15 bytes, no '/', ':', NUL or whitespace, not "." or "..".
     * Returns the name's length in UTF-8 bytes (what {@link ShortString#word} packs it with).
     */
    static int ifName(String name) {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("interface name is empty");
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == ':' || c == 0 || Character.isWhitespace(c)) {
                throw new IllegalArgumentException("\"" + name.replace("\0", "\\0") + "\" is not a valid ifname: it contains '" + (c == 0 ? "\\0" : String.valueOf(c)) + "'");
            }
        }
        if (name.equals(".") || name.equals("..")) throw new IllegalArgumentException("\"" + name + "\" is not a valid ifname");
        int bytes = ShortString.utf8Length(name);
        if (bytes > 15) throw new IllegalArgumentException("\"" + name + "\" is not a valid ifname: " + bytes + " bytes, at most 15 (IFNAMSIZ)");
        return bytes;
    }

    /** An MTU the kernel could accept at all; the link's own min/max are checked by the kernel. */
    static int mtu(int mtu) {
        if (mtu < 68 && mtu != 0 || mtu < 0 || mtu > 65535 * 4) {
            throw new IllegalArgumentException("MTU " + mtu + " is out of range (68 to " + (65535 * 4) + ")");
        }
        return mtu;
    }

    static MacAddress mac(MacAddress mac) {
        if (mac.length() != 6) throw new IllegalArgumentException("MAC address must have 6 bytes, not " + mac.length());
        return mac;
    }

    static int prefix(InetAddress a, int len) {
        int max = a instanceof Inet4Address ? 32 : 128;
        if (len < 0 || len > max) throw new IllegalArgumentException("prefix length " + len + " is out of range for " + Inet.text(a) + " (0 to " + max + ")");
        return len;
    }

    static int index(int index) {
        if (index <= 0) throw new IllegalArgumentException("interface index must be positive: " + index);
        return index;
    }
}
