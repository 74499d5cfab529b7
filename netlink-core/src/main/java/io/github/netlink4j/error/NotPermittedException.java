package io.github.netlink4j.error;

/**
 * The kernel refused for lack of privilege ({@code EPERM} or {@code EACCES}): changing network state
 * needs {@code CAP_NET_ADMIN} in the namespace's owning user namespace, and namespace operations also
 * need {@code CAP_SYS_ADMIN}.
 *
 * {@snippet :
 * try {
 *     nl.links().add(LinkSpec.veth("veth0", "veth1"));
 * } catch (NotPermittedException e) {            // EPERM: the process lacks CAP_NET_ADMIN
 * }
 * }
 */
public class NotPermittedException extends KernelException {
    private static final long serialVersionUID = 1L;

    /** Wraps the kernel's refusal of a netlink request. */
    public NotPermittedException(KernelException cause) {
        super(cause, cause.getMessage() + ": the process lacks CAP_NET_ADMIN (run as root or grant the capability)");
    }

    /** A system call refused for lack of privilege; {@code message} names what was asked and the capability it needs. */
    public NotPermittedException(String message, SyscallException cause) {
        super(cause.errno(), cause.call(), null, -1, null, message, cause);
    }
}
