package io.github.netlink4j.generic;

import io.github.netlink4j.error.NetlinkException;

/**
 * The index of a link of the same namespace by name, for families that name devices by index: what
 * {@code NetlinkClient.links()::index} answers (a {@link io.github.netlink4j.error.NoSuchLinkException} when
 * there is none). An interface so that this package needs nothing of the root's.
 */
@FunctionalInterface
public interface LinkIndexes {
    /** The index of link {@code name}. */
    int index(String name) throws NetlinkException;
}
