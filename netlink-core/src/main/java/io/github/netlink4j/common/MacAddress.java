package io.github.netlink4j.common;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A link-layer address ({@code IFLA_ADDRESS}, {@code NDA_LLADDR}), usually the 6 bytes of an
 * Ethernet MAC, printed like iproute2 prints it: {@code 02:00:00:00:00:07}.
 *
 * {@snippet :
 * nl.links().setAddress("veth0", MacAddress.of("02:00:00:00:00:01"));   // ip link set veth0 address 02:00:00:00:00:01
 * }
 */
public final class MacAddress {
    private final byte[] bytes;

    private MacAddress(byte[] bytes) {
        this.bytes = bytes;
    }

    /** An address of any length, as the kernel reports it (copied). */
    public static MacAddress of(byte[] bytes) {
        if (bytes.length == 0 || bytes.length > 32) throw new IllegalArgumentException("link-layer address of " + bytes.length + " bytes");
        return new MacAddress(bytes.clone());
    }

    /**
     * Parses a 6-byte Ethernet address written as six hex pairs separated by ':' or '-'.
     *
     * @throws IllegalArgumentException if it is not exactly 6 bytes of hex
     */
    public static MacAddress of(String text) {
        String[] parts = text.split("[:-]", -1);
        if (parts.length != 6) throw new IllegalArgumentException("invalid MAC address \"" + text + "\": need 6 bytes");
        byte[] b = new byte[6];
        for (int i = 0; i < 6; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 2) throw new IllegalArgumentException("invalid MAC address \"" + text + "\"");
            try {
                b[i] = (byte) Integer.parseInt(p, 16);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid MAC address \"" + text + "\"", e);
            }
        }
        return new MacAddress(b);
    }

    /** A copy of the bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The number of bytes (6 for Ethernet). */
    public int length() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MacAddress m && Arrays.equals(bytes, m.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Lower-case hex pairs joined by ':', as {@code ip link} prints them. */
    @Override
    public String toString() {
        return HexFormat.ofDelimiter(":").formatHex(bytes);
    }
}
