package io.github.netlink4j.internal.codec;

import io.github.netlink4j.internal.codec.tc.ActionsCodec;
import io.github.netlink4j.internal.wire.AttrTable;
import io.github.netlink4j.internal.wire.MessageLayout;
import io.github.netlink4j.internal.wire.MessageLayouts;

/**
 * The rtnetlink request layouts of every family in {@link Families}, by message type: what
 * {@link io.github.netlink4j.internal.wire.AttrNames} names extended-ACK offsets with. A service
 * (module-info {@code provides}, META-INF/services) because the wire layer below may not name this
 * class; made once, the first time an error needs naming, which is when the uapi constants are read.
 */
public final class RtnetlinkLayouts implements MessageLayouts {
    private final MessageLayout[] byType;

    /** Reads every family's names. */
    public RtnetlinkLayouts() {
        int max = 0;
        for (FamilyDescriptor<?> f : Families.ALL) for (int t : f.requestTypes()) max = Math.max(max, t);
        for (int t : ActionsCodec.REQUEST_TYPES) max = Math.max(max, t);
        byType = new MessageLayout[max + 1];
        // Standalone actions are requests only here: they have no family of events.
        MessageLayout actions = new MessageLayout(ActionsCodec.TCAMSG, ActionsCodec.names());
        for (int t : ActionsCodec.REQUEST_TYPES) byType[t] = actions;
        for (FamilyDescriptor<?> f : Families.ALL) {
            AttrTable names = f.names();
            MessageLayout layout = new MessageLayout(f.header(), names);
            for (int t : f.requestTypes()) {
                if (byType[t] != null) throw new IllegalStateException("request type " + t + " is laid out twice (" + f + ")");
                byType[t] = layout;
            }
        }
    }

    @Override
    public MessageLayout of(int type) {
        return type >= 0 && type < byType.length ? byType[type] : null;
    }
}
