package io.github.netlink4j.junit;

import io.github.netlink4j.error.UnsupportedQdiscKindException;

/**
 * A {@link LinkShape} needs a qdisc this kernel lacks: netem for a delay or loss (module sch_netem), tbf
 * for a rate (sch_tbf). Thrown before the test runs, with nothing of the shape left behind; the kernel's
 * refusal is the cause. A test that must run everywhere shapes with what every kernel it meets has.
 *
 * {@snippet :
 * try {
 *     LinkShape.rate("1mbit").withDelay(Duration.ofMillis(20)).applyTo(nl, "veth0");
 * } catch (MissingQdiscKindException e) {
 *     System.err.println(e.kind());          // netem
 * }
 * }
 */
public final class MissingQdiscKindException extends IllegalStateException {
    private static final long serialVersionUID = 1L;
    private final String kind;

    /** The shape {@code shape} needs qdisc {@code kind}, which the kernel refused as {@code cause}. */
    public MissingQdiscKindException(String kind, LinkShape shape, UnsupportedQdiscKindException cause) {
        super("this kernel has no qdisc " + kind + " (module sch_" + kind + "), which the link shape " + shape + " needs"
                + (kind.equals("netem") ? " for its delay or loss: load it (modprobe sch_netem) or shape with a rate alone" : ""), cause);
        this.kind = kind;
    }

    /** The missing kind: {@code "netem"}, {@code "tbf"}. */
    public String kind() {
        return kind;
    }
}
