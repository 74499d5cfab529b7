package io.github.netlink4j.internal.codec.view;

import io.github.netlink4j.tc.filter.FilterProtocol;
import io.github.netlink4j.tc.filter.FilterView;

/** The {@link FilterView} over an RTM_NEWTFILTER; tcm_info holds the priority (upper half) and the protocol (lower, network order). */
public final class FilterFlyweight extends TcFlyweight implements FilterView {
    /** A view for a dump of filters. */
    public FilterFlyweight() {
        super("RTM_NEWTFILTER");
    }

    @Override
    public int priority() {
        check();
        return info0() >>> 16;
    }

    @Override
    public FilterProtocol protocol() {
        check();
        // the two bytes of tcm_info's lower half as they lie in memory are the protocol in network order
        long at = h + 16 + (java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN ? 0 : 2);
        return FilterProtocol.of(a.u8At(at) << 8 | a.u8At(at + 1));
    }

    @Override
    public long handle() {
        check();
        return Integer.toUnsignedLong(a.s32At(h + 8));
    }

    @Override
    public long chain() {
        check();
        return chain0();
    }

    @Override
    public String toString() {
        return "FilterView[" + kind() + " pref " + priority() + " if" + index() + "]";
    }
}
