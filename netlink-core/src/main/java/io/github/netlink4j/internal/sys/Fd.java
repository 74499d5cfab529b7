package io.github.netlink4j.internal.sys;

import io.github.netlink4j.error.SyscallException;

import java.util.concurrent.atomic.AtomicInteger;

/** An owned file descriptor. {@link #close()} closes it once; later calls do nothing. */
public final class Fd implements AutoCloseable {
    private final AtomicInteger fd;

    /** Takes ownership of {@code fd}. */
    public Fd(int fd) {
        if (fd < 0) throw new IllegalArgumentException("bad fd " + fd);
        this.fd = new AtomicInteger(fd);
    }

    /** The descriptor number; throws if closed. */
    public int get() {
        int v = fd.get();
        if (v < 0) throw new IllegalStateException("file descriptor is closed");
        return v;
    }

    /** Whether {@link #close()} has run. */
    public boolean isClosed() {
        return fd.get() < 0;
    }

    @Override
    public void close() throws SyscallException {
        int v = fd.getAndSet(-1);
        if (v >= 0) Libc.close(v);
    }

    @Override
    public String toString() {
        return "Fd[" + fd.get() + "]";
    }
}
