package io.github.netlink4j.internal.wire;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.uapi.Netlink;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reply reader at the edges ReplyReaderTest does not reach: the shortest NLMSG_ERROR a kernel sends
 * (an ACK of nlmsghdr and error only, 20 bytes), messages after the end, data of type 0. Datagrams are laid
 * out by hand as nlmsghdr (u32 len, u16 type, u16 flags, u32 seq, u32 pid, host order) and payload.
 */
class ReplyReaderEdgesTest {
    private static final int PORT = 4242;

    private static final class Datagram {
        final ByteBuffer b = ByteBuffer.allocate(8192).order(ByteOrder.nativeOrder());

        /** A message of {@code type} with {@code payload} bytes, the first int of the payload {@code first}. */
        Datagram msg(int type, int flags, int seq, int payload, int first) {
            int len = 16 + payload;
            int at = b.position();
            b.putInt(len).putShort((short) type).putShort((short) flags).putInt(seq).putInt(PORT);
            if (payload >= 4) b.putInt(first).put(new byte[payload - 4]);
            else b.put(new byte[payload]);
            b.position(at + ((len + 3) & ~3));
            return this;
        }

        MemorySegment seg() {
            return MemorySegment.ofArray(java.util.Arrays.copyOf(b.array(), b.position()));
        }
    }

    @Test
    void aTwentyByteAckCompletesTheRequest() throws Exception {
        ReplyReader r = new ReplyReader().expect(PORT, 9);
        assertFalse(r.done());
        MemorySegment s = new Datagram().msg(Netlink.NLMSG_ERROR, 0, 9, 4, 0).seg();
        assertTrue(r.feed(s, s.byteSize(), null));
        assertTrue(r.done());
        assertNull(r.error());
        MemorySegment cut = new Datagram().msg(Netlink.NLMSG_ERROR, 0, 9, 3, 0).seg();
        ProtocolException e = assertThrows(ProtocolException.class, () -> new ReplyReader().expect(PORT, 9).feed(cut, cut.byteSize(), null));
        assertEquals("truncated NLMSG_ERROR: 19 bytes", e.getMessage());
    }

    @Test
    void aTwentyByteAckInABatch() throws Exception {
        ReplyReader r = new ReplyReader().expectBatch(PORT, 100, 2);
        MemorySegment s = new Datagram().msg(Netlink.NLMSG_ERROR, 0, 101, 4, 0).msg(Netlink.NLMSG_ERROR, 0, 100, 4, 0).seg();
        assertTrue(r.feedBatch(s, s.byteSize(), null));
        assertNull(r.batchError(0));
        assertNull(r.batchError(1));
        MemorySegment cut = new Datagram().msg(Netlink.NLMSG_ERROR, 0, 100, 2, 0).seg();
        ProtocolException e = assertThrows(ProtocolException.class, () -> new ReplyReader().expectBatch(PORT, 100, 1).feedBatch(cut, cut.byteSize(), null));
        assertEquals("truncated NLMSG_ERROR: 18 bytes", e.getMessage());
    }

    @Test
    void anOverrunInABatchNamesItsRequest() {
        MemorySegment s = new Datagram().msg(Netlink.NLMSG_OVERRUN, 0, 102, 0, 0).seg();
        ProtocolException e = assertThrows(ProtocolException.class, () -> new ReplyReader().expectBatch(PORT, 100, 3).feedBatch(s, s.byteSize(), null));
        assertEquals("NLMSG_OVERRUN: the kernel lost data for request 102", e.getMessage());
    }

    @Test
    void messagesAfterTheEndAreSkippedAndCounted() throws Exception {
        List<Long> handed = new ArrayList<>();
        ReplyReader r = new ReplyReader().expect(PORT, 5);
        MemorySegment s = new Datagram()
                .msg(16, Netlink.NLM_F_MULTI, 5, 16, 0)
                .msg(Netlink.NLMSG_DONE, Netlink.NLM_F_MULTI, 5, 4, 0)
                .msg(16, Netlink.NLM_F_MULTI, 5, 16, 0) // after DONE: not ours to read
                .msg(Netlink.NLMSG_ERROR, 0, 5, 4, -1)
                .seg();
        assertTrue(r.feed(s, s.byteSize(), (seg, off, len) -> handed.add(off)));
        assertEquals(List.of(0L), handed);
        assertEquals(2, r.skipped());
        assertEquals(1, r.dataMessages());
        assertNull(r.error(), "the error after DONE is not read");
    }

    @Test
    void onlyTypeZeroHandsOnOnlyTypeZero() throws Exception {
        List<Integer> types = new ArrayList<>();
        ReplyReader r = new ReplyReader().expect(PORT, 5).only(0);
        MemorySegment s = new Datagram().msg(16, Netlink.NLM_F_MULTI, 5, 0, 0).msg(0, Netlink.NLM_F_MULTI, 5, 0, 0)
                .msg(Netlink.NLMSG_DONE, Netlink.NLM_F_MULTI, 5, 4, 0).seg();
        assertTrue(r.feed(s, s.byteSize(), (seg, off, len) -> types.add(Nlmsg.type(seg, off))));
        assertEquals(List.of(0), types);
        assertEquals(2, r.dataMessages());
    }

    @Test
    void batchesAcrossTheSixtyFourthRequest() throws Exception {
        // The acknowledged set is a bit per request in longs: requests 63, 64 and 127 sit at word edges.
        ReplyReader r = new ReplyReader();
        for (int count : new int[] {1, 64, 65, 128, 129, 3}) {
            r.expectBatch(PORT, 1000, count);
            Datagram d = new Datagram();
            for (int i = count - 1; i >= 0; i--) if (i % 2 == 1) d.msg(Netlink.NLMSG_ERROR, 0, 1000 + i, 4, 0);
            MemorySegment odd = d.seg();
            assertFalse(r.feedBatch(odd, odd.byteSize(), null), "odd requests acknowledged, of " + count);
            Datagram e = new Datagram();
            // An error carries the request's header (capped: no more of it).
            for (int i = 0; i < count; i++) e.msg(Netlink.NLMSG_ERROR, Netlink.NLM_F_CAPPED, 1000 + i, 20, i % 2 == 0 ? -17 : -1);
            MemorySegment all = e.seg();
            assertTrue(r.feedBatch(all, all.byteSize(), null), "every request acknowledged, of " + count);
            for (int i = 0; i < count; i++) {
                if (i % 2 == 1) assertNull(r.batchError(i), "request " + i + " kept its first answer, an ACK");
                else assertEquals(17, r.batchError(i).errno(), "request " + i);
            }
            assertEquals(count / 2, r.skipped(), "second answers are skipped");
        }
    }
}
