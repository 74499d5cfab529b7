package io.github.netlink4j.internal.sys;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The msghdr and iovec MsgHdr fills, and the errno Libc reads, at the offsets the JDK's layout paths give. */
class MsgHdrTest {
    private static long path(StructLayout s, String name) {
        return s.byteOffset(MemoryLayout.PathElement.groupElement(name));
    }

    @Test
    void errnoIsReadWhereTheCaptureLayoutSays() {
        StructLayout capture = Linker.Option.captureStateLayout();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = Libc.newErrnoState(a);
            st.set(JAVA_INT, path(capture, "errno"), 113);
            assertEquals(113, Libc.errno(st));
        }
    }

    @Test
    void initWritesTheAddressesAndLengthsAtTheirOffsets() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment hdr = a.allocate(MsgHdr.LAYOUT);
            MemorySegment name = a.allocate(12);
            MemorySegment iov = a.allocate(MsgHdr.IOVEC);
            MemorySegment buf = a.allocate(64);
            hdr.fill((byte) 0x5a);
            MsgHdr.init(hdr, name, iov);
            MsgHdr.setIov(iov, buf, 40);
            assertEquals(name.address(), hdr.get(JAVA_LONG, path(MsgHdr.LAYOUT, "msg_name")));
            assertEquals(12, hdr.get(JAVA_INT, path(MsgHdr.LAYOUT, "msg_namelen")));
            assertEquals(iov.address(), hdr.get(JAVA_LONG, path(MsgHdr.LAYOUT, "msg_iov")));
            assertEquals(1L, hdr.get(JAVA_LONG, path(MsgHdr.LAYOUT, "msg_iovlen")));
            assertEquals(0L, hdr.get(JAVA_LONG, path(MsgHdr.LAYOUT, "msg_control")));
            assertEquals(buf.address(), iov.get(JAVA_LONG, path(MsgHdr.IOVEC, "iov_base")));
            assertEquals(40L, iov.get(JAVA_LONG, path(MsgHdr.IOVEC, "iov_len")));
            hdr.set(JAVA_INT, path(MsgHdr.LAYOUT, "msg_flags"), 7);
            MsgHdr.resetNameLen(hdr, 3);
            assertEquals(3, hdr.get(JAVA_INT, path(MsgHdr.LAYOUT, "msg_namelen")));
            assertEquals(0, hdr.get(JAVA_INT, path(MsgHdr.LAYOUT, "msg_flags")));
        }
    }

    @Test
    void aHeapSegmentIsNoPointer() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment hdr = a.allocate(MsgHdr.LAYOUT);
            assertThrows(IllegalArgumentException.class,
                    () -> MsgHdr.init(hdr, MemorySegment.ofArray(new byte[12]), a.allocate(MsgHdr.IOVEC)));
        }
    }
}
