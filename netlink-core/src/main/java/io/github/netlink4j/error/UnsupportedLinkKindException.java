package io.github.netlink4j.error;

/**
 * The kernel does not know the link kind ({@code IFLA_INFO_KIND}): the driver is not built in and no
 * module could be loaded. The kernel answers {@code EOPNOTSUPP} with "Unknown device type".
 *
 * {@snippet :
 * try {
 *     nl.links().add(LinkSpec.dummy("dummy0"));
 * } catch (UnsupportedLinkKindException e) {     // the kernel has no dummy module
 * }
 * }
 */
public class UnsupportedLinkKindException extends KernelException {
    private static final long serialVersionUID = 1L;
    private final String kind;

    /** Wraps the kernel's refusal to create a link of {@code kind}. */
    public UnsupportedLinkKindException(String kind, KernelException cause) {
        super(cause, "link kind \"" + kind + "\" is not supported by this kernel (" + cause.getMessage() + ")");
        this.kind = kind;
    }

    /** The refused kind, such as {@code "dummy"}. */
    public String kind() {
        return kind;
    }
}
