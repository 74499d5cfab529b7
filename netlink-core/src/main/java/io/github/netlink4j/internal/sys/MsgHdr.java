package io.github.netlink4j.internal.sys;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/** {@code struct msghdr} and {@code struct iovec} (LP64 layouts) for sendmsg/recvmsg. */
public final class MsgHdr {
    private MsgHdr() {}

    public static final StructLayout IOVEC = MemoryLayout.structLayout(
            ADDRESS.withName("iov_base"), JAVA_LONG.withName("iov_len"));

    public static final StructLayout LAYOUT = MemoryLayout.structLayout(
            ADDRESS.withName("msg_name"), JAVA_INT.withName("msg_namelen"), MemoryLayout.paddingLayout(4),
            ADDRESS.withName("msg_iov"), JAVA_LONG.withName("msg_iovlen"),
            ADDRESS.withName("msg_control"), JAVA_LONG.withName("msg_controllen"),
            JAVA_INT.withName("msg_flags"), MemoryLayout.paddingLayout(4));

    private static final long NAME = LAYOUT.byteOffset(MemoryLayout.PathElement.groupElement("msg_name"));
    private static final long NAMELEN = LAYOUT.byteOffset(MemoryLayout.PathElement.groupElement("msg_namelen"));
    private static final long IOV = LAYOUT.byteOffset(MemoryLayout.PathElement.groupElement("msg_iov"));
    private static final long IOVLEN = LAYOUT.byteOffset(MemoryLayout.PathElement.groupElement("msg_iovlen"));
    private static final long FLAGS = LAYOUT.byteOffset(MemoryLayout.PathElement.groupElement("msg_flags"));

    // Pointers are written as their addresses (JAVA_LONG; LP64): an ADDRESS access adapts its VarHandle
    // from MemorySegment to a long at run time, five classes spun in a fresh JVM's first request.

    /** Points {@code hdr} at one iovec and a name buffer; control is left empty. */
    public static void init(MemorySegment hdr, MemorySegment name, MemorySegment iov) {
        hdr.fill((byte) 0);
        hdr.set(JAVA_LONG, NAME, Libc.ptr(name));
        hdr.set(JAVA_INT, NAMELEN, (int) name.byteSize());
        hdr.set(JAVA_LONG, IOV, Libc.ptr(iov));
        hdr.set(JAVA_LONG, IOVLEN, 1L);
    }

    /** Sets the single iovec to {@code len} bytes at {@code base}. */
    public static void setIov(MemorySegment iov, MemorySegment base, long len) {
        iov.set(JAVA_LONG, 0, Libc.ptr(base));
        iov.set(JAVA_LONG, 8, len);
    }

    public static void resetNameLen(MemorySegment hdr, int len) {
        hdr.set(JAVA_INT, NAMELEN, len);
        hdr.set(JAVA_INT, FLAGS, 0);
    }
}
