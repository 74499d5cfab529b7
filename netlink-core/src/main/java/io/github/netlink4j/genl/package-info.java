/**
 * Generic netlink: the families, operations, multicast groups and messages that
 * {@link io.github.netlink4j.generic.GenericNetlink} (from {@link io.github.netlink4j.NetlinkClient#genl()})
 * resolves through {@code nlctrl} and exchanges with any family.
 */
package io.github.netlink4j.genl;
