package io.github.netlink4j.genl.netdev;

import java.util.Objects;

/**
 * A notification of the netdev family's {@code mgmt} group: a device appeared, went, or changed what it
 * reports (NETDEV_CMD_DEV_ADD_NTF, _DEL_NTF, _CHANGE_NTF), with the device as the notification carries it.
 *
 * @param action what happened
 * @param device the device, as NETDEV_CMD_DEV_GET reports it
 */
public record NetdevEvent(Action action, NetdevDevice device) {
    /** Checks that nothing is null. */
    public NetdevEvent {
        Objects.requireNonNull(action);
        Objects.requireNonNull(device);
    }

    /** What a notification says happened to a device. */
    public enum Action {
        /** NETDEV_CMD_DEV_ADD_NTF: registered (a new device, or one moved into the namespace). */
        ADD,
        /** NETDEV_CMD_DEV_DEL_NTF: unregistered (deleted, or moved out). */
        DELETE,
        /** NETDEV_CMD_DEV_CHANGE_NTF: its XDP features changed. */
        CHANGE
    }
}
