package io.github.netlink4j.internal.wire;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.uapi.Netlink;
import io.github.netlink4j.internal.wire.uapi.Rtnetlink;
import io.github.netlink4j.testing.Written;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reply reader and cursors on hand-made malformed and edge-case datagrams (heap segments). */
class ReplyReaderTest {
    private static final int PORT = 4242;

    /** Builds a datagram with a writer, then sets seq/pid of each message. */
    private static MemorySegment datagram(MessageWriter w, int seq, int pid) {
        byte[] b = Written.bytes(w);
        MemorySegment s = MemorySegment.ofArray(b);
        Messages m = new Messages().reset(s, b.length);
        try {
            while (m.next()) {
                Nlmsg.setSeq(s, m.offset(), seq);
                Nlmsg.setPid(s, m.offset(), pid);
            }
        } catch (ProtocolException e) {
            throw new AssertionError(e);
        }
        return s;
    }

    private static void link(MessageWriter w, int flags) {
        int m = w.beginMessage(Rtnetlink.RTM_NEWLINK, flags);
        w.ifinfomsg(0, 0, 1, 0, 0);
        w.attrString(3, "lo");
        w.endMessage(m);
    }

    private static void done(MessageWriter w, int errno) {
        int m = w.beginMessage(Netlink.NLMSG_DONE, Netlink.NLM_F_MULTI);
        w.ifinfomsg(0, 0, 0, 0, 0); // any payload; the first 4 bytes are the error
        w.endMessage(m);
    }

    @Test
    void onlyHandsOnTheDumpsOwnTypeAndExpectForgetsIt() throws Exception {
        MessageWriter w = new MessageWriter(64);
        link(w, Netlink.NLM_F_MULTI);
        int m = w.beginMessage(Rtnetlink.RTM_NEWADDR, Netlink.NLM_F_MULTI); // a stray type in a link dump
        w.ifinfomsg(0, 0, 1, 0, 0);
        w.endMessage(m);
        link(w, Netlink.NLM_F_MULTI);
        done(w, 0);
        MemorySegment s = datagram(w, 7, PORT);
        List<Integer> types = new ArrayList<>();
        ReplyReader r = new ReplyReader().expect(PORT, 7).only(Rtnetlink.RTM_NEWLINK);
        assertTrue(r.feed(s, s.byteSize(), (seg, off, len) -> types.add(Nlmsg.type(seg, off))));
        assertEquals(List.of(Rtnetlink.RTM_NEWLINK, Rtnetlink.RTM_NEWLINK), types);
        types.clear();
        r.expect(PORT, 7); // a new request: every type again
        assertTrue(r.feed(s, s.byteSize(), (seg, off, len) -> types.add(Nlmsg.type(seg, off))));
        assertEquals(List.of(Rtnetlink.RTM_NEWLINK, Rtnetlink.RTM_NEWADDR, Rtnetlink.RTM_NEWLINK), types);
    }

    @Test
    void singleEndsAtTheFirstDataMessageAndExpectForgetsIt() throws Exception {
        MessageWriter w = new MessageWriter(64);
        link(w, 0);
        MemorySegment s = datagram(w, 9, PORT);
        ReplyReader r = new ReplyReader().expect(PORT, 9).single();
        assertTrue(r.feed(s, s.byteSize(), (seg, off, len) -> { }), "a get's reply is the whole answer");
        assertNull(r.error());
        r.expect(PORT, 9);
        assertFalse(r.feed(s, s.byteSize(), (seg, off, len) -> { }), "without single() the ACK is still awaited");
    }

    @Test
    void twoMessagesInOneDatagramThenDone() throws Exception {
        MessageWriter w = new MessageWriter(64);
        link(w, Netlink.NLM_F_MULTI);
        link(w, Netlink.NLM_F_MULTI);
        done(w, 0);
        MemorySegment s = datagram(w, 7, PORT);
        List<Long> seen = new ArrayList<>();
        ReplyReader r = new ReplyReader().expect(PORT, 7);
        assertTrue(r.feed(s, s.byteSize(), (seg, off, len) -> seen.add(off)));
        assertEquals(2, seen.size());
        assertNull(r.error());
        assertFalse(r.interrupted());
    }

