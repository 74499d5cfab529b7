package io.github.netlink4j.error;

/**
 * A qdisc or class was to be made under a parent that does not exist: no qdisc with the parent's major,
 * or no such class in it. The kernel answers {@code ENOENT} ("Failed to find specified qdisc", "Specified
 * class not found", or nothing); its refusal, with the extended ACK, is the cause.
 *
 * {@snippet :
 * try {
 *     nl.qdiscs().add(QdiscSpec.of("veth0", TcHandle.of("7:3"), QdiscOptions.pfifo()));
 * } catch (NoSuchParentException e) {            // there is no qdisc 7:
 *     System.err.println(e.parent());            // 7:3
 * }
 * }
 */
public class NoSuchParentException extends NotFoundException {
    private static final long serialVersionUID = 1L;
    private final String parent;

    /** {@code parent} (as tc prints it, such as {@code 7:3}) of {@code what} does not exist, as the kernel said ({@code kernel}). */
    public NoSuchParentException(String what, String parent, KernelException kernel) {
        super("parent " + parent + " of " + what + " does not exist (" + kernel.getMessage() + ")", kernel);
        this.parent = parent;
    }

    /** The missing parent, as tc prints it. */
    public String parent() {
        return parent;
    }
}
