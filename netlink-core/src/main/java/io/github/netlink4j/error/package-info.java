/**
 * The checked exceptions of netlink4j, all rooted in {@link io.github.netlink4j.error.NetlinkException}
 * (an {@link java.io.IOException}) with its {@code errno()}, and {@link io.github.netlink4j.error.Errno},
 * the errno names and texts.
 */
package io.github.netlink4j.error;
