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
}
