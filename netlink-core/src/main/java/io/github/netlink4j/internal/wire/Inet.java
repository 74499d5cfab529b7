package io.github.netlink4j.internal.wire;

import io.github.netlink4j.error.ProtocolException;

import io.github.netlink4j.support.IpText;

import java.net.InetAddress;

/** IP addresses decoded from attributes. */
public final class Inet {
    private Inet() {}

    /** The 4- or 16-byte address in the attribute under {@code a}. */
    public static InetAddress decode(Attrs a) throws ProtocolException {
        int n = a.payloadLength();
        if (n != 4 && n != 16) throw new ProtocolException("address attribute type " + a.type() + " has " + n + " bytes, need 4 or 16");
        return IpText.address(a.bytes());   // 16 bytes stay IPv6 when IPv4-mapped
    }
}
