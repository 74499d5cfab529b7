package io.github.netlink4j.internal.codec.view;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.tc.QdiscView;
import io.github.netlink4j.tc.TcHandle;

import java.lang.foreign.MemorySegment;

/** The {@link QdiscView} over an RTM_NEWQDISC. */
public final class QdiscFlyweight extends TcFlyweight implements QdiscView {
    /** A view for a dump of qdiscs. */
    public QdiscFlyweight() {
        super("RTM_NEWQDISC");
    }

    /** Points the view at the qdisc at {@code off}; a malformed message fails here, as the record's decoder fails on it. */
    public void open(MemorySegment s, long off, int len) throws ProtocolException {
        open(s, off, len, TCMSG, "RTM_NEWQDISC");
    }

    /** Ends the callback. */
    public void end() {
        close();
    }

    @Override
    public int index() {
        check();
        return index0();
    }

    @Override
    public TcHandle handle() {
        check();
        return handle0();
    }

    @Override
    public TcHandle parent() {
        check();
        return parent0();
    }

    @Override
    public String kind() {
        check();
        return kind0();
    }

    @Override
    public boolean kindEquals(String kind) {
        check();
        return kindEquals0(kind);
    }

    @Override
    public long refcount() {
        check();
        return Integer.toUnsignedLong(info0());
    }

    @Override
    public boolean offloaded() {
        check();
        return offloaded0();
    }

    @Override
    public String toString() {
        return "QdiscView[" + kind() + " " + handle() + " if" + index() + "]";
    }
}
