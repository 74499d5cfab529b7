package io.github.netlink4j.internal.sys;

/**
 * System call numbers (asm/unistd_64.h for x86-64, asm-generic/unistd.h for arm64), for the one
 * {@code syscall(2)} downcall {@link Libc} makes. Other architectures are refused on first use with a
 * clear error rather than calling the wrong thing.
 */
final class Nr {
    private Nr() {}

    private static final boolean X86_64 = switch (System.getProperty("os.arch")) {
        case "amd64", "x86_64" -> true;
        case "aarch64", "arm64" -> false;
        default -> throw new UnsupportedOperationException("netlink4j knows the system call numbers of x86-64 and arm64 Linux, not "
                + System.getProperty("os.arch"));
    };

    static final int READ = X86_64 ? 0 : 63;
    static final int WRITE = X86_64 ? 1 : 64;
    static final int CLOSE = X86_64 ? 3 : 57;
    static final int MMAP = X86_64 ? 9 : 222;
    static final int MUNMAP = X86_64 ? 11 : 215;
    static final int IOCTL = X86_64 ? 16 : 29;
    static final int SOCKET = X86_64 ? 41 : 198;
    static final int CONNECT = X86_64 ? 42 : 203;
    static final int SENDTO = X86_64 ? 44 : 206;
    static final int RECVFROM = X86_64 ? 45 : 207;
    static final int RECVMSG = X86_64 ? 47 : 212;
    static final int BIND = X86_64 ? 49 : 200;
    static final int GETSOCKNAME = X86_64 ? 51 : 204;
    static final int SETSOCKOPT = X86_64 ? 54 : 208;
    static final int FLOCK = X86_64 ? 73 : 32;
    static final int FSTATFS = X86_64 ? 138 : 44;
    static final int MOUNT = X86_64 ? 165 : 40;
    static final int UMOUNT2 = X86_64 ? 166 : 39;
    static final int OPENAT = X86_64 ? 257 : 56;
    static final int PPOLL = X86_64 ? 271 : 73;
    static final int UNSHARE = X86_64 ? 272 : 97;
    static final int SETNS = X86_64 ? 308 : 268;
    static final int STATX = X86_64 ? 332 : 291;
    // the new mount API has one number on every architecture
    static final int FSOPEN = 430;
    static final int FSCONFIG = 431;
    static final int FSMOUNT = 432;
}
