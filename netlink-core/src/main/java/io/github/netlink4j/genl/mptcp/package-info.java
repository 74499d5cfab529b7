/**
 * The in-kernel MPTCP path manager's endpoints and limits (generic netlink family {@code mptcp_pm}), read
 * and changed with {@link io.github.netlink4j.generic.Mptcp}:
 *
 * {@snippet :
 * Mptcp mptcp = nl.genl().mptcp();
 * mptcp.add(MptcpEndpointSpec.of("10.200.0.2").withFlags(EndpointFlag.SIGNAL).withDevice("veth0"));
 * mptcp.setLimits(new MptcpLimits(2, 2));                 // ip mptcp limits set subflows 2 add_addr_accepted 2
 * }
 */
package io.github.netlink4j.genl.mptcp;
