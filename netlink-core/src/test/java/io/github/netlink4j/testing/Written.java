package io.github.netlink4j.testing;

import io.github.netlink4j.internal.wire.MessageWriter;

import java.lang.foreign.ValueLayout;

/** What a {@link MessageWriter} holds, as the bytes a test compares. */
public final class Written {
    private Written() {}

    /** A copy of the {@code size()} bytes written. */
    public static byte[] bytes(MessageWriter w) {
        return w.segment().asSlice(0, w.size()).toArray(ValueLayout.JAVA_BYTE);
    }
}
