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
import java.lang.invoke.VarHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
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
    private static final VarHandle ERRNO = CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option ERRNO_OPT = Linker.Option.captureCallState("errno");

    // One holder class per call: the JVM creates a downcall handle when its holder is first used, so a
    // program pays only for the calls it makes. Created eagerly, the handles cost 175-225 ms of start-up
    // here (the first ~70 ms of FFM set-up, then 5-15 ms per new signature), a third of them for calls
    // a plain client never makes (namespaces, mounts, sendmsg). The JIT still sees each as a constant.
    private static final class SOCKET {
        static final MethodHandle H = h("socket", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
    }
    private static final class BIND {
        static final MethodHandle H = h("bind", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    }
    private static final class CONNECT {
        static final MethodHandle H = h("connect", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    }
    private static final class GETSOCKNAME {
        static final MethodHandle H = h("getsockname", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    }
    private static final class SETSOCKOPT {
        static final MethodHandle H = h("setsockopt", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    }
    private static final class SENDTO {
        static final MethodHandle H = h("sendto", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT));
    }
    private static final class RECVFROM {
        static final MethodHandle H = h("recvfrom", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, ADDRESS, ADDRESS));
    }
    private static final class RECVMSG {
        static final MethodHandle H = h("recvmsg", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT));
    }
    private static final class CLOSE {
        static final MethodHandle H = h("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    }
    private static final class SETNS {
        static final MethodHandle H = h("setns", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    }
    private static final class UNSHARE {
        static final MethodHandle H = h("unshare", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    }
    private static final class MOUNT {
        static final MethodHandle H = h("mount", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS));
    }
    private static final class UMOUNT2 {
        static final MethodHandle H = h("umount2", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    }
    // open(2) is variadic: the mode is the first variadic argument.
    private static final class OPEN {
        static final MethodHandle H = h("open", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), Linker.Option.firstVariadicArg(2));
    }
    private static final class CALLOC {
        static final MethodHandle H = plain("calloc", FunctionDescriptor.of(ADDRESS, JAVA_LONG, JAVA_LONG));
    }
    private static final class FREE {
        static final MethodHandle H = plain("free", FunctionDescriptor.ofVoid(ADDRESS));
    }
    private static final class FLOCK {
        static final MethodHandle H = h("flock", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    }
    private static final class STATX {
        static final MethodHandle H = h("statx", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS));
    }
    private static final class IOCTL {
        static final MethodHandle H = h("ioctl", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG));
    }
    /** NS_GET_NSTYPE (linux/nsfs.h): _IO(0xb7, 0x3). */
    private static final long NS_GET_NSTYPE = 0xb703L;
    private static final class FSTATFS {
        static final MethodHandle H = h("fstatfs", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS));
    }
    /** sizeof(struct statfs) on 64-bit Linux (120), rounded up; f_type is its first field, a long. */
    private static final int STATFS_SIZE = 128;
    /** sizeof(struct statx) (linux/stat.h); its layout is the same on every architecture. */
    private static final int STATX_SIZE = 256;
    /** offsetof(struct statx, stx_ino). */
    private static final int STX_INO = 0x20;

    // Every downcall handle is made here, the one place the library uses a restricted method besides
    // calloc's reinterpret: the module is run with --enable-native-access.
    @SuppressWarnings("restricted")
    private static MethodHandle h(String name, FunctionDescriptor fd, Linker.Option... extra) {
        Linker.Option[] opts = new Linker.Option[extra.length + 1];
        opts[0] = ERRNO_OPT;
        System.arraycopy(extra, 0, opts, 1, extra.length);
        MemorySegment sym = LIBC.find(name).orElseThrow(() -> new UnsatisfiedLinkError("libc has no " + name));
        return LINKER.downcallHandle(sym, fd, opts);
    }

    /** A handle without errno capture, for calls whose failure is their result (calloc's NULL). */
    @SuppressWarnings("restricted")
    private static MethodHandle plain(String name, FunctionDescriptor fd) {
        MemorySegment sym = LIBC.find(name).orElseThrow(() -> new UnsatisfiedLinkError("libc has no " + name));
        return LINKER.downcallHandle(sym, fd);
    }

    /** A segment for the captured errno of one call at a time; reuse it on one thread. */
    public static MemorySegment newErrnoState(Arena arena) {
        return arena.allocate(CAPTURE);
    }

    /** The errno the last call made with {@code state} captured. */
    public static int errno(MemorySegment state) {
        return (int) ERRNO.get(state, 0L);
    }

    /** A downcall returning its C result widened to long. */
    @FunctionalInterface
    private interface Downcall {
        long invoke() throws Throwable;
    }

    /**
     * The one pattern of every call: invoke, and turn a negative result into a SyscallException with
     * the errno the call itself captured in {@code st}. A Throwable from the handle itself (a JVM
     * linkage problem, not a failed call) is rethrown unchecked.
     */
    private static long call(MemorySegment st, String name, String path, Downcall d) throws SyscallException {
        long rc;
        try {
            rc = d.invoke();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(name + " downcall failed", t);
        }
        if (rc < 0) throw new SyscallException(name, errno(st), path);
        return rc;
    }

    /** Runs {@code d} with a scratch errno segment, for calls that are not on a hot path. */
    private static long scratch(String name, String path, java.util.function.Function<MemorySegment, Downcall> d) throws SyscallException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = newErrnoState(a);
            return call(st, name, path, d.apply(st));
        }
    }

    /** socket(2). */
    public static int socket(MemorySegment st, int domain, int type, int protocol) throws SyscallException {
        return (int) call(st, "socket", null, () -> (int) SOCKET.H.invokeExact(st, domain, type, protocol));
    }

    /** bind(2). */
    public static void bind(MemorySegment st, int fd, MemorySegment addr, int len) throws SyscallException {
        call(st, "bind", null, () -> (int) BIND.H.invokeExact(st, fd, addr, len));
    }

    /** connect(2). */
    public static void connect(MemorySegment st, int fd, MemorySegment addr, int len) throws SyscallException {
        call(st, "connect", null, () -> (int) CONNECT.H.invokeExact(st, fd, addr, len));
    }

    /** getsockname(2); {@code lenPtr} holds the size of {@code addr} on entry. */
    public static void getsockname(MemorySegment st, int fd, MemorySegment addr, MemorySegment lenPtr) throws SyscallException {
        call(st, "getsockname", null, () -> (int) GETSOCKNAME.H.invokeExact(st, fd, addr, lenPtr));
    }

    /** setsockopt(2). */
    public static void setsockopt(MemorySegment st, int fd, int level, int name, MemorySegment val, int len) throws SyscallException {
        call(st, "setsockopt", null, () -> (int) SETSOCKOPT.H.invokeExact(st, fd, level, name, val, len));
    }

    /** sendto(2); returns the bytes sent. */
    public static long sendto(MemorySegment st, int fd, MemorySegment buf, long len, int flags, MemorySegment addr, int addrLen) throws SyscallException {
        return call(st, "sendto", null, () -> (long) SENDTO.H.invokeExact(st, fd, buf, len, flags, addr, addrLen));
    }

    /**
     * recvfrom(2) returning -errno instead of throwing, for receive loops that handle EINTR, EAGAIN and
     * ENOBUFS themselves; {@code addr}/{@code addrLen} receive the sender.
     */
    public static long recvfromRaw(MemorySegment st, int fd, MemorySegment buf, long len, int flags, MemorySegment addr, MemorySegment addrLen) {
        try {
            long n = (long) RECVFROM.H.invokeExact(st, fd, buf, len, flags, addr, addrLen);
            return n < 0 ? -errno(st) : n;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("recvfrom downcall failed", t);
        }
    }

    /** recvmsg(2) returning -errno instead of throwing, like {@link #recvfromRaw}. */
    public static long recvmsgRaw(MemorySegment st, int fd, MemorySegment msghdr, int flags) {
        try {
            long n = (long) RECVMSG.H.invokeExact(st, fd, msghdr, flags);
            return n < 0 ? -errno(st) : n;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("recvmsg downcall failed", t);
        }
    }

    /** close(2). */
    public static void close(MemorySegment st, int fd) throws SyscallException {
        call(st, "close", null, () -> (int) CLOSE.H.invokeExact(st, fd));
    }

    /** close(2) with a scratch errno segment. */
    public static void close(int fd) throws SyscallException {
        scratch("close", null, st -> () -> (int) CLOSE.H.invokeExact(st, fd));
    }

    /** setns(2): moves the calling thread into the namespace {@code fd} refers to. */
    public static void setns(int fd, int nstype) throws SyscallException {
        scratch("setns", null, st -> () -> (int) SETNS.H.invokeExact(st, fd, nstype));
    }

    /** unshare(2). */
    public static void unshare(int flags) throws SyscallException {
        scratch("unshare", null, st -> () -> (int) UNSHARE.H.invokeExact(st, flags));
    }

    /** mount(2); null strings become NULL pointers. */
    public static void mount(String source, String target, String fstype, long flags) throws SyscallException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = newErrnoState(a);
            MemorySegment src = str(a, source), dst = str(a, target), type = str(a, fstype);
            call(st, "mount", target, () -> (int) MOUNT.H.invokeExact(st, src, dst, type, flags, MemorySegment.NULL));
        }
    }

    /** umount2(2). */
    public static void umount2(String target, int flags) throws SyscallException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = newErrnoState(a);
            MemorySegment t = a.allocateFrom(target);
            call(st, "umount2", target, () -> (int) UMOUNT2.H.invokeExact(st, t, flags));
        }
    }

    /** open(2); returns the new fd. */
    public static int open(String path, int flags, int mode) throws SyscallException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = newErrnoState(a);
            MemorySegment p = a.allocateFrom(path);
            return (int) call(st, "open", path, () -> (int) OPEN.H.invokeExact(st, p, flags, mode));
        }
    }

    /** flock(2). */
    public static void flock(int fd, int op) throws SyscallException {
        scratch("flock", null, st -> () -> (int) FLOCK.H.invokeExact(st, fd, op));
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
            call(st, "statx", path.isEmpty() ? "fd " + dirfd : path,
                    () -> (int) STATX.H.invokeExact(st, dirfd, p, flags, Sys.STATX_INO, buf));
            return buf.get(JAVA_LONG, STX_INO);
        }
    }

    /** fstatfs(2)'s {@code f_type}: the magic number of the filesystem {@code fd} is on (NSFS_MAGIC for namespaces). */
    public static long filesystemType(int fd) throws SyscallException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = newErrnoState(a);
            MemorySegment buf = a.allocate(STATFS_SIZE, 8);
            call(st, "fstatfs", "fd " + fd, () -> (int) FSTATFS.H.invokeExact(st, fd, buf));
            return buf.get(JAVA_LONG, 0);
        }
    }

    /** ioctl(fd, NS_GET_NSTYPE): the CLONE_NEW* type of the namespace an nsfs fd refers to. */
    public static int namespaceType(int fd) throws SyscallException {
        return (int) scratch("ioctl", "fd " + fd, st -> () -> (int) IOCTL.H.invokeExact(st, fd, NS_GET_NSTYPE));
    }

    /** calloc(3) of {@code size} bytes (at least 1), as a segment of that size with the global scope. */
    @SuppressWarnings("restricted") // reinterpret: calloc's result is a block of exactly that size
    public static MemorySegment calloc(long size) {
        MemorySegment p;
        try {
            p = (MemorySegment) CALLOC.H.invokeExact(1L, Math.max(1L, size));
        } catch (Throwable t) {
            throw new IllegalStateException("calloc downcall failed", t);
        }
        if (p.equals(MemorySegment.NULL)) throw new OutOfMemoryError("calloc(" + size + ") failed");
        return p.reinterpret(size);
    }

    /** free(3) of a block {@link #calloc} returned. */
    public static void free(MemorySegment block) {
        try {
            FREE.H.invokeExact(block);
        } catch (Throwable t) {
            throw new IllegalStateException("free downcall failed", t);
        }
    }

    private static MemorySegment str(Arena a, String s) {
        return s == null ? MemorySegment.NULL : a.allocateFrom(s);
    }
}
