package io.github.netlink4j.genl.netdev;

import java.util.Objects;

/**
 * A notification of the netdev family's {@code page-pool} group: a page pool appeared, went, or changed
 * (NETDEV_CMD_PAGE_POOL_ADD_NTF, _DEL_NTF, _CHANGE_NTF), with the pool as the notification carries it.
 *
 * @param action what happened
 * @param pool   the pool, as NETDEV_CMD_PAGE_POOL_GET reports it
 */
public record PagePoolEvent(Action action, NetdevPagePool pool) {
    /** Checks that nothing is null. */
    public PagePoolEvent {
        Objects.requireNonNull(action);
        Objects.requireNonNull(pool);
    }

    /** What a notification says happened to a page pool. */
    public enum Action {
        /** NETDEV_CMD_PAGE_POOL_ADD_NTF: a driver made it for a device. */
        ADD,
        /** NETDEV_CMD_PAGE_POOL_DEL_NTF: its last page came back and it is gone. */
        DELETE,
        /** NETDEV_CMD_PAGE_POOL_CHANGE_NTF: it changed, e.g. its driver let go of it or its device went away. */
        CHANGE
    }
}
