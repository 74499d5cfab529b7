/**
 * The generic netlink codecs: nlctrl's family messages ({@code GenlCodec}), the families whose specs the
 * build generated descriptors for ({@code GenlSpecs}), and the typed families' requests and replies
 * (ethtool with its bitsets, netdev, MPTCP, TCP metrics). They use the wire layer, the generated spec
 * constants and the {@code genl} model, and nothing of the rtnetlink codecs beside them.
 */
package io.github.netlink4j.internal.codec.genl;