    @Test
    void foreignSequenceAndPortAreDropped() throws Exception {
        MessageWriter w = new MessageWriter(64);
        link(w, Netlink.NLM_F_MULTI);
        MemorySegment s = datagram(w, 6, PORT);
        ReplyReader r = new ReplyReader().expect(PORT, 7);
        assertFalse(r.feed(s, s.byteSize(), (seg, off, len) -> { throw new AssertionError("not ours"); }));
        assertEquals(1, r.skipped());
        MemorySegment other = datagram(w, 7, PORT + 1);
        assertFalse(r.feed(other, other.byteSize(), (seg, off, len) -> { throw new AssertionError("not ours"); }));
    }

    @Test
    void dumpInterruptedIsReported() throws Exception {
        MessageWriter w = new MessageWriter(64);
        link(w, Netlink.NLM_F_MULTI | Netlink.NLM_F_DUMP_INTR);
        done(w, 0);
        MemorySegment s = datagram(w, 1, PORT);
        ReplyReader r = new ReplyReader().expect(PORT, 1);
        assertTrue(r.feed(s, s.byteSize(), null), "DONE completes the dump");
        assertTrue(r.interrupted());
        assertEquals(null, r.error());
        assertEquals(1, r.dataMessages());
    }

    @Test
    void doneCarryingAnErrno() throws Exception {
        MessageWriter w = new MessageWriter(64);
        int m = w.beginMessage(Netlink.NLMSG_DONE, Netlink.NLM_F_MULTI);
        w.rtgenmsg(0);
        w.endMessage(m);
        byte[] b = Written.bytes(w);
        MemorySegment s = MemorySegment.ofArray(b);
        s.set(MessageWriter.U32, 16, -22); // -EINVAL
        Nlmsg.setSeq(s, 0, 3);
        Nlmsg.setPid(s, 0, PORT);
        ReplyReader r = new ReplyReader().expect(PORT, 3);
        assertTrue(r.feed(s, b.length, null));
        assertEquals(22, r.error().errno());
    }

    private static MemorySegment error(int errno, boolean capped, boolean tlvs, String msg, int offs) {
        MessageWriter w = new MessageWriter(64);
        int m = w.beginMessage(Netlink.NLMSG_ERROR, (capped ? Netlink.NLM_F_CAPPED : 0) | (tlvs ? Netlink.NLM_F_ACK_TLVS : 0));
        w.rtgenmsg(0); // error code, patched below
        int inner = w.beginMessage(Rtnetlink.RTM_NEWLINK, Netlink.NLM_F_REQUEST);
        if (!capped) {
            w.ifinfomsg(0, 0, 0, 0, 0);
            w.attrString(3, "veth0");
        }
        w.endMessage(inner);
        if (capped) w.segment().set(MessageWriter.U32, inner, 48); // the original length, not what was echoed
        if (tlvs) {
            if (msg != null) w.attrString(Netlink.NLMSGERR_ATTR_MSG, msg);
            if (offs >= 0) w.attrU32(Netlink.NLMSGERR_ATTR_OFFS, offs);
        }
        w.endMessage(m);
        byte[] b = Written.bytes(w);
        MemorySegment s = MemorySegment.ofArray(b);
        s.set(MessageWriter.U32, 16, -errno);
        Nlmsg.setSeq(s, 0, 9);
        Nlmsg.setPid(s, 0, PORT);
        return s;
    }

    @Test
    void errorCappedWithTlvs() throws Exception {
        MemorySegment s = error(19, true, true, "bad thing", 32);
        ReplyReader r = new ReplyReader().expect(PORT, 9);
        assertTrue(r.feed(s, s.byteSize(), null));
        assertEquals(19, r.error().errno());
        assertEquals("bad thing", r.error().message());
        assertEquals(32, r.error().offset());
    }

    @Test
    void errorUncappedWithTlvs() throws Exception {
        MemorySegment s = error(22, false, true, "whole request echoed", -1);
        NlError e = NlError.decode(s, 0, (int) s.byteSize());
        assertEquals("whole request echoed", e.message());
        assertEquals(-1, e.offset());
    }

    @Test
    void errorWithoutTlvsAndPlainAck() throws Exception {
        assertNull(NlError.decode(error(1, false, false, null, -1), 0, (int) error(1, false, false, null, -1).byteSize()).message());
        MemorySegment ack = error(0, true, false, null, -1);
        ReplyReader r = new ReplyReader().expect(PORT, 9);
        assertTrue(r.feed(ack, ack.byteSize(), null));
        assertNull(r.error());
    }

