package io.github.netlink4j;

import io.github.netlink4j.common.NamespaceHandle;

import io.github.netlink4j.error.Errno;
import io.github.netlink4j.error.AlreadyExistsException;
import io.github.netlink4j.error.NoSuchNamespaceException;
import io.github.netlink4j.error.NotPermittedException;
import io.github.netlink4j.error.SyscallException;
import io.github.netlink4j.internal.sys.Fd;
import io.github.netlink4j.internal.sys.Libc;
import io.github.netlink4j.internal.sys.Sys;
import io.github.netlink4j.internal.transport.NamespaceExecutor;
import io.github.netlink4j.internal.transport.NetnsThreads;
import io.github.netlink4j.internal.transport.Reapers;

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

    private NetNamespace(int fd, String name, String path) throws IOException {
        this.fd = new Fd(fd);
        this.name = name;
        try {
            this.id = netnsIdOf(fd, path);
        } catch (IOException | RuntimeException e) {
            this.fd.close();
            throw e;
        }
    }

    /**
     * The {@code net:[inode]} of an fd that must refer to a network namespace: a file on nsfs (not a
     * stale mount-point file left by an interrupted create, nor any other file) whose type, asked of
     * the kernel with NS_GET_NSTYPE, is a network namespace. Refused here before it can reach setns
     * or the kernel.
     */
    private static String netnsIdOf(int fd, String path) throws IOException {
        if (Libc.filesystemType(fd) != Sys.NSFS_MAGIC) throw notANamespaceFile(path);
        if (Libc.namespaceType(fd) != Sys.CLONE_NEWNET) {
            throw new SyscallException("open", Errno.EINVAL, path + " is a namespace, but not a network namespace");
        }
        return NetnsThreads.netnsOf(fd);
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
     * @throws AlreadyExistsException if the name is taken
     * @throws io.github.netlink4j.error.SyscallException EPERM or EACCES without privileges
     */
    public static NetNamespace create(String name) throws IOException {
        try {
            return createNamed(name);
        } catch (SyscallException e) {
            if (e.errno() != Errno.EPERM && e.errno() != Errno.EACCES) throw e;
            throw e.withHint("creating a named namespace needs CAP_SYS_ADMIN (unshare, mount) and write access to "
                    + RUN_DIR + "; run as root, or without root use createAnonymous() inside a user namespace of your own"
                    + " (unshare -Urn), where links, addresses and routes work");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new SyscallException("mkdir", Errno.EACCES, e.getFile()).withHint("creating a named namespace needs CAP_SYS_ADMIN"
                    + " and write access to " + RUN_DIR.getParent());
        }
    }

    /**
     * Names the network namespace of process {@code pid} {@code name} like {@code ip netns attach NAME PID}:
     * the same shared run directory and exclusive mount-point file as {@link #create}, with
     * {@code /proc/PID/ns/net} bind-mounted there; undone if the mount fails.
     *
     * @throws AlreadyExistsException if the name is taken
     * @throws io.github.netlink4j.error.SyscallException ENOENT if there is no such process
     */
    public static NetNamespace attach(String name, long pid) throws IOException {
        if (pid <= 0 || pid > Integer.MAX_VALUE) throw new IllegalArgumentException("bad pid " + pid);
        String source = "/proc/" + pid + "/ns/net";
        return named(name, path -> Libc.mount(source, path, "none", Sys.MS_BIND));
    }

    private static NetNamespace createNamed(String name) throws IOException {
        // The worker has unshared already: the task runs in the new namespace.
        return named(name, path -> NetnsThreads.inNewNamespace(() -> {
            Libc.mount("/proc/thread-self/ns/net", path, "none", Sys.MS_BIND);
            return null;
        }));
    }

    private interface Mounter {
        void mount(String path) throws IOException;
    }

    private static NetNamespace named(String name, Mounter mounter) throws IOException {
        String path = pathOf(name);
        prepareRunDir();
        int f;
        try {
            f = Libc.open(path, Sys.O_RDONLY | Sys.O_CREAT | Sys.O_EXCL | Sys.O_CLOEXEC, 0);
        } catch (SyscallException e) {
            if (e.errno() == Errno.EEXIST) throw new AlreadyExistsException("namespace \"" + name + "\"", e);
            throw e;
        }
        Libc.close(f);
        try {
            mounter.mount(path);
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
        if (!Files.exists(RUN_DIR, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.createDirectories(RUN_DIR.getParent());
                Files.createDirectory(RUN_DIR);
                // 0755 whatever the umask, as iproute2 leaves it: everyone may look, only root may steer.
                Files.setPosixFilePermissions(RUN_DIR, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (java.nio.file.FileAlreadyExistsException ignored) {
                // made by someone else meanwhile: theirs stands
            }
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
     * @throws NoSuchNamespaceException if there is no such namespace
     */
    public static void delete(String name) throws IOException {
        String path = pathOf(name);
        if (!Files.exists(Path.of(path), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new NoSuchNamespaceException(name, new SyscallException("unlink", Errno.ENOENT, path));
        }
        if (Files.isSymbolicLink(Path.of(path))) {
            throw new SyscallException("umount2", Errno.ELOOP, path + " is a symbolic link, not a namespace; left alone");
        }
        try {
            Libc.umount2(path, Sys.MNT_DETACH | Sys.UMOUNT_NOFOLLOW);
        } catch (SyscallException e) {
            if (e.errno() != Errno.EINVAL && e.errno() != Errno.ENOENT) throw e;
        }
        try {
            Files.delete(Path.of(path));
        } catch (NoSuchFileException e) {
            throw new NoSuchNamespaceException(name, new SyscallException("unlink", Errno.ENOENT, path));
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

    /**
     * Opens the named namespace {@code /var/run/netns/NAME}. A symbolic link there is refused (ELOOP),
     * and so is a file that is not a network namespace (EINVAL), such as a stale name left by a
     * create that was killed half-way.
     */
    public static NetNamespace open(String name) throws IOException {
        String path = pathOf(name);
        int f;
        try {
            f = openNamespaceFile(path, Sys.O_NOFOLLOW);
        } catch (SyscallException e) {
            if (e.errno() == Errno.ENOENT) throw new NoSuchNamespaceException(name, e);
            throw e;
        }
        return new NetNamespace(f, name, path);
    }

    /**
     * Opens the namespace a file refers to, such as {@code /proc/PID/ns/net} or a bind mount (symbolic
     * links are followed here: /proc's are how namespaces are named). Anything that is not a network
     * namespace is refused with EINVAL.
     */
    public static NetNamespace openPath(Path path) throws IOException {
        return new NetNamespace(openNamespaceFile(path.toString(), 0), null, path.toString());
    }

    /**
     * Opens {@code path} for reading only once it is known to be on nsfs: a path names it first (O_PATH
     * runs no open of the file itself), so a FIFO there cannot block this thread waiting for a writer
     * and a device node's driver is never asked to open. The readable descriptor setns needs (an O_PATH
     * one is refused there) is then opened through /proc/self/fd, which reaches the very file checked,
     * whatever has been renamed or mounted over the path meanwhile.
     */
    private static int openNamespaceFile(String path, int extraFlags) throws IOException {
        int named = Libc.open(path, Sys.O_PATH | Sys.O_CLOEXEC | extraFlags, 0);
        try {
            if (Libc.filesystemType(named) != Sys.NSFS_MAGIC) {
                // With O_NOFOLLOW, O_PATH names a symbolic link itself rather than failing: say ELOOP as open(2) would have.
                if ((extraFlags & Sys.O_NOFOLLOW) != 0 && Files.isSymbolicLink(Path.of(path))) {
                    throw new SyscallException("open", Errno.ELOOP, path);
                }
                throw notANamespaceFile(path);
            }
            return Libc.open("/proc/self/fd/" + named, Sys.O_RDONLY | Sys.O_CLOEXEC, 0);
        } finally {
            Libc.close(named);
        }
    }

    private static SyscallException notANamespaceFile(String path) {
        return new SyscallException("open", Errno.EINVAL, path + " is not a namespace file"
                + (path.startsWith(RUN_DIR.toString()) ? " (nothing is mounted on it: a stale name?)" : ""));
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
        return new NetNamespace(fd, null, "an unshared namespace");
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
     * network and mount namespaces. The calling thread never changes namespace. Sockets the task opens
     * stay in this namespace. At most 64 tasks run at once (in all namespaces); more callers wait.
     *
     * <p>Threads inherit the namespace of the thread that starts them, so the task must not leave a
     * thread running that it started, directly or through a shared pool (such as
     * {@code CompletableFuture.runAsync} growing {@code ForkJoinPool.commonPool()}): if a thread born
     * inside is still alive when the task returns, the call throws
     * {@link io.github.netlink4j.error.StrandedThreadException} naming it, and the result is lost. The
     * check costs one {@code Thread} object per call, and reads /proc only when some thread was made.
     */
    public <T> T call(Callable<T> task) throws IOException {
        try {
            return NetnsThreads.call(fd.get(), task::call);
        } catch (SyscallException e) {
            throw entering(e, this);
        }
    }

    /**
     * A setns refused for lack of privilege, as a {@link NotPermittedException} that names the
     * namespace and the capability; any other failure as it is.
     */
    static SyscallException entering(SyscallException e, Object namespace) throws NotPermittedException {
        if ("setns".equals(e.call()) && (e.errno() == Errno.EPERM || e.errno() == Errno.EACCES)) {
            throw new NotPermittedException("entering " + namespace + " (setns) needs CAP_SYS_ADMIN in the user namespace that owns it"
                    + " (run as root, or work in a namespace of your own user namespace: unshare -Urn)", e);
        }
        return e;
    }

    /** Runs {@code task} inside this namespace on a dedicated platform thread, as {@link #call} does. */
    public void run(Runnable task) throws IOException {
        call(() -> {
            task.run();
            return null;
        });
    }

    /**
     * Starts a process inside this namespace with everything {@code ip netns exec NAME cmd} does, and
     * without the ip, nsenter or unshare binaries. On a throwaway platform thread: enter the network
     * namespace, unshare a mount namespace, make every mount a slave so nothing propagates back, mount
     * a sysfs of this namespace on /sys (read-only where the old one cannot be unmounted and is
     * read-only, as ip does), bind every file of {@code /etc/netns/NAME/} over its twin in /etc (a bind
     * that fails is logged and skipped, as ip warns and goes on), then start {@code pb} from that
     * thread, whose namespaces the child inherits. The thread then ends; the host's /etc and /sys are
     * untouched. I/O redirection and environment are the builder's.
     *
     * <p>The JDK's process-reaper thread is made sure to be born at home (see the internal
     * {@code Reapers}); if some other part of the program takes the idle reaper at that very moment,
     * one is born inside, and then the process is destroyed and
     * {@link io.github.netlink4j.error.StrandedThreadException} thrown rather than leave it there unsaid.
     */
    public Process start(ProcessBuilder pb) throws IOException {
        String etcName = name;
        synchronized (Reapers.LOCK) {
            Reapers.prime();
            try {
                return NetnsThreads.call(fd.get(), Sys.CLONE_NEWNS, () -> {
                Libc.mount("", "/", "none", Sys.MS_SLAVE | Sys.MS_REC);
                long flags = 0;
                try {
                    Libc.umount2("/sys", Sys.MNT_DETACH);
                } catch (SyscallException e) {
                    // Nothing mounted there, or it cannot be unmounted: then overlay it, and a read-only
                    // sysfs can only be shadowed by a read-only one.
                    if (Files.isDirectory(Path.of("/sys")) && Files.getFileStore(Path.of("/sys")).isReadOnly()) flags = Sys.MS_RDONLY;
                }
                Libc.mount(etcName != null ? etcName : "sysfs", "/sys", "sysfs", flags);
                if (etcName != null) bindEtc(etcName);
                return pb.start();
                }, Process::destroyForcibly);
            } catch (SyscallException e) {
                throw entering(e, this);
            }
        }
    }

    /** Made on first use: System.getLogger loads the logging machinery, ~100 classes a cold start need not pay for. */
    private static final class Log {
        static final System.Logger LOG = System.getLogger("io.github.netlink4j");
    }

    /** Binds each entry of /etc/netns/NAME over /etc/ENTRY, as ip netns exec does: a failure is logged, the rest go on. */
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
                Log.LOG.log(System.Logger.Level.WARNING, "Bind " + e + " -> " + target + " failed: " + Errno.describe(ex.errno()));
            }
        }
    }

    /**
     * An executor whose one dedicated platform thread lives inside this namespace, for repeated work
     * without a thread per task. The thread enters once, through a descriptor of its own, and is never
     * replaced (a task that throws goes to the thread's uncaught-exception handler); {@code shutdown()}
     * ends it. If it cannot enter, this throws and leaves no thread. Tasks must not start threads of
     * their own (they would inherit the namespace).
     */
    public java.util.concurrent.ExecutorService executor() throws IOException {
        return NamespaceExecutor.start(fd.get(), name != null ? name : id);
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
