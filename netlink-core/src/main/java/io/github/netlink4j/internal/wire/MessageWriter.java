package io.github.netlink4j.internal.wire;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes netlink messages into a reusable native buffer, libmnl style: headers and attributes are
 * appended in place, nest and message lengths are back-patched, everything is 4-byte aligned.
 *
 * <p>Once the buffer has grown to the largest message seen, writing allocates nothing. Several
 * messages may be written back to back for one {@code sendmsg} (pipelining). Sequence and port
 * numbers are written as 0 and set by the socket when it sends. Not thread-safe.
 */
public final class MessageWriter {
    static final ValueLayout.OfShort U16 = ValueLayout.JAVA_SHORT_UNALIGNED;
    private static final boolean LE = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
    static final ValueLayout.OfShort U16_BE = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT_UNALIGNED;
    static final ValueLayout.OfInt U32_BE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    static final ValueLayout.OfLong U64 = ValueLayout.JAVA_LONG_UNALIGNED;
    static final ValueLayout.OfLong U64_LE = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private MemorySegment buf;
    private int pos;
    private int messages;
    private final Arena arena;

    /** A writer with {@code capacity} bytes to start with, in memory the GC frees. */
    public MessageWriter(int capacity) {
        this(Arena.ofAuto(), capacity);
    }

    /** A writer whose buffers come from {@code arena} (which must outlive it). */
    public MessageWriter(Arena arena, int capacity) {
        this.arena = arena;
        this.buf = arena.allocate(Math.max(64, capacity), 8);
    }

    /** Forgets everything written; the buffer is kept. */
    public MessageWriter reset() {
        pos = 0;
        messages = 0;
        return this;
    }

    /** The buffer; valid bytes are {@code [0, size())}. The segment changes when the buffer grows. */
    public MemorySegment segment() {
        return buf;
    }

    /** Bytes written so far. */
    public int size() {
        return pos;
    }

    /** Messages begun so far. */
    public int messageCount() {
        return messages;
    }

    private void ensure(int n) {
        long need = (long) pos + n;
        if (need <= buf.byteSize()) return;
        if (need > Integer.MAX_VALUE / 2) throw new IllegalStateException("netlink request too large: " + need);
        MemorySegment bigger = arena.allocate(Math.max(need, buf.byteSize() * 2), 8);
        MemorySegment.copy(buf, 0, bigger, 0, pos);
        buf = bigger;
    }

    private void zero(int n) {
        ensure(n);
        for (int i = 0; i < n; i++) buf.set(ValueLayout.JAVA_BYTE, pos + i, (byte) 0);
        pos += n;
    }

    private void align() {
        int pad = Nlmsg.align(pos) - pos;
        if (pad > 0) zero(pad);
    }

    /** Starts a message of {@code type} with {@code flags}; returns its offset for {@link #endMessage}. */
    public int beginMessage(int type, int flags) {
        align();
        int start = pos;
        ensure(Nlmsg.HDRLEN);
        if (LE) {
            // nlmsghdr in two stores: {len, type, flags} and {seq, pid} = 0.
            buf.set(U64, pos, Nlmsg.HDRLEN | (type & 0xffffL) << 32 | (flags & 0xffffL) << 48);
            buf.set(U64, pos + 8, 0L);
        } else {
            buf.set(U32, pos, Nlmsg.HDRLEN);
            buf.set(U16, pos + 4, (short) type);
            buf.set(U16, pos + 6, (short) flags);
            buf.set(U32, pos + 8, 0);
            buf.set(U32, pos + 12, 0);
        }
        pos += Nlmsg.HDRLEN;
        messages++;
        return start;
    }

    /** Ends the message begun at {@code start}: writes its length. */
    public void endMessage(int start) {
        buf.set(U32, start, pos - start);
        align();
    }

    /** Or-s {@code flags} into the header of the message at {@code start}. */
    public void addFlags(int start, int flags) {
        buf.set(U16, start + 6, (short) (buf.get(U16, start + 6) | flags));
    }

    /** {@code struct ifinfomsg}: family, type, index, flags, change (16 bytes). */
    public void ifinfomsg(int family, int type, int index, int flags, int change) {
        ensure(16);
        if (LE) {
            buf.set(U64, pos, (family & 0xffL) | (type & 0xffffL) << 16 | (index & 0xffffffffL) << 32);
            buf.set(U64, pos + 8, (flags & 0xffffffffL) | (change & 0xffffffffL) << 32);
        } else {
            buf.set(ValueLayout.JAVA_BYTE, pos, (byte) family);
            buf.set(ValueLayout.JAVA_BYTE, pos + 1, (byte) 0);
            buf.set(U16, pos + 2, (short) type);
            buf.set(U32, pos + 4, index);
            buf.set(U32, pos + 8, flags);
            buf.set(U32, pos + 12, change);
        }
        pos += 16;
    }

