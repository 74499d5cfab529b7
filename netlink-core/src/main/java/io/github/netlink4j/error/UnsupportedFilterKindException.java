package io.github.netlink4j.error;

/**
 * The kernel does not know the traffic-control filter kind: the classifier (cls_*) is not built in and no module could
 * be loaded. The kernel answers {@code ENOENT} with "TC classifier not found"; its extended ACK and attribute
 * path stay in the copied details.
 *
 * {@snippet :
 * try {
 *     nl.filters().add(FilterSpec.ingress("veth0", 1, FilterProtocol.ALL, FilterOptions.matchall()));
 * } catch (UnsupportedFilterKindException e) {   // this kernel has no matchall
 *     System.err.println(e.kind() + ": " + e.extAckMessage().orElse(""));
 * }
 * }
 */
public class UnsupportedFilterKindException extends KernelException {
    private static final long serialVersionUID = 1L;
    private final String kind;

    /** Wraps the kernel's refusal of a filter of {@code kind}. */
    public UnsupportedFilterKindException(String kind, KernelException cause) {
        super(cause, "filter kind \"" + kind + "\" is not supported by this kernel (" + cause.getMessage() + ")");
        this.kind = kind;
    }

    /** The refused kind, such as {@code "matchall"}. */
    public String kind() {
        return kind;
    }
}
