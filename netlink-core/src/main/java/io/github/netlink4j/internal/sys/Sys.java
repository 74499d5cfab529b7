package io.github.netlink4j.internal.sys;

/** Constants of the C library and kernel ABI used with {@link Libc} (x86_64 and aarch64 Linux values). */
public final class Sys {
    private Sys() {}

    public static final int AF_NETLINK = 16;
    public static final int SOCK_RAW = 3;
    public static final int SOCK_CLOEXEC = 0x80000;
    public static final int SOL_SOCKET = 1;
    public static final int SOL_NETLINK = 270;
    public static final int SO_SNDBUF = 7;
    public static final int SO_RCVBUF = 8;
    public static final int SO_SNDBUFFORCE = 32;
    public static final int SO_RCVBUFFORCE = 33;
    public static final int SO_RCVTIMEO = 20;
    public static final int MSG_PEEK = 0x2;
    public static final int MSG_TRUNC = 0x20;
    public static final int MSG_DONTWAIT = 0x40;
    public static final int O_RDONLY = 0;
    public static final int O_CREAT = 0x40;
    public static final int O_EXCL = 0x80;
    public static final int O_CLOEXEC = 0x80000;
    public static final int O_DIRECTORY = 0x10000;
    public static final int O_NOFOLLOW = 0x20000;
    /** O_PATH: a descriptor that names a file without opening it (no FIFO wait, no device driver's open). */
    public static final int O_PATH = 0x200000;
    public static final int CLONE_NEWNS = 0x00020000;
    public static final int CLONE_NEWNET = 0x40000000;
    public static final long MS_RDONLY = 1;
    public static final long MS_NOSUID = 2;
    public static final long MS_NODEV = 4;
    public static final long MS_NOEXEC = 8;
    public static final long MS_BIND = 4096;
    public static final long MS_REC = 16384;
    public static final long MS_PRIVATE = 1 << 18;
    public static final long MS_SLAVE = 1 << 19;
    public static final long MS_SHARED = 1 << 20;
    public static final int MNT_DETACH = 2;
    public static final int UMOUNT_NOFOLLOW = 8;
    /** NSFS_MAGIC (linux/magic.h): the filesystem of namespace files. */
    public static final long NSFS_MAGIC = 0x6e736673L;
    public static final int LOCK_EX = 2;
    public static final int LOCK_UN = 8;

    /** statx(2): AT_EMPTY_PATH (fcntl.h) and STATX_INO (linux/stat.h). */
    public static final int AT_EMPTY_PATH = 0x1000;
    public static final int STATX_INO = 0x100;
    public static final int AT_FDCWD = -100;
}
