package io.github.netlink4j.internal.transport;

import io.github.netlink4j.error.AlreadyExistsException;
import io.github.netlink4j.error.Errno;
import io.github.netlink4j.error.KernelException;
import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.error.NoSuchLinkException;
import io.github.netlink4j.error.NotPermittedException;
import io.github.netlink4j.error.UnsupportedLinkKindException;
import io.github.netlink4j.internal.wire.NlError;

import java.lang.foreign.MemorySegment;

/**
 * The one place a kernel error reply becomes an exception: every handle's requests, dumps and batch
 * items go through {@link #map}, so EEXIST, ENODEV, EPERM and the rest read the same everywhere.
 */
public final class KernelErrors {
    private KernelErrors() {}

    /** The exception for error reply {@code e} to the request at {@code msgStart} of {@code request}. */
    static NetlinkException of(NlError e, MemorySegment request, long msgStart, Target target, RequestSocket.PathNamer namer) {
        String path = e.offset() >= 0 ? namer.pathAt(request, msgStart, e.offset()) : null;
        String msg = e.message();
        if (e.missingType() >= 0) {
            String miss = "missing attribute type " + e.missingType();
            msg = msg == null ? miss : msg + " (" + miss + ")";
        }
        return map(new KernelException(e.errno(), target.operation(), msg, e.offset(), path), target);
    }

    /**
     * The specific exception a caller can branch on: NotPermittedException (EPERM, EACCES),
     * AlreadyExistsException (EEXIST), NoSuchLinkException (ENODEV on a request naming a link),
     * UnsupportedLinkKindException (EOPNOTSUPP with the kernel's "Unknown device type" on a create);
     * else the KernelException itself.
     */
    public static NetlinkException map(KernelException e, Target target) {
        int errno = e.errno();
        if (errno == Errno.EPERM || errno == Errno.EACCES) return new NotPermittedException(e);
        if (errno == Errno.EEXIST) return new AlreadyExistsException(target.object(), e);
        if (errno == Errno.ENODEV && target.link() != null) return new NoSuchLinkException(target.link(), e);
        if (errno == Errno.EOPNOTSUPP && target.kind() != null
                && e.extAckMessage().map(m -> m.contains("Unknown device type")).orElse(true)) {
            return new UnsupportedLinkKindException(target.kind(), e);
        }
        return e;
    }
}
