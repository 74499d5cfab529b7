/**
 * Change notifications ({@code ip monitor}): the events a subscription delivers and the multicast
 * groups it joins. Subscriptions are made by {@link io.github.netlink4j.NetlinkClient#subscribe}.
 */
package io.github.netlink4j.event;
