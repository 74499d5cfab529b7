package io.github.netlink4j.error;

/**
 * A system call failed: carries the call's name, errno, its symbolic name, strerror text and path if any.
 *
 * {@snippet :
 * try {
 *     NetNamespace.create("direct_netns");
 * } catch (SyscallException e) {                 // mount, unshare, setns, …: errno and the call's name
 *     System.err.println(e.description());
 * }
 * }
 */
public final class SyscallException extends NetlinkException {
    private static final long serialVersionUID = 1L;
    private final String call;
    private final String path;

    /** A failed call on no particular path. */
    public SyscallException(String call, int errno) {
        this(call, errno, null);
    }

    /** A failed call on {@code path} (a file or namespace name), or null. */
    public SyscallException(String call, int errno, String path) {
        super(call + (path != null ? "(" + path + ")" : "") + " failed: " + Errno.describe(errno)
                + " (" + Errno.name(errno) + ")", errno, null);
        this.call = call;
        this.path = path;
    }

    private SyscallException(SyscallException base, String hint) {
        super(base.getMessage() + ": " + hint, base.errno(), base);
        this.call = base.call;
        this.path = base.path;
    }

    /** The same failure with {@code hint} (what would make it work) added to the message; the original is the cause. */
    public SyscallException withHint(String hint) {
        return new SyscallException(this, hint);
    }

    /** The system call, such as {@code "setns"}. */
    public String call() {
        return call;
    }

    /** The strerror(3) text. */
    public String description() {
        return Errno.describe(errno());
    }

    /** The path the call was about, or null. */
    public String path() {
        return path;
    }
}
