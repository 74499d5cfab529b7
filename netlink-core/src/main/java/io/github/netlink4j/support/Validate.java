package io.github.netlink4j.support;

import io.github.netlink4j.common.MacAddress;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;

/** Argument checks made before anything reaches the kernel; each throws IllegalArgumentException. */
public final class Validate {
    private Validate() {}

    /**
     * An interface name as the kernel takes it (IFNAMSIZ is 16 with the NUL): 1 to 15 bytes of UTF-8,
     * no '/', ':', NUL or whitespace, not "." or "..". Returns the name.
     */
    public static String ifName(String name) {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("interface name is empty");
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == ':' || c == 0 || Character.isWhitespace(c)) {
                throw new IllegalArgumentException("\"" + name.replace("\0", "\\0") + "\" is not a valid ifname: it contains '"
                        + (c == 0 ? "\\0" : String.valueOf(c)) + "'");
            }
            if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < name.length() && Character.isLowSurrogate(name.charAt(i + 1)))
                    && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(name.charAt(i - 1)))) {
                throw new IllegalArgumentException("\"" + name + "\" is not a valid ifname: unpaired surrogate at index " + i);
            }
        }
        if (name.equals(".") || name.equals("..")) throw new IllegalArgumentException("\"" + name + "\" is not a valid ifname");
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > 15) throw new IllegalArgumentException("\"" + name + "\" is not a valid ifname: " + bytes + " bytes, at most 15 (IFNAMSIZ)");
        return name;
    }

    /** An MTU the kernel could accept at all; the link's own minimum and maximum are the kernel's to check. */
    public static int mtu(int mtu) {
        if (mtu < 68 && mtu != 0 || mtu < 0 || mtu > 65535 * 4) {
            throw new IllegalArgumentException("MTU " + mtu + " is out of range (68 to " + (65535 * 4) + ")");
        }
        return mtu;
    }

    /** The largest unsigned 32-bit value, 4294967295. */
    public static final long U32_MAX = 0xFFFF_FFFFL;

    /**
     * An unsigned 32-bit kernel value held in a {@code long}: 0 to 4294967295. Returns the value.
     *
     * @throws IllegalArgumentException naming {@code what} when the value is out of range
     */
    public static long u32(String what, long value) {
        if (value < 0 || value > U32_MAX) throw new IllegalArgumentException(what + " " + value + " is out of range (0 to 4294967295)");
        return value;
    }

    /** {@link #u32(String, long)} for an optional value. */
    public static java.util.OptionalLong u32(String what, java.util.OptionalLong value) {
        if (value.isPresent()) u32(what, value.getAsLong());
        return value;
    }

    /** A 6-byte Ethernet address. */
    public static MacAddress mac(MacAddress mac) {
        if (mac.length() != 6) throw new IllegalArgumentException("MAC address must have 6 bytes, not " + mac.length());
        return mac;
    }

    /** A prefix length that fits {@code a}'s family. */
    public static int prefix(InetAddress a, int len) {
        int max = IpText.maxPrefix(a);
        if (len < 0 || len > max) throw new IllegalArgumentException("prefix length " + len + " is out of range for " + IpText.text(a) + " (0 to " + max + ")");
        return len;
    }

    /** A positive interface index. */
    public static int index(int index) {
        if (index <= 0) throw new IllegalArgumentException("interface index must be positive: " + index);
        return index;
    }

    /** A string of at most {@code max} UTF-8 bytes without NUL (an alias, a label). */
    public static String text(String what, String s, int max) {
        if (s.indexOf('\0') >= 0) throw new IllegalArgumentException(what + " contains a NUL character");
        int bytes = s.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > max) throw new IllegalArgumentException(what + " \"" + s + "\" is " + bytes + " bytes, at most " + max);
        return s;
    }
}
