/**
 * Connection tracking (nfnetlink_conntrack on {@code NETLINK_NETFILTER}): the entries
 * ({@link io.github.netlink4j.conntrack.ConntrackEntry}, two {@link io.github.netlink4j.conntrack.ConntrackTuple}s
 * each), the selectors of a list or a bulk delete ({@link io.github.netlink4j.conntrack.ConntrackFilter}) and the
 * per-CPU statistics. The handle is {@code NetlinkClient.conntrack()}.
 *
 * {@snippet :
 * try (NetlinkClient nl = NetlinkClient.open("ns1")) {
 *     nl.conntrack().list(ConntrackFilter.all().withProtocol(ConntrackTuple.TCP))
 *             .forEach(System.out::println);          // ip netns exec ns1 conntrack -L -p tcp
 *     nl.conntrack().flush();                          // ip netns exec ns1 conntrack -F
 * }
 * }
 */
package io.github.netlink4j.conntrack;
