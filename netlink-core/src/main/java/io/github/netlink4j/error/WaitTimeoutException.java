package io.github.netlink4j.error;

import java.time.Duration;

/**
 * A wait ended without the state it waited for: the message says what was awaited and for how long.
 * Its errno is ETIMEDOUT.
 *
 * {@snippet :
 * try {
 *     nl.waits().linkUp("veth0", Duration.ofSeconds(5));
 * } catch (WaitTimeoutException e) {
 *     e.timeout();                               // PT5S
 * }
 * }
 */
public final class WaitTimeoutException extends NetlinkException {
    private static final long serialVersionUID = 1L;
    private final Duration timeout;

    /** {@code what} did not happen within {@code timeout}. */
    public WaitTimeoutException(String what, Duration timeout) {
        super(what + " did not happen within " + timeout, Errno.ETIMEDOUT, null);
        this.timeout = timeout;
    }

    /** How long was waited. */
    public Duration timeout() {
        return timeout;
    }
}
