/**
 * Generic netlink: families resolved by name through {@code nlctrl}, and requests, dumps and calls of
 * any family on the same transport as rtnetlink. Reached through
 * {@link io.github.netlink4j.NetlinkClient#genl()}.
 */
package io.github.netlink4j.genl;
