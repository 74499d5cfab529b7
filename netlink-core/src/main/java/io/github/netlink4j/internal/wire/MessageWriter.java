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
    static final ValueLayout.OfLong U64_BE = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    static final ValueLayout.OfLong U64_LE = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    /**
     * Bytes that may be written past an attribute's end: the string fast path stores whole
     * 8-byte words, so capacity is kept this far ahead of what is written. Bytes past {@link #size()}
     * are never sent and are overwritten by whatever comes next.
     */
    private static final int SLACK = 16;
    // Careful: in ALL.set(.., base + attrHeader(..), ..) Java reads base before attrHeader may grow the buffer.

    /**
     * All of memory, for the stores: with a constant segment the JIT folds its checks, where a
     * store through {@code buf} checks bounds and liveness each time. Every store is first checked
     * against {@link #capacity} by {@link #room}, so it stays inside {@code buf}, which this
     * writer keeps reachable.
     */
    private static final MemorySegment ALL = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

    private MemorySegment buf;
    private long base;
    private long capacity;
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
        this.capacity = buf.byteSize();
        this.base = buf.address();
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

    // The hot methods below are kept small (in bytecode and in compiled code) so that the JIT inlines
    // them into the codecs: with the checks of every MemorySegment store, larger ones were compiled
    // as calls, which cost more than the stores. Growing and the big-endian layouts are out of line.
    // Invariant: pos is always a multiple of 4.

    private void grow(long need) {
        if (need > Integer.MAX_VALUE / 2) throw new IllegalStateException("netlink request too large: " + need);
        MemorySegment bigger = arena.allocate(Math.max(need, buf.byteSize() * 2), 8);
        MemorySegment.copy(buf, 0, bigger, 0, pos);
        buf = bigger;
        capacity = bigger.byteSize();
        base = bigger.address();
    }

    /** Returns the current position after making sure {@code n} bytes (plus the slack) fit there. */
    private int room(int n) {
        int p = pos;
        if (p + n + SLACK > capacity) grow((long) p + n + SLACK);
        return p;
    }

    /** Starts a message of {@code type} with {@code flags}; returns its offset for {@link #endMessage}. */
    public int beginMessage(int type, int flags) {
        int p = room(Nlmsg.HDRLEN);
        if (LE) {
            // nlmsghdr in two stores: {len, type, flags} and {seq, pid} = 0.
            ALL.set(U64, base + p, Nlmsg.HDRLEN | (type & 0xffffL) << 32 | (flags & 0xffffL) << 48);
            ALL.set(U64, base + p + 8, 0L);
        } else {
            headerBigEndian(p, type, flags);
        }
        pos = p + Nlmsg.HDRLEN;
        messages++;
        return p;
    }

    private void headerBigEndian(int p, int type, int flags) {
        ALL.set(U32, base + p, Nlmsg.HDRLEN);
        ALL.set(U16, base + p + 4, (short) type);
        ALL.set(U16, base + p + 6, (short) flags);
        ALL.set(U64, base + p + 8, 0L);
    }

    /** Ends the message begun at {@code start}: writes its length. */
    public void endMessage(int start) {
        java.util.Objects.checkIndex(start, pos - 3);
        ALL.set(U32, base + start, pos - start);
    }

    /** Or-s {@code flags} into the header of the message at {@code start}. */
    public void addFlags(int start, int flags) {
        java.util.Objects.checkIndex(start, pos - 7);
        ALL.set(U16, base + start + 6, (short) (ALL.get(U16, base + start + 6) | flags));
    }

    /** {@code struct ifinfomsg}: family, type, index, flags, change (16 bytes). */
    public void ifinfomsg(int family, int type, int index, int flags, int change) {
        int p = room(16);
        if (LE) {
            ALL.set(U64, base + p, (family & 0xffL) | (type & 0xffffL) << 16 | (index & 0xffffffffL) << 32);
            ALL.set(U64, base + p + 8, (flags & 0xffffffffL) | (change & 0xffffffffL) << 32);
        } else {
            ifinfomsgBigEndian(p, family, type, index, flags, change);
        }
        pos = p + 16;
    }

    private void ifinfomsgBigEndian(int p, int family, int type, int index, int flags, int change) {
        ALL.set(U16, base + p, (short) (family << 8));
        ALL.set(U16, base + p + 2, (short) type);
        ALL.set(U32, base + p + 4, index);
        ALL.set(U32, base + p + 8, flags);
        ALL.set(U32, base + p + 12, change);
    }

    /** {@code struct ifaddrmsg}: family, prefixlen, flags, scope, index (8 bytes). */
    public void ifaddrmsg(int family, int prefixLen, int flags, int scope, int index) {
        int p = room(8);
        // Four bytes then a host-order int: byte order only matters for the int.
        ALL.set(U32_BE, base + p, (family & 0xff) << 24 | (prefixLen & 0xff) << 16 | (flags & 0xff) << 8 | scope & 0xff);
        ALL.set(U32, base + p + 4, index);
        pos = p + 8;
    }

    /** {@code struct rtmsg} (12 bytes). */
    public void rtmsg(int family, int dstLen, int srcLen, int tos, int table, int protocol, int scope, int type, int flags) {
        int p = room(12);
        ALL.set(U64_BE, base + p, (family & 0xffL) << 56 | (dstLen & 0xffL) << 48 | (srcLen & 0xffL) << 40 | (tos & 0xffL) << 32
                | (table & 0xffL) << 24 | (protocol & 0xffL) << 16 | (scope & 0xffL) << 8 | type & 0xffL);
        ALL.set(U32, base + p + 8, flags);
        pos = p + 12;
    }

    /** {@code struct ndmsg}: family, 3 pad, ifindex, state, flags, type (12 bytes). */
    public void ndmsg(int family, int ifindex, int state, int flags, int type) {
        int p = room(12);
        ALL.set(U32_BE, base + p, (family & 0xff) << 24);
        ALL.set(U32, base + p + 4, ifindex);
        ALL.set(U16, base + p + 8, (short) state);
        ALL.set(U16_BE, base + p + 10, (short) ((flags & 0xff) << 8 | type & 0xff));
        pos = p + 12;
    }

    /** {@code struct rtgenmsg}: one family byte, padded to 4 (the header of RTM_*NSID too). */
    public void rtgenmsg(int family) {
        int p = room(4);
        ALL.set(U32_BE, base + p, (family & 0xff) << 24);
        pos = p + 4;
    }

    /** The {@code struct nlattr} word: length and type in host order. */
    private static int nla(int len, int type) {
        return LE ? (len & 0xffff) | type << 16 : len << 16 | (type & 0xffff);
    }

    /**
     * Writes an attribute header for {@code payload} bytes, zeroes its padding and advances past
     * it; returns the payload's offset.
     */
    private int attrHeader(int type, int payload) {
        int len = 4 + payload;
        int padded = Nlmsg.align(len);
        int p = room(padded);
        // Zero the last word first: the payload overwrites what it covers and the padding stays 0.
        if (padded > len) ALL.set(U32, base + p + padded - 4, 0);
        ALL.set(U32, base + p, nla(len, type));
        pos = p + padded;
        return p + 4;
    }

    /** An attribute with no payload (a flag). */
    public void attrFlag(int type) {
        attrHeader(type, 0);
    }

    /** An 8-bit attribute. */
    public void attrU8(int type, int v) {
        int p = attrHeader(type, 1);
        ALL.set(ValueLayout.JAVA_BYTE, base + p, (byte) v);
    }

    /** A 16-bit attribute in host order. */
    public void attrU16(int type, int v) {
        int p = attrHeader(type, 2);
        ALL.set(U16, base + p, (short) v);
    }

    /** A 16-bit attribute in network order (ports). */
    public void attrU16Be(int type, int v) {
        int p = attrHeader(type, 2);
        ALL.set(U16_BE, base + p, (short) v);
    }

    /** A 32-bit attribute in host order. */
    public void attrU32(int type, int v) {
        if (LE) {
            int p = room(8);
            ALL.set(U64, base + p, (nla(8, type) & 0xffffffffL) | (long) v << 32);
            pos = p + 8;
        } else {
            int p = attrHeader(type, 4);
            ALL.set(U32, base + p, v);
        }
    }

    /** A 64-bit attribute in host order. */
    public void attrU64(int type, long v) {
        int p = attrHeader(type, 8);
        ALL.set(U64, base + p, v);
    }

    /**
     * A NUL-terminated string attribute. ASCII is written without allocating, eight characters per
     * store; anything else goes through UTF-8.
     */
    public void attrString(int type, String s) {
        int n = s.length();
        if (n < 16 && LE && shortAscii(type, s, n, n + 1)) return;
        attrStringSlow(type, s, n);
    }

    private void attrStringSlow(int type, String s, int n) {
        int p = attrHeader(type, n + 1);
        // Optimistically ASCII: pack and check in one pass; anything else is rewritten as UTF-8 in place.
        if (putAscii(p, s, n)) {
            ALL.set(ValueLayout.JAVA_BYTE, base + p + n, (byte) 0);
            return;
        }
        pos = p - 4;
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        p = attrHeader(type, b.length + 1);
        MemorySegment.copy(b, 0, buf, ValueLayout.JAVA_BYTE, p, b.length);
        ALL.set(ValueLayout.JAVA_BYTE, base + p + b.length, (byte) 0);
    }

    /**
     * The fast path for strings of up to 15 characters (every interface name): the characters are
     * packed into two little-endian words, zeros after them, and stored with the header in three
     * stores. False, with nothing written, if a character is NUL or not ASCII.
     */
    private boolean shortAscii(int type, String s, int n, int payload) {
        long lo = 0;
        long hi = 0;
        int bad = 0;
        int i = 0;
        for (int m = Math.min(n, 8); i < m; i++) {
            char c = s.charAt(i);
            bad |= c | (c - 1) >> 31;
            lo |= (long) c << (i << 3);
        }
        for (; i < n; i++) {
            char c = s.charAt(i);
            bad |= c | (c - 1) >> 31;
            hi |= (long) c << ((i - 8) << 3);
        }
        if ((bad & ~0x7f) != 0) return false;
        int p = room(20); // header + two words; the padded attribute is at most 20 bytes
        ALL.set(U32, base + p, nla(4 + payload, type));
        ALL.set(U64, base + p + 4, lo);
        ALL.set(U64, base + p + 12, hi);
        pos = p + Nlmsg.align(4 + payload);
        return true;
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
            ALL.set(U64_LE, base + p + i, v);
        }
        for (; i < n; i++) {
            char c = s.charAt(i);
            seen |= c;
            nul |= c == 0;
            ALL.set(ValueLayout.JAVA_BYTE, base + p + i, (byte) c);
        }
        return seen < 0x80 && !nul;
    }

    /**
     * A string attribute without the NUL terminator, the way iproute2 sends IFLA_INFO_KIND (the
     * kernel compares such attributes with nla_strcmp, which accepts both forms). ASCII only.
     */
    public void attrChars(int type, String s) {
        int n = s.length();
        if (n < 16 && LE && shortAscii(type, s, n, n)) return;
        int p = attrHeader(type, n);
        if (!putAscii(p, s, n)) throw new IllegalArgumentException("not printable ASCII: " + s);
    }

    /**
     * An IP address attribute (4 or 16 bytes, network order). IPv4 is written from the address's int
     * form, so no array is allocated; IPv6 copies {@code getAddress()}.
     */
    public void attrInet(int type, java.net.InetAddress a) {
        if (a instanceof java.net.Inet4Address v4) {
            // Inet4Address.hashCode() is the address itself.
            if (LE) {
                int p = room(8);
                ALL.set(U64, base + p, (nla(8, type) & 0xffffffffL) | (Integer.reverseBytes(v4.hashCode()) & 0xffffffffL) << 32);
                pos = p + 8;
            } else {
                int p = attrHeader(type, 4);
                ALL.set(U32_BE, base + p, v4.hashCode());
            }
        } else {
            attrBytes(type, a.getAddress());
        }
    }

    /** An attribute holding {@code b} as is. */
    public void attrBytes(int type, byte[] b) {
        int p = attrHeader(type, b.length);
        MemorySegment.copy(b, 0, buf, ValueLayout.JAVA_BYTE, p, b.length);
    }

    /** Starts a nested attribute; returns its offset for {@link #endNest}. */
    public int beginNest(int type) {
        int p = room(4);
        ALL.set(U32, base + p, nla(4, type));
        pos = p + 4;
        return p;
    }

    /** Ends the nest begun at {@code start}: writes its length. */
    public void endNest(int start) {
        java.util.Objects.checkIndex(start, pos - 3);
        ALL.set(U16, base + start, (short) (pos - start));
    }

    /** Raw bytes inside the current message or nest (e.g. the peer's ifinfomsg), 4-byte aligned after. */
    public void raw(byte[] b) {
        int padded = Nlmsg.align(b.length);
        int p = room(padded);
        if (padded > b.length) ALL.set(U32, base + p + padded - 4, 0);
        MemorySegment.copy(b, 0, buf, ValueLayout.JAVA_BYTE, p, b.length);
        pos = p + padded;
    }

    /** Overwrites one byte already written (struct fields after their container, e.g. rtnexthop). */
    public void patchByte(int offset, int value) {
        if (offset < 0 || offset >= pos) throw new IndexOutOfBoundsException(offset);
        ALL.set(ValueLayout.JAVA_BYTE, base + offset, (byte) value);
    }

    /** A copy of the bytes written, for tests and diagnostics. */
    public byte[] toByteArray() {
        return buf.asSlice(0, pos).toArray(ValueLayout.JAVA_BYTE);
    }
}
