package io.github.netlink4j.internal.wire;

import java.util.Objects;

/**
 * How a request of one message type is laid out for {@link AttrNames}: a family header of
 * {@code header} bytes after the nlmsghdr (16 for ifinfomsg, 8 for ifaddrmsg, …), then the attributes
 * of {@code attributes}.
 *
 * @param header     the family header's length in bytes
 * @param attributes the names of the top-level attributes and their nests
 */
public record MessageLayout(int header, AttrTable attributes) {
    /** Checks the values. */
    public MessageLayout {
        if (header < 0) throw new IllegalArgumentException("header of " + header + " bytes");
        Objects.requireNonNull(attributes);
    }
}
