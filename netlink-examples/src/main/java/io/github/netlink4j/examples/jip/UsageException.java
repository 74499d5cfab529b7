package io.github.netlink4j.examples.jip;

/**
 * A command line ip refuses before anything reaches the kernel: the message ip prints on standard
 * error and the status it exits with (1, or 255 for its own syntax errors). jtc's batch lines meet it too.
 */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exit;

    UsageException(String message, int exit) {
        super(message);
        this.exit = exit;
    }

    /** The exit status the tool returns for it. */
    public int status() {
        return exit;
    }
}
