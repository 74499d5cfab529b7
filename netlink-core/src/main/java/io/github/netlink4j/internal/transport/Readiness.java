package io.github.netlink4j.internal.transport;

import io.github.netlink4j.error.SyscallException;
import io.github.netlink4j.internal.sys.Libc;
import io.github.netlink4j.internal.sys.Tun;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * Waits for a non-blocking fd to become readable or writable, without pinning a virtual thread's carrier.
 *
 * <p>A downcall pins the carrier of the virtual thread that makes it, and the JDK offers no selector for a
 * character device's fd. So a platform thread waits in ppoll(2) on the caller's behalf and the caller
 * waits for its answer: a virtual thread then parks on a future and its carrier serves other virtual
 * threads. A platform thread polls itself (there is nothing to free). The pool's threads exist only
 * while someone waits, and end after a minute idle. ppoll waits in slices of {@value #SLICE_MILLIS} ms so
 * that a queue closed by another thread (which ppoll does not notice) ends the wait soon after.
 */
public final class Readiness {
    private Readiness() {}

    static final long SLICE_MILLIS = 100;

    // Threads are made by whoever first waits from a virtual thread: its carrier, a platform thread of the
    // JDK's that never enters a namespace, so the pool's threads are born in the process's namespace.
    private static final ExecutorService POLLERS = Executors.newCachedThreadPool(
            Thread.ofPlatform().daemon(true).name("netlink4j-poll-", 0).factory());

    /**
     * Waits until {@code fd} has {@code events} ({@link Tun#POLLIN}, {@link Tun#POLLOUT}), the deadline
     * ({@link System#nanoTime()}; {@code Long.MAX_VALUE}: none) passes (false) or {@code closed} says the
     * owner was closed (false).
     */
    public static boolean await(int fd, short events, long deadline, BooleanSupplier closed) throws IOException {
        if (!Thread.currentThread().isVirtual()) return poll(fd, events, deadline, closed);
        CompletableFuture<Boolean> f = CompletableFuture.supplyAsync(() -> {
            try {
                return poll(fd, events, deadline, closed);
            } catch (IOException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, POLLERS);
        try {
            return f.get();
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the queue");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            throw new IllegalStateException(e.getCause());
        }
    }

    private static boolean poll(int fd, short events, long deadline, BooleanSupplier closed) throws IOException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = Libc.newErrnoState(a);
            MemorySegment scratch = a.allocate(Tun.POLL_SCRATCH, 8);
            // bounded: each slice is SLICE_MILLIS, and the loop ends at the deadline or on close
            while (!closed.getAsBoolean()) {
                long left = deadline == Long.MAX_VALUE ? SLICE_MILLIS : (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0) return false;
                int r = Tun.pollRaw(st, scratch, fd, events, Math.min(left, SLICE_MILLIS));
                if (r == -Tun.EINTR || r == 0) continue;
                if (r < 0) throw new SyscallException("ppoll", -r);
                return true;
            }
            return false;
        }
    }
}