    /** {@code struct ifaddrmsg}: family, prefixlen, flags, scope, index (8 bytes). */
    public void ifaddrmsg(int family, int prefixLen, int flags, int scope, int index) {
        ensure(8);
        if (LE) {
            buf.set(U64, pos, (family & 0xffL) | (prefixLen & 0xffL) << 8 | (flags & 0xffL) << 16
                    | (scope & 0xffL) << 24 | (index & 0xffffffffL) << 32);
            pos += 8;
            return;
        }
        buf.set(ValueLayout.JAVA_BYTE, pos, (byte) family);
        buf.set(ValueLayout.JAVA_BYTE, pos + 1, (byte) prefixLen);
        buf.set(ValueLayout.JAVA_BYTE, pos + 2, (byte) flags);
        buf.set(ValueLayout.JAVA_BYTE, pos + 3, (byte) scope);
        buf.set(U32, pos + 4, index);
        pos += 8;
    }

    /** {@code struct rtmsg} (12 bytes). */
    public void rtmsg(int family, int dstLen, int srcLen, int tos, int table, int protocol, int scope, int type, int flags) {
        ensure(12);
        buf.set(ValueLayout.JAVA_BYTE, pos, (byte) family);
        buf.set(ValueLayout.JAVA_BYTE, pos + 1, (byte) dstLen);
        buf.set(ValueLayout.JAVA_BYTE, pos + 2, (byte) srcLen);
        buf.set(ValueLayout.JAVA_BYTE, pos + 3, (byte) tos);
        buf.set(ValueLayout.JAVA_BYTE, pos + 4, (byte) table);
        buf.set(ValueLayout.JAVA_BYTE, pos + 5, (byte) protocol);
        buf.set(ValueLayout.JAVA_BYTE, pos + 6, (byte) scope);
        buf.set(ValueLayout.JAVA_BYTE, pos + 7, (byte) type);
        buf.set(U32, pos + 8, flags);
        pos += 12;
    }

    /** {@code struct ndmsg}: family, 3 pad, ifindex, state, flags, type (12 bytes). */
    public void ndmsg(int family, int ifindex, int state, int flags, int type) {
        ensure(12);
        buf.set(U32, pos, family & 0xff);
        buf.set(U32, pos + 4, ifindex);
        buf.set(U16, pos + 8, (short) state);
        buf.set(ValueLayout.JAVA_BYTE, pos + 10, (byte) flags);
        buf.set(ValueLayout.JAVA_BYTE, pos + 11, (byte) type);
        pos += 12;
    }

    /** {@code struct rtgenmsg}: one family byte, padded to 4 (the header of RTM_*NSID too). */
    public void rtgenmsg(int family) {
        ensure(4);
        buf.set(U32, pos, family & 0xff);
        pos += 4;
    }

    private int attrHeader(int type, int payload) {
        int len = 4 + payload;
        int padded = Nlmsg.align(len);
        ensure(padded);
        // Zero the last word first: the payload overwrites what it covers and the padding stays 0.
        if (padded > len) buf.set(U32, pos + padded - 4, 0);
        if (LE) {
            buf.set(U32, pos, (len & 0xffff) | type << 16);
        } else {
            buf.set(U16, pos, (short) len);
            buf.set(U16, pos + 2, (short) type);
        }
        return pos + 4;
    }

    private void attrDone(int payload) {
        pos += Nlmsg.align(4 + payload);
    }

    /** An attribute with no payload (a flag). */
    public void attrFlag(int type) {
        attrHeader(type, 0);
        attrDone(0);
    }

    /** An 8-bit attribute. */
    public void attrU8(int type, int v) {
        int p = attrHeader(type, 1);
        buf.set(ValueLayout.JAVA_BYTE, p, (byte) v);
        attrDone(1);
    }

    /** A 16-bit attribute in host order. */
    public void attrU16(int type, int v) {
        int p = attrHeader(type, 2);
        buf.set(U16, p, (short) v);
        attrDone(2);
    }

    /** A 16-bit attribute in network order (ports). */
    public void attrU16Be(int type, int v) {
        int p = attrHeader(type, 2);
        buf.set(U16_BE, p, (short) v);
        attrDone(2);
    }

