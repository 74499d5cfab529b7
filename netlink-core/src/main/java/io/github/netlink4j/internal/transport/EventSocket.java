package io.github.netlink4j.internal.transport;

import io.github.netlink4j.error.Errno;
import io.github.netlink4j.error.SyscallException;
import io.github.netlink4j.internal.sys.Sys;
import io.github.netlink4j.internal.wire.uapi.Netlink;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A NETLINK_ROUTE socket that listens to multicast groups: one reader thread receives from it, and
 * nothing is sent. Datagrams from senders other than the kernel are dropped.
 *
 * <p>One reader thread at a time calls {@link #receive}, {@link #received}, {@link #drain},
 * {@link #joinGroup} and {@link #setReceiveTimeoutMillis}. {@link #close()} may be called from any
 * thread at any time: while the reader is inside a call, the socket and its buffers stay open (a
 * blocked {@code recvmsg} still writes into the receive buffer, and its fd number must not be reused
 * under it), and the reader frees them when that call returns, at the latest after the receive timeout;
 * every later call throws {@link IllegalStateException}.
 */
public final class EventSocket implements AutoCloseable {
    private final NetlinkChannel channel;
    /** Held by the reader for the length of each call; whoever holds it last after a close frees the channel. */
    private final ReentrantLock inCall = new ReentrantLock();
    private volatile boolean closeRequested;

    EventSocket(NetlinkChannel channel) {
        this.channel = channel;
    }

    /** Joins multicast {@code group} (an RTNLGRP_* number; groups above 32 work too). */
    public void joinGroup(int group) throws SyscallException {
        enter();
        try {
            channel.setIntOpt(Sys.SOL_NETLINK, Netlink.NETLINK_ADD_MEMBERSHIP, group);
        } finally {
            leave();
        }
    }

    /** Sets SO_RCVTIMEO, so that {@link #receive} returns -EAGAIN after {@code millis} without data. */
    public void setReceiveTimeoutMillis(long millis) throws SyscallException {
        enter();
        try {
            channel.setReceiveTimeoutMillis(millis);
        } finally {
            leave();
        }
    }

    /**
     * Waits for the next datagram and returns its length, or a negative errno: EAGAIN on the receive
     * timeout, ENOBUFS when the kernel dropped notifications, EINTR, EMSGSIZE when a datagram did not
     * fit (the buffer has grown; that datagram is lost, as after ENOBUFS).
     */
    public int receive() throws SyscallException {
        enter();
        try {
            return channel.receiveFromKernel(0);
        } finally {
            leave();
        }
    }

    /** The datagram just received, {@code [0, n)}, copied to the heap; valid until the next receive. */
    public MemorySegment received(int n) {
        enter();
        try {
            return channel.received(n);
        } finally {
            leave();
        }
    }

    /**
     * Discards every datagram already queued without waiting (after ENOBUFS the queue holds
     * notifications older than the state about to be re-read). Returns how many were dropped.
     */
    public int drain() throws SyscallException {
        enter();
        try {
            return drainQueued();
        } finally {
            leave();
        }
    }

    private int drainQueued() throws SyscallException {
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

    private void enter() {
        inCall.lock();
        if (closeRequested || channel.isClosed()) {
            freeIfClosing();
            inCall.unlock();
            throw new IllegalStateException("netlink socket is closed");
        }
    }

    private void leave() {
        inCall.unlock();
        // A close that found the reader inside a call left the freeing to it. The flag is read after
        // unlocking: a close that failed to take the lock wrote it before this unlock, so it is seen here.
        if (closeRequested && inCall.tryLock()) {
            try {
                freeIfClosing();
            } finally {
                inCall.unlock();
            }
        }
    }

    /** With {@link #inCall} held. */
    private void freeIfClosing() {
        if (closeRequested) channel.close();
    }

    /**
     * Closes the socket, from any thread. If the reader is inside a call, the socket and its memory are
     * freed when that call returns (a blocked receive returns at its timeout or the next datagram).
     * Idempotent.
     */
    @Override
    public void close() {
        closeRequested = true;
        if (inCall.tryLock()) {
            try {
                freeIfClosing();
            } finally {
                inCall.unlock();
            }
        }
    }
}
