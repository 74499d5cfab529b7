package io.github.netlink4j.internal.wire;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes netlink messages into a reusable buffer, libmnl style: headers and attributes are appended
 * in place, nest and message lengths are back-patched, everything is 4-byte aligned. The buffer is a
 * Java array (see the note at its field); {@link #copyTo} hands the bytes to native memory for sending.
 *
 * <p>Once the buffer has grown to the largest message seen, writing allocates nothing. Several
 * messages may be written back to back for one {@code sendmsg} (pipelining). Sequence numbers are
 * written as 0 and set by the socket ({@link #stampSequences}) when it sends; port numbers stay 0 (the
 * kernel's). Not thread-safe.
 */
public final class MessageWriter {
    static final ValueLayout.OfShort U16 = ValueLayout.JAVA_SHORT_UNALIGNED;
    private static final boolean LE = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
    static final ValueLayout.OfShort U16_BE = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT_UNALIGNED;
    static final ValueLayout.OfLong U64 = ValueLayout.JAVA_LONG_UNALIGNED;

    // Stores into the byte[] buffer, in host order and in network order.
    private static final VarHandle H16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.nativeOrder());
    private static final VarHandle H32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.nativeOrder());
    private static final VarHandle H64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final VarHandle B16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle B32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle B64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    // The buffer is a Java array: the JIT compiles stores to an array without the memory barriers it puts
    // around accesses that may reach native memory. The socket copies each finished request to its native
    // buffer once, before sendto.
    private byte[] buf;
    private MemorySegment view;
    private int pos;
    private int messages;

    /** A writer with {@code capacity} bytes to start with. */
    public MessageWriter(int capacity) {
        this.buf = new byte[Math.max(64, capacity)];
        this.view = MemorySegment.ofArray(buf);
    }

    /** Forgets everything written; the buffer is kept. */
    public MessageWriter reset() {
        pos = 0;
        messages = 0;
        return this;
    }

    /**
     * The buffer as a (heap) segment; valid bytes are {@code [0, size())}. The segment changes when
     * the buffer grows. {@link #copyTo} puts the bytes into native memory for sending.
     */
    public MemorySegment segment() {
        return view;
    }

    /** Copies the bytes written into {@code dst} at offset 0 (which must hold {@link #size()} bytes). */
    public void copyTo(MemorySegment dst) {
        MemorySegment.copy(buf, 0, dst, ValueLayout.JAVA_BYTE, 0, pos);
    }

    /** Bytes written so far. */
    public int size() {
        return pos;
    }

    /** Messages begun so far. */
    public int messageCount() {
        return messages;
    }

    // Invariant: pos is always a multiple of 4.

    private void grow(long need) {
        if (need > Integer.MAX_VALUE / 2) throw new IllegalStateException("netlink request too large: " + need);
        buf = Arrays.copyOf(buf, (int) Math.max(need, (long) buf.length * 2));
        view = MemorySegment.ofArray(buf);
    }

    /** Returns the current position after making sure {@code n} more bytes fit there. */
    private int room(int n) {
        int p = pos;
        if ((long) p + n > buf.length) grow((long) p + n);
        return p;
    }

    /** Starts a message of {@code type} with {@code flags}; returns its offset for {@link #endMessage}. */
    public int beginMessage(int type, int flags) {
        int p = room(Nlmsg.HDRLEN);
        if (LE) {
            // nlmsghdr in two stores: {len, type, flags} and {seq, pid} = 0.
            H64.set(buf, p, Nlmsg.HDRLEN | (type & 0xffffL) << 32 | (flags & 0xffffL) << 48);
            H64.set(buf, p + 8, 0L);
        } else {
            headerBigEndian(p, type, flags);
        }
        pos = p + Nlmsg.HDRLEN;
        messages++;
        return p;
    }

    private void headerBigEndian(int p, int type, int flags) {
        H32.set(buf, p, Nlmsg.HDRLEN);
        H16.set(buf, p + 4, (short) type);
        H16.set(buf, p + 6, (short) flags);
        H64.set(buf, p + 8, 0L);
    }

    /** Ends the message begun at {@code start}: writes its length. */
    public void endMessage(int start) {
        java.util.Objects.checkIndex(start, pos - 3);
        H32.set(buf, start, pos - start);
    }

    /** The flags in the header of the message at {@code start}. */
    public int flagsAt(int start) {
        java.util.Objects.checkIndex(start, pos - 7);
        return (short) H16.get(buf, start + 6) & 0xffff;
    }

    /**
     * Numbers the messages written {@code first}, {@code first + 1}, … (nlmsg_seq), walking them by
     * their lengths. Throws if a message was not ended (its length does not lead to the next one).
     */
    public void stampSequences(int first) {
        byte[] b = buf;
        int p = 0;
        int seq = first;
        for (int i = 0; i < messages; i++) {
            int len = p + Nlmsg.HDRLEN <= pos ? (int) H32.get(b, p) : -1;
            if (len < Nlmsg.HDRLEN || len > pos - p) {
                throw new IllegalStateException("message " + i + " at offset " + p + " has length " + len + " of " + (pos - p) + " bytes left: not ended?");
            }
            H32.set(b, p + 8, seq++);
            p += Nlmsg.align(len);
        }
        if (p != pos) throw new IllegalStateException(messages + " messages end at " + p + ", not at " + pos + ": not ended?");
    }

    /** {@code struct ifinfomsg}: family, type, index, flags, change (16 bytes). */
    public void ifinfomsg(int family, int type, int index, int flags, int change) {
        int p = room(16);
        if (LE) {
            H64.set(buf, p, (family & 0xffL) | (type & 0xffffL) << 16 | (index & 0xffffffffL) << 32);
            H64.set(buf, p + 8, (flags & 0xffffffffL) | (change & 0xffffffffL) << 32);
        } else {
            ifinfomsgBigEndian(p, family, type, index, flags, change);
        }
        pos = p + 16;
    }

    private void ifinfomsgBigEndian(int p, int family, int type, int index, int flags, int change) {
        H16.set(buf, p, (short) (family << 8));
        H16.set(buf, p + 2, (short) type);
        H32.set(buf, p + 4, index);
        H32.set(buf, p + 8, flags);
        H32.set(buf, p + 12, change);
    }

    /** {@code struct ifaddrmsg}: family, prefixlen, flags, scope, index (8 bytes). */
    public void ifaddrmsg(int family, int prefixLen, int flags, int scope, int index) {
        int p = room(8);
        // Four bytes then a host-order int: byte order only matters for the int.
        B32.set(buf, p, (family & 0xff) << 24 | (prefixLen & 0xff) << 16 | (flags & 0xff) << 8 | scope & 0xff);
        H32.set(buf, p + 4, index);
        pos = p + 8;
    }

    /** {@code struct rtmsg} (12 bytes). */
    public void rtmsg(int family, int dstLen, int srcLen, int tos, int table, int protocol, int scope, int type, int flags) {
        int p = room(12);
        B64.set(buf, p, (family & 0xffL) << 56 | (dstLen & 0xffL) << 48 | (srcLen & 0xffL) << 40 | (tos & 0xffL) << 32
                | (table & 0xffL) << 24 | (protocol & 0xffL) << 16 | (scope & 0xffL) << 8 | type & 0xffL);
        H32.set(buf, p + 8, flags);
        pos = p + 12;
    }

    /** {@code struct ndmsg}: family, 3 pad, ifindex, state, flags, type (12 bytes). */
    public void ndmsg(int family, int ifindex, int state, int flags, int type) {
        int p = room(12);
        B32.set(buf, p, (family & 0xff) << 24);
        H32.set(buf, p + 4, ifindex);
        H16.set(buf, p + 8, (short) state);
        B16.set(buf, p + 10, (short) ((flags & 0xff) << 8 | type & 0xff));
        pos = p + 12;
    }

    /** {@code struct genlmsghdr}: command, version, 2 reserved bytes (the header of every generic netlink message). */
    public void genlmsghdr(int cmd, int version) {
        int p = room(4);
        B32.set(buf, p, (cmd & 0xff) << 24 | (version & 0xff) << 16);
        pos = p + 4;
    }

    /** {@code struct rtgenmsg}: one family byte, padded to 4 (the header of RTM_*NSID too). */
    public void rtgenmsg(int family) {
        int p = room(4);
        B32.set(buf, p, (family & 0xff) << 24);
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
        if (len > MAX_ATTR_LEN) throw tooLong(type, len);

        int padded = Nlmsg.align(len);
        int p = room(padded);
        // Zero the last word first: the payload overwrites what it covers and the padding stays 0.
        if (padded > len) H32.set(buf, p + padded - 4, 0);
        H32.set(buf, p, nla(len, type));
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
        buf[p] = (byte) v;
    }

    /** A 16-bit attribute in host order. */
    public void attrU16(int type, int v) {
        int p = attrHeader(type, 2);
        H16.set(buf, p, (short) v);
    }

    /** A 16-bit attribute in network order (ports). */
    public void attrU16Be(int type, int v) {
        int p = attrHeader(type, 2);
        B16.set(buf, p, (short) v);
    }

    /** A 32-bit attribute in host order. */
    public void attrU32(int type, int v) {
        if (LE) {
            int p = room(8);
            H64.set(buf, p, (nla(8, type) & 0xffffffffL) | (long) v << 32);
            pos = p + 8;
        } else {
            int p = attrHeader(type, 4);
            H32.set(buf, p, v);
        }
    }

    /** A 64-bit attribute in host order. */
    public void attrU64(int type, long v) {
        int p = attrHeader(type, 8);
        H64.set(buf, p, v);
    }

    /** A NUL-terminated string attribute (names, labels, aliases), in UTF-8. */
    public void attrString(int type, String s) {
        string(type, s, 1);
    }

    /**
     * A string attribute without the NUL, the way iproute2 sends {@code IFLA_INFO_KIND} (the kernel
     * compares such attributes with nla_strcmp, which accepts both forms).
     */
    public void attrStringNoNul(int type, String s) {
        string(type, s, 0);
    }

    /**
     * The one string encoder: UTF-8 plus {@code nul} terminating zero bytes. ASCII, which every
     * interface name in practice is, is written character by character without allocating.
     */
    private void string(int type, String s, int nul) {
        int n = s.length();
        int p = attrHeader(type, n + nul);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == 0 || c >= 0x80) {
                pos = p - 4;
                stringUtf8(type, s, nul);
                return;
            }
            buf[p + i] = (byte) c;
        }
        if (nul == 1) buf[p + n] = 0;
    }

    private void stringUtf8(int type, String s, int nul) {
        if (s.indexOf('\0') >= 0) throw new IllegalArgumentException("string attribute " + type + " contains a NUL character");
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        int p = attrHeader(type, b.length + nul);
        System.arraycopy(b, 0, buf, p, b.length);
        if (nul == 1) buf[p + b.length] = 0;
    }

    /**
     * An IP address attribute (4 or 16 bytes, network order). IPv4 is written from the address's int
     * form, so no array is allocated; IPv6 copies {@code getAddress()}.
     */
    public void attrInet(int type, java.net.InetAddress a) {
        if (a instanceof java.net.Inet4Address v4) {
            attrInet4(type, v4.hashCode()); // Inet4Address.hashCode() is the address itself
        } else {
            attrBytes(type, a.getAddress());
        }
    }

    /** An IPv4 address attribute from the address as an int (first octet in the top byte). */
    public void attrInet4(int type, int address) {
        if (LE) {
            int p = room(8);
            H64.set(buf, p, (nla(8, type) & 0xffffffffL) | (Integer.reverseBytes(address) & 0xffffffffL) << 32);
            pos = p + 8;
        } else {
            int p = attrHeader(type, 4);
            B32.set(buf, p, address);
        }
    }

    /** An attribute holding {@code b} as is. */
    public void attrBytes(int type, byte[] b) {
        int p = attrHeader(type, b.length);
        System.arraycopy(b, 0, buf, p, b.length);
    }

    /** Starts a nested attribute; returns its offset for {@link #endNest}. */
    public int beginNest(int type) {
        int p = room(4);
        H32.set(buf, p, nla(4, type));
        pos = p + 4;
        return p;
    }

    /** Ends the nest begun at {@code start}: writes its length. */
    public void endNest(int start) {
        int p = pos;
        if (start < 0 || start > p - 4) throw badOffset(start);
        if (p - start > MAX_ATTR_LEN) {
            int type = Short.toUnsignedInt(LE ? (short) H16.get(buf, start + 2) : (short) H16.get(buf, start));
            throw tooLong(type & io.github.netlink4j.internal.wire.uapi.Netlink.NLA_TYPE_MASK, p - start);
        }
        H16.set(buf, start, (short) (p - start));
    }

    /**
     * The largest attribute, header included: {@code nla_len} is 16 bits. A longer one would be sent
     * with its length wrapped (a route of 4,097 nexthops as a single path), so it is refused.
     */
    public static final int MAX_ATTR_LEN = 0xffff;

    private static IllegalArgumentException tooLong(int type, int len) {
        return new IllegalArgumentException(String.format(
                "netlink attribute %d would be %,d bytes long; an attribute holds at most %,d (too many nexthops, members or values in one request?)",
                type, len, MAX_ATTR_LEN));
    }

    private IndexOutOfBoundsException badOffset(int start) {
        return new IndexOutOfBoundsException("offset " + start + " is not inside the " + pos + " bytes written");
    }

    /** Raw bytes inside the current message or nest (e.g. the peer's ifinfomsg), 4-byte aligned after. */
    public void raw(byte[] b) {
        int padded = Nlmsg.align(b.length);
        int p = room(padded);
        if (padded > b.length) H32.set(buf, p + padded - 4, 0);
        System.arraycopy(b, 0, buf, p, b.length);
        pos = p + padded;
    }

    /** Overwrites one byte already written (struct fields after their container, e.g. rtnexthop). */
    public void patchByte(int offset, int value) {
        if (offset < 0 || offset >= pos) throw new IndexOutOfBoundsException(offset);
        buf[offset] = (byte) value;
    }
}
