/**
 * netlink4j: Linux rtnetlink (links, addresses, routes, neighbours) and network namespaces from Java
 * through the Foreign Function &amp; Memory API. Only the API packages are exported; the system-call,
 * wire-codec and transport layers are internal.
 */
module io.github.netlink4j {
    exports io.github.netlink4j;
    exports io.github.netlink4j.common;
    exports io.github.netlink4j.link;
    exports io.github.netlink4j.address;
    exports io.github.netlink4j.route;
    exports io.github.netlink4j.neighbour;
    exports io.github.netlink4j.bridge;
    exports io.github.netlink4j.event;
    exports io.github.netlink4j.error;
    exports io.github.netlink4j.generic;
    exports io.github.netlink4j.genl;
    exports io.github.netlink4j.genl.ethtool;
    exports io.github.netlink4j.genl.mptcp;
    exports io.github.netlink4j.genl.netdev;
    exports io.github.netlink4j.genl.tcpmetrics;
    exports io.github.netlink4j.tc;
    exports io.github.netlink4j.tc.filter;
    exports io.github.netlink4j.tc.action;
    exports io.github.netlink4j.conntrack;
    exports io.github.netlink4j.topology;
    exports io.github.netlink4j.tuntap;
    exports io.github.netlink4j.sockdiag;
    // The wire layer names extended-ACK offsets with the layouts the families' registry (a layer above it) describes.
    uses io.github.netlink4j.internal.wire.MessageLayouts;
    provides io.github.netlink4j.internal.wire.MessageLayouts with io.github.netlink4j.internal.codec.RtnetlinkLayouts;
}
