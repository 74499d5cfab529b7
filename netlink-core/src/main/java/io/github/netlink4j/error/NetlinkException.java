package io.github.netlink4j.error;

import java.io.IOException;

/**
 * The root of every checked error netlink4j raises: a kernel refusal, a failed system call, malformed
 * data, or an interrupted dump.
 */
public abstract sealed class NetlinkException extends IOException
        permits KernelException, SyscallException, ProtocolException, DumpInterruptedException {
    private static final long serialVersionUID = 1L;

    NetlinkException(String message) {
        super(message);
    }

    NetlinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
