package io.github.netlink4j.error;

/**
 * The kernel does not know the traffic-control action kind: the action (act_*) is not built in and no module could
 * be loaded. The kernel answers {@code ENOENT} with "Failed to load TC action module."; its extended ACK and attribute
 * path stay in the copied details.
 *
 * {@snippet :
 * try {
 *     nl.actions().add(ActionSpec.gact(ActionControl.DROP));
 * } catch (UnsupportedActionKindException e) {   // this kernel has no gact
 *     System.err.println(e.kind() + ": " + e.extAckMessage().orElse(""));
 * }
 * }
 */
public class UnsupportedActionKindException extends KernelException {
    private static final long serialVersionUID = 1L;
    private final String kind;

    /** Wraps the kernel's refusal of a action of {@code kind}. */
    public UnsupportedActionKindException(String kind, KernelException cause) {
        super(cause, "action kind \"" + kind + "\" is not supported by this kernel (" + cause.getMessage() + ")");
        this.kind = kind;
    }

    /** The refused kind, such as {@code "gact"}. */
    public String kind() {
        return kind;
    }
}