    /** A 32-bit attribute in host order. */
    public void attrU32(int type, int v) {
        int p = attrHeader(type, 4);
        buf.set(U32, p, v);
        attrDone(4);
    }

    /** A 64-bit attribute in host order. */
    public void attrU64(int type, long v) {
        int p = attrHeader(type, 8);
        buf.set(U64, p, v);
        attrDone(8);
    }

    /**
     * A NUL-terminated string attribute. ASCII is written without allocating, eight characters per
     * store; anything else goes through UTF-8.
     */
    public void attrString(int type, String s) {
        int n = s.length();
        int p = attrHeader(type, n + 1);
        // Optimistically ASCII: pack and check in one pass; anything else is rewritten as UTF-8 in place.
        if (putAscii(p, s, n)) {
            buf.set(ValueLayout.JAVA_BYTE, p + n, (byte) 0);
            attrDone(n + 1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        p = attrHeader(type, b.length + 1);
        MemorySegment.copy(b, 0, buf, ValueLayout.JAVA_BYTE, p, b.length);
        buf.set(ValueLayout.JAVA_BYTE, p + b.length, (byte) 0);
        attrDone(b.length + 1);
    }

    /**
     * Writes ASCII characters as bytes, eight per little-endian long store; false (with garbage
     * written) if a character is not ASCII or is NUL, so the caller can rewrite it.
     */
    private boolean putAscii(int p, String s, int n) {
        int i = 0;
        int seen = 0;
        boolean nul = false;
        for (; i + 8 <= n; i += 8) {
            long v = 0;
            for (int k = 7; k >= 0; k--) {
                char c = s.charAt(i + k);
                seen |= c;
                nul |= c == 0;
                v = (v << 8) | (c & 0xff);
            }
            buf.set(U64_LE, p + i, v);
        }
        for (; i < n; i++) {
            char c = s.charAt(i);
            seen |= c;
            nul |= c == 0;
            buf.set(ValueLayout.JAVA_BYTE, p + i, (byte) c);
        }
        return seen < 0x80 && !nul;
    }

    /**
     * A string attribute without the NUL terminator, the way iproute2 sends IFLA_INFO_KIND (the
     * kernel compares such attributes with nla_strcmp, which accepts both forms). ASCII only.
     */
    public void attrChars(int type, String s) {
        int n = s.length();
        int p = attrHeader(type, n);
        if (!putAscii(p, s, n)) throw new IllegalArgumentException("not printable ASCII: " + s);
        attrDone(n);
    }

    /**
     * An IP address attribute (4 or 16 bytes, network order). IPv4 is written from the address's int
     * form, so no array is allocated; IPv6 copies {@code getAddress()}.
     */
    public void attrInet(int type, java.net.InetAddress a) {
        if (a instanceof java.net.Inet4Address v4) {
            int p = attrHeader(type, 4);
            buf.set(U32_BE, p, v4.hashCode()); // Inet4Address.hashCode() is the address itself
            attrDone(4);
        } else {
            attrBytes(type, a.getAddress());
        }
    }

    /** An attribute holding {@code b} as is. */
    public void attrBytes(int type, byte[] b) {
        int p = attrHeader(type, b.length);
        MemorySegment.copy(b, 0, buf, ValueLayout.JAVA_BYTE, p, b.length);
        attrDone(b.length);
    }

    /** Starts a nested attribute; returns its offset for {@link #endNest}. */
    public int beginNest(int type) {
        int start = pos;
        attrHeader(type, 0);
        pos += 4;
        return start;
    }

    /** Ends the nest begun at {@code start}: writes its length. */
    public void endNest(int start) {
        buf.set(U16, start, (short) (pos - start));
    }

    /** Raw bytes inside the current message or nest (e.g. the peer's ifinfomsg), 4-byte aligned after. */
    public void raw(byte[] b) {
        ensure(Nlmsg.align(b.length));
        MemorySegment.copy(b, 0, buf, ValueLayout.JAVA_BYTE, pos, b.length);
        pos += b.length;
        align();
    }

    /** Overwrites one byte already written (struct fields after their container, e.g. rtnexthop). */
    public void patchByte(int offset, int value) {
        if (offset < 0 || offset >= pos) throw new IndexOutOfBoundsException(offset);
        buf.set(ValueLayout.JAVA_BYTE, offset, (byte) value);
    }

    /** A copy of the bytes written, for tests and diagnostics. */
    public byte[] toByteArray() {
        return buf.asSlice(0, pos).toArray(ValueLayout.JAVA_BYTE);
    }
}
