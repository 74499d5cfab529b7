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
    private static final class GETSOCKOPT {
        static final MethodHandle H = h("getsockopt", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    }
    private static final class SENDTO {
        static final MethodHandle H = h("sendto", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT));
    }
    private static final class SENDMSG {
        static final MethodHandle H = h("sendmsg", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT));
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
    private static final class GETTID {
        static final MethodHandle H = h("gettid", FunctionDescriptor.of(JAVA_INT));
    }
    private static final class FLOCK {
        static final MethodHandle H = h("flock", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    }
    private static final class STATX {
        static final MethodHandle H = h("statx", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS));
    }
    /** sizeof(struct statx) (linux/stat.h); its layout is the same on every architecture. */
    private static final int STATX_SIZE = 256;
    /** offsetof(struct statx, stx_ino). */
    private static final int STX_INO = 0x20;

    @SuppressWarnings("restricted") // the module is run with --enable-native-access; this is the one place it is used
    private static MethodHandle h(String name, FunctionDescriptor fd, Linker.Option... extra) {
        Linker.Option[] opts = new Linker.Option[extra.length + 1];
        opts[0] = ERRNO_OPT;
        System.arraycopy(extra, 0, opts, 1, extra.length);
        MemorySegment sym = LIBC.find(name).orElseThrow(() -> new UnsatisfiedLinkError("libc has no " + name));
        return LINKER.downcallHandle(sym, fd, opts);
    }

    /** A segment for the captured errno of one call at a time; reuse it on one thread. */
    public static MemorySegment newErrnoState(Arena arena) {
        return arena.allocate(CAPTURE);
    }

    /** The errno the last call made with {@code state} captured. */
    public static int errno(MemorySegment state) {
        return (int) ERRNO.get(state, 0L);
    }

    private static int check(int rc, MemorySegment st, String call, String path) throws SyscallException {
        if (rc < 0) throw new SyscallException(call, errno(st), path);
        return rc;
    }

    private static long check(long rc, MemorySegment st, String call) throws SyscallException {
        if (rc < 0) throw new SyscallException(call, errno(st));
        return rc;
    }

    private static RuntimeException fatal(Throwable t) {
        if (t instanceof RuntimeException r) return r;
        if (t instanceof Error e) throw e;
        return new IllegalStateException(t);
    }

    /** socket(2). */
    public static int socket(MemorySegment st, int domain, int type, int protocol) throws SyscallException {
        try {
            return check((int) SOCKET.H.invokeExact(st, domain, type, protocol), st, "socket", null);
        } catch (SyscallException e) {
            throw e;
        } catch (Throwable t) {
            throw fatal(t);
        }
    }

    /** bind(2). */
    public static void bind(MemorySegment st, int fd, MemorySegment addr, int len) throws SyscallException {
        try {
            check((int) BIND.H.invokeExact(st, fd, addr, len), st, "bind", null);
        } catch (SyscallException e) {
            throw e;
        } catch (Throwable t) {
            throw fatal(t);
        }
    }

    /** connect(2). */
    public static void connect(MemorySegment st, int fd, MemorySegment addr, int len) throws SyscallException {
        try {
            check((int) CONNECT.H.invokeExact(st, fd, addr, len), st, "connect", null);
        } catch (SyscallException e) {
            throw e;
        } catch (Throwable t) {
            throw fatal(t);
        }
    }

    /** getsockname(2); {@code lenPtr} holds the size of {@code addr} on entry. */
    public static void getsockname(MemorySegment st, int fd, MemorySegment addr, MemorySegment lenPtr) throws SyscallException {
        try {
            check((int) GETSOCKNAME.H.invokeExact(st, fd, addr, lenPtr), st, "getsockname", null);
        } catch (SyscallException e) {
            throw e;
        } catch (Throwable t) {
            throw fatal(t);
        }
    }

    /** setsockopt(2). */
    public static void setsockopt(MemorySegment st, int fd, int level, int name, MemorySegment val, int len) throws SyscallException {
        try {
            check((int) SETSOCKOPT.H.invokeExact(st, fd, level, name, val, len), st, "setsockopt", null);
        } catch (SyscallException e) {
            throw e;
        } catch (Throwable t) {
            throw fatal(t);
        }
    }

    /** getsockopt(2); {@code lenPtr} holds the size of {@code val} on entry. */
    public static void getsockopt(MemorySegment st, int fd, int level, int name, MemorySegment val, MemorySegment lenPtr) throws SyscallException {
        try {
            check((int) GETSOCKOPT.H.invokeExact(st, fd, level, name, val, lenPtr), st, "getsockopt", null);
        } catch (SyscallException e) {
            throw e;
        } catch (Throwable t) {
            throw fatal(t);
        }
    }

    /** sendto(2); returns the bytes sent. */
    public static long sendto(MemorySegment st, int fd, MemorySegment buf, long len, int flags, MemorySegment addr, int addrLen) throws SyscallException {
        try {
            return check((long) SENDTO.H.invokeExact(st, fd, buf, len, flags, addr, addrLen), st, "sendto");
        } catch (SyscallException e) {
            throw e;
        } catch (Throwable t) {
            throw fatal(t);
        }
    }

    /** sendmsg(2); returns the bytes sent. */
    public static long sendmsg(MemorySegment st, int fd, MemorySegment msghdr, int flags) throws SyscallException {
        try {
            return check((long) SENDMSG.H.invokeExact(st, fd, msghdr, flags), st, "sendmsg");
        } catch (SyscallException e) {
            throw e;
        } catch (Throwable t) {
            throw fatal(t);
        }
    }

    /** recvfrom(2); returns the bytes received (with MSG_TRUNC, the datagram's full length). */
    public static long recvfrom(MemorySegment st, int fd, MemorySegment buf, long len, int flags, MemorySegment addr, MemorySegment addrLen) throws SyscallException {
        try {
            return check((long) RECVFROM.H.invokeExact(st, fd, buf, len, flags, addr, addrLen), st, "recvfrom");
        } catch (SyscallException e) {
            throw e;
        } catch (Throwable t) {
            throw fatal(t);
        }
    }

    /**
     * recvfrom(2) returning -errno instead of throwing; {@code addr}/{@code addrLen} receive the sender.
     * Cheaper than recvmsg for one buffer: no msghdr to copy in and out.
     */
    public static long recvfromRaw(MemorySegment st, int fd, MemorySegment buf, long len, int flags, MemorySegment addr, MemorySegment addrLen) {
        try {
            long n = (long) RECVFROM.H.invokeExact(st, fd, buf, len, flags, addr, addrLen);
            return n < 0 ? -errno(st) : n;
        } catch (Throwable t) {
            throw fatal(t);
        }
    }

    /** recvmsg(2) returning -errno instead of throwing, for loops that handle EINTR/ENOBUFS/EAGAIN themselves. */
    public static long recvmsgRaw(MemorySegment st, int fd, MemorySegment msghdr, int flags) {
        try {
            long n = (long) RECVMSG.H.invokeExact(st, fd, msghdr, flags);
            return n < 0 ? -errno(st) : n;
        } catch (Throwable t) {
            throw fatal(t);
        }
    }

    /** recvmsg(2); returns the bytes received. */
    public static long recvmsg(MemorySegment st, int fd, MemorySegment msghdr, int flags) throws SyscallException {
        long n = recvmsgRaw(st, fd, msghdr, flags);
        if (n < 0) throw new SyscallException("recvmsg", (int) -n);
        return n;
    }

    /** close(2). */
    public static void close(MemorySegment st, int fd) throws SyscallException {
        try {
            check((int) CLOSE.H.invokeExact(st, fd), st, "close", null);
        } catch (SyscallException e) {
            throw e;
        } catch (Throwable t) {
            throw fatal(t);
        }
    }

    /** setns(2): moves the calling thread into the namespace {@code fd} refers to. */
    public static void setns(MemorySegment st, int fd, int nstype) throws SyscallException {
        try {
            check((int) SETNS.H.invokeExact(st, fd, nstype), st, "setns", null);
        } catch (SyscallException e) {
            throw e;
        } catch (Throwable t) {
            throw fatal(t);
        }
    }

    /** unshare(2). */
    public static void unshare(MemorySegment st, int flags) throws SyscallException {
        try {
            check((int) UNSHARE.H.invokeExact(st, flags), st, "unshare", null);
        } catch (SyscallException e) {
            throw e;
        } catch (Throwable t) {
            throw fatal(t);
        }
    }

    /** mount(2); null strings become NULL pointers. */
    public static void mount(String source, String target, String fstype, long flags) throws SyscallException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = newErrnoState(a);
            int rc = (int) MOUNT.H.invokeExact(st, str(a, source), str(a, target), str(a, fstype), flags, MemorySegment.NULL);
            check(rc, st, "mount", target);
        } catch (SyscallException e) {
            throw e;
        } catch (Throwable t) {
            throw fatal(t);
        }
    }

    /** umount2(2). */
    public static void umount2(String target, int flags) throws SyscallException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = newErrnoState(a);
            check((int) UMOUNT2.H.invokeExact(st, a.allocateFrom(target), flags), st, "umount2", target);
        } catch (SyscallException e) {
            throw e;
        } catch (Throwable t) {
            throw fatal(t);
        }
    }

    /** open(2); returns the new fd. */
    public static int open(String path, int flags, int mode) throws SyscallException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = newErrnoState(a);
            return check((int) OPEN.H.invokeExact(st, a.allocateFrom(path), flags, mode), st, "open", path);
        } catch (SyscallException e) {
            throw e;
        } catch (Throwable t) {
            throw fatal(t);
        }
    }

    /** flock(2). */
    public static void flock(int fd, int op) throws SyscallException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = newErrnoState(a);
            check((int) FLOCK.H.invokeExact(st, fd, op), st, "flock", null);
        } catch (SyscallException e) {
            throw e;
        } catch (Throwable t) {
            throw fatal(t);
        }
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
            int flags = path.isEmpty() ? Sys.AT_EMPTY_PATH : 0;
            check((int) STATX.H.invokeExact(st, dirfd, a.allocateFrom(path), flags, Sys.STATX_INO, buf), st, "statx",
                    path.isEmpty() ? "fd " + dirfd : path);
            return buf.get(JAVA_LONG, STX_INO);
        } catch (SyscallException e) {
            throw e;
        } catch (Throwable t) {
            throw fatal(t);
        }
    }

    /** gettid(2): the calling thread's kernel task id. */
    public static int gettid() {
        try (Arena a = Arena.ofConfined()) {
            return (int) GETTID.H.invokeExact(newErrnoState(a));
        } catch (Throwable t) {
            throw fatal(t);
        }
    }

    /** close(2) with a scratch errno segment, for code that is not on a hot path. */
    public static void close(int fd) throws SyscallException {
        try (Arena a = Arena.ofConfined()) {
            close(newErrnoState(a), fd);
        }
    }

    /** setns(2) with a scratch errno segment. */
    public static void setns(int fd, int nstype) throws SyscallException {
        try (Arena a = Arena.ofConfined()) {
            setns(newErrnoState(a), fd, nstype);
        }
    }

    /** unshare(2) with a scratch errno segment. */
    public static void unshare(int flags) throws SyscallException {
        try (Arena a = Arena.ofConfined()) {
            unshare(newErrnoState(a), flags);
        }
    }

    private static MemorySegment str(Arena a, String s) {
        return s == null ? MemorySegment.NULL : a.allocateFrom(s);
    }
}
