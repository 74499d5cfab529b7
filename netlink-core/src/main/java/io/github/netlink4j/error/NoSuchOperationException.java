package io.github.netlink4j.error;

/**
 * The running kernel's generic netlink family has no such operation (nlctrl does not list its command):
 * a kernel older than the spec the library was built from, or a family built without it.
 *
 * {@snippet :
 * try {
 *     nl.genl().ethtool().rings().get("eth0");
 * } catch (NoSuchOperationException e) {
 *     e.family();                                // "ethtool"
 *     e.operation();                             // "rings-get"
 * }
 * }
 */
public final class NoSuchOperationException extends NotFoundException {
    private static final long serialVersionUID = 1L;
    private final String family;
    private final String operation;

    /** {@code operation} of {@code family} is not in the kernel's list. */
    public NoSuchOperationException(String family, String operation) {
        super("generic netlink family \"" + family + "\" has no operation " + operation + " in this kernel (older than the caller expects?)", null);
        this.family = family;
        this.operation = operation;
    }

    /** The family's name. */
    public String family() {
        return family;
    }

    /** The operation, by the name the spec gives it ({@code rings-get}), or {@code command N} when no spec names it. */
    public String operation() {
        return operation;
    }
}
