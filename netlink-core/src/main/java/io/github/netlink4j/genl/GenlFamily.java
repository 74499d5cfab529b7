package io.github.netlink4j.genl;

import java.util.List;
import java.util.Optional;

/**
 * A generic netlink family as the kernel's {@code nlctrl} describes it ({@code CTRL_CMD_GETFAMILY}):
 * the id its messages carry as their type, its version, the operations it offers and its multicast
 * groups. Ids are given out when a family registers, so they are looked up by name, never hard-coded.
 *
 * {@snippet :
 * GenlFamily ethtool = nl.genl().get("ethtool");          // genl ctrl get name ethtool
 * ethtool.multicastGroup("monitor").orElseThrow().id();
 * }
 *
 * @param name            CTRL_ATTR_FAMILY_NAME
 * @param id              CTRL_ATTR_FAMILY_ID: the nlmsg_type of the family's messages
 * @param version         CTRL_ATTR_VERSION
 * @param headerSize      CTRL_ATTR_HDRSIZE: bytes of family header after the genlmsghdr (0 for most)
 * @param maxAttribute    CTRL_ATTR_MAXATTR
 * @param operations      CTRL_ATTR_OPS, in the kernel's order
 * @param multicastGroups CTRL_ATTR_MCAST_GROUPS, in the kernel's order
 */
public record GenlFamily(String name, int id, int version, int headerSize, int maxAttribute,
                         List<GenlOperation> operations, List<GenlMulticastGroup> multicastGroups) {
    /** Validates and copies the lists. */
    public GenlFamily {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("a family has a name");
        if (id < 0 || id > 0xffff) throw new IllegalArgumentException("family id " + id + " is not a 16-bit message type");
        operations = List.copyOf(operations);
        multicastGroups = List.copyOf(multicastGroups);
    }

    /** The operation with command number {@code command}, if the running kernel offers it. */
    public Optional<GenlOperation> operation(int command) {
        return operations.stream().filter(o -> o.command() == command).findFirst();
    }

    /** The multicast group named {@code name}, if the family has one. */
    public Optional<GenlMulticastGroup> multicastGroup(String name) {
        return multicastGroups.stream().filter(g -> g.name().equals(name)).findFirst();
    }

    /** As {@code genl ctrl get} prints its first line: {@code Name: ethtool ID: 0x14 Version: 0x1}. */
    @Override
    public String toString() {
        return "Name: " + name + " ID: 0x" + Integer.toHexString(id) + " Version: 0x" + Integer.toHexString(version)
                + " operations: " + operations.size() + " groups: " + multicastGroups.size();
    }
}
