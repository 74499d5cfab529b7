/**
 * The checked exceptions of netlink4j, all rooted in {@link io.github.netlink4j.error.NetlinkException}
 * (an {@link java.io.IOException}), and {@link io.github.netlink4j.error.Errno}.
 */
package io.github.netlink4j.error;
