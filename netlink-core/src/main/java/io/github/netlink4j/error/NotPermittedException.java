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

    /** Wraps the kernel's refusal. */
    public NotPermittedException(KernelException cause) {
        super(cause, cause.getMessage() + ": the process lacks CAP_NET_ADMIN (run as root or grant the capability)");
    }
}
