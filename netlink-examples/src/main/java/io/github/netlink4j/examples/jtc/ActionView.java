package io.github.netlink4j.examples.jtc;

import io.github.netlink4j.common.RawAttribute;
import io.github.netlink4j.tc.action.Action;
import io.github.netlink4j.tc.action.ActionControl;
import io.github.netlink4j.tc.action.ActionOptions;
import io.github.netlink4j.tc.action.ActionTimes;
import io.github.netlink4j.tc.action.MirredAction;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Action lists as tc 6.1's tc_dump_action and the kinds' print_aopt write them (m_action.c, m_gact.c,
 * m_mirred.c): inside a filter ({@code bind}) and in {@code tc actions ls}.
 */
final class ActionView {
    private ActionView() {}

    /** TCA_ACT_FLAGS, TCA_ACT_USED_HW_STATS and TCA_ACT_IN_HW_COUNT of linux/pkt_cls.h: the library keeps them raw. */
    private static final int TCA_ACT_FLAGS = 7;
    private static final int TCA_ACT_HW_STATS = 8;
    private static final int TCA_ACT_USED_HW_STATS = 9;
    private static final int TCA_ACT_IN_HW_COUNT = 10;

    /** The "actions" array: each action on its own line, {@code \taction order N: }, then its kind's words. */
    static void list(TcOut o, List<Action> actions, IntFunction<String> linkNames, int stats, boolean bind) {
        o.openArray("actions");
        for (Action a : actions) {
            o.openObject(null);
            o.nl();
            o.any("order", a.order(), "\taction order " + a.order() + ": ");
            one(o, a, linkNames, stats, bind);
            o.close();
        }
        o.close();
    }

    /** tc_print_one_action. */
    private static void one(TcOut o, Action a, IntFunction<String> linkNames, int stats, boolean bind) {
        switch (a.options()) {
            case ActionOptions.Mirred m -> {
                o.any("kind", "mirred", "mirred ");
                o.fp("(" + mirredText(m.action()));
                o.js("mirred_action", m.action().isRedirect() ? "redirect" : "mirror");
                o.js("direction", m.action() == MirredAction.EGRESS_REDIRECT || m.action() == MirredAction.EGRESS_MIRROR ? "egress" : "ingress");
                String dev = linkNames.apply(m.ifindex());
                o.any("to_dev", dev, " to device " + dev + ")");
                control(o, " ", m.control());
                counts(o, a, "\tindex ", stats);
            }
            case ActionOptions.Gact g -> {
                o.any("kind", "gact", "gact ");
                control(o, "action ", g.control());
                // tc is built with CONFIG_GACT_PROB: a gact without TCA_GACT_PROB prints the zeroed one
                o.openObject("prob");
                o.nl();
                o.any("random_type", "none", "\t random type none");
                control(o, " ", ActionControl.PASS);
                o.fp(" ");
                o.any("val", 0, "val 0");
                o.close();
                counts(o, a, "\t index ", stats);
            }
            default -> throw TcFail.unsupported("printing " + a.kind() + " actions");
        }
        if (stats > 0 && a.stats().isPresent()) {
            o.fp("\tAction statistics:");
            o.nl();
            o.openObject("stats");
            StatsView.print(o, a.stats().get(), "\t");
            o.close();
            o.nl();
        }
        flags(o, a, bind);
    }

    /** The index and counts each kind prints after its words, with {@code -s} its times, and the line's end. */
    private static void counts(TcOut o, Action a, String indexText, int stats) {
        o.nl();
        o.any("index", a.index(), indexText + a.index());
        o.any("ref", a.refcount(), " ref " + a.refcount());
        o.any("bind", a.bindcount(), " bind " + a.bindcount());
        if (stats > 0) a.times().ifPresent(t -> times(o, t));
        o.nl();
    }

    /** print_tm: each age in whole seconds, left out when the kernel's tick count was 0. */
    private static void times(TcOut o, ActionTimes t) {
        age(o, "installed", " installed ", Optional.of(t.installed()));
        age(o, "last_used", " used ", Optional.of(t.lastUsed()));
        age(o, "first_used", " firstused ", t.firstUsed());
        age(o, "expires", " expires ", t.expires());
    }

