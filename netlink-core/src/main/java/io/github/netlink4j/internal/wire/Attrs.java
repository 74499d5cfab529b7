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
    /** The array behind seg if it is a heap segment (then every read uses it), else null. */
    private byte[] arr;
    /** Index in arr of segment offset 0. */
    private int bias;
    private long pos;
    private long end;
    private long payload;
    private int payloadLen;
    private int rawType;
    private String context;
    /** For a nest: the enclosing cursor, whose context is prefixed to this one's only when asked for. */
    private Attrs parent;

    /**
     * A cursor over the attributes of the message at {@code off} ({@code len} bytes), after its fixed
     * header of {@code fixed} bytes ({@code header}, e.g. "ifinfomsg"); {@code message} names it in
     * errors, e.g. "RTM_NEWLINK". Fails if the message is too short to hold that header.
     */
    public static Attrs ofMessage(MemorySegment seg, long off, int len, int fixed, String message, String header) throws ProtocolException {
        if (len < Nlmsg.HDRLEN + fixed) throw new ProtocolException(message + " of " + len + " bytes has no complete " + header);
        return new Attrs().reset(seg, off + Nlmsg.HDRLEN + fixed, off + len, message);
    }

    /** Iterates attributes in {@code [start, end)}; {@code context} names the container in errors. */
    public Attrs reset(MemorySegment seg, long start, long end, String context) throws ProtocolException {
        if (start < 0 || end > seg.byteSize() || start > end) {
            throw new ProtocolException("attribute range [" + start + ", " + end + ") outside " + seg.byteSize() + " bytes " + where(context));
        }
        if (seg != this.seg) {
            // a reused cursor is pointed at message after message of one receive buffer: its array is found once
            this.seg = seg;
            this.arr = Nlmsg.heapArray(seg);
            this.bias = arr == null ? 0 : (int) seg.address();
        }
        this.pos = start;
        this.end = end;
        this.context = context;
        this.parent = null;
        return this;
    }

    /** A cursor over {@code [start, end)} of the same memory as {@code parent} (already range-checked). */
    private Attrs within(Attrs parent, long start, long end, String context) {
        this.seg = parent.seg;
        this.arr = parent.arr;
        this.bias = parent.bias;
        this.pos = start;
        this.end = end;
        this.context = context;
        this.parent = parent;
        return this;
    }

    private int idx(long off) {
        return bias + (int) off;
    }

    private static String where(String context) {
        return context == null ? "" : "while parsing " + context;
    }

    /** Advances to the next attribute; false when the range is used up. */
    public boolean next() throws ProtocolException {
        if (pos >= end) return false;
        long left = end - pos;
        if (left < 4) throw new ProtocolException("truncated attribute header (" + left + " bytes) " + where(context()));
        int len = arr != null ? Nlmsg.u16(arr, idx(pos)) : Nlmsg.u16(seg, pos);
        if (len < 4) throw new ProtocolException("attribute length " + len + " < 4 " + where(context()));
        int t = arr != null ? Nlmsg.u16(arr, idx(pos + 2)) : Nlmsg.u16(seg, pos + 2);
        if (len > left) throw new ProtocolException("attribute of type " + (t & Netlink.NLA_TYPE_MASK)
                + " with length " + len + " runs past its container (" + left + " bytes left) " + where(context()));
        rawType = t;
        payload = pos + 4;
        payloadLen = len - 4;
        pos = Math.min(end, pos + ((len + 3) & ~3)); // len is a u16: aligning it cannot overflow
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
            throw new ProtocolException("attribute type " + type() + " has " + payloadLen + " bytes, " + what + " needs " + n + " " + where(context()));
        }
    }

    public int u8() throws ProtocolException {
        need(1, "u8");
        return u8At(payload);
    }

    public int u16() throws ProtocolException {
        need(2, "u16");
        return u16At(payload);
    }

    public int u16be() throws ProtocolException {
        need(2, "be16");
        return arr != null ? Nlmsg.u16be(arr, idx(payload)) : Short.toUnsignedInt(seg.get(MessageWriter.U16_BE, payload));
    }

    public int u32() throws ProtocolException {
        need(4, "u32");
        return s32At(payload);
    }

    public long u64() throws ProtocolException {
        need(8, "u64");
        return u64At(payload);
    }

    /** A string attribute: bytes up to the first NUL, or the whole payload if there is none. */
    public String string() {
        if (arr != null) {
            int from = idx(payload);
            int n = 0;
            while (n < payloadLen && arr[from + n] != 0) n++;
            return new String(arr, from, n, StandardCharsets.UTF_8);
        }
        int n = 0;
        while (n < payloadLen && seg.get(ValueLayout.JAVA_BYTE, payload + n) != 0) n++;
        byte[] b = new byte[n];
        // A segment-to-segment bulk copy: the element-wise copy to an array checks alignment per call.
        MemorySegment.copy(seg, payload, MemorySegment.ofArray(b), 0, n);
        return new String(b, StandardCharsets.UTF_8);
    }

    /** A copy of the payload. */
    public byte[] bytes() {
        if (arr != null) return java.util.Arrays.copyOfRange(arr, idx(payload), idx(payload) + payloadLen);
        byte[] b = new byte[payloadLen];
        MemorySegment.copy(seg, payload, MemorySegment.ofArray(b), 0, payloadLen);
        return b;
    }

    /**
     * Whether this payload holds the same bytes as the {@code otherLength} bytes at {@code otherOffset}
     * (an earlier payload of the same message), so a decoder can reuse what it made of that one.
     */
    public boolean payloadEquals(long otherOffset, int otherLength) {
        if (otherLength != payloadLen || otherOffset < 0) return false;
        for (int i = 0; i < payloadLen; i++) if (u8At(payload + i) != u8At(otherOffset + i)) return false;
        return true;
    }

    /**
     * Copies the bytes {@code [from, to)} of the segment (whole attributes this cursor has walked) into
     * {@code dst} at {@code at}; returns how many.
     */
    public int copyRange(long from, long to, byte[] dst, int at) {
        if (from < 0 || to > seg.byteSize() || from > to) throw new IndexOutOfBoundsException("[" + from + ", " + to + ")");
        int n = (int) (to - from);
        if (arr != null) System.arraycopy(arr, idx(from), dst, at, n);
        else MemorySegment.copy(seg, ValueLayout.JAVA_BYTE, from, dst, at, n);
        return n;
    }

    /** Points {@code into}, a cursor the caller reuses, at the attributes nested in this one's payload; returns it. */
    public Attrs nestedAttrs(Attrs into, String nestContext) {
        return into.within(this, payload, payload + payloadLen, nestContext);
    }

    /** A cursor over the attributes nested in this one's payload. */
    public Attrs nestedAttrs(String nestContext) throws ProtocolException {
        return new Attrs().within(this, payload, payload + payloadLen,
                nestContext);
    }

    // Reads at absolute offsets of the segment, for the fixed structs before and inside attributes
    // (ifinfomsg, rtnexthop, ...): the caller has checked that they lie inside the message.

    public int u8At(long off) {
        return arr != null ? Nlmsg.u8(arr, idx(off)) : Nlmsg.u8(seg, off);
    }

    public int u16At(long off) {
        return arr != null ? Nlmsg.u16(arr, idx(off)) : Nlmsg.u16(seg, off);
    }

    public int s32At(long off) {
        return arr != null ? Nlmsg.s32(arr, idx(off)) : Nlmsg.s32(seg, off);
    }

    public long u64At(long off) {
        return arr != null ? Nlmsg.u64(arr, idx(off)) : seg.get(MessageWriter.U64, off);
    }

    /**
     * The context for messages, e.g. {@code RTM_NEWLINK › IFLA_LINKINFO}: built when an error needs it,
     * not for every nest decoded.
     */
    public String context() {
        String outer = parent == null ? null : parent.context();
        return outer == null ? context : context == null ? outer : outer + " › " + context;
    }
}
