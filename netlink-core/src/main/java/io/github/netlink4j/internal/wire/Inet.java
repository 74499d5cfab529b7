package io.github.netlink4j.internal.wire;

import io.github.netlink4j.error.ProtocolException;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** IP addresses decoded from attributes. */
public final class Inet {
    private Inet() {}

    /** The 4- or 16-byte address in the attribute under {@code a}. */
    public static InetAddress decode(Attrs a) throws ProtocolException {
        int n = a.payloadLength();
        if (n != 4 && n != 16) throw new ProtocolException("address attribute type " + a.type() + " has " + n + " bytes, need 4 or 16");
        try {
            return InetAddress.getByAddress(a.bytes());
        } catch (UnknownHostException e) {
            throw new ProtocolException("bad address: " + e.getMessage());
        }
    }
}
