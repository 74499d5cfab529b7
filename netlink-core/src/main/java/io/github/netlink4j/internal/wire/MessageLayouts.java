package io.github.netlink4j.internal.wire;

/**
 * The layouts of a netlink protocol's requests, by message type. The rtnetlink ones are described by
 * the registry of object families in {@code internal.codec}, a layer above this one; {@link AttrNames}
 * finds that registry as a service ({@link java.util.ServiceLoader}, declared in module-info and in
 * META-INF/services) so that the wire layer names no class above it.
 */
public interface MessageLayouts {
    /** The layout of requests of message type {@code type}, or null for a type not described. */
    MessageLayout of(int type);
}
