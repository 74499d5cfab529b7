package io.github.netlink4j;

import io.github.netlink4j.error.Errno;
import io.github.netlink4j.error.KernelException;
import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.error.NoSuchParentException;
import io.github.netlink4j.error.NotFoundException;
import io.github.netlink4j.error.UnsupportedActionKindException;
import io.github.netlink4j.error.UnsupportedFilterKindException;
import io.github.netlink4j.error.UnsupportedQdiscKindException;

/**
 * The ENOENTs of traffic control, which mean different things by request: an unknown kind or a missing
 * parent when a qdisc or class is made, the object itself missing when it is changed or deleted. The
 * kernel's refusal, with its extended ACK and attribute path, stays the cause or the copied details.
 */
final class TcErrors {
    private TcErrors() {}

    /** {@code e} as a request that makes {@code what} of {@code kind} under {@code parent} should throw it. */
    static NetlinkException onCreate(NetlinkException e, String what, String kind, String parent) {
        if (!isPlainEnoent(e)) return e;
        KernelException k = (KernelException) e;
        if (k.extAckMessage().map(m -> m.contains("kind is unknown")).orElse(false)) return new UnsupportedQdiscKindException(kind, k);
        return new NoSuchParentException(what, parent, k);
    }

    /**
     * {@code e} as a request that makes a filter (or standalone actions) should throw it: an unknown
     * classifier ("TC classifier not found") or action ("Failed to load TC action module.", both ENOENT),
     * or a missing parent (EINVAL "Parent Qdisc doesn't exists.", or ENOENT for a class).
     */
    static NetlinkException onFilterCreate(NetlinkException e, String what, String kind, String actionKinds, String parent) {
        if (!(e != null && e.getClass() == KernelException.class)) return e;
        KernelException k = (KernelException) e;
        String said = k.extAckMessage().orElse("");
        if (k.errno() == Errno.ENOENT && said.contains("TC classifier not found")) return new UnsupportedFilterKindException(kind, k);
        if (k.errno() == Errno.ENOENT && said.contains("action module")) return new UnsupportedActionKindException(actionKinds, k);
        if ((k.errno() == Errno.EINVAL && said.startsWith("Parent Qdisc doesn't exist")) || (k.errno() == Errno.ENOENT && parent != null)) {
            return new NoSuchParentException(what, parent, k);
        }
        return e;
    }

    /** {@code e} as a request that changes or deletes {@code what}, which must exist, should throw it. */
    static NetlinkException onExisting(NetlinkException e, String what) {
        if (!isPlainEnoent(e)) return e;
        return new NotFoundException(what + " does not exist (" + e.getMessage() + ")", (KernelException) e);
    }

    /** An ENOENT no other mapping has typed yet (KernelErrors types EEXIST, ENODEV, EPERM). */
    static boolean isPlainEnoent(NetlinkException e) {
        return e != null && e.getClass() == KernelException.class && e.errno() == Errno.ENOENT;
    }
}
