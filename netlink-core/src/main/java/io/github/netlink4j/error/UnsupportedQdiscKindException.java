package io.github.netlink4j.error;

/**
 * The kernel does not know the qdisc kind (TCA_KIND): the scheduler is not built in and no module could
 * be loaded. The kernel answers {@code ENOENT} with "Specified qdisc kind is unknown".
 *
 * {@snippet :
 * try {
 *     nl.qdiscs().add(QdiscSpec.root("veth0", QdiscOptions.netem(Duration.ofMillis(20))));
 * } catch (UnsupportedQdiscKindException e) {   // this kernel has no sch_netem
 *     System.err.println(e.kind() + ": " + e.extAckMessage().orElse(""));
 * }
 * }
 */
public class UnsupportedQdiscKindException extends KernelException {
    private static final long serialVersionUID = 1L;
    private final String kind;

    /** Wraps the kernel's refusal of a qdisc of {@code kind}. */
    public UnsupportedQdiscKindException(String kind, KernelException cause) {
        super(cause, "qdisc kind \"" + kind + "\" is not supported by this kernel (" + cause.getMessage() + ")");
        this.kind = kind;
    }

    /** The refused kind, such as {@code "netem"}. */
    public String kind() {
        return kind;
    }
}
