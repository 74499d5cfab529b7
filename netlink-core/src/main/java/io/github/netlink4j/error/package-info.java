/**
 * The checked exceptions of netlink4j, all rooted in {@link io.github.netlink4j.error.NetlinkException}
 * (an {@link java.io.IOException}) with its {@code errno()}, and {@link io.github.netlink4j.error.Errno},
 * the errno names and texts.
 *
 * {@snippet :
 * try {
 *     nl.links().add(LinkSpec.veth("veth0", "veth1"));
 * } catch (AlreadyExistsException e) {
 *     // EEXIST
 * } catch (NetlinkException e) {
 *     System.err.println(e.errno() + ": " + e.getMessage());
 * }
 * }
 */
package io.github.netlink4j.error;
