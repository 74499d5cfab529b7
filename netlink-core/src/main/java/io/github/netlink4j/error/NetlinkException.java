package io.github.netlink4j.error;

import java.io.IOException;

/**
 * The root of every checked error netlink4j raises. Its kinds, each a subtype:
 * <ul>
 *   <li>{@link KernelException}: the kernel refused a request (an errno, with the extended ACK),
 *       with subtypes for the cases callers branch on;</li>
 *   <li>{@link NotFoundException}: what was asked for does not exist ({@link NoSuchLinkException}
 *       for links), carrying the kernel's refusal when the kernel was asked;</li>
 *   <li>{@link SyscallException}: a system call failed (socket, setns, mount, …);</li>
 *   <li>{@link ProtocolException}: the kernel's bytes were truncated or malformed;</li>
 *   <li>{@link DumpInterruptedException}: a dump kept changing while read, more often than retried.</li>
 * </ul>
 * Bad arguments are not among them: they are {@link IllegalArgumentException}s thrown before anything
 * is sent.
 *
 * {@snippet :
 * try {
 *     nl.routes().add(RouteSpec.to("10.200.9.0/24").withLink("veth0"));
 * } catch (NetlinkException e) {                 // every netlink4j error: errno() at the root
 *     System.err.println(e.errno() + ": " + e.getMessage());
 * }
 * }
 */
public abstract sealed class NetlinkException extends IOException
        permits KernelException, NotFoundException, SyscallException, ProtocolException, DumpInterruptedException,
                WaitTimeoutException, StrandedThreadException, TopologyException {
    private static final long serialVersionUID = 1L;
    private final int errno;
    /** The largest errno Linux has room for (MAX_ERRNO in include/linux/err.h). */
    static final int MAX_ERRNO = 4095;

    NetlinkException(String message, int errno, Throwable cause) {
        super(message, cause);
        // An errno is 1..4095; anything else (a hostile reply) is kept as 0, "none", rather than as a
        // negative number no one can name.
        int e = (int) Math.abs((long) errno == Integer.MIN_VALUE ? 0L : (long) errno);
        this.errno = e <= MAX_ERRNO ? e : 0;
    }

    /**
     * The errno behind the error: the kernel's for a {@link KernelException} (and for a
     * {@link NotFoundException} the kernel reported), the call's for a {@link SyscallException}; 0 when
     * the error carries none (malformed data, an interrupted dump, or a name the library itself found
     * missing).
     */
    public int errno() {
        return errno;
    }

    /** The symbolic name of {@link #errno()}, such as {@code "EEXIST"}; {@code "0"} when there is none. */
    public String errnoName() {
        return errno == 0 ? "0" : Errno.name(errno);
    }
}
