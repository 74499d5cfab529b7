package io.github.netlink4j.error;

import java.util.Optional;

/**
 * What was asked for does not exist: what a {@code get} throws where {@code find} returns an empty
 * Optional. When the kernel was asked, its refusal is the cause and its errno is {@link #errno()}.
 *
 * {@snippet :
 * try {
 *     nl.nexthops().get(99);
 * } catch (NotFoundException e) {                // the object does not exist
 * }
 * }
 */
public non-sealed class NotFoundException extends NetlinkException {
    private static final long serialVersionUID = 1L;

    /** {@code message} says what is missing; {@code kernel} is the kernel's refusal, or null. */
    public NotFoundException(String message, KernelException kernel) {
        super(message, kernel == null ? 0 : kernel.errno(), kernel);
    }

    /** Something other than the kernel's netlink reply found it missing: {@code cause} (a failed system call, or null). */
    protected NotFoundException(String message, int errno, Throwable cause) {
        super(message, errno, cause);
    }

    /** The kernel's refusal, if the kernel was asked over netlink. */
    public Optional<KernelException> kernelError() {
        return getCause() instanceof KernelException k ? Optional.of(k) : Optional.empty();
    }
}
