package io.github.netlink4j.internal.codec.view;

import io.github.netlink4j.tc.QdiscView;
import io.github.netlink4j.tc.TcHandle;

/** The {@link QdiscView} over an RTM_NEWQDISC. */
public final class QdiscFlyweight extends TcFlyweight implements QdiscView {
    /** A view for a dump of qdiscs. */
    public QdiscFlyweight() {
        super("RTM_NEWQDISC");
    }

    @Override
    public TcHandle handle() {
        check();
        return handle0();
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
