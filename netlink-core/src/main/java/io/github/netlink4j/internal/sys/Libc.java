package io.github.netlink4j.internal.sys;

import io.github.netlink4j.error.SyscallException;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.ref.Reference;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The libc calls netlink4j makes, as FFM downcalls created once and cached.
 *
 * <p>Every handle captures errno with {@code Linker.Option.captureCallState("errno")}: the value is
 * read from the capture segment filled by the call itself, never from libc afterwards (the JVM may
 * have made other calls in between). Each method takes that segment first ({@link #newErrnoState});
 * hot paths keep one per socket, other callers allocate one per call. A failure throws
 * {@link SyscallException} naming the call.
 */
public final class Libc {
    private Libc() {}

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    // errno is read at its offset with a plain int access, the JDK's ready-made VarHandle, not one adapted
    // to a layout path at run time.
    private static final long ERRNO = CAPTURE.byteOffset(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option ERRNO_OPT = Linker.Option.captureCallState("errno");

    // Every system call goes through libc's syscall(2) with one signature (a number and six longs):
    // FFM links one downcall stub per distinct signature, ~10-15 ms each in a JVM that has not warmed
    // up, so one shared shape instead of one per call takes most of the FFM set-up off the first request
    // (see benchmarks/README.md, "First request in a fresh JVM"). Pointers are passed as the addresses of
    // native segments, kept reachable until the call returns. Even the sockets' memory comes through it
    // (mmap/munmap): calloc and free would be two more shapes to link, ~9 ms in a fresh JVM.
    private static final class SYSCALL {
        static final MethodHandle H = h("syscall", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG,
                JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG), Linker.Option.firstVariadicArg(1));
    }
    /** PROT_READ, PROT_WRITE (asm-generic/mman-common.h), MAP_PRIVATE (linux/mman.h), MAP_ANONYMOUS (mman-common.h). */
    private static final long PROT_READ = 0x1, PROT_WRITE = 0x2, MAP_PRIVATE = 0x02, MAP_ANONYMOUS = 0x20;
    /** NS_GET_NSTYPE (linux/nsfs.h): _IO(0xb7, 0x3). */
    private static final long NS_GET_NSTYPE = 0xb703L;
    /** sizeof(struct statfs) on 64-bit Linux (120), rounded up; f_type is its first field, a long. */
    private static final int STATFS_SIZE = 128;
    /** sizeof(struct statx) (linux/stat.h); its layout is the same on every architecture. */
    private static final int STATX_SIZE = 256;
    /** offsetof(struct statx, stx_ino). */
    private static final int STX_INO = 0x20;

    // Every downcall handle is made here, the one place the library uses a restricted method besides
    // mmap's reinterpret: the module is run with --enable-native-access.
    @SuppressWarnings("restricted")
    private static MethodHandle h(String name, FunctionDescriptor fd, Linker.Option... extra) {
        Linker.Option[] opts = new Linker.Option[extra.length + 1];
        opts[0] = ERRNO_OPT;
        System.arraycopy(extra, 0, opts, 1, extra.length);
        MemorySegment sym = LIBC.find(name).orElseThrow(() -> new UnsatisfiedLinkError("libc has no " + name));
        try {
            return LINKER.downcallHandle(sym, fd, opts);
        } catch (IllegalCallerException e) {
            Module m = Libc.class.getModule();
            String flag = m.isNamed() ? "--enable-native-access=" + m.getName() : "--enable-native-access=ALL-UNNAMED";
            throw new IllegalCallerException("netlink4j makes system calls through the FFM API and this JVM denies it native access: "
                    + "add " + flag + " to the java command (" + (m.isNamed() ? "module path" : "class path") + ")", e);
        }
    }

    /** syscall(2): the raw result (-1 with errno captured in {@code st} on failure). */
    static long sys(MemorySegment st, int nr, long a, long b, long c, long d, long e, long f) {
        try {
            return (long) SYSCALL.H.invokeExact(st, (long) nr, a, b, c, d, e, f);
        } catch (RuntimeException | Error x) {
            throw x;
        } catch (Throwable t) {
            throw new IllegalStateException("syscall " + nr + " downcall failed", t);
        }
    }

    /** The address of a native segment (0 for NULL), for a pointer argument. */
    static long ptr(MemorySegment m) {
        if (!m.isNative()) throw new IllegalArgumentException("a system call needs native memory, not " + m);
        return m.address();
    }

    /** {@link #sys}, throwing a SyscallException named {@code name} on failure. */
    static long check(MemorySegment st, String name, String path, long rc) throws SyscallException {
        if (rc < 0) throw new SyscallException(name, errno(st), path);
        return rc;
    }

    /** A segment for the captured errno of one call at a time; reuse it on one thread. */
    public static MemorySegment newErrnoState(Arena arena) {
        return arena.allocate(CAPTURE);
    }

    /** The errno the last call made with {@code state} captured. */
    public static int errno(MemorySegment state) {
        return state.get(JAVA_INT, ERRNO);
    }

    /** A system call with a scratch errno segment, for calls that are not on a hot path. */
    static long scratch(String name, String path, int nr, long a, long b, long c, long d, long e, long f) throws SyscallException {
        try (Arena ar = Arena.ofConfined()) {
            MemorySegment st = newErrnoState(ar);
            return check(st, name, path, sys(st, nr, a, b, c, d, e, f));
        }
    }

    /** socket(2). */
    public static int socket(MemorySegment st, int domain, int type, int protocol) throws SyscallException {
        return (int) check(st, "socket", null, sys(st, Nr.SOCKET, domain, type, protocol, 0, 0, 0));
    }

    /** bind(2). */
    public static void bind(MemorySegment st, int fd, MemorySegment addr, int len) throws SyscallException {
        check(st, "bind", null, sys(st, Nr.BIND, fd, ptr(addr), len, 0, 0, 0));
        Reference.reachabilityFence(addr);
    }

    /** connect(2). */
    public static void connect(MemorySegment st, int fd, MemorySegment addr, int len) throws SyscallException {
        check(st, "connect", null, sys(st, Nr.CONNECT, fd, ptr(addr), len, 0, 0, 0));
        Reference.reachabilityFence(addr);
    }

    /** getsockname(2); {@code lenPtr} holds the size of {@code addr} on entry. */
    public static void getsockname(MemorySegment st, int fd, MemorySegment addr, MemorySegment lenPtr) throws SyscallException {
        check(st, "getsockname", null, sys(st, Nr.GETSOCKNAME, fd, ptr(addr), ptr(lenPtr), 0, 0, 0));
        Reference.reachabilityFence(addr);
        Reference.reachabilityFence(lenPtr);
    }

    /** setsockopt(2). */
    public static void setsockopt(MemorySegment st, int fd, int level, int name, MemorySegment val, int len) throws SyscallException {
        check(st, "setsockopt", null, sys(st, Nr.SETSOCKOPT, fd, level, name, ptr(val), len, 0));
        Reference.reachabilityFence(val);
    }

    /** sendto(2); returns the bytes sent. */
    public static long sendto(MemorySegment st, int fd, MemorySegment buf, long len, int flags, MemorySegment addr, int addrLen) throws SyscallException {
        long rc = check(st, "sendto", null, sys(st, Nr.SENDTO, fd, ptr(buf), len, flags, ptr(addr), addrLen));
        Reference.reachabilityFence(buf);
        Reference.reachabilityFence(addr);
        return rc;
    }

    /**
     * recvfrom(2) returning -errno instead of throwing, for receive loops that handle EINTR, EAGAIN and
     * ENOBUFS themselves; {@code addr}/{@code addrLen} receive the sender.
     */
    public static long recvfromRaw(MemorySegment st, int fd, MemorySegment buf, long len, int flags, MemorySegment addr, MemorySegment addrLen) {
        long n = sys(st, Nr.RECVFROM, fd, ptr(buf), len, flags, ptr(addr), ptr(addrLen));
        Reference.reachabilityFence(buf);
        Reference.reachabilityFence(addr);
        Reference.reachabilityFence(addrLen);
        return n < 0 ? -errno(st) : n;
    }

    /** recvmsg(2) returning -errno instead of throwing, like {@link #recvfromRaw}. */
    public static long recvmsgRaw(MemorySegment st, int fd, MemorySegment msghdr, int flags) {
        long n = sys(st, Nr.RECVMSG, fd, ptr(msghdr), flags, 0, 0, 0);
        Reference.reachabilityFence(msghdr);
        return n < 0 ? -errno(st) : n;
    }

    /** close(2). */
    public static void close(MemorySegment st, int fd) throws SyscallException {
        check(st, "close", null, sys(st, Nr.CLOSE, fd, 0, 0, 0, 0, 0));
    }

    /** close(2) with a scratch errno segment. */
    public static void close(int fd) throws SyscallException {
        scratch("close", null, Nr.CLOSE, fd, 0, 0, 0, 0, 0);
    }

    /** setns(2): moves the calling thread into the namespace {@code fd} refers to. */
    public static void setns(int fd, int nstype) throws SyscallException {
        scratch("setns", null, Nr.SETNS, fd, nstype, 0, 0, 0, 0);
    }

    /** unshare(2). */
    public static void unshare(int flags) throws SyscallException {
        scratch("unshare", null, Nr.UNSHARE, flags, 0, 0, 0, 0, 0);
    }

    /** mount(2); null strings become NULL pointers. */
    public static void mount(String source, String target, String fstype, long flags) throws SyscallException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = newErrnoState(a);
            MemorySegment src = str(a, source), dst = str(a, target), type = str(a, fstype);
            check(st, "mount", target, sys(st, Nr.MOUNT, ptr(src), ptr(dst), ptr(type), flags, 0, 0));
        }
    }

    /** umount2(2). */
    public static void umount2(String target, int flags) throws SyscallException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = newErrnoState(a);
            MemorySegment t = a.allocateFrom(target);
            check(st, "umount2", target, sys(st, Nr.UMOUNT2, ptr(t), flags, 0, 0, 0, 0));
        }
    }

    /** open(2), as openat(AT_FDCWD, …), which every architecture has; returns the new fd. */
    public static int open(String path, int flags, int mode) throws SyscallException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = newErrnoState(a);
            MemorySegment p = a.allocateFrom(path);
            return (int) check(st, "open", path, sys(st, Nr.OPENAT, Sys.AT_FDCWD, ptr(p), flags, mode, 0, 0));
        }
    }

    /** flock(2). */
    public static void flock(int fd, int op) throws SyscallException {
        scratch("flock", null, Nr.FLOCK, fd, op, 0, 0, 0, 0);
    }

    /**
     * The inode number of {@code path} (relative to {@code dirfd}; with {@code path} empty, of
     * {@code dirfd} itself), by statx(2): one system call, where java.nio's attribute views build maps.
     * Namespace files are told apart by it (the nsfs inode).
     */
    public static long inode(int dirfd, String path) throws SyscallException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = newErrnoState(a);
            MemorySegment buf = a.allocate(STATX_SIZE, 8);
            MemorySegment p = a.allocateFrom(path);
            int flags = path.isEmpty() ? Sys.AT_EMPTY_PATH : 0;
            check(st, "statx", path.isEmpty() ? "fd " + dirfd : path,
                    sys(st, Nr.STATX, dirfd, ptr(p), flags, Sys.STATX_INO, ptr(buf), 0));
            return buf.get(JAVA_LONG, STX_INO);
        }
    }

    /** fstatfs(2)'s {@code f_type}: the magic number of the filesystem {@code fd} is on (NSFS_MAGIC for namespaces). */
    public static long filesystemType(int fd) throws SyscallException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = newErrnoState(a);
            MemorySegment buf = a.allocate(STATFS_SIZE, 8);
            check(st, "fstatfs", "fd " + fd, sys(st, Nr.FSTATFS, fd, ptr(buf), 0, 0, 0, 0));
            return buf.get(JAVA_LONG, 0);
        }
    }

    /** ioctl(fd, NS_GET_NSTYPE): the CLONE_NEW* type of the namespace an nsfs fd refers to. */
    public static int namespaceType(int fd) throws SyscallException {
        return (int) scratch("ioctl", "fd " + fd, Nr.IOCTL, fd, NS_GET_NSTYPE, 0, 0, 0, 0);
    }

    /**
     * mmap(2) of {@code length} bytes of anonymous, private, zeroed memory, as a segment of that size with
     * the global scope (page-aligned). Through the one syscall shape: no downcall of its own to link.
     */
    @SuppressWarnings("restricted") // reinterpret: the kernel mapped exactly that many bytes there
    public static MemorySegment mmapAnonymous(long length) throws SyscallException {
        if (length <= 0) throw new IllegalArgumentException("length " + length);
        long addr = scratch("mmap", null, Nr.MMAP, 0, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        return MemorySegment.ofAddress(addr).reinterpret(length);
    }

    /** munmap(2) of a segment {@link #mmapAnonymous} returned. */
    public static void munmap(MemorySegment mapping) throws SyscallException {
        scratch("munmap", null, Nr.MUNMAP, mapping.address(), mapping.byteSize(), 0, 0, 0, 0);
    }

    private static MemorySegment str(Arena a, String s) {
        return s == null ? MemorySegment.NULL : a.allocateFrom(s);
    }
}
