/**
 * Kernel uapi constants, one class per header ({@code linux/netlink.h}, {@code linux/rtnetlink.h},
 * {@code linux/if_link.h}, …), under their C names so that a grep of /usr/include/linux finds them.
 */
package io.github.netlink4j.internal.wire.uapi;
