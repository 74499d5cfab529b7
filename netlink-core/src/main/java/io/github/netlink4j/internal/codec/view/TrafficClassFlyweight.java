package io.github.netlink4j.internal.codec.view;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.tc.TcHandle;
import io.github.netlink4j.tc.TrafficClassView;

import java.lang.foreign.MemorySegment;

/** The {@link TrafficClassView} over an RTM_NEWTCLASS. */
public final class TrafficClassFlyweight extends TcFlyweight implements TrafficClassView {
    /** A view for a dump of classes. */
    public TrafficClassFlyweight() {
        super("RTM_NEWTCLASS");
    }

    /** Points the view at the class at {@code off}; a malformed message fails here, as the record's decoder fails on it. */
    public void open(MemorySegment s, long off, int len) throws ProtocolException {
        open(s, off, len, TCMSG, "RTM_NEWTCLASS");
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
    public TcHandle leaf() {
        check();
        return TcHandle.of(info0());
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
    public String toString() {
        return "TrafficClassView[" + kind() + " " + handle() + " if" + index() + "]";
    }
}
