package io.github.netlink4j.internal.transport;

import io.github.netlink4j.error.SyscallException;
import io.github.netlink4j.internal.sys.Libc;
import io.github.netlink4j.internal.sys.Sys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs code inside a network namespace on a dedicated platform thread, never on the caller's.
 *
 * <p>setns(2) moves only the calling kernel task. A virtual thread migrates between carriers, and a
 * pooled thread serves strangers afterwards, so neither may ever call it. Each call here starts a
 * fresh platform thread that saves its namespace, enters the target, checks
 * {@code /proc/thread-self/ns/net} shows the target, runs the task, restores and checks again. The
 * thread is never reused, so even a failed restore cannot leak a namespace into other work: the
 * thread ends and the failure is reported.
 */
public final class NetnsThreads {
    private NetnsThreads() {}

    private static final AtomicLong COUNTER = new AtomicLong();

    /** What the task may throw. */
    @FunctionalInterface
    public interface Task<T> {
        T call() throws Exception;
    }

    /** The network namespace id ({@code net:[inode]}) of the calling thread. */
    public static String currentNetns() throws IOException {
        return identity(Path.of("/proc/thread-self/ns/net"));
    }

    /**
     * The namespace id an open namespace fd refers to. stat(2) through /proc/self/fd follows to the
     * nsfs inode whether the fd was opened on /proc/PID/ns/net or on a bind mount of it.
     */
    public static String netnsOf(int fd) throws IOException {
        return identity(Path.of("/proc/self/fd/" + fd));
    }

    private static String identity(Path p) throws IOException {
        Object ino = Files.getAttribute(p, "unix:ino");
        return "net:[" + ino + "]";
    }

    /**
     * Runs {@code task} on a new platform thread inside the network namespace {@code nsFd}, waits for
     * it and returns its result. Exceptions the task throws are rethrown as they are (checked ones
     * wrapped in {@link ExecutionException} only if they are not IOExceptions or runtime exceptions).
     */
    public static <T> T call(int nsFd, Task<T> task) throws IOException {
        return call(nsFd, 0, task);
    }

    /**
     * Like {@link #call(int, Task)}; {@code extraUnshare} (e.g. CLONE_NEWNS) is unshared on the
     * thread after entering the namespace. Such a thread's fs state is private to it, which is why
     * it is never reused.
     */
    public static <T> T call(int nsFd, int extraUnshare, Task<T> task) throws IOException {
        String target = netnsOf(nsFd);
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread t = Thread.ofPlatform()
                .name("netlink4j-netns-" + COUNTER.incrementAndGet())
                .daemon(true)
                .unstarted(() -> runInside(nsFd, extraUnshare, target, task, result));
        t.start();
        return await(result);
    }

    /**
     * Runs {@code task} on a new platform thread that ends with it, and returns its result. For work
     * that leaves the thread's namespaces changed on purpose (unshare to create a namespace): the
     * thread is never reused, so nothing needs restoring.
     */
    public static <T> T onThrowawayThread(Task<T> task) throws IOException {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread t = Thread.ofPlatform()
                .name("netlink4j-unshare-" + COUNTER.incrementAndGet())
                .daemon(true)
                .unstarted(() -> {
                    try {
                        result.complete(task.call());
                    } catch (Throwable e) {
                        result.completeExceptionally(e);
                    }
                });
        t.start();
        return await(result);
    }

    private static <T> T await(CompletableFuture<T> result) throws IOException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return result.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the task owns a kernel resource: wait for it to finish
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof IOException io) throw io;
                    if (c instanceof RuntimeException re) throw re;
                    if (c instanceof Error err) throw err;
                    throw new IOException(c);
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    private static <T> void runInside(int nsFd, int extraUnshare, String target, Task<T> task, CompletableFuture<T> result) {
        int saved;
        String home;
        try {
            home = currentNetns();
            saved = Libc.open("/proc/thread-self/ns/net", Sys.O_RDONLY | Sys.O_CLOEXEC, 0);
        } catch (IOException e) {
            result.completeExceptionally(e);
            return;
        }
        try {
            Libc.setns(nsFd, Sys.CLONE_NEWNET);
            String now = currentNetns();
            if (!now.equals(target)) throw new IllegalStateException("setns left the thread in " + now + ", not " + target);
            if (extraUnshare != 0) Libc.unshare(extraUnshare);
            T value = task.call();
            restore(saved, home);
            result.complete(value);
        } catch (Throwable e) {
            try {
                restore(saved, home);
            } catch (Throwable restoreFailure) {
                e.addSuppressed(restoreFailure);
            }
            result.completeExceptionally(e);
        } finally {
            try {
                Libc.close(saved);
            } catch (SyscallException ignored) {
                // closing a read-only namespace fd cannot lose data
            }
        }
    }

    private static void restore(int saved, String home) throws IOException {
        if (currentNetns().equals(home)) return;
        Libc.setns(saved, Sys.CLONE_NEWNET);
        String now = currentNetns();
        if (!now.equals(home)) {
            throw new IllegalStateException("could not return to " + home + " (still in " + now + "); the thread ends here");
        }
    }
}
