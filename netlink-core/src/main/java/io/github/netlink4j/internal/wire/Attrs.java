package io.github.netlink4j.internal.wire;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.uapi.Netlink;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/**
 * A cursor over the attributes ({@code struct nlattr}) in a byte range. Each attribute's length is
 * checked against the range before anything is read, and each typed read checks the payload size,
 * so hostile input ends in a {@link ProtocolException} naming the context, never an out-of-bounds
 * read. The type is masked with {@code NLA_TYPE_MASK}; {@link #nested()} tells NLA_F_NESTED.
 */
public final class Attrs {
    private MemorySegment seg;
    private long pos;
    private long end;
    private long payload;
    private int payloadLen;
    private int rawType;
    private String context;

    /** Iterates attributes in {@code [start, end)}; {@code context} names the container in errors. */
    public Attrs reset(MemorySegment seg, long start, long end, String context) throws ProtocolException {
        if (start < 0 || end > seg.byteSize() || start > end) {
            throw new ProtocolException("attribute range [" + start + ", " + end + ") outside " + seg.byteSize() + " bytes " + where(context));
        }
        this.seg = seg;
        this.pos = start;
        this.end = end;
        this.context = context;
        return this;
    }

    private static String where(String context) {
        return context == null ? "" : "while parsing " + context;
    }

    /** Advances to the next attribute; false when the range is used up. */
    public boolean next() throws ProtocolException {
        if (pos >= end) return false;
        long left = end - pos;
        if (left < 4) throw new ProtocolException("truncated attribute header (" + left + " bytes) " + where(context));
        int len = Nlmsg.u16(seg, pos);
        if (len < 4) throw new ProtocolException("attribute length " + len + " < 4 " + where(context));
        if (len > left) throw new ProtocolException("attribute of type " + (Nlmsg.u16(seg, pos + 2) & Netlink.NLA_TYPE_MASK)
                + " with length " + len + " runs past its container (" + left + " bytes left) " + where(context));
        rawType = Nlmsg.u16(seg, pos + 2);
        payload = pos + 4;
        payloadLen = len - 4;
        pos = Math.min(end, pos + Nlmsg.align(len));
        return true;
    }

    /** The attribute type with NLA_F_NESTED and NLA_F_NET_BYTEORDER masked off. */
    public int type() {
        return rawType & Netlink.NLA_TYPE_MASK;
    }

    /** Whether NLA_F_NESTED is set. */
    public boolean nested() {
        return (rawType & Netlink.NLA_F_NESTED) != 0;
    }

    /** Offset of the payload in the segment. */
    public long payloadOffset() {
        return payload;
    }

    /** Payload length in bytes. */
    public int payloadLength() {
        return payloadLen;
    }

    /** The segment being read. */
    public MemorySegment segment() {
        return seg;
    }

    private void need(int n, String what) throws ProtocolException {
        if (payloadLen < n) {
            throw new ProtocolException("attribute type " + type() + " has " + payloadLen + " bytes, " + what + " needs " + n + " " + where(context));
        }
    }

    public int u8() throws ProtocolException {
        need(1, "u8");
        return Byte.toUnsignedInt(seg.get(ValueLayout.JAVA_BYTE, payload));
    }

    public int u16() throws ProtocolException {
        need(2, "u16");
        return Short.toUnsignedInt(seg.get(MessageWriter.U16, payload));
    }

    public int u16be() throws ProtocolException {
        need(2, "be16");
        return Short.toUnsignedInt(seg.get(MessageWriter.U16_BE, payload));
    }

    public int u32() throws ProtocolException {
        need(4, "u32");
        return seg.get(MessageWriter.U32, payload);
    }

    public long u64() throws ProtocolException {
        need(8, "u64");
        return seg.get(MessageWriter.U64, payload);
    }

    /** A string attribute: bytes up to the first NUL, or the whole payload if there is none. */
    public String string() {
        int n = 0;
        while (n < payloadLen && seg.get(ValueLayout.JAVA_BYTE, payload + n) != 0) n++;
        byte[] b = new byte[n];
        // A segment-to-segment bulk copy: the element-wise copy to an array checks alignment per call.
        MemorySegment.copy(seg, payload, MemorySegment.ofArray(b), 0, n);
        return new String(b, StandardCharsets.UTF_8);
    }

    /** A copy of the payload. */
    public byte[] bytes() {
        byte[] b = new byte[payloadLen];
        MemorySegment.copy(seg, payload, MemorySegment.ofArray(b), 0, payloadLen);
        return b;
    }

    /** A cursor over the attributes nested in this one's payload. */
    public Attrs nestedAttrs(String nestContext) throws ProtocolException {
        return new Attrs().reset(seg, payload, payload + payloadLen,
                context == null ? nestContext : context + " › " + nestContext);
    }

    /** A cursor over this payload after skipping a {@code header}-byte struct. */
    public Attrs nestedAttrsAfter(int header, String nestContext) throws ProtocolException {
        need(header, nestContext + " header");
        return new Attrs().reset(seg, payload + header, payload + payloadLen,
                context == null ? nestContext : context + " › " + nestContext);
    }

    /** The context name given at reset. */
    public String context() {
        return context;
    }
}
