package io.github.netlink4j.genl.netdev;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One NAPI instance as the netdev family reports it (NETDEV_CMD_NAPI_GET): the polling context that serves a
 * device's queues ({@link NetdevQueue#napiId()} names it). The kernel lists the instances of running devices
 * whose driver polls with NAPI; a veth has them only while it uses NAPI (GRO or XDP on, its peer up).
 *
 * @param index           NETDEV_A_NAPI_IFINDEX, the device's interface index
 * @param id              NETDEV_A_NAPI_ID
 * @param irq             NETDEV_A_NAPI_IRQ, the interrupt it is bound to, if any
 * @param pid             NETDEV_A_NAPI_PID, the kernel thread polling it when it is threaded
 * @param deferHardIrqs   NETDEV_A_NAPI_DEFER_HARD_IRQS, if the kernel reports it (6.13 and later)
 * @param groFlushTimeout NETDEV_A_NAPI_GRO_FLUSH_TIMEOUT (nanoseconds), if the kernel reports it
 */
public record NetdevNapi(int index, int id, OptionalInt irq, OptionalInt pid, OptionalLong deferHardIrqs, Optional<Duration> groFlushTimeout) {
    /** Checks that nothing is null. */
    public NetdevNapi {
        Objects.requireNonNull(irq);
        Objects.requireNonNull(pid);
        Objects.requireNonNull(deferHardIrqs);
        Objects.requireNonNull(groFlushTimeout);
    }
}
