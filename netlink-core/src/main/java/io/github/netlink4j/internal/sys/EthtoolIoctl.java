package io.github.netlink4j.internal.sys;

import io.github.netlink4j.error.SyscallException;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;

/**
 * The ethtool ioctl ({@code SIOCETHTOOL}, linux/sockios.h): the one way to a driver's own statistics, which
 * the ethtool netlink family does not carry. The command's struct ({@code struct ethtool_sset_info},
 * {@code ethtool_gstrings}, {@code ethtool_stats}) is laid out by the caller; this class only hands it to the
 * kernel through {@code struct ifreq}'s {@code ifr_data} on an AF_INET datagram socket, as ethtool(8) does,
 * in the calling thread's network namespace.
 */
public final class EthtoolIoctl {
    private EthtoolIoctl() {}

    /** SIOCETHTOOL of linux/sockios.h. */
    static final long SIOCETHTOOL = 0x8946L;
    private static final int AF_INET = 2, SOCK_DGRAM = 2;
    /** IFNAMSIZ, and sizeof(struct ifreq) on LP64, where ifr_data sits at offset IFNAMSIZ. */
    private static final int IFNAMSIZ = 16, IFREQ = 40;

    /**
     * ioctl(SIOCETHTOOL) on device {@code dev} with the command struct {@code data}: returns the struct as the
     * kernel left it, of {@code data}'s length. {@code data} must be as long as the kernel may write (the
     * counts the caller asked for), since the kernel writes what the driver has.
     *
     * @param what names the command in the exception, e.g. {@code "ioctl(SIOCETHTOOL ETHTOOL_GSTATS)"}
     * @throws SyscallException with the kernel's errno: ENODEV for no such device, EOPNOTSUPP for a driver
     *                          without the command
     */
    public static byte[] call(String dev, byte[] data, String what) throws SyscallException {
        byte[] name = dev.getBytes(StandardCharsets.UTF_8);
        if (name.length >= IFNAMSIZ) throw new IllegalArgumentException("device name too long: " + dev);
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = Libc.newErrnoState(a);
            MemorySegment buf = a.allocate(data.length, 8);
            MemorySegment.copy(data, 0, buf, ValueLayout.JAVA_BYTE, 0, data.length);
            MemorySegment ifr = a.allocate(IFREQ, 8);
            MemorySegment.copy(name, 0, ifr, ValueLayout.JAVA_BYTE, 0, name.length);
            ifr.set(ValueLayout.JAVA_LONG_UNALIGNED, IFNAMSIZ, Libc.ptr(buf));
            int fd = Libc.socket(st, AF_INET, SOCK_DGRAM | Sys.SOCK_CLOEXEC, 0);
            try {
                Libc.check(st, what, dev, Libc.sys(st, Nr.IOCTL, fd, SIOCETHTOOL, Libc.ptr(ifr), 0, 0, 0));
            } finally {
                Libc.close(fd);
            }
            Reference.reachabilityFence(ifr);
            return buf.toArray(ValueLayout.JAVA_BYTE);
        }
    }
}
