/**
 * Links ({@code ip link}): the records the kernel reports, the specs that create links of each kind,
 * changes to an existing link, their flags, states, modes and statistics, and per-link IP settings
 * ({@code ip netconf}). Reached through {@link io.github.netlink4j.NetlinkClient#links()}.
 */
package io.github.netlink4j.link;
