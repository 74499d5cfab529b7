package io.github.netlink4j.internal.codec.kind;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.internal.wire.Messages;
import io.github.netlink4j.testing.Golden;

import java.io.ByteArrayOutputStream;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Attribute bytes for the kind decoders, written here field by field as struct nlattr lays them out
 * (u16 nla_len, u16 nla_type, payload padded to 4; host order unless a field is __be), not with the
 * library's writer; and the IFLA_LINKINFO nests of a link in a golden dump captured from iproute2.
 */
final class KindBytes {
    private KindBytes() {}

    private static ByteBuffer buf(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.nativeOrder());
    }

    static byte[] attr(int type, byte[] payload) {
        int len = 4 + payload.length;
        return buf((len + 3) & ~3).putShort((short) len).putShort((short) type).put(payload).array();
    }

    static byte[] flag(int type) {
        return attr(type, new byte[0]);
    }

    static byte[] u8(int type, int v) {
        return attr(type, new byte[] {(byte) v});
    }

    static byte[] u16(int type, int v) {
        return attr(type, buf(2).putShort((short) v).array());
    }

    static byte[] u16be(int type, int v) {
        return attr(type, new byte[] {(byte) (v >> 8), (byte) v});
    }

    static byte[] u32(int type, int v) {
        return attr(type, buf(4).putInt(v).array());
    }

    static byte[] u64(int type, long v) {
        return attr(type, buf(8).putLong(v).array());
    }

    static byte[] string(int type, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return attr(type, java.util.Arrays.copyOf(b, b.length + 1));
    }

    static byte[] nest(int type, byte[]... members) {
        return attr(type, cat(members));
    }

    static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    /** A cursor over {@code attributes} packed one after another. */
    static Attrs attrs(byte[]... attributes) throws ProtocolException {
        byte[] b = cat(attributes);
        return new Attrs().reset(MemorySegment.ofArray(b), 0, b.length, "test");
    }

    private static final int IFLA_IFNAME = 3, IFLA_LINKINFO = 18;
    static final int IFLA_INFO_DATA = 2, IFLA_INFO_SLAVE_DATA = 5;

    /** The IFLA_LINKINFO member {@code which} of the link named {@code name} in the dump {@code fixture}. */
    static Attrs linkInfo(String fixture, String name, int which) throws ProtocolException {
        byte[] b = Golden.bytes(fixture);
        MemorySegment s = Golden.segment(fixture);
        Messages m = new Messages().reset(s, b.length);
        while (m.next()) {
            Attrs a = Attrs.ofMessage(s, m.offset(), m.length(), 16, "RTM_NEWLINK", "ifinfomsg");
            boolean mine = false;
            while (a.next()) {
                if (a.type() == IFLA_IFNAME) mine = a.string().equals(name);
                if (mine && a.type() == IFLA_LINKINFO) {
                    Attrs info = a.nestedAttrs("IFLA_LINKINFO");
                    while (info.next()) if (info.type() == which) return info.nestedAttrs("IFLA_LINKINFO member " + which);
                }
            }
        }
        throw new IllegalArgumentException("no IFLA_LINKINFO member " + which + " of " + name + " in " + fixture);
    }
}
