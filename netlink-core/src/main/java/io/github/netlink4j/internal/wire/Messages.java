package io.github.netlink4j.internal.wire;

import io.github.netlink4j.error.ProtocolException;

import java.lang.foreign.MemorySegment;

/**
 * A cursor over the netlink messages of one datagram, checking every length against what is left:
 * a header that does not fit, a length below 16 or a length past the end is a {@link ProtocolException}.
 * Reusable: {@link #reset} it for each datagram.
 */
public final class Messages {
    private MemorySegment seg;
    private long pos;
    private long end;
    private long msg;
    private int len;

    /** Iterates the messages in {@code [0, length)} of {@code seg}. */
    public Messages reset(MemorySegment seg, long length) {
        if (length < 0 || length > seg.byteSize()) throw new IllegalArgumentException("length " + length);
        this.seg = seg;
        this.pos = 0;
        this.end = length;
        return this;
    }

    /** Moves to the next message; false at the end of the datagram. */
    public boolean next() throws ProtocolException {
        if (pos >= end) return false;
        long left = end - pos;
        if (left < Nlmsg.HDRLEN) throw new ProtocolException("truncated netlink header: " + left + " bytes left at offset " + pos);
        int l = Nlmsg.len(seg, pos);
        if (l < Nlmsg.HDRLEN) throw new ProtocolException("netlink message length " + Integer.toUnsignedString(l) + " < 16 at offset " + pos);
        if (l > left) throw new ProtocolException("netlink message length " + l + " runs past the datagram (" + left + " bytes left) at offset " + pos);
        msg = pos;
        len = l;
        pos = Math.min(end, pos + Nlmsg.align(l));
        return true;
    }

    /** The segment being read. */
    public MemorySegment segment() {
        return seg;
    }

    /** Offset of the current message's header. */
    public long offset() {
        return msg;
    }

    /** The current message's length, header included. */
    public int length() {
        return len;
    }

    public int type() {
        return Nlmsg.type(seg, msg);
    }

    public int flags() {
        return Nlmsg.flags(seg, msg);
    }

    public int seq() {
        return Nlmsg.seq(seg, msg);
    }

    public int pid() {
        return Nlmsg.pid(seg, msg);
    }
}
