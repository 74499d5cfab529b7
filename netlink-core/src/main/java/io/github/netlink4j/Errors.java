package io.github.netlink4j;

import io.github.netlink4j.error.AlreadyExistsException;
import io.github.netlink4j.error.Errno;
import io.github.netlink4j.error.KernelException;
import io.github.netlink4j.error.NoSuchLinkException;
import io.github.netlink4j.error.NotPermittedException;
import io.github.netlink4j.error.UnsupportedLinkKindException;

/** Turns a generic kernel refusal into the specific exception a caller can branch on. */
final class Errors {
    private Errors() {}

    /**
     * @param e    the kernel's error
     * @param what the object, such as {@code link "veth0"} or {@code address 10.200.0.2/24}
     * @param link the link the request named (for ENODEV), or null
     * @param kind the link kind being created (for EOPNOTSUPP), or null
     */
    static KernelException specific(KernelException e, String what, String link, String kind) {
        int errno = e.errno();
        if (errno == Errno.EPERM || errno == Errno.EACCES) return new NotPermittedException(e);
        if (errno == Errno.EEXIST) return new AlreadyExistsException(what, e);
        if (errno == Errno.ENODEV && link != null) return new NoSuchLinkException(link, e);
        if (errno == Errno.EOPNOTSUPP && kind != null
                && e.extAckMessage().map(m -> m.contains("Unknown device type")).orElse(true)) {
            return new UnsupportedLinkKindException(kind, e);
        }
        return e;
    }
}
