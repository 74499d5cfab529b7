package io.github.netlink4j;

import io.github.netlink4j.error.Errno;
import io.github.netlink4j.error.SyscallException;
import io.github.netlink4j.internal.sys.Fd;
import io.github.netlink4j.internal.sys.Libc;
import io.github.netlink4j.internal.sys.Sys;
import io.github.netlink4j.internal.transport.NetnsThreads;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * An open network namespace: a handle owning a file descriptor on it, which keeps the namespace
 * alive while open. Named namespaces are the files in {@code /var/run/netns} that {@code ip netns}
 * uses, and are created and deleted the way it does.
 *
 * <p>Code runs inside with {@link #call}/{@link #run}, on a dedicated platform thread: the caller's
 * thread, platform or virtual, never changes namespace.
 *
 * {@snippet :
 * try (NetNamespace ns = NetNamespace.create("direct_netns")) {   // ip netns add direct_netns
 *     ns.run(() -> System.out.println("inside"));
 * } finally {
 *     NetNamespace.delete("direct_netns");                        // ip netns del direct_netns
 * }
 * }
 */
public final class NetNamespace implements NamespaceHandle, AutoCloseable {
    /** Where named namespaces live, as in iproute2. */
    public static final Path RUN_DIR = Path.of("/var/run/netns");

    private final Fd fd;
    private final String name;
    private final String id;

    private NetNamespace(int fd, String name) throws IOException {
        this.fd = new Fd(fd);
        this.name = name;
        this.id = NetnsThreads.netnsOf(fd);
    }

    /**
     * Checks a namespace name as {@code ip netns} would need it: 1 to 255 bytes, no '/' and no NUL,
     * not "." or "..", so nothing outside {@link #RUN_DIR} can ever be named.
     *
     * @throws IllegalArgumentException if the name is not acceptable
     */
    public static String validateName(String name) {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("namespace name is empty");
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > 255) throw new IllegalArgumentException("namespace name is " + bytes + " bytes, at most 255");
        if (name.equals(".") || name.equals("..")) throw new IllegalArgumentException("invalid namespace name \"" + name + "\"");
        if (name.indexOf('/') >= 0 || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("invalid namespace name \"" + name + "\": it contains '/' or NUL");
        }
        return name;
    }

    private static String pathOf(String name) {
        return RUN_DIR.resolve(validateName(name)).toString();
    }

    /**
     * Creates the named namespace {@code name} like {@code ip netns add}: makes {@link #RUN_DIR} a
     * shared mount point (under an flock, as iproute2 does), creates the mount-point file exclusively
     * with mode 0, unshares a new network namespace on a namespace worker (which then returns to its own) and bind-mounts it
     * there. If any step after the file fails, the file is removed again. Returns a handle on it.
     *
     * @throws io.github.netlink4j.error.SyscallException EEXIST if the name is taken, EPERM without privileges
     */
    public static NetNamespace create(String name) throws IOException {
        String path = pathOf(name);
        prepareRunDir();
        int f = Libc.open(path, Sys.O_RDONLY | Sys.O_CREAT | Sys.O_EXCL | Sys.O_CLOEXEC, 0);
        Libc.close(f);
        try {
            // The worker has unshared already: the task runs in the new namespace.
            NetnsThreads.inNewNamespace(() -> {
                Libc.mount("/proc/thread-self/ns/net", path, "none", Sys.MS_BIND);
                return null;
            });
            return open(name);
        } catch (IOException | RuntimeException e) {
            try {
                Libc.umount2(path, Sys.MNT_DETACH);
            } catch (SyscallException ignored) {
                // not mounted: nothing to undo
            }
            Files.deleteIfExists(Path.of(path));
            throw e;
        }
    }

    private static void prepareRunDir() throws IOException {
        try {
            Files.createDirectories(RUN_DIR);
        } catch (java.nio.file.FileAlreadyExistsException ignored) {
            // a file that is not a directory: open() below reports it
        }
        int lock = Libc.open(RUN_DIR.toString(), Sys.O_RDONLY | Sys.O_DIRECTORY | Sys.O_CLOEXEC, 0);
        try {
            Libc.flock(lock, Sys.LOCK_EX);
            boolean madeMount = false;
            while (true) {
                try {
                    Libc.mount("", RUN_DIR.toString(), "none", Sys.MS_SHARED | Sys.MS_REC);
                    break;
                } catch (SyscallException e) {
                    if (e.errno() != Errno.EINVAL || madeMount) throw e;
                    // Not a mount point yet: bind it onto itself, then make it shared.
                    Libc.mount(RUN_DIR.toString(), RUN_DIR.toString(), "none", Sys.MS_BIND | Sys.MS_REC);
                    madeMount = true;
                }
            }
        } finally {
            Libc.close(lock);
        }
    }

    /**
     * Deletes the named namespace like {@code ip netns del}: lazily unmounts and removes its file. A
     * process or handle still inside keeps the namespace itself alive until it leaves.
     *
     * @throws io.github.netlink4j.error.SyscallException ENOENT if there is no such namespace
     */
    public static void delete(String name) throws IOException {
        String path = pathOf(name);
        if (!Files.exists(Path.of(path), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new SyscallException("unlink", Errno.ENOENT, path);
        }
        try {
            Libc.umount2(path, Sys.MNT_DETACH);
        } catch (SyscallException e) {
            if (e.errno() != Errno.EINVAL && e.errno() != Errno.ENOENT) throw e;
        }
        try {
            Files.delete(Path.of(path));
        } catch (NoSuchFileException e) {
            throw new SyscallException("unlink", Errno.ENOENT, path);
        }
    }

    /** Whether a named namespace exists (its file is in {@link #RUN_DIR}). */
    public static boolean exists(String name) {
        return Files.exists(Path.of(pathOf(name)), java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }

    /** The names in {@link #RUN_DIR} in directory order, as {@code ip netns list} prints them; empty if none. */
    public static List<String> list() throws IOException {
        if (!Files.isDirectory(RUN_DIR)) return List.of();
        // Directory order (readdir), which is what ip netns list prints.
        try (Stream<Path> s = Files.list(RUN_DIR)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }

    /** Opens the named namespace {@code /var/run/netns/NAME}. */
    public static NetNamespace open(String name) throws IOException {
        return new NetNamespace(Libc.open(pathOf(name), Sys.O_RDONLY | Sys.O_CLOEXEC, 0), name);
    }

    /** Opens the namespace a file refers to, such as {@code /proc/PID/ns/net} or a bind mount. */
    public static NetNamespace openPath(Path path) throws IOException {
        return new NetNamespace(Libc.open(path.toString(), Sys.O_RDONLY | Sys.O_CLOEXEC, 0), null);
    }

    /** Opens the network namespace of process {@code pid}. */
    public static NetNamespace openPid(long pid) throws IOException {
        if (pid <= 0) throw new IllegalArgumentException("pid must be positive: " + pid);
        return openPath(Path.of("/proc/" + pid + "/ns/net"));
    }

    /** Opens the calling thread's network namespace. */
    public static NetNamespace current() throws IOException {
        return openPath(Path.of("/proc/thread-self/ns/net"));
    }

    /** Creates an anonymous namespace, alive as long as the handle (or anything inside) is. */
    public static NetNamespace createAnonymous() throws IOException {
        int fd = NetnsThreads.inNewNamespace(() -> {
            return Libc.open("/proc/thread-self/ns/net", Sys.O_RDONLY | Sys.O_CLOEXEC, 0);
        });
        return new NetNamespace(fd, null);
    }

    /** The file descriptor (valid until close). */
    public int fd() {
        return fd.get();
    }

    /** The name, for a namespace opened or created by name. */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** The kernel's identity of the namespace, {@code net:[inode]}, as /proc shows it. */
    public String id() {
        return id;
    }

    /**
     * Runs {@code task} inside this namespace on a dedicated platform thread and returns its result:
     * one of netlink4j's namespace workers, reused only after it has been checked back in its own
     * network and mount namespaces. The calling thread never changes namespace. Sockets the task opens stay in this namespace.
     * The task must not start threads or use shared executors: new threads would inherit the namespace.
     */
    public <T> T call(Callable<T> task) throws IOException {
        return NetnsThreads.call(fd.get(), task::call);
    }

    /** Runs {@code task} inside this namespace on a dedicated platform thread. */
    public void run(Runnable task) throws IOException {
        NetnsThreads.call(fd.get(), () -> {
            task.run();
            return null;
        });
    }

    /**
     * Starts a process inside this namespace with everything {@code ip netns exec NAME cmd} does, and
     * without the ip, nsenter or unshare binaries. On a throwaway platform thread: enter the network
     * namespace, unshare a mount namespace, make every mount a slave so nothing propagates back, mount
     * a sysfs of this namespace on /sys (so /sys/class/net shows its links), bind every file of
     * {@code /etc/netns/NAME/} over its twin in /etc, then start {@code pb} from that thread, whose
     * namespaces the child inherits. The thread then ends; the host's /etc and /sys are untouched.
     * I/O redirection and environment are the builder's.
     *
     * <p>Caveat: the JDK's process-reaper thread, if it has to create one, is created from this
     * thread and inherits its namespaces; it only waits for children and touches neither sockets nor
     * files.
     */
    public Process start(ProcessBuilder pb) throws IOException {
        String etcName = name;
        return NetnsThreads.call(fd.get(), Sys.CLONE_NEWNS, () -> {
            Libc.mount("", "/", "none", Sys.MS_SLAVE | Sys.MS_REC);
            long flags = 0;
            try {
                Libc.umount2("/sys", Sys.MNT_DETACH);
            } catch (SyscallException e) {
                // no sysfs mounted there: fine, mount a fresh one below
            }
            Libc.mount(etcName != null ? etcName : "sysfs", "/sys", "sysfs", flags);
            if (etcName != null) bindEtc(etcName);
            return pb.start();
        });
    }

    /** Binds each entry of /etc/netns/NAME over /etc/ENTRY, as ip netns exec does. */
    private static void bindEtc(String name) throws IOException {
        Path dir = Path.of("/etc/netns", name);
        if (!Files.isDirectory(dir)) return;
        List<Path> entries;
        try (Stream<Path> s = Files.list(dir)) {
            entries = s.sorted().toList();
        }
        for (Path e : entries) {
            Path target = Path.of("/etc").resolve(e.getFileName().toString());
            try {
                Libc.mount(e.toString(), target.toString(), "none", Sys.MS_BIND);
            } catch (SyscallException ex) {
                throw new SyscallException("mount", ex.errno(), "bind " + e + " on " + target);
            }
        }
    }

    /**
     * An executor whose one dedicated platform thread lives inside this namespace, for repeated work
     * without a thread per task. The thread enters once and never leaves; {@code shutdown()} ends it.
     * Tasks must not start threads of their own (they would inherit the namespace).
     */
    public java.util.concurrent.ExecutorService executor() throws IOException {
        int nsFd = fd.get();
        String label = name != null ? name : id;
        java.util.concurrent.ThreadFactory factory = r -> Thread.ofPlatform()
                .name("netlink4j-netns-executor-" + label)
                .daemon(true)
                .unstarted(() -> {
                    try {
                        Libc.setns(nsFd, Sys.CLONE_NEWNET);
                    } catch (SyscallException e) {
                        throw new IllegalStateException("cannot enter " + label + ": " + e.getMessage(), e);
                    }
                    r.run();
                });
        java.util.concurrent.ThreadPoolExecutor ex = new java.util.concurrent.ThreadPoolExecutor(1, 1, 0L,
                java.util.concurrent.TimeUnit.MILLISECONDS, new java.util.concurrent.LinkedBlockingQueue<>(), factory);
        ex.prestartCoreThread();
        return ex;
    }

    /** Closes the handle; the namespace lives on while named or used. Idempotent. */
    @Override
    public void close() throws IOException {
        fd.close();
    }

    @Override
    public String toString() {
        return "NetNamespace[" + (name != null ? name + ", " : "") + id + "]";
    }
}
