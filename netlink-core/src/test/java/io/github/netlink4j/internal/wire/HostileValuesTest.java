package io.github.netlink4j.internal.wire;

import io.github.netlink4j.error.Errno;
import io.github.netlink4j.error.KernelException;
import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.uapi.Netlink;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Values no kernel sends, which a hostile or broken peer could: refused with a ProtocolException, never a crash. */
class HostileValuesTest {
    /** An NLMSG_ERROR of {@code total} bytes with {@code error} and an echoed header claiming {@code innerLen}. */
    private static MemorySegment error(int error, int innerLen, int flags, int total) {
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.nativeOrder());
        b.putInt(total).putShort((short) Netlink.NLMSG_ERROR).putShort((short) flags).putInt(1).putInt(7);
        b.putInt(error);
        b.putInt(innerLen).putShort((short) 16).putShort((short) 0).putInt(1).putInt(7);
        return MemorySegment.ofArray(b.array());
    }

    @Test
    void errnoNamesEveryInt() {
        assertEquals("E2147483648", Errno.name(Integer.MIN_VALUE));
        assertEquals("Unknown error 2147483648", Errno.describe(Integer.MIN_VALUE));
        assertEquals("EPERM", Errno.name(-1));
        assertEquals(0, new KernelException(Integer.MIN_VALUE, "op", null, -1, null).errno(), "not an errno: none");
        assertEquals(0, new KernelException(70_000, "op", null, -1, null).errno());
        assertEquals(17, new KernelException(-17, "op", null, -1, null).errno());
    }

    @Test
    void anErrorThatIsNotAnErrnoIsRefused() {
        for (int bad : new int[] {Integer.MIN_VALUE, -4096, 1, Integer.MAX_VALUE}) {
            MemorySegment s = error(bad, 16, Netlink.NLM_F_CAPPED, 36);
            ProtocolException e = assertThrows(ProtocolException.class, () -> NlError.decode(s, 0, 36), "error " + bad);
            assertEquals("NLMSG_ERROR carries " + bad + ", not an errno", e.getMessage());
        }
        MemorySegment ok = error(-4095, 16, Netlink.NLM_F_CAPPED, 36);
        assertEquals(4095, assertDecodes(ok).errno());
    }

    @Test
    void anEchoedLengthNear2To31IsRefusedNotAligned() {
        for (int len : new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE - 2, 0x8000_0000, 37}) {
            MemorySegment s = error(-22, len, Netlink.NLM_F_ACK_TLVS, 36);
            ProtocolException e = assertThrows(ProtocolException.class, () -> NlError.decode(s, 0, 36), "inner length " + len);
            assertEquals("NLMSG_ERROR echoes a request of length " + Integer.toUnsignedString(len) + " in 36 bytes", e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Nlmsg.align(Integer.MAX_VALUE));
        assertEquals(Integer.MAX_VALUE - 3, Nlmsg.align(Integer.MAX_VALUE - 3));
    }

    private static NlError assertDecodes(MemorySegment s) {
        try {
            return NlError.decode(s, 0, (int) s.byteSize());
        } catch (ProtocolException e) {
            throw new AssertionError(e);
        }
    }
}
