package io.github.netlink4j.genl;

import io.github.netlink4j.common.RawAttribute;

import java.util.List;
import java.util.Optional;

/**
 * One generic netlink message as received: the family id it came with, its genlmsghdr (command and
 * version) and its attributes, kept raw (typed families decode them into records of their own).
 *
 * {@snippet :
 * GenlMessage m = nl.genl().call(ethtool, 2, List.of(header));   // ETHTOOL_MSG_LINKINFO_GET
 * m.attribute(1).orElseThrow().nested();                         // ETHTOOL_A_LINKINFO_HEADER
 * }
 *
 * @param familyId   nlmsg_type
 * @param command    genlmsghdr.cmd
 * @param version    genlmsghdr.version
 * @param attributes the attributes after the header, in order
 */
public record GenlMessage(int familyId, int command, int version, List<RawAttribute> attributes) {
    /** Copies the list. */
    public GenlMessage {
        attributes = List.copyOf(attributes);
    }

    /** The first attribute of {@code type}, if present. */
    public Optional<RawAttribute> attribute(int type) {
        return attributes.stream().filter(a -> a.type() == type).findFirst();
    }
}
