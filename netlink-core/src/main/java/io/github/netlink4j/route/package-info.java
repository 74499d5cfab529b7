/**
 * Routing ({@code ip route}, {@code ip rule}, {@code ip nexthop}): routes and their next hops, route
 * lookups, policy rules and nexthop objects, with the tables, types, scopes and protocols they use.
 * Reached through {@link io.github.netlink4j.NetlinkClient#routes()},
 * {@link io.github.netlink4j.NetlinkClient#rules()} and {@link io.github.netlink4j.NetlinkClient#nexthops()}.
 */
package io.github.netlink4j.route;
