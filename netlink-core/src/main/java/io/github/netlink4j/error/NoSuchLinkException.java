package io.github.netlink4j.error;

/** The named or numbered link does not exist ({@code ENODEV}), like ip's {@code Cannot find device "x"}. */
public class NoSuchLinkException extends KernelException {
    private static final long serialVersionUID = 1L;
    private final String link;

    /** A link the library could not resolve before sending anything. */
    public NoSuchLinkException(String link) {
        super(Errno.ENODEV, "lookup", null, -1, null, "Cannot find device \"" + link + "\"");
        this.link = link;
    }

    /** A link the kernel said does not exist, keeping the kernel's details. */
    public NoSuchLinkException(String link, KernelException cause) {
        super(cause, "Cannot find device \"" + link + "\" (" + cause.getMessage() + ")");
        this.link = link;
    }

    /** The link name (or index as text) that was not found. */
    public String link() {
        return link;
    }
}
