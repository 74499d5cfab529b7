package io.github.netlink4j.internal.sys;

import io.github.netlink4j.error.SyscallException;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;

/**
 * The TUN/TAP driver's interface ({@code linux/if_tun.h}): {@code /dev/net/tun} opened and bound to a
 * device with TUNSETIFF, the device's persistence, owner, group and virtio header size, and packet
 * reads and writes on a queue's fd. The ioctl numbers are {@code _IOW('T', n, int)} and
 * {@code _IOR('T', n, unsigned int)}, the same on x86-64 and arm64.
 */
public final class Tun {
    private Tun() {}

    /** The clone device every queue is opened from. */
    public static final String CLONE_DEVICE = "/dev/net/tun";

    public static final long TUNSETIFF = 0x400454caL;
    public static final long TUNSETPERSIST = 0x400454cbL;
    public static final long TUNSETOWNER = 0x400454ccL;
    public static final long TUNSETGROUP = 0x400454ceL;
    public static final long TUNGETIFF = 0x800454d2L;
    public static final long TUNSETVNETHDRSZ = 0x400454d8L;

    public static final int O_RDWR = 2;
    public static final int O_NONBLOCK = 0x800;
    /** IFNAMSIZ, and sizeof(struct ifreq) on LP64. */
    private static final int IFNAMSIZ = 16, IFREQ = 40;
    /** POLLIN and POLLOUT (asm-generic/poll.h); struct pollfd is {int fd; short events; short revents;}. */
    public static final short POLLIN = 1, POLLOUT = 4;
    public static final int EAGAIN = 11, EINTR = 4;

    /**
     * ioctl(fd, TUNSETIFF, &ifr): binds {@code fd} to device {@code name} (created if missing, a
     * {@code %d} in it numbered by the kernel) with {@code flags}; returns the device's name.
     */
    public static String setIff(int fd, String name, int flags) throws SyscallException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = Libc.newErrnoState(a);
            MemorySegment ifr = a.allocate(IFREQ, 8);
            byte[] n = name.getBytes(StandardCharsets.UTF_8);
            MemorySegment.copy(n, 0, ifr, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, Math.min(n.length, IFNAMSIZ - 1));
            ifr.set(JAVA_SHORT_UNALIGNED, IFNAMSIZ, (short) flags);
            Libc.check(st, "ioctl(TUNSETIFF)", name, Libc.sys(st, Nr.IOCTL, fd, TUNSETIFF, Libc.ptr(ifr), 0, 0, 0));
            Reference.reachabilityFence(ifr);
            // the kernel writes the device's name back: the one it picked for a "tap%d" template
            return ifr.getString(0, StandardCharsets.UTF_8);
        }
    }

    /** ioctl(fd, TUNGETIFF): the flags the queue was bound with (ifr_flags). */
    public static int getIffFlags(int fd) throws SyscallException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = Libc.newErrnoState(a);
            MemorySegment ifr = a.allocate(IFREQ, 8);
            Libc.check(st, "ioctl(TUNGETIFF)", null, Libc.sys(st, Nr.IOCTL, fd, TUNGETIFF, Libc.ptr(ifr), 0, 0, 0));
            return Short.toUnsignedInt(ifr.get(JAVA_SHORT_UNALIGNED, IFNAMSIZ));
        }
    }

    /** An ioctl whose argument is the value itself (TUNSETPERSIST, TUNSETOWNER, TUNSETGROUP). */
    public static void ioctlValue(int fd, long request, long value, String name, String path) throws SyscallException {
        Libc.scratch(name, path, Nr.IOCTL, fd, request, value, 0, 0, 0);
    }

    /** ioctl(fd, TUNSETVNETHDRSZ, &size). */
    public static void setVnetHeaderSize(int fd, int size, String path) throws SyscallException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = Libc.newErrnoState(a);
            MemorySegment v = a.allocate(JAVA_INT);
            v.set(JAVA_INT, 0, size);
            Libc.check(st, "ioctl(TUNSETVNETHDRSZ)", path, Libc.sys(st, Nr.IOCTL, fd, TUNSETVNETHDRSZ, Libc.ptr(v), 0, 0, 0));
        }
    }

    /** read(2) returning -errno instead of throwing (EAGAIN on an empty non-blocking queue). */
    public static long readRaw(MemorySegment st, int fd, MemorySegment buf, long len) {
        long n = Libc.sys(st, Nr.READ, fd, Libc.ptr(buf), len, 0, 0, 0);
        Reference.reachabilityFence(buf);
        return n < 0 ? -Libc.errno(st) : n;
    }

    /** write(2) returning -errno instead of throwing. */
    public static long writeRaw(MemorySegment st, int fd, MemorySegment buf, long len) {
        long n = Libc.sys(st, Nr.WRITE, fd, Libc.ptr(buf), len, 0, 0, 0);
        Reference.reachabilityFence(buf);
        return n < 0 ? -Libc.errno(st) : n;
    }

    /**
     * ppoll(2) on one fd for {@code events}, at most {@code millis} ms: the revents (0 on timeout), or
     * -errno. {@code scratch} holds the pollfd (8 bytes) and the timespec (16 bytes).
     */
    public static int pollRaw(MemorySegment st, MemorySegment scratch, int fd, short events, long millis) {
        scratch.set(JAVA_INT, 0, fd);
        scratch.set(JAVA_SHORT_UNALIGNED, 4, events);
        scratch.set(JAVA_SHORT_UNALIGNED, 6, (short) 0);
        scratch.set(java.lang.foreign.ValueLayout.JAVA_LONG, 8, millis / 1000);
        scratch.set(java.lang.foreign.ValueLayout.JAVA_LONG, 16, (millis % 1000) * 1_000_000L);
        long rc = Libc.sys(st, Nr.PPOLL, Libc.ptr(scratch), 1, Libc.ptr(scratch) + 8, 0, 8, 0);
        Reference.reachabilityFence(scratch);
        if (rc < 0) return -Libc.errno(st);
        return rc == 0 ? 0 : Short.toUnsignedInt(scratch.get(JAVA_SHORT_UNALIGNED, 6));
    }

    /** Bytes of scratch {@link #pollRaw} needs. */
    public static final int POLL_SCRATCH = 24;
}
