package io.github.netlink4j.error;

/**
 * The named network namespace does not exist ({@code /var/run/netns/NAME} is missing): what
 * {@code NetNamespace.open} and {@code delete} throw, as {@code ip netns} says {@code Cannot open network
 * namespace "x": No such file or directory}. Its errno is ENOENT.
 *
 * {@snippet :
 * try (NetNamespace ns = NetNamespace.open("direct_netns")) {
 *     // …
 * } catch (NoSuchNamespaceException e) {
 *     e.name();                                  // "direct_netns"
 * }
 * }
 */
public final class NoSuchNamespaceException extends NotFoundException {
    private static final long serialVersionUID = 1L;
    private final String name;

    /** The namespace {@code name} is missing; {@code cause} is the failed system call. */
    public NoSuchNamespaceException(String name, SyscallException cause) {
        super("Cannot open network namespace \"" + name + "\": No such file or directory", Errno.ENOENT, cause);
        this.name = name;
    }

    /** The name asked for. */
    public String name() {
        return name;
    }
}
