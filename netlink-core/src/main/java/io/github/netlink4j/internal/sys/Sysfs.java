package io.github.netlink4j.internal.sys;

import io.github.netlink4j.error.SyscallException;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;

/**
 * Files of a sysfs instance that shows the calling thread's network namespace, mounted nowhere: the new
 * mount API (fsopen, fsconfig, fsmount) hands back the mount as an fd, and files are opened below it. A
 * sysfs takes its view of /sys/class/net from the namespace of the thread that creates it, so a namespace
 * worker sees its namespace's devices without a mount namespace of its own (which a multi-threaded JVM
 * cannot unshare) and without touching the machine's /sys. Needs CAP_SYS_ADMIN.
 */
public final class Sysfs {
    private Sysfs() {}

    private static final int FSOPEN_CLOEXEC = 1, FSCONFIG_CMD_CREATE = 6, FSMOUNT_CLOEXEC = 1;
    private static final int O_RDONLY = 0;
    private static final int MAX = 4096;

    /** A new sysfs mount of the calling thread's namespace, as an fd (the caller's to close). */
    public static int mount() throws SyscallException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = Libc.newErrnoState(a);
            MemorySegment type = a.allocateFrom("sysfs");
            int fs = (int) Libc.check(st, "fsopen", "sysfs", Libc.sys(st, Nr.FSOPEN, Libc.ptr(type), FSOPEN_CLOEXEC, 0, 0, 0, 0));
            try {
                Libc.check(st, "fsconfig", "sysfs", Libc.sys(st, Nr.FSCONFIG, fs, FSCONFIG_CMD_CREATE, 0, 0, 0, 0));
                return (int) Libc.check(st, "fsmount", "sysfs", Libc.sys(st, Nr.FSMOUNT, fs, FSMOUNT_CLOEXEC, 0, 0, 0, 0));
            } finally {
                Libc.close(fs);
            }
        }
    }

    /** The text of {@code path} (relative, e.g. {@code class/net/tap0/tun_flags}) below the mount {@code mountFd}. */
    public static String read(int mountFd, String path) throws SyscallException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = Libc.newErrnoState(a);
            MemorySegment p = a.allocateFrom(path);
            int fd = (int) Libc.check(st, "open", path, Libc.sys(st, Nr.OPENAT, mountFd, Libc.ptr(p), O_RDONLY | Sys.O_CLOEXEC, 0, 0, 0));
            try {
                MemorySegment buf = a.allocate(MAX);
                long n = Libc.check(st, "read", path, Libc.sys(st, Nr.READ, fd, Libc.ptr(buf), MAX, 0, 0, 0));
                Reference.reachabilityFence(buf);
                return new String(buf.asSlice(0, n).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8);
            } finally {
                Libc.close(fd);
            }
        }
    }
}
