/**
 * What ethtool's generic netlink family reports about a device and what may be changed, as records: link
 * information ({@link io.github.netlink4j.genl.ethtool.LinkInfo}), link state
 * ({@link io.github.netlink4j.genl.ethtool.LinkState}), link modes and settings ({@link io.github.netlink4j.genl.ethtool.LinkModes},
 * changed with {@link io.github.netlink4j.genl.ethtool.LinkModesChange}), offload features
 * ({@link io.github.netlink4j.genl.ethtool.Features}), channels ({@link io.github.netlink4j.genl.ethtool.Channels},
 * changed with {@link io.github.netlink4j.genl.ethtool.ChannelsChange}) and ring sizes
 * ({@link io.github.netlink4j.genl.ethtool.Rings}), and their notifications ({@link io.github.netlink4j.genl.ethtool.EthtoolEvent},
 * from {@link io.github.netlink4j.generic.Ethtool#subscribe()}). {@link io.github.netlink4j.generic.Ethtool} reads and changes them:
 *
 * {@snippet :
 * Ethtool ethtool = nl.genl().ethtool();
 * ethtool.linkInfo().get("veth0").port();                                  // ethtool veth0: Port
 * ethtool.linkModes().get("veth0").speed();                                // ethtool veth0: Speed
 * ethtool.linkModes().set("tap0", LinkModesChange.empty().withAutoneg(false)); // ethtool -s tap0 autoneg off
 * ethtool.features().get("veth0").feature("rx-gro-list");                  // ethtool -k veth0
 * ethtool.features().set("veth0", Map.of("tx-checksum-ip-generic", false)); // ethtool -K veth0 …: what changed
 * ethtool.channels().set("veth0", ChannelsChange.empty().withRx(2));       // ethtool -L veth0 rx 2
 * }
 */
package io.github.netlink4j.genl.ethtool;
