package io.github.netlink4j.internal.transport;

import io.github.netlink4j.error.StrandedThreadException;
import io.github.netlink4j.error.SyscallException;
import io.github.netlink4j.internal.sys.Libc;
import io.github.netlink4j.internal.sys.Sys;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.List;

/**
 * Runs code inside a network namespace on a dedicated platform thread, never on the caller's.
 *
 * <p>setns(2) moves only the calling kernel task. A virtual thread migrates between carriers, and a
 * pooled thread of someone else's serves strangers afterwards, so neither may ever call it. Work runs
 * on this class's own worker threads: a worker enters the target (or unshares a new namespace),
 * checks {@code /proc/thread-self/ns/net} shows it, runs the task, goes back to the namespace it
 * was born in and checks again, network and mount namespace both. Only a worker that passed those
 * checks is reused (starting a platform thread costs ~0.6 ms on a small VM, more than the work); one
 * that failed them ends, so a failed restore cannot leak a namespace into other work. Work that
 * changes more of the thread on purpose (an unshared mount namespace for {@code exec}) runs on a
 * thread of its own that ends with it. Up to {@value #MAX_IDLE} idle workers wait
 * {@value #IDLE_MILLIS} ms for work, then end. At most {@value #MAX_BUSY} jobs run at once; more
 * callers wait for a slot (interruptibly, before anything was done for them).
 *
 * <p>A job must not leave threads behind in the namespace: see {@link Strays}. One that did fails
 * with {@link StrandedThreadException} naming them.
 */
public final class NetnsThreads {
    private NetnsThreads() {}

    static final int MAX_IDLE = 4;
    static final long IDLE_MILLIS = 30_000;
    static final int MAX_BUSY = 64;
    private static final java.util.concurrent.Semaphore SLOTS = new java.util.concurrent.Semaphore(MAX_BUSY, true);

    private static final AtomicLong COUNTER = new AtomicLong();
    /**
     * The process's network namespace (its main thread's), where every worker starts: a worker made
     * while another worker runs a job inside some namespace would otherwise call that one home, and its
     * saved fd would keep the namespace alive for as long as the worker lives.
     */
    private static final int PROCESS_NETNS = openProcessNetns();

    private static int openProcessNetns() {
        try {
            return Libc.open("/proc/self/ns/net", Sys.O_RDONLY | Sys.O_CLOEXEC, 0);
        } catch (IOException e) {
            return -1; // no /proc: workers stay where they are born (the check after each job still runs)
        }
    }
    /** Workers waiting for a job, the most recently idle first. */
    static final ConcurrentLinkedDeque<Worker> IDLE = new ConcurrentLinkedDeque<>();

    /** What the task may throw. */
    @FunctionalInterface
    public interface Task<T> {
        T call() throws Exception;
    }

    /** The network namespace id ({@code net:[inode]}) of the calling thread. */
    public static String currentNetns() throws IOException {
        return "net:[" + Libc.inode(Sys.AT_FDCWD, "/proc/thread-self/ns/net") + "]";
    }

    /**
     * The namespace id an open namespace fd refers to: the nsfs inode, whether the fd was opened on
     * /proc/PID/ns/net or on a bind mount of it.
     */
    public static String netnsOf(int fd) throws IOException {
        return "net:[" + Libc.inode(fd, "") + "]";
    }

    private static long currentMountNs() throws IOException {
        return Libc.inode(Sys.AT_FDCWD, "/proc/thread-self/ns/mnt");
    }

    /**
     * Runs {@code task} on a worker inside the network namespace {@code nsFd}, waits for it and
     * returns its result. Exceptions the task throws are rethrown as they are (checked ones that are
     * not IOExceptions wrapped in an IOException).
     */
    public static <T> T call(int nsFd, Task<T> task) throws IOException {
        return call(nsFd, 0, task, null);
    }

