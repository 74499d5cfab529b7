package io.github.netlink4j.error;

/**
 * A topology could not be made: the message names the step ({@code step 7 of 10: address
 * 10.200.0.2/24 on veth0 in host}) and carries the reason; everything the steps before made has been
 * removed again when this is thrown. Its errno is the failing step's, when it had one.
 *
 * {@snippet :
 * try {
 *     topology.apply(nl);
 * } catch (TopologyException e) {
 *     System.err.println(e.getMessage());        // step 7 of 10: address … in direct_netns: Cannot find device "nosuch"
 * }
 * }
 */
public final class TopologyException extends NetlinkException {
    private static final long serialVersionUID = 1L;
    private final int step;

    /** Step {@code step} of {@code steps}, described by {@code what}, failed with {@code cause}. */
    public TopologyException(int step, int steps, String what, Throwable cause) {
        super("step " + step + " of " + steps + ": " + what + ": " + cause.getMessage(),
                cause instanceof NetlinkException n ? n.errno() : 0, cause);
        this.step = step;
    }

    /** The step that failed, from 1. */
    public int step() {
        return step;
    }
}
