package io.github.netlink4j.examples.jtc;

import io.github.netlink4j.tc.Rate;
import io.github.netlink4j.tc.Size;
import io.github.netlink4j.tc.TcHandle;
import io.github.netlink4j.tc.action.ActionControl;
import io.github.netlink4j.tc.action.ActionOptions;
import io.github.netlink4j.tc.action.ActionSpec;
import io.github.netlink4j.tc.action.MirredAction;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * An action list as tc 6.1's parse_action reads it ({@code action KIND OPTIONS [action KIND …]}), for
 * the kinds jtc parses: gact ({@code action drop}, {@code action gact pass index 5}), mirred, police, skbedit and pedit ({@link PeditArgs}). It stops
 * at {@code classid}/{@code flowid}, where a filter's own words go on.
 */
final class ActionArgs {
    private ActionArgs() {}

    /** The kinds tc 6.1 knows by name; another is "bad action" (a listing) or "non existent action" (get, delete). */
    static final List<String> KINDS = List.of("bpf", "connmark", "csum", "ct", "ctinfo", "gact", "gate", "ife", "mirred", "mpls", "nat",
            "pedit", "police", "sample", "simple", "skbedit", "skbmod", "tunnel_key", "vlan", "xt");

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
        if (w.equals("police")) return police(a);
        if (w.equals("skbedit")) return skbedit(a);
        if (w.equals("pedit")) return PeditArgs.parse(a);
        if (KINDS.contains(w)) throw TcFail.unsupported("action " + w + " (jtc parses gact, mirred, police, skbedit and pedit)");
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

    /**
     * m_police.c's act_parse_police, for {@code police rate RATE burst BURST [conform-exceed EXCEED[/CONFORM]] [index N]}
     * (tc's defaults: drop what exceeds, pass what conforms); tc's other words are not parsed.
     */
    private static ActionSpec police(Args a) {
        a.take();
        Rate rate = null;
        Size burst = null;
        ActionControl exceed = ActionControl.DROP, conform = ActionControl.PASS;
        long index = 0;
        while (a.more()) {
            String w = a.peek();
            if (w.equals("rate")) {
                String v = a.next();
                if (rate != null) throw TcFail.duparg("rate", v);
                rate = value(() -> Rate.of(v), "Illegal \"rate\"\n");
            } else if (Args.matches(w, "burst") || Args.matches(w, "buffer") || Args.matches(w, "maxburst")) {
                String v = a.next();
                if (burst != null) throw TcFail.duparg("buffer/burst", v);
                burst = value(() -> Size.of(v), "Illegal \"buffer/burst\"\n");
            } else if (Args.matches(w, "conform-exceed")) {
                String v = a.next();
                int slash = v.indexOf('/');
                exceed = control(slash < 0 ? v : v.substring(0, slash));
                conform = slash < 0 ? ActionControl.PASS : control(v.substring(slash + 1));
                if (exceed == null || conform == null) throw TcFail.unsupported("police conform-exceed " + v);
            } else if (Args.matches(w, "index")) {
                index = index(a, "Illegal \"index\"\n");
            } else if (List.of("mtu", "minburst", "mpu", "peakrate", "avrate", "overhead", "linklayer", "pkts_rate", "pkts_burst").contains(w)) {
                throw TcFail.unsupported("police " + w);
            } else {
                break;
            }
        }
        if (rate == null || burst == null) throw TcFail.unsupported("police without rate and burst (tc's own complaint)");
        ActionSpec s = ActionSpec.of(new ActionOptions.Police(rate, burst, exceed, conform));
        return index != 0 ? s.withIndex(index) : s;
    }

    /** m_skbedit.c: {@code skbedit [queue_mapping N] [priority CLASSID] [mark N] [CONTROL] [index N]}, the verdict pipe unless given. */
    private static ActionSpec skbedit(Args a) {
        a.take();
        Optional<TcHandle> priority = Optional.empty();
        OptionalLong mark = OptionalLong.empty();
        OptionalInt queue = OptionalInt.empty();
        boolean any = false;
        while (a.more()) {
            String w = a.peek();
            if (Args.matches(w, "queue_mapping")) {
                String v = a.next();
                long q = Args.u32(v, 0);
                if (q < 0 || q > 0xffff) throw new TcFail("Illegal queue_mapping\n", 1);
                queue = OptionalInt.of((int) q);
            } else if (Args.matches(w, "priority")) {
                String v = a.next();
                priority = Optional.of(value(() -> TcHandle.of(v), "Illegal priority\n"));
            } else if (Args.matches(w, "mark")) {
                String v = a.next();
                if (v.indexOf('/') >= 0) throw TcFail.unsupported("skbedit mark with a mask");
                long m = Args.u32(v, 0);
                if (m < 0) throw new TcFail("Illegal mark\n", 1);
                mark = OptionalLong.of(m);
            } else if (List.of("ptype", "inheritdsfield").contains(w)) {
                throw TcFail.unsupported("skbedit " + w);
            } else {
                break;
            }
            any = true;
        }
        if (!any) throw TcFail.unsupported("skbedit without queue_mapping, priority or mark");
        ActionControl c = ActionControl.PIPE;
        if (a.more() && control(a.peek()) != null) c = control(a.take());
        ActionSpec s = ActionSpec.of(new ActionOptions.Skbedit(priority, mark, queue, c));
        if (a.more() && Args.matches(a.peek(), "index")) s = s.withIndex(index(a, "skbedit: Illegal \"index\"\n"));
        return s;
    }

    /** A value the library reads, or tc's message for it. */
    private static <T> T value(java.util.function.Supplier<T> read, String illegal) {
        try {
            return read.get();
        } catch (IllegalArgumentException e) {
            throw new TcFail(illegal, 1);
        }
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