    /**
     * Like {@link #call(int, Task)}; {@code extraUnshare} (e.g. CLONE_NEWNS) is unshared on the thread
     * after entering the namespace. Such a thread's fs state is private to it, so it runs on a thread
     * of its own that ends with the task. If the job fails after the task returned (threads left
     * behind), {@code undo} (if not null) is given the result.
     */
    public static <T> T call(int nsFd, int extraUnshare, Task<T> task, java.util.function.Consumer<T> undo) throws IOException {
        String target = netnsOf(nsFd);
        if (extraUnshare == 0) return submit(new Job<>(nsFd, target, task));
        CompletableFuture<T> result = new CompletableFuture<>();
        acquireSlot();
        Thread thread;
        try {
            thread = Thread.ofPlatform()
                    .name("netlink4j-netns-" + COUNTER.incrementAndGet())
                    .daemon(true)
                    .start(() -> {
                        String tid = null;
                        try {
                            tid = Strays.register();
                            Libc.setns(nsFd, Sys.CLONE_NEWNET);
                            String now = currentNetns();
                            if (!now.equals(target)) throw new IllegalStateException("setns left the thread in " + now + ", not " + target);
                            Libc.unshare(extraUnshare);
                            long mnt = (extraUnshare & Sys.CLONE_NEWNS) != 0 ? currentMountNs() : -1;
                            long before = Strays.counter();
                            T value = task.call();
                            if (Strays.counter() != before + 1) {
                                List<String> left = Strays.inside(Libc.inode(nsFd, ""), mnt);
                                if (!left.isEmpty()) {
                                    if (undo != null) undo.accept(value);
                                    throw new StrandedThreadException(target, left);
                                }
                            }
                            result.complete(value);
                        } catch (Throwable e) {
                            result.completeExceptionally(e);
                        } finally {
                            Strays.forget(tid);
                            SLOTS.release();
                        }
                        // The thread ends here, in whatever namespaces the task left it.
                    });
        } catch (Throwable e) {
            SLOTS.release();
            throw e;
        }
        try {
            return await(result);
        } finally {
            // The thread is in the task's namespaces until it ends: return only once it has.
            joinUninterruptibly(thread);
        }
    }

