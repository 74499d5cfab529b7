package io.github.netlink4j.internal.codec.view;

import io.github.netlink4j.tc.TcHandle;
import io.github.netlink4j.tc.TrafficClassView;

/** The {@link TrafficClassView} over an RTM_NEWTCLASS. */
public final class TrafficClassFlyweight extends TcFlyweight implements TrafficClassView {
    /** A view for a dump of classes. */
    public TrafficClassFlyweight() {
        super("RTM_NEWTCLASS");
    }

    @Override
    public TcHandle handle() {
        check();
        return handle0();
    }

    @Override
    public TcHandle leaf() {
        check();
        return TcHandle.of(info0());
    }

    @Override
    public String toString() {
        return "TrafficClassView[" + kind() + " " + handle() + " if" + index() + "]";
    }
}
