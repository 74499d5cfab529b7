package io.github.netlink4j.genl;

/**
 * A multicast group of a generic netlink family (a CTRL_ATTR_MCAST_GROUPS entry); its id is what a
 * listener joins.
 *
 * {@snippet :
 * int id = nl.genl().get("ethtool").multicastGroup("monitor").orElseThrow().id();
 * }
 *
 * @param name CTRL_ATTR_MCAST_GRP_NAME
 * @param id   CTRL_ATTR_MCAST_GRP_ID
 */
public record GenlMulticastGroup(String name, int id) {
    /** Checks the fields. */
    public GenlMulticastGroup {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("a multicast group has a name");
        if (id <= 0) throw new IllegalArgumentException("multicast group id " + id + " is not positive");
    }
}
