package io.github.netlink4j.internal.wire;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.uapi.Netlink;

import java.lang.foreign.MemorySegment;

/**
 * Reads the replies to one request, or to a pipelined batch of requests, one datagram at a time, as
 * a pure function of the bytes: no I/O.
 *
 * <p>Messages whose port or sequence is not ours are skipped and counted. Data messages go to the
 * handler; {@code NLM_F_DUMP_INTR} on any of them is remembered. The exchange is complete at
 * {@code NLMSG_DONE} (a dump, whose payload may carry an errno) or {@code NLMSG_ERROR} (an ACK when
 * the error is 0). {@code NLMSG_OVERRUN} is a protocol error.
 */
public final class ReplyReader {
    /** Receives each data message addressed to us. */
    @FunctionalInterface
    public interface Handler {
        /** Called with the message at {@code off} of {@code len} bytes. */
        void onMessage(MemorySegment seg, long off, int len) throws ProtocolException;
    }

    /** Receives the data messages (echoes) of request {@code i} of a batch. */
    @FunctionalInterface
    public interface BatchHandler {
        /** Called with the message at {@code off} of {@code len} bytes, a reply to request {@code i}. */
        void onMessage(int i, MemorySegment seg, long off, int len) throws ProtocolException;
    }

    private final Messages messages = new Messages();
    private int batchCount;
    private int acked;
    private NlError[] batchErrors = new NlError[0];
    private int port;
    private int seq;
    private boolean done;
    private boolean interrupted;
    private NlError error;
    private String warning;
    private String[] batchWarnings = new String[0];
    private int skipped;
    private int dataMessages;
    private int only = -1;
    private boolean single;

    /** Prepares for the replies to request {@code seq} sent from {@code port}. */
    public ReplyReader expect(int port, int seq) {
        this.port = port;
        this.seq = seq;
        this.done = false;
        this.interrupted = false;
        this.error = null;
        this.warning = null;
        this.skipped = 0;
        this.dataMessages = 0;
        this.only = -1;
        this.single = false;
        this.batchCount = 0;
        java.util.Arrays.fill(ackBits, 0L);
        return this;
    }

    /**
     * The request asked for one reply and no ACK (a get: the kernel answers with the object or an
     * error, never both), so the first data message completes it.
     */
    public ReplyReader single() {
        this.single = true;
        return this;
    }

    /**
     * Hands the handler only data messages of {@code type} (a dump's one reply type); others are
     * counted but not handed on. Saves every handler a read of the type feed() has already read.
     */
    public ReplyReader only(int type) {
        this.only = type;
        return this;
    }

    /** Reads one datagram of {@code length} bytes. Returns true once the reply is complete. */
    public boolean feed(MemorySegment seg, long length, Handler handler) throws ProtocolException {
        messages.reset(seg, length);
        while (messages.next()) {
            if (done) {
                skipped++;
                continue;
            }
            long off = messages.offset();
            int len = messages.length();
            if (messages.seq() != seq || messages.pid() != port) {
                skipped++;
                continue;
            }
            int type = messages.type();
            int flags = messages.flags();
            if ((flags & Netlink.NLM_F_DUMP_INTR) != 0) interrupted = true;
            switch (type) {
                case Netlink.NLMSG_NOOP -> { }
                case Netlink.NLMSG_OVERRUN -> throw new ProtocolException("NLMSG_OVERRUN: the kernel lost data for request " + seq);
                case Netlink.NLMSG_ERROR -> {
                    if (len < Nlmsg.HDRLEN + 4) throw new ProtocolException("truncated NLMSG_ERROR: " + len + " bytes");
                    // A plain ACK (error 0) needs no decoding; errors, and ACKs with a warning, are decoded with their extended ACK.
                    if (Nlmsg.s32(seg, off + Nlmsg.HDRLEN) != 0) error = NlError.decode(seg, off, len);
                    else if ((flags & Netlink.NLM_F_ACK_TLVS) != 0) warning = NlError.decode(seg, off, len).message();
                    done = true;
                }
                case Netlink.NLMSG_DONE -> {
                    if (len >= Nlmsg.HDRLEN + 4) {
                        NlError e = NlError.decode(seg, off, len);
                        if (e.error() < 0) error = e;
                    }
                    done = true;
                }
                default -> {
                    dataMessages++;
                    if (handler != null && (only < 0 || type == only)) handler.onMessage(seg, off, len);
                    if (single) done = true;
                }
            }
        }
        return done;
    }