    private static void joinUninterruptibly(Thread t) {
        boolean interrupted = false;
        for (int i = 0; i < 1000 && t.isAlive(); i++) {
            try {
                t.join(10);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    /**
     * Runs {@code task} on a worker in the process's own network namespace (for work that creates
     * threads the JDK keeps, which must be born there).
     */
    public static <T> T atHome(Task<T> task) throws IOException {
        if (PROCESS_NETNS < 0) throw new IOException("no /proc/self/ns/net: the process's namespace is unknown");
        return submit(new Job<>(PROCESS_NETNS, netnsOf(PROCESS_NETNS), task));
    }

    private static void acquireSlot() throws java.io.InterruptedIOException {
        try {
            SLOTS.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for one of the "
                    + MAX_BUSY + " namespace workers; nothing was done");
        }
    }

    /**
     * Runs {@code task} on a worker that has just unshared a new network namespace (to bind-mount or
     * open it); the worker then goes back to its own namespace, which is checked, before it is reused.
     */
    public static <T> T inNewNamespace(Task<T> task) throws IOException {
        return submit(new Job<>(-1, null, task));
    }

    private static <T> T submit(Job<T> job) throws IOException {
        acquireSlot();
        job.result.whenComplete((v, e) -> SLOTS.release());
        while (true) {
            Worker w = IDLE.pollFirst();
            if (w == null) {
                w = new Worker(null);
                w.state.set(Worker.BUSY);
                w.jobs.add(job);
                try {
                    w.start();
                } catch (Throwable e) { // no thread could be made: the job never ran
                    job.result.completeExceptionally(e);
                }
                break;
            }
            if (w.state.compareAndSet(Worker.IDLE, Worker.BUSY)) { // else it is timing out: take another
                w.jobs.add(job);
                break;
            }
        }
        return await(job.result);
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

    /**
     * Where a worker goes back to after each job: the namespaces it settled in when it started (the
     * process's network namespace, its own mount namespace), and an fd on that network namespace. Its
     * kernel task id is registered with {@link Strays} as one of the library's workers.
     */
    record Home(String tid, int netnsFd, String netns, long mountNs) {}

    /** Settles the calling thread, a new worker, in the process's network namespace and says where that is. */
    static Home settle() throws IOException {
        String tid = Strays.register();
        try {
            if (PROCESS_NETNS >= 0) Libc.setns(PROCESS_NETNS, Sys.CLONE_NEWNET);
            String netns = currentNetns();
            long mnt = currentMountNs();
            return new Home(tid, Libc.open("/proc/thread-self/ns/net", Sys.O_RDONLY | Sys.O_CLOEXEC, 0), netns, mnt);
        } catch (Throwable e) {
            Strays.forget(tid);
            throw e;
        }
    }

    /** A task for a worker: enter {@code nsFd} ({@code target} is its id), or with nsFd -1 unshare a new one. */
    record Job<T>(int nsFd, String target, Task<T> task, CompletableFuture<T> result) {
        Job(int nsFd, String target, Task<T> task) {
            this(nsFd, target, task, new CompletableFuture<>());
        }
    }

    /**
     * A worker thread: it settles in ({@code settle}, {@link #settle()} in use), runs jobs one at a time
     * and goes back to its home after each. A caller hands it a job by setting it BUSY (from IDLE, or a
     * new one before {@code start}) and putting the job in {@code jobs}.
     */
    static final class Worker extends Thread {
        static final int IDLE = 0, BUSY = 1, RETIRED = 2;
        final AtomicInteger state = new AtomicInteger(IDLE);
        final BlockingQueue<Job<?>> jobs = new ArrayBlockingQueue<>(1);
        private final Task<Home> settle;

        /** {@code settle}: how it settles in; null for {@link #settle()} (no lambda for a fresh JVM's first request to link). */
        Worker(Task<Home> settle) {
            super(null, null, "netlink4j-netns-" + COUNTER.incrementAndGet(), 0, false);
            this.settle = settle;
            setDaemon(true);
        }

        @Override
        public void run() {
            int homeFd;
            String home;
            long homeMnt;
            String tid;
            try {
                Home h = settle == null ? settle() : settle.call();
                tid = h.tid();
                home = h.netns();
                homeMnt = h.mountNs();
                homeFd = h.netnsFd();
            } catch (Throwable e) { // whatever it is, the caller hears of it instead of waiting forever
                state.set(RETIRED);
                Job<?> first = jobs.poll();
                if (first != null) first.result.completeExceptionally(e);
                return;
            }
            try {
                while (true) {
                    Job<?> job = nextJob();
                    if (job == null) return;
                    Runnable finish = runJob(job, homeFd, home, homeMnt);
                    if (finish == null) return; // not back home: the job was failed, and this thread is never reused
                    Thread.interrupted(); // a task's leftover interrupt must not reach the next one
                    // Back in the pool before the caller hears of the result, so that its next call finds this
                    // worker instead of starting a thread.
                    boolean retire = NetnsThreads.IDLE.size() >= MAX_IDLE;
                    state.set(retire ? RETIRED : IDLE);
                    if (!retire) NetnsThreads.IDLE.addFirst(this);
                    finish.run();
                    if (retire) return;
                }
            } finally {
                state.set(RETIRED);
                NetnsThreads.IDLE.remove(this);
                Strays.forget(tid);
                try {
                    Libc.close(homeFd);
                } catch (SyscallException ignored) {
                    // closing a read-only namespace fd cannot lose data
                }
            }
        }

        /** The next job, or null once this worker has waited long enough (or was retired) with none. */
        private Job<?> nextJob() {
            while (true) {
                try {
                    Job<?> job = jobs.poll(IDLE_MILLIS, TimeUnit.MILLISECONDS);
                    if (job != null) return job;
                } catch (InterruptedException e) {
                    // retired while idle (state RETIRED, then interrupted): fall through to the state check
                }
                if (state.compareAndSet(IDLE, RETIRED)) return null;
                if (state.get() == RETIRED) return null;
                // A caller claimed this worker just now: its job is on the way.
                try {
                    return jobs.take();
                } catch (InterruptedException e) {
                    // an interrupt only ever retires an IDLE worker, and this one was claimed: retry
                }
            }
        }

        /**
         * Runs one job. If the thread is back in its namespaces, returns what completes the job's
         * result (run by the caller once this worker is reusable); if not, fails the job and returns null.
         */
        private static <T> Runnable runJob(Job<T> job, int homeFd, String home, long homeMnt) {
            Throwable failure = null;
            T value = null;
            long before = 0;
            long netIno = -1;
            try {
                if (job.nsFd() < 0) {
                    Libc.unshare(Sys.CLONE_NEWNET);
                } else {
                    Libc.setns(job.nsFd(), Sys.CLONE_NEWNET);
                    String now = currentNetns();
                    if (!now.equals(job.target())) throw new IllegalStateException("setns left the thread in " + now + ", not " + job.target());
                }
                netIno = Libc.inode(Sys.AT_FDCWD, "/proc/thread-self/ns/net");
                before = Strays.counter();
                value = job.task().call();
            } catch (Throwable e) {
                failure = e;
            }
            try {
                // The home namespace is where strays are harmless.
                if (failure == null && netIno != -1 && !("net:[" + netIno + "]").equals(home) && Strays.counter() != before + 1) {
                    List<String> left = Strays.inside(netIno, -1);
                    if (!left.isEmpty()) failure = new StrandedThreadException("net:[" + netIno + "]", left);
                }
            } catch (Throwable e) {
                failure = e;
            }
            boolean home_ = false;
            try {
                if (!currentNetns().equals(home)) Libc.setns(homeFd, Sys.CLONE_NEWNET);
                String now = currentNetns();
                if (!now.equals(home)) throw new IllegalStateException("could not return to " + home + " (still in " + now + "); the thread ends here");
                if (currentMountNs() != homeMnt) throw new IllegalStateException("the task changed the thread's mount namespace; the thread ends here");
                home_ = true;
            } catch (Throwable restoreFailure) {
                if (failure == null) failure = restoreFailure;
                else failure.addSuppressed(restoreFailure);
            }
            Throwable f = failure;
            T v = value;
            Runnable finish = () -> {
                if (f == null) job.result().complete(v);
                else job.result().completeExceptionally(f);
            };
            if (!home_) {
                finish.run();
                return null;
            }
            return finish;
        }
    }
}