    @Test
    void overrunIsAProtocolError() {
        MessageWriter w = new MessageWriter(64);
        int m = w.beginMessage(Netlink.NLMSG_OVERRUN, 0);
        w.endMessage(m);
        MemorySegment s = datagram(w, 1, PORT);
        assertThrows(ProtocolException.class, () -> new ReplyReader().expect(PORT, 1).feed(s, s.byteSize(), null));
    }

    @Test
    void malformedLengths() {
        byte[] shortHeader = new byte[10];
        assertThrows(ProtocolException.class, () -> new Messages().reset(MemorySegment.ofArray(shortHeader), 10).next());
        MemorySegment lenTooSmall = MemorySegment.ofArray(new byte[16]);
        lenTooSmall.set(MessageWriter.U32, 0, 8);
        assertThrows(ProtocolException.class, () -> new Messages().reset(lenTooSmall, 16).next());
        MemorySegment lenPastEnd = MemorySegment.ofArray(new byte[16]);
        lenPastEnd.set(MessageWriter.U32, 0, 64);
        ProtocolException e = assertThrows(ProtocolException.class, () -> new Messages().reset(lenPastEnd, 16).next());
        assertTrue(e.getMessage().contains("runs past"), e.getMessage());
    }

    @Test
    void malformedAttributes() {
        MemorySegment s = MemorySegment.ofArray(new byte[12]);
        s.set(MessageWriter.U16, 0, (short) 2); // nla_len < 4
        ProtocolException a = assertThrows(ProtocolException.class, () -> new Attrs().reset(s, 0, 12, "IFLA_LINKINFO").next());
        assertTrue(a.getMessage().contains("while parsing IFLA_LINKINFO"), a.getMessage());
        s.set(MessageWriter.U16, 0, (short) 40); // past the container
        assertThrows(ProtocolException.class, () -> new Attrs().reset(s, 0, 12, "x").next());
        MemorySegment t = MemorySegment.ofArray(new byte[6]);
        t.set(MessageWriter.U16, 0, (short) 4);
        Attrs ok = new Attrs();
        assertThrows(ProtocolException.class, () -> {
            ok.reset(t, 0, 6, "x");
            ok.next();
            ok.next(); // 2 bytes left: a truncated header
        });
        MemorySegment u = MemorySegment.ofArray(new byte[8]);
        u.set(MessageWriter.U16, 0, (short) 6); // 2-byte payload read as u32
        assertThrows(ProtocolException.class, () -> {
            Attrs x = new Attrs().reset(u, 0, 8, "x");
            x.next();
            x.u32();
        });
    }

