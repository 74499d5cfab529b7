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
    private byte[] arr; // behind a heap segment: read directly (see Nlmsg)
    private int bias;
    private long pos;
    private long end;
    private long msg;
    private int len;

    /** Iterates the messages in {@code [0, length)} of {@code seg}. */
    public Messages reset(MemorySegment seg, long length) {
        if (length < 0 || length > seg.byteSize()) throw new IllegalArgumentException("length " + length);
        this.seg = seg;
        this.arr = Nlmsg.heapArray(seg);
        this.bias = arr == null ? 0 : (int) seg.address();
        this.pos = 0;
        this.end = length;
        return this;
    }

    /** Moves to the next message; false at the end of the datagram. */
    public boolean next() throws ProtocolException {
        if (pos >= end) return false;
        long left = end - pos;
        if (left < Nlmsg.HDRLEN) throw new ProtocolException("truncated netlink header: " + left + " bytes left at offset " + pos);
        int l = arr != null ? Nlmsg.s32(arr, bias + (int) pos) : Nlmsg.len(seg, pos);
        if (l < Nlmsg.HDRLEN) throw new ProtocolException("netlink message length " + Integer.toUnsignedString(l) + " < 16 at offset " + pos);
        if (l > left) throw new ProtocolException("netlink message length " + l + " runs past the datagram (" + left + " bytes left) at offset " + pos);
        msg = pos;
        len = l;
        pos = Math.min(end, pos + Nlmsg.align(l));
        return true;
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
        return arr != null ? Nlmsg.u16(arr, bias + (int) msg + 4) : Nlmsg.type(seg, msg);
    }

    public int flags() {
        return arr != null ? Nlmsg.u16(arr, bias + (int) msg + 6) : Nlmsg.flags(seg, msg);
    }

    public int seq() {
        return arr != null ? Nlmsg.s32(arr, bias + (int) msg + 8) : Nlmsg.seq(seg, msg);
    }

    public int pid() {
        return arr != null ? Nlmsg.s32(arr, bias + (int) msg + 12) : Nlmsg.pid(seg, msg);
    }
}
