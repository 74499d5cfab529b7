package io.github.netlink4j.tc.action;

/**
 * What happens to a packet after an action, the {@code TC_ACT_*} verdict of linux/pkt_cls.h that tc calls
 * the control action ({@code pass}, {@code drop}, {@code pipe}, …). An open set: the kernel encodes
 * {@code goto chain N} and {@code jump N} in the upper bits, so any 32-bit value is kept and printed.
 *
 * {@snippet :
 * ActionControl.of("drop");           // TC_ACT_SHOT
 * ActionControl.goToChain(7);         // goto chain 7
 * }
 *
 * @param value the kernel's int ({@code struct tc_gen}'s {@code action})
 */
public record ActionControl(int value) {
    /** {@code TC_ACT_UNSPEC}, tc's {@code continue}: the next filter. */
    public static final ActionControl CONTINUE = new ActionControl(-1);
    /** {@code TC_ACT_OK}, tc's {@code pass} (and {@code ok}): the packet goes on. */
    public static final ActionControl PASS = new ActionControl(0);
    /** {@code TC_ACT_RECLASSIFY}: classify again from the first filter. */
    public static final ActionControl RECLASSIFY = new ActionControl(1);
    /** {@code TC_ACT_SHOT}, tc's {@code drop} (and {@code shot}). */
    public static final ActionControl DROP = new ActionControl(2);
    /** {@code TC_ACT_PIPE}: on to the next action of the list. */
    public static final ActionControl PIPE = new ActionControl(3);
    /** {@code TC_ACT_STOLEN}: the action consumed the packet (a mirred redirect's default). */
    public static final ActionControl STOLEN = new ActionControl(4);
    /** {@code TC_ACT_TRAP}: to the CPU (hardware offload). */
    public static final ActionControl TRAP = new ActionControl(8);

    /** The upper bits that mark an extended verdict ({@code TC_ACT_EXT_SHIFT} 28). */
    private static final int EXT_SHIFT = 28;
    private static final int JUMP = 1 << EXT_SHIFT;
    private static final int GOTO_CHAIN = 2 << EXT_SHIFT;
    private static final int EXT_VALUE = (1 << EXT_SHIFT) - 1;

    /** The verdict of value {@code value}, any 32-bit value. */
    public static ActionControl of(int value) {
        return new ActionControl(value);
    }

    /**
     * Reads tc's words: {@code continue}, {@code pass}/{@code ok}, {@code reclassify}, {@code drop}/{@code shot},
     * {@code pipe}, {@code stolen}, {@code trap}.
     *
     * @throws IllegalArgumentException for anything else ({@code goto chain} and {@code jump} take a number: {@link #goToChain}, {@link #jump})
     */
    public static ActionControl of(String text) {
        return switch (text) {
            case "continue" -> CONTINUE;
            case "pass", "ok" -> PASS;
            case "reclassify" -> RECLASSIFY;
            case "drop", "shot" -> DROP;
            case "pipe" -> PIPE;
            case "stolen" -> STOLEN;
            case "trap" -> TRAP;
            default -> throw new IllegalArgumentException("\"" + text + "\" is not a control action (continue, pass, reclassify, drop, pipe, stolen, trap)");
        };
    }

    /** {@code goto chain CHAIN}: on to the filters of chain {@code chain} (0 to 2^28-1). */
    public static ActionControl goToChain(int chain) {
        if (chain < 0 || chain > EXT_VALUE) throw new IllegalArgumentException("chain " + chain + " is out of range (0 to " + EXT_VALUE + ")");
        return new ActionControl(GOTO_CHAIN | chain);
    }

    /** {@code jump COUNT}: skip {@code count} actions of the list. */
    public static ActionControl jump(int count) {
        if (count < 1 || count > EXT_VALUE) throw new IllegalArgumentException("jump " + count + " is out of range (1 to " + EXT_VALUE + ")");
        return new ActionControl(JUMP | count);
    }

    /** As tc prints it: {@code pass}, {@code drop}, {@code goto chain 7}, {@code jump 2}, or the number. */
    @Override
    public String toString() {
        return switch (value) {
            case -1 -> "continue";
            case 0 -> "pass";
            case 1 -> "reclassify";
            case 2 -> "drop";
            case 3 -> "pipe";
            case 4 -> "stolen";
            case 5 -> "queued";
            case 6 -> "repeat";
            case 7 -> "redirect";
            case 8 -> "trap";
            default -> (value & ~EXT_VALUE) == GOTO_CHAIN ? "goto chain " + (value & EXT_VALUE)
                    : (value & ~EXT_VALUE) == JUMP ? "jump " + (value & EXT_VALUE) : Integer.toString(value);
        };
    }
}
