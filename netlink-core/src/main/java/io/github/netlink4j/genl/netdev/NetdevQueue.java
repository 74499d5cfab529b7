package io.github.netlink4j.genl.netdev;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * One queue of a device as the netdev family reports it (NETDEV_CMD_QUEUE_GET): the kernel lists the queues
 * of running devices only.
 *
 * @param index  NETDEV_A_QUEUE_IFINDEX, the device's interface index
 * @param id     NETDEV_A_QUEUE_ID, the queue's number within its type ({@code rx-0} in /sys is RX queue 0)
 * @param type   NETDEV_A_QUEUE_TYPE
 * @param napiId NETDEV_A_QUEUE_NAPI_ID, the NAPI instance serving it, if any
 */
public record NetdevQueue(int index, int id, Type type, OptionalInt napiId) {
    /** Checks that nothing is null. */
    public NetdevQueue {
        Objects.requireNonNull(type);
        Objects.requireNonNull(napiId);
    }

    /** The kind of a queue (the spec's enum {@code queue-type}). */
    public enum Type {
        /** A receive queue ({@code rx}). */
        RX,
        /** A transmit queue ({@code tx}). */
        TX
    }
}
