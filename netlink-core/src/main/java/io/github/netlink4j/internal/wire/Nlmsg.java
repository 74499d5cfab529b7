package io.github.netlink4j.internal.wire;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** Accessors for {@code struct nlmsghdr} (16 bytes: len, type, flags, seq, pid) at an offset of a segment. */
public final class Nlmsg {
    private Nlmsg() {}

    /** sizeof(struct nlmsghdr). */
    public static final int HDRLEN = 16;

    /** NLMSG_ALIGN / NLA_ALIGN: round up to 4. */
    public static int align(int n) {
        if (n < 0 || n > Integer.MAX_VALUE - 3) throw new IllegalArgumentException("length " + Integer.toUnsignedString(n) + " cannot be aligned in an int");
        return (n + 3) & ~3;
    }

    public static int len(MemorySegment s, long off) {
        return s.get(MessageWriter.U32, off);
    }

    public static int type(MemorySegment s, long off) {
        return Short.toUnsignedInt(s.get(MessageWriter.U16, off + 4));
    }

    public static int flags(MemorySegment s, long off) {
        return Short.toUnsignedInt(s.get(MessageWriter.U16, off + 6));
    }

    public static int seq(MemorySegment s, long off) {
        return s.get(MessageWriter.U32, off + 8);
    }

    public static int pid(MemorySegment s, long off) {
        return s.get(MessageWriter.U32, off + 12);
    }

    public static void setSeq(MemorySegment s, long off, int seq) {
        s.set(MessageWriter.U32, off + 8, seq);
    }

    public static void setPid(MemorySegment s, long off, int pid) {
        s.set(MessageWriter.U32, off + 12, pid);
    }

    /** An unsigned byte at {@code off}. */
    public static int u8(MemorySegment s, long off) {
        return Byte.toUnsignedInt(s.get(ValueLayout.JAVA_BYTE, off));
    }

    public static int u16(MemorySegment s, long off) {
        return Short.toUnsignedInt(s.get(MessageWriter.U16, off));
    }

    public static int s32(MemorySegment s, long off) {
        return s.get(MessageWriter.U32, off);
    }

    // Readers over a byte[] (the heap copy of a received datagram). Plain array reads are compiled to a
    // few instructions by C1 and run fast even in the interpreter, where every MemorySegment access
    // goes through a chain of VarHandle forms: short-lived JVMs (a CLI, the first dumps of a service)
    // decode several times faster this way. The array's own bounds checks back the callers' checks.

    private static final boolean LE = java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN;

    /** The byte array behind a heap segment, or null for a native one. */
    public static byte[] heapArray(MemorySegment s) {
        if (s.isNative()) return null;
        return s.heapBase().orElse(null) instanceof byte[] b ? b : null;
    }

    public static int u8(byte[] b, int i) {
        return b[i] & 0xff;
    }

    /** A host-order u16. */
    public static int u16(byte[] b, int i) {
        int x = b[i] & 0xff, y = b[i + 1] & 0xff;
        return LE ? x | y << 8 : x << 8 | y;
    }

    /** A network-order u16. */
    public static int u16be(byte[] b, int i) {
        return (b[i] & 0xff) << 8 | (b[i + 1] & 0xff);
    }

    /** A host-order 32-bit value. */
    public static int s32(byte[] b, int i) {
        int x0 = b[i] & 0xff, x1 = b[i + 1] & 0xff, x2 = b[i + 2] & 0xff, x3 = b[i + 3] & 0xff;
        return LE ? x0 | x1 << 8 | x2 << 16 | x3 << 24 : x0 << 24 | x1 << 16 | x2 << 8 | x3;
    }

    /** A host-order 64-bit value. */
    public static long u64(byte[] b, int i) {
        long lo = s32(b, i) & 0xffffffffL, hi = s32(b, i + 4) & 0xffffffffL;
        return LE ? lo | hi << 32 : lo << 32 | hi;
    }
}
