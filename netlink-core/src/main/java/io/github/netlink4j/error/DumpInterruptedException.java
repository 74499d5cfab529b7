package io.github.netlink4j.error;

/**
 * A dump kept changing while it was read ({@code NLM_F_DUMP_INTR}) more times than the retry budget
 * allowed. Retrying later is safe.
 *
 * {@snippet :
 * try {
 *     nl.links().list();                         // retried on NLM_F_DUMP_INTR a few times first
 * } catch (DumpInterruptedException e) {
 *     // the kernel kept changing the table while it was dumped
 * }
 * }
 */
public final class DumpInterruptedException extends NetlinkException {
    private static final long serialVersionUID = 1L;
    private final int attempts;

    /** The dump of {@code what} was interrupted on each of {@code attempts} tries. */
    public DumpInterruptedException(String what, int attempts) {
        super("dump of " + what + " was interrupted by concurrent changes on all " + attempts + " attempts (NLM_F_DUMP_INTR)", 0, null);
        this.attempts = attempts;
    }

    /** How many times the dump was tried. */
    public int attempts() {
        return attempts;
    }
}
