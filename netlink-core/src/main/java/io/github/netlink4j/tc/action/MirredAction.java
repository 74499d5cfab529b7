package io.github.netlink4j.tc.action;

/**
 * What a mirred action does with a packet, {@code tc_mirred.eaction} (TCA_EGRESS_REDIR, … of
 * linux/tc_act/tc_mirred.h): send it out of (egress) or into (ingress) another link, instead of the
 * original (redirect) or as a copy (mirror).
 */
public enum MirredAction {
    /** {@code egress redirect}, TCA_EGRESS_REDIR. */
    EGRESS_REDIRECT(1, "egress redirect"),
    /** {@code egress mirror}, TCA_EGRESS_MIRROR. */
    EGRESS_MIRROR(2, "egress mirror"),
    /** {@code ingress redirect}, TCA_INGRESS_REDIR. */
    INGRESS_REDIRECT(3, "ingress redirect"),
    /** {@code ingress mirror}, TCA_INGRESS_MIRROR. */
    INGRESS_MIRROR(4, "ingress mirror");

    private final int value;
    private final String text;

    MirredAction(int value, String text) {
        this.value = value;
        this.text = text;
    }

    /** The kernel's number. */
    public int value() {
        return value;
    }

    /** Whether the packet itself goes (redirect), not a copy. */
    public boolean isRedirect() {
        return this == EGRESS_REDIRECT || this == INGRESS_REDIRECT;
    }

    /** The constant of kernel number {@code value}; IllegalArgumentException for a number none has. */
    public static MirredAction of(int value) {
        for (MirredAction a : values()) if (a.value == value) return a;
        throw new IllegalArgumentException("no mirred action " + value);
    }

    /** As tc writes it: {@code egress redirect}. */
    @Override
    public String toString() {
        return text;
    }
}
