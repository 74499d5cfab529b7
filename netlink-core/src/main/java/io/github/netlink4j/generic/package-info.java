/**
 * Generic netlink ({@code NETLINK_GENERIC}) and its typed families, from
 * {@link io.github.netlink4j.NetlinkClient#genl()}: {@link io.github.netlink4j.generic.GenericNetlink} resolves
 * any family by name and sends it raw requests; {@link io.github.netlink4j.generic.Ethtool} (with its
 * {@link io.github.netlink4j.generic.EthtoolSettings}, {@link io.github.netlink4j.generic.EthtoolFeatures} and
 * {@link io.github.netlink4j.generic.EthtoolChannels}, and statistics in
 * {@link io.github.netlink4j.generic.EthtoolStandardStats} and {@link io.github.netlink4j.generic.EthtoolDriverStats}), {@link io.github.netlink4j.generic.Netdev},
 * {@link io.github.netlink4j.generic.Mptcp} and {@link io.github.netlink4j.generic.TcpMetrics} are the families
 * typed from the kernel's specs. Their records live in {@code io.github.netlink4j.genl} and its sub-packages.
 * The handles follow the verb rule of {@link io.github.netlink4j}.
 */
package io.github.netlink4j.generic;
