package io.github.netlink4j.internal.codec.tc;

import io.github.netlink4j.common.RawAttribute;
import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.internal.wire.uapi.Rtnetlink;

import java.lang.foreign.MemorySegment;

/**
 * The payload of one TCA_OPTIONS as a kind reads it: a struct at its start (the fifos, prio, netem, sfq),
 * attributes (htb, tbf, fq_codel), or a struct followed by attributes (netem, prio). Every read is
 * checked against the payload first.
 */
final class TcArea {
    private final Attrs reader;
    private final MemorySegment s;
    private final long off;
    private final int len;
    private final String kind;

    TcArea(MemorySegment s, long off, int len, String kind) throws ProtocolException {
        this.reader = new Attrs().reset(s, off, off + len, "TCA_OPTIONS of " + kind);
        this.s = s;
        this.off = off;
        this.len = len;
        this.kind = kind;
    }

    /** The payload's length. */
    int length() {
        return len;
    }

    /** Fails unless the payload holds a struct of {@code size} bytes at its start. */
    TcArea struct(String name, int size) throws ProtocolException {
        if (len < size) throw new ProtocolException("TCA_OPTIONS of " + kind + " has " + len + " bytes, " + name + " needs " + size);
        return this;
    }

    /** The unsigned 32-bit field at {@code at} of the struct. */
    long u32(int at) {
        return Integer.toUnsignedLong(reader.s32At(off + at));
    }

    /** The signed 32-bit field at {@code at}. */
    int s32(int at) {
        return reader.s32At(off + at);
    }

    /** The unsigned 8-bit field at {@code at}. */
    int u8(int at) {
        return reader.u8At(off + at);
    }

    /** The attributes after a struct of {@code skip} bytes (its aligned size), or of the whole payload for 0. */
    Attrs attrs(int skip) throws ProtocolException {
        int from = Math.min(len, (skip + 3) & ~3);
        return new Attrs().reset(s, off + from, off + len, "TCA_OPTIONS of " + kind);
    }

    /** The payload kept raw, for a kind the library does not model. */
    RawAttribute raw() {
        byte[] b = new byte[len];
        reader.copyRange(off, off + len, b, 0);
        return RawAttribute.of(Rtnetlink.TCA_OPTIONS, b);
    }
}
