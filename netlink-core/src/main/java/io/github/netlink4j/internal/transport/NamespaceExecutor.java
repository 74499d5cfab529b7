package io.github.netlink4j.internal.transport;

import io.github.netlink4j.error.SyscallException;
import io.github.netlink4j.internal.sys.Libc;
import io.github.netlink4j.internal.sys.Sys;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * An executor with one platform thread that enters a network namespace once and runs every task
 * there, for repeated work without a thread per task.
 *
 * <p>Unlike a {@code ThreadPoolExecutor}, the thread is never replaced: a task that throws is
 * reported to the thread's uncaught-exception handler and the thread goes on, so no second thread
 * ever has to enter the namespace again (by then the fd number could name something else). The
 * thread enters through a descriptor of its own, opened from the caller's and checked to be the same
 * namespace, and closed once entered; a failure to enter is thrown by {@link #start}, leaving no
 * thread behind. After the thread has entered, the thread ends only with {@code shutdown}.
 */
public final class NamespaceExecutor extends AbstractExecutorService {
    private static final Runnable STOP = () -> {};
    private final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    private volatile boolean shutdown;
    private Thread thread;

    private NamespaceExecutor() {}

    /** Starts the executor's thread in the namespace {@code nsFd} refers to, or throws why it cannot enter. */
    public static NamespaceExecutor start(int nsFd, String label) throws IOException {
        String target = NetnsThreads.netnsOf(nsFd);
        int own = Libc.open("/proc/self/fd/" + nsFd, Sys.O_RDONLY | Sys.O_CLOEXEC, 0);
        NamespaceExecutor ex = new NamespaceExecutor();
        CompletableFuture<Void> entered = new CompletableFuture<>();
        try {
            if (!NetnsThreads.netnsOf(own).equals(target)) throw new IllegalStateException("fd " + nsFd + " changed while opened");
            ex.thread = Thread.ofPlatform().name("netlink4j-netns-executor-" + label).daemon(true).unstarted(() -> {
                try {
                    Libc.setns(own, Sys.CLONE_NEWNET);
                    String now = NetnsThreads.currentNetns();
                    if (!now.equals(target)) throw new IllegalStateException("setns left the thread in " + now + ", not " + target);
                } catch (Throwable e) {
                    entered.completeExceptionally(e);
                    ex.terminated.complete(null);
                    return;
                } finally {
                    closeQuietly(own);
                }
                entered.complete(null);
                ex.loop();
            });
            ex.thread.start();
        } catch (Throwable e) {
            closeQuietly(own);
            throw e;
        }
        try {
            entered.get();
        } catch (InterruptedException e) {
            ex.shutdownNow();
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while the executor entered " + target);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) throw io;
            if (c instanceof RuntimeException re) throw re;
            throw new IOException("cannot enter " + label + ": " + c, c);
        }
        return ex;
    }

    private static void closeQuietly(int fd) {
        try {
            Libc.close(fd);
        } catch (SyscallException ignored) {
            // closed already (a read-only namespace fd loses nothing)
        }
    }

    private void loop() {
        try {
            while (true) {
                Runnable r;
                try {
                    r = queue.take();
                } catch (InterruptedException e) {
                    if (shutdown && queue.isEmpty()) return;
                    continue;
                }
                if (r == STOP) return;
                try {
                    r.run();
                } catch (Throwable t) {
                    Thread.currentThread().getUncaughtExceptionHandler().uncaughtException(Thread.currentThread(), t);
                }
                Thread.interrupted();
            }
        } finally {
            terminated.complete(null);
        }
    }

    @Override
    public void execute(Runnable command) {
        if (command == null) throw new NullPointerException();
        synchronized (this) {
            if (shutdown) throw new RejectedExecutionException("the namespace executor is shut down");
            queue.add(command);
        }
    }

    @Override
    public synchronized void shutdown() {
        if (shutdown) return;
        shutdown = true;
        queue.add(STOP);
    }

    @Override
    public List<Runnable> shutdownNow() {
        List<Runnable> pending = new ArrayList<>();
        synchronized (this) {
            shutdown = true;
            queue.drainTo(pending);
            pending.remove(STOP);
            queue.add(STOP);
        }
        if (thread != null) thread.interrupt();
        return pending;
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        return terminated.isDone();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        try {
            terminated.get(timeout, unit);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true;
        }
    }
}
