package io.github.netlink4j.internal.transport;

import io.github.netlink4j.error.Errno;
import io.github.netlink4j.error.SyscallException;
import io.github.netlink4j.internal.sys.Sys;
import io.github.netlink4j.internal.wire.uapi.Netlink;

import java.lang.foreign.MemorySegment;

/**
 * A NETLINK_ROUTE socket that listens to multicast groups: one reader thread receives from it, and
 * nothing is sent. Datagrams from senders other than the kernel are dropped. Not thread-safe but for
 * {@link #close()}, which its reader is expected to call itself, or which ends a receive at its next
 * timeout.
 */
public final class EventSocket implements AutoCloseable {
    private final NetlinkChannel channel;

    EventSocket(NetlinkChannel channel) {
        this.channel = channel;
    }

    /** Joins multicast {@code group} (an RTNLGRP_* number; groups above 32 work too). */
    public void joinGroup(int group) throws SyscallException {
        channel.setIntOpt(Sys.SOL_NETLINK, Netlink.NETLINK_ADD_MEMBERSHIP, group);
    }

    /** Sets SO_RCVTIMEO, so that {@link #receive} returns -EAGAIN after {@code millis} without data. */
    public void setReceiveTimeoutMillis(long millis) throws SyscallException {
        channel.setReceiveTimeoutMillis(millis);
    }

    /**
     * Waits for the next datagram and returns its length, or a negative errno: EAGAIN on the receive
     * timeout, ENOBUFS when the kernel dropped notifications, EINTR, EMSGSIZE when a datagram did not
     * fit (the buffer has grown; that datagram is lost, as after ENOBUFS).
     */
    public int receive() throws SyscallException {
        channel.ensureOpen();
        return channel.receiveFromKernel(0);
    }

    /** For tests: shrinks the receive buffer to {@code bytes}. */
    void useReceiveBufferForTest(int bytes) {
        channel.useReceiveBufferForTest(bytes);
    }

    /** The datagram just received, {@code [0, n)}, copied to the heap; valid until the next receive. */
    public MemorySegment received(int n) {
        return channel.received(n);
    }

    /**
     * Discards every datagram already queued without waiting (after ENOBUFS the queue holds
     * notifications older than the state about to be re-read). Returns how many were dropped.
     */
    public int drain() throws SyscallException {
        channel.ensureOpen();
        int n = 0;
        for (int i = 0; i < 1_000_000; i++) {
            int r = channel.receiveFromKernel(Sys.MSG_DONTWAIT);
            if (r >= 0 || r == -Errno.EMSGSIZE) {
                n++;
            } else if (r == -Errno.EAGAIN) {
                return n;
            }
        }
        return n;
    }

    /** Closes the socket. Idempotent. */
    @Override
    public void close() {
        channel.close();
    }
}