    private static void age(TcOut o, String key, String text, Optional<Duration> age) {
        if (age.isPresent() && !age.get().isZero()) o.any(key, age.get().toSeconds(), text + age.get().toSeconds() + " sec");
    }

    /** print_action_control. */
    static void control(TcOut o, String prefix, ActionControl c) {
        o.fp(prefix);
        o.openObject("control_action");
        int v = c.value();
        int ext = v & ~((1 << 28) - 1);
        String name = ext == 2 << 28 ? "goto" : ext == 1 << 28 ? "jump" : switch (v) {
            case -1 -> "continue";
            case 0 -> "pass";
            case 1 -> "reclassify";
            case 2 -> "drop";
            case 3 -> "pipe";
            case 4 -> "stolen";
            case 8 -> "trap";
            default -> Integer.toString(v);
        };
        o.any("type", name, name);
        if (ext == 2 << 28) o.any("chain", v & ((1 << 28) - 1), " chain " + (v & ((1 << 28) - 1)));
        if (ext == 1 << 28) o.any("jump", v & ((1 << 28) - 1), " " + (v & ((1 << 28) - 1)));
        o.close();
    }

    private static String mirredText(MirredAction a) {
        return switch (a) {
            case EGRESS_REDIRECT -> "Egress Redirect";
            case INGRESS_REDIRECT -> "Ingress Redirect";
            case EGRESS_MIRROR -> "Egress Mirror";
            case INGRESS_MIRROR -> "Ingress Mirror";
        };
    }

    /** What tc_print_one_action prints after the kind: the flags, the hardware count (not in a filter) and the hardware stats. */
    private static void flags(TcOut o, Action a, boolean bind) {
        RawAttribute flags = raw(a, TCA_ACT_FLAGS), count = raw(a, TCA_ACT_IN_HW_COUNT);
        boolean skipHw = false, newline = false;
        if (flags != null && flags.value().length >= 8) {
            int value = le(flags.value(), 0), selector = le(flags.value(), 4);
            if ((selector & 1) != 0) {
                newline = true;
                o.any("no_percpu", (value & 1) != 0, "\tno_percpu");
            }
            if (!bind && (selector & 2) != 0) {
                newline = true;
                skipHw = (value & 2) != 0;
                o.any("skip_hw", skipHw, "\tskip_hw");
            }
            if (!bind && (selector & 4) != 0) {
                newline = true;
                o.any("skip_sw", (value & 4) != 0, "\tskip_sw");
            }
        }
        if (count != null && count.value().length >= 4 && !bind && !skipHw) {
            newline = true;
            int n = le(count.value(), 0);
            if (n != 0) {
                o.any("in_hw", true, "\tin_hw");
                o.any("in_hw_count", Integer.toUnsignedLong(n), " in_hw_count " + Integer.toUnsignedLong(n));
            } else {
                o.any("not_in_hw", true, "\tnot_in_hw");
            }
        }
        if (newline) o.nl();
        hwStats(o, raw(a, TCA_ACT_HW_STATS), "hw_stats");
        hwStats(o, raw(a, TCA_ACT_USED_HW_STATS), "used_hw_stats");
    }

    /** print_hw_stats: the bits of an nla_bitfield32 by name, "disabled" for none. */
    private static void hwStats(TcOut o, RawAttribute r, String key) {
        if (r == null || r.value().length < 8) return;
        int bits = le(r.value(), 0) & le(r.value(), 4);
        o.fp("\t");
        o.fp(key);
        o.openArray(key);
        if ((bits & 1) != 0) o.element("immediate", " immediate");
        if ((bits & 2) != 0) o.element("delayed", " delayed");
        if (bits == 0) o.element("disabled", " disabled");
        o.close();
        o.nl();
    }

    private static RawAttribute raw(Action a, int type) {
        for (RawAttribute r : a.unknown()) if (r.type() == type) return r;
        return null;
    }

    private static int le(byte[] b, int at) {
        return ByteBuffer.wrap(b).order(ByteOrder.nativeOrder()).getInt(at);
    }
}
