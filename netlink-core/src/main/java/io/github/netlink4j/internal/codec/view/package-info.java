/**
 * The views of streaming dumps ({@code LinkView}, {@code AddressView}, {@code RouteView},
 * {@code NeighbourView}, {@code RuleView}, {@code NexthopView}, {@code ConntrackView}, the socket views, the
 * traffic-control views and {@code TcpMetricsView}): flyweights
 * over the received bytes, one per dump, pointed at each message in turn, that note where the attributes
 * they offer lie and read them only when asked.
 */
package io.github.netlink4j.internal.codec.view;
