/**
 * Bridge ports and VLANs (iproute2 {@code bridge link}, {@code bridge vlan}). Reached through
 * {@link io.github.netlink4j.NetlinkClient#bridges()}.
 */
package io.github.netlink4j.bridge;
