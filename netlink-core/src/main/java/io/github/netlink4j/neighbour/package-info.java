/**
 * Neighbours ({@code ip neigh}): ARP and NDP entries, their states and flags. Reached through
 * {@link io.github.netlink4j.NetlinkClient#neighbours()}.
 */
package io.github.netlink4j.neighbour;