    /** A netlink message built by hand (not by our writer): header fields, then the body bytes. */
    private static byte[] message(int type, int flags, int seq, int pid, byte[] body) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(Nlmsg.align(16 + body.length)).order(java.nio.ByteOrder.nativeOrder());
        b.putInt(16 + body.length).putShort((short) type).putShort((short) flags).putInt(seq).putInt(pid).put(body);
        return b.array();
    }

    /** An NLMSG_ERROR body: the error, then the (capped) request header it answers. */
    private static byte[] ack(int error, int seq, int pid) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(20).order(java.nio.ByteOrder.nativeOrder());
        b.putInt(error).putInt(16).putShort((short) 16).putShort((short) 0x5).putInt(seq).putInt(pid);
        return b.array();
    }

    private static MemorySegment concat(byte[]... parts) {
        java.io.ByteArrayOutputStream o = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) o.writeBytes(p);
        return MemorySegment.ofArray(o.toByteArray());
    }

    @Test
    void theKernelsOwnBytes() throws Exception {
        // Captured from iproute2's socket (seq and port normalised to 0): a dump's messages, an error with
        // no extended ACK, and one with the kernel's message.
        MemorySegment links = io.github.netlink4j.testing.Golden.segment("dump/links");
        ReplyReader r = new ReplyReader().expect(0, 0);
        int[] seen = new int[1];
        assertFalse(r.feed(links, io.github.netlink4j.testing.Golden.bytes("dump/links").length, (seg, off, len) -> seen[0]++),
                "a dump without its DONE is not complete");
        assertEquals(5, seen[0]);
        MemorySegment exists = io.github.netlink4j.testing.Golden.segment("error/veth-exists");
        assertTrue(r.expect(0, 0).feed(exists, io.github.netlink4j.testing.Golden.bytes("error/veth-exists").length, null));
        assertEquals(-17, r.error().error());
        MemorySegment kind = io.github.netlink4j.testing.Golden.segment("error/dummy-unknown-kind");
        assertTrue(r.expect(0, 0).feed(kind, io.github.netlink4j.testing.Golden.bytes("error/dummy-unknown-kind").length, null));
        assertEquals("Unknown device type", r.error().message());
    }

    @Test
    void aBatchIsCompleteWhenEveryRequestIsAcknowledgedInAnyOrder() throws Exception {
        ReplyReader r = new ReplyReader().expectBatch(PORT, 40, 3);
        int[] echoes = new int[3];
        ReplyReader.BatchHandler h = (i, seg, off, len) -> echoes[i]++;
        // Request 2's ACK first, an echo for request 0, a foreign sequence number and port, then the rest.
        MemorySegment first = concat(message(Netlink.NLMSG_ERROR, 0x100, 42, PORT, ack(0, 42, PORT)),
                message(16, 0, 40, PORT, new byte[16]), message(Netlink.NLMSG_ERROR, 0x100, 43, PORT, ack(0, 43, PORT)),
                message(Netlink.NLMSG_ERROR, 0x100, 40, PORT + 1, ack(0, 40, PORT + 1)));
        assertFalse(r.feedBatch(first, first.byteSize(), h));
        assertEquals(2, r.skipped(), "sequence 43 is past the batch, port + 1 is not ours");
        MemorySegment rest = concat(message(Netlink.NLMSG_ERROR, 0x100, 40, PORT, ack(-17, 40, PORT)),
                message(Netlink.NLMSG_ERROR, 0x100, 40, PORT, ack(0, 40, PORT)), // a second answer to 0 is not counted
                message(Netlink.NLMSG_ERROR, 0x100, 41, PORT, ack(0, 41, PORT)));
        assertTrue(r.feedBatch(rest, rest.byteSize(), h));
        assertEquals(17, -r.batchError(0).error());
        assertEquals(null, r.batchError(1));
        assertEquals(null, r.batchError(2));
        assertEquals(1, echoes[0]);
        assertEquals(0, echoes[1] + echoes[2]);
    }

    @Test
    void anAckWithAMessageIsAWarningAndAPlainAckNone() throws Exception {
        MemorySegment warned = error(0, true, true, "sch_htb: quantum of class 10010 is big. Consider r2q change.", -1);
        ReplyReader r = new ReplyReader().expect(PORT, 9);
        assertTrue(r.feed(warned, warned.byteSize(), null));
        assertNull(r.error(), "a warning is no error");
        assertEquals("sch_htb: quantum of class 10010 is big. Consider r2q change.", r.warning());
        MemorySegment plain = error(0, true, false, null, -1);
        assertTrue(r.expect(PORT, 9).feed(plain, plain.byteSize(), null));
        assertNull(r.warning(), "forgotten with the next request");
        MemorySegment failed = error(22, true, true, "bad thing", -1);
        assertTrue(r.expect(PORT, 9).feed(failed, failed.byteSize(), null));
        assertNull(r.warning(), "an error's message is the error's");
        assertEquals("bad thing", r.error().message());
    }

    @Test
    void eachRequestOfABatchHasItsOwnWarning() throws Exception {
        ReplyReader r = new ReplyReader().expectBatch(PORT, 9, 3);
        MemorySegment warned = error(0, true, true, "careful", -1);
        Nlmsg.setSeq(warned, 0, 10);
        MemorySegment plain = error(0, true, false, null, -1);
        MemorySegment failed = error(17, true, true, "exists", -1);
        Nlmsg.setSeq(failed, 0, 11);
        assertFalse(r.feedBatch(plain, plain.byteSize(), null));
        assertFalse(r.feedBatch(warned, warned.byteSize(), null));
        assertTrue(r.feedBatch(failed, failed.byteSize(), null));
        assertEquals(java.util.Arrays.asList(null, "careful", null), java.util.Arrays.asList(r.batchWarning(0), r.batchWarning(1), r.batchWarning(2)));
        assertEquals("exists", r.batchError(2).message());
        r.expectBatch(PORT, 9, 3);
        assertNull(r.batchWarning(1), "forgotten with the next batch");
    }
}
