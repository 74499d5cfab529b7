package io.github.netlink4j.error;

/**
 * The object to create exists already ({@code EEXIST}): use replace, or delete it first.
 *
 * {@snippet :
 * try {
 *     nl.links().add(LinkSpec.veth("veth0", "veth1"));
 * } catch (AlreadyExistsException e) {           // EEXIST: RTNETLINK answers: File exists
 *     nl.links().get("veth0");
 * }
 * }
 */
public class AlreadyExistsException extends KernelException {
    private static final long serialVersionUID = 1L;

    /** A system call refused with EEXIST: {@code what} (such as {@code namespace "direct_netns"}) exists already. */
    public AlreadyExistsException(String what, SyscallException cause) {
        super(cause.errno(), cause.call(), null, -1, null, what + " already exists (" + cause.getMessage() + ")", cause);
    }

    /**
     * The library found {@code what} existing before asking the kernel (as EEXIST would say) while
     * trying {@code operation}.
     */
    public static AlreadyExistsException beforeAsking(String operation, String what) {
        return new AlreadyExistsException(operation, what, 0);
    }

    private AlreadyExistsException(String operation, String what, int unused) {
        super(Errno.EEXIST, operation, null, -1, null, what + " already exists (" + operation + ")", null);
    }

    /** Wraps the kernel's EEXIST refusal of {@code what}. */
    public AlreadyExistsException(String what, KernelException cause) {
        super(cause, what + " already exists (" + cause.getMessage() + ")");
    }
}
