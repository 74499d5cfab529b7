package io.github.netlink4j.error;

/**
 * The named or numbered link does not exist: ip's {@code Cannot find device "x"}. The kernel's
 * ENODEV, with its extended ACK if any, is the cause.
 *
 * {@snippet :
 * try {
 *     nl.links().setUp("nosuch");
 * } catch (NoSuchLinkException e) {              // Cannot find device "nosuch"
 *     System.err.println(e.link());
 * }
 * }
 */
public class NoSuchLinkException extends NotFoundException {
    private static final long serialVersionUID = 1L;
    private final String link;

    /** {@code link} does not exist: the kernel said so ({@code kernel}, ENODEV), or a dump did not list it (null). */
    public NoSuchLinkException(String link, KernelException kernel) {
        super("Cannot find device \"" + link + "\"", kernel);
        this.link = link;
    }

    /** The link name (or index as text) that was not found. */
    public String link() {
        return link;
    }
}
