package io.github.netlink4j.examples.jtc;

import io.github.netlink4j.tc.action.ActionControl;
import io.github.netlink4j.tc.action.ActionSpec;
import io.github.netlink4j.tc.action.MirredAction;

import java.util.ArrayList;
import java.util.List;

/**
 * An action list as tc 6.1's parse_action reads it ({@code action KIND OPTIONS [action KIND …]}), for
 * the kinds jtc parses: gact ({@code action drop}, {@code action gact pass index 5}) and mirred. It stops
 * at {@code classid}/{@code flowid}, where a filter's own words go on.
 */
final class ActionArgs {
    private ActionArgs() {}

    /** parse_action's failure, after the kind's message: tc prints these two lines and the caller's "Illegal \"action\"". */
    private static TcFail bad(String kindMessage, Args a) {
        String at = a.more() ? a.peek() : "(null)";
        return new TcFail(kindMessage + "parse_action: bad value (" + a.rest().size() + ":" + at + ")!\n", 1);
    }

    /** The actions from the word after {@code action} on, as many as follow. */
    static List<ActionSpec> parse(Args a) {
        List<ActionSpec> out = new ArrayList<>();
        boolean expectKind = true;
        while (a.more()) {
            String w = a.peek();
            if (w.equals("action")) {
                a.take();
                expectKind = true;
                continue;
            }
            if (w.equals("flowid") || w.equals("classid")) break;
            if (!expectKind) break;
            out.add(one(a));
            expectKind = false;
        }
        if (out.size() > 32) throw TcFail.unsupported("more than 32 actions");
        if (out.isEmpty()) throw bad("", a);
        return out;
    }

    /** One action: its kind's parser, starting at the kind (or at a control word, which is gact's). */
    private static ActionSpec one(Args a) {
        String w = a.peek();
        if (control(w) != null || w.equals("gact")) return gact(a);
        if (w.equals("mirred")) return mirred(a);
        if (ActionCommand.KINDS.contains(w)) throw TcFail.unsupported("action " + w + " (jtc parses gact and mirred)");
        // tc finds no action of that name and hands the word to gact, whose usage ends tc
        throw new TcFail("Bad action type " + w + "\n" + GACT_USAGE, 255, true);
    }

    static final String GACT_USAGE = """
            Usage: ... gact <ACTION> [RAND] [INDEX]
            Where: \tACTION := reclassify | drop | continue | pass | pipe |
                   \t          goto chain <CHAIN_INDEX> | jump <JUMP_COUNT>
            \tRAND := random <RANDTYPE> <ACTION> <VAL>
            \tRANDTYPE := netrand | determ
            \tVAL : = value not exceeding 10000
            \tJUMP_COUNT := Absolute jump from start of action list
            \tINDEX := index value used

            """;

    /** tc's action_a2n: a prefix of a verdict's name ({@code d} is drop), goto and jump aside. */
    static ActionControl control(String w) {
        for (String name : List.of("continue", "drop", "shot", "pass", "ok", "reclassify", "pipe", "trap")) {
            if (Args.matches(w, name)) return ActionControl.of(name);
        }
        return null;
    }

    /** m_gact.c: {@code [gact] CONTROL [index N]}. */
    private static ActionSpec gact(Args a) {
        if (a.peek().equals("gact")) a.take();
        if (!a.more()) throw bad("", a);
        String w = a.take();
        ActionControl c = control(w);
        if (c == null) throw new TcFail("Bad action type " + w + "\n" + GACT_USAGE, 255, true);
        ActionSpec s = ActionSpec.gact(c);
        if (a.more() && Args.matches(a.peek(), "index")) s = s.withIndex(index(a, "Illegal \"index\"\n"));
        return s;
    }

    /** m_mirred.c's parse_direction: {@code mirred egress|ingress redirect|mirror dev LINK [CONTROL of a mirror] [index N]}. */
    private static ActionSpec mirred(Args a) {
        a.take();
        if (!a.more()) throw TcFail.incomplete();
        String dir = a.take();
        boolean egress = Args.matches(dir, "egress");
        if (!egress && !Args.matches(dir, "ingress")) throw TcFail.unsupported("mirred without egress or ingress first");
        if (!a.more()) throw TcFail.incomplete();
        String what = a.take();
        boolean mirror = Args.matches(what, "mirror");
        if (!mirror && !Args.matches(what, "redirect")) throw TcFail.unsupported("mirred " + dir + " " + what);
        if (!a.more() || !Args.matches(a.peek(), "dev")) throw TcFail.unsupported("mirred without dev");
        String dev = a.next();
        MirredAction m = egress ? (mirror ? MirredAction.EGRESS_MIRROR : MirredAction.EGRESS_REDIRECT)
                : (mirror ? MirredAction.INGRESS_MIRROR : MirredAction.INGRESS_REDIRECT);
        ActionControl c = mirror ? ActionControl.PIPE : ActionControl.STOLEN;
        if (mirror && a.more() && control(a.peek()) != null) c = control(a.take());
        ActionSpec s = ActionSpec.mirred(m, dev, c);
        if (a.more() && Args.matches(a.peek(), "index")) s = s.withIndex(index(a, "mirred: Illegal \"index\"\n"));
        return s;
    }

    /** {@code index N}, get_u32 in base 10. */
    private static long index(Args a, String illegal) {
        String v = a.next();
        try {
            long i = Long.parseLong(v);
            if (i >= 0 && i <= 0xffff_ffffL) return i;
        } catch (NumberFormatException e) {
            // tc's message below
        }
        throw new TcFail(illegal + "bad action parsing\nparse_action: bad value (" + a.rest().size() + ":" + (a.more() ? a.peek() : "(null)")
                + ")!\n", 1);
    }

    /**
     * What tc prints after "Cannot find device" when the link a mirred action of {@code words} sends to
     * does not exist (m_mirred.c fails, then parse_action with the words counted from the kind); null when
     * no mirred action of the line names {@code link}.
     */
    static String missingTarget(List<String> words, String link) {
        for (int i = 0; i + 4 < words.size(); i++) {
            if (words.get(i).equals("mirred") && Args.matches(words.get(i + 3), "dev") && words.get(i + 4).equals(link)) {
                return "bad action parsing\nparse_action: bad value (" + (words.size() - i) + ":mirred)!\nIllegal \"action\"\n";
            }
        }
        return null;
    }
}
