package io.github.netlink4j.genl.netdev;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One page pool as the netdev family reports it (NETDEV_CMD_PAGE_POOL_GET and the {@code page-pool} group's
 * notifications): a driver's cache of pages for receiving. The kernel lists only pools tied to a network device;
 * a pool whose device went away stays until its pages come back, with no device.
 *
 * @param id          NETDEV_A_PAGE_POOL_ID
 * @param index       NETDEV_A_PAGE_POOL_IFINDEX, the device's interface index; empty once the device is gone
 * @param napiId      NETDEV_A_PAGE_POOL_NAPI_ID, the NAPI instance using the pool, if any
 * @param inflight    NETDEV_A_PAGE_POOL_INFLIGHT, pages handed out and not yet returned, if reported
 * @param inflightMem NETDEV_A_PAGE_POOL_INFLIGHT_MEM, the bytes those pages hold, if reported
 * @param detachTime  NETDEV_A_PAGE_POOL_DETACH_TIME, when the driver let go of the pool (seconds of
 *                    CLOCK_BOOTTIME); empty while the pool is in use
 * @param dmabuf      NETDEV_A_PAGE_POOL_DMABUF, the dmabuf the pool is bound to, if any
 */
public record NetdevPagePool(long id, OptionalInt index, OptionalLong napiId, OptionalLong inflight, OptionalLong inflightMem,
                             OptionalLong detachTime, OptionalInt dmabuf) {
    /** Checks that nothing is null. */
    public NetdevPagePool {
        Objects.requireNonNull(index);
        Objects.requireNonNull(napiId);
        Objects.requireNonNull(inflight);
        Objects.requireNonNull(inflightMem);
        Objects.requireNonNull(detachTime);
        Objects.requireNonNull(dmabuf);
    }
}
