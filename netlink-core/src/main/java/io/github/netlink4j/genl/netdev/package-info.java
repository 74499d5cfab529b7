/**
 * What the netdev generic netlink family reports about a device: its XDP features
 * ({@link io.github.netlink4j.genl.netdev.NetdevDevice}, {@link io.github.netlink4j.genl.netdev.XdpFeature}),
 * read with {@link io.github.netlink4j.generic.Netdev}:
 *
 * {@snippet :
 * for (NetdevDevice d : nl.genl().netdev().list())           // ynl --family netdev --dump dev-get
 *     System.out.println(d.index() + " " + d.xdpFeatures());
 * }
 */
package io.github.netlink4j.genl.netdev;