    /**
     * Prepares for the ACKs of {@code count} requests sent from {@code port} with the consecutive
     * sequence numbers {@code firstSeq}, {@code firstSeq + 1}, … (each asked NLM_F_ACK).
     */
    public ReplyReader expectBatch(int port, int firstSeq, int count) {
        expect(port, firstSeq);
        batchCount = count;
        acked = 0;
        if (ackBits.length < (count + 63) >>> 6) ackBits = new long[(count + 63) >>> 6];
        if (batchErrors.length < count) batchErrors = new NlError[count];
        java.util.Arrays.fill(batchErrors, 0, count, null);
        if (batchWarnings.length < count) batchWarnings = new String[count];
        java.util.Arrays.fill(batchWarnings, 0, count, null);
        return this;
    }

    /**
     * Reads one datagram of a batch's replies: each request's first NLMSG_ERROR is its ACK (error 0)
     * or its error; data messages go to {@code handler} with their request's index. Messages of
     * other ports or sequence numbers are skipped. Returns true once every request is acknowledged.
     */
    public boolean feedBatch(MemorySegment seg, long length, BatchHandler handler) throws ProtocolException {
        messages.reset(seg, length);
        while (messages.next()) {
            int i = messages.seq() - seq;
            if (messages.pid() != port || i < 0 || i >= batchCount) {
                skipped++;
                continue;
            }
            long off = messages.offset();
            int len = messages.length();
            int type = messages.type();
            if (type == Netlink.NLMSG_ERROR) {
                if (len < Nlmsg.HDRLEN + 4) throw new ProtocolException("truncated NLMSG_ERROR: " + len + " bytes");
                if (batchErrors[i] != null || isAcked(i)) {
                    skipped++; // a second ACK for one request: not ours to count twice
                    continue;
                }
                if (Nlmsg.s32(seg, off + Nlmsg.HDRLEN) != 0) batchErrors[i] = NlError.decode(seg, off, len);
                else if ((messages.flags() & Netlink.NLM_F_ACK_TLVS) != 0) batchWarnings[i] = NlError.decode(seg, off, len).message();
                markAcked(i);
            } else if (type == Netlink.NLMSG_OVERRUN) {
                throw new ProtocolException("NLMSG_OVERRUN: the kernel lost data for request " + (seq + i));
            } else if (type >= Netlink.NLMSG_MIN_TYPE) {
                dataMessages++;
                if (handler != null) handler.onMessage(i, seg, off, len);
            }
        }
        return acked == batchCount;
    }

    private long[] ackBits = new long[1];

    private boolean isAcked(int i) {
        return (ackBits[i >>> 6] & 1L << i) != 0;
    }

    private void markAcked(int i) {
        ackBits[i >>> 6] |= 1L << i;
        acked++;
    }

    /** The kernel's warning in the ACK of request {@code i} of the batch (NLMSGERR_ATTR_MSG with error 0), or null. */
    public String batchWarning(int i) {
        return batchWarnings[i];
    }

    /** The kernel's warning in the ACK of a request that succeeded (NLMSGERR_ATTR_MSG with error 0), or null. */
    public String warning() {
        return warning;
    }

    /** The error of request {@code i} of the batch, or null if it succeeded (or is not acknowledged yet). */
    public NlError batchError(int i) {
        return batchErrors[i];
    }

    /** Whether DONE or the ACK/error arrived. */
    public boolean done() {
        return done;
    }

    /** Whether any message carried NLM_F_DUMP_INTR. */
    public boolean interrupted() {
        return interrupted;
    }

    /** The error reply, or null if the request succeeded (so far). */
    public NlError error() {
        return error;
    }

    /** Messages dropped because they were not for this request. */
    public int skipped() {
        return skipped;
    }

    /** Data messages handed to the handler. */
    public int dataMessages() {
        return dataMessages;
    }
}
