package io.github.netlink4j.internal.codec.tc;

import io.github.netlink4j.common.RawAttribute;
import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.AttrTable;
import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.uapi.Netlink;
import io.github.netlink4j.internal.wire.uapi.PktCls;
import io.github.netlink4j.tc.TcHandle;
import io.github.netlink4j.tc.TcStats;
import io.github.netlink4j.tc.action.Action;
import io.github.netlink4j.tc.action.ActionControl;
import io.github.netlink4j.tc.action.ActionOptions;
import io.github.netlink4j.tc.action.ActionSpec;
import io.github.netlink4j.tc.action.ActionTimes;
import io.github.netlink4j.tc.action.MirredAction;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.ToIntFunction;

/**
 * Action lists, inside a filter's TCA_*_ACT and in RTM_*ACTION's TCA_ROOT_TAB: one nest per action
 * numbered by its order, holding TCA_ACT_KIND and TCA_ACT_OPTIONS (NLA_F_NESTED, as tc's parse_action
 * sends it) with the kind's {@code struct tc_gen}-headed parameters, as tc 6.1's m_gact.c, m_mirred.c
 * and m_skbedit.c write them (police's, whose struct has its own order, in PoliceCodec).
 */
final class ActionCodec {
    private ActionCodec() {}

    /** {@code struct tc_gen}: index, capab, action, refcnt, bindcnt. */
    private static final int TC_GEN = 20;
    /** {@code struct tc_mirred}: tc_gen, eaction, ifindex. */
    private static final int TC_MIRRED = 28;

    /** Writes {@code actions} as the nest {@code type}; {@code ifindex} gives a mirred target's index by name. */
    static void encodeList(MessageWriter w, int type, List<ActionSpec> actions, ToIntFunction<String> ifindex) {
        int list = w.beginNest(type);
        for (int i = 0; i < actions.size(); i++) encode(w, i + 1, actions.get(i), ifindex);
        w.endNest(list);
    }

    private static void encode(MessageWriter w, int order, ActionSpec a, ToIntFunction<String> ifindex) {
        int n = w.beginNest(order);
        w.attrString(PktCls.TCA_ACT_KIND, a.kind());
        int index = (int) a.index();
        if (a.options() instanceof ActionOptions.Other o) {
            o.options().ifPresent(r -> w.attrBytes(PktCls.TCA_ACT_OPTIONS | (r.isNest() ? Netlink.NLA_F_NESTED : 0), r.value()));
        } else {
            int opts = w.beginNest(PktCls.TCA_ACT_OPTIONS | Netlink.NLA_F_NESTED);
            switch (a.options()) {
                case ActionOptions.Gact g -> w.attrBytes(PktCls.TCA_GACT_PARMS, gen(TC_GEN, index, g.control()).array());
                case ActionOptions.Mirred m -> w.attrBytes(PktCls.TCA_MIRRED_PARMS, gen(TC_MIRRED, index, m.control()).putInt(m.action().value())
                        .putInt(a.targetLink().isPresent() ? ifindex.applyAsInt(a.targetLink().get()) : m.ifindex()).array());
                case ActionOptions.Skbedit s -> {
                    w.attrBytes(PktCls.TCA_SKBEDIT_PARMS, gen(TC_GEN, index, s.control()).array());
                    s.queueMapping().ifPresent(q -> w.attrU16(PktCls.TCA_SKBEDIT_QUEUE_MAPPING, q));
                    s.priority().ifPresent(p -> w.attrU32(PktCls.TCA_SKBEDIT_PRIORITY, p.value()));
                    s.mark().ifPresent(m -> w.attrU32(PktCls.TCA_SKBEDIT_MARK, (int) m));
                }
                case ActionOptions.Police p -> PoliceCodec.encode(w, p, index);
                case ActionOptions.Pedit p -> PeditCodec.encode(w, p, index);
                case ActionOptions.Other o -> throw new AssertionError(o);
            }
            w.endNest(opts);
        }
        w.endNest(n);
    }

    /** The nest of one action named for a delete or get: its kind and index ({@code action KIND index N}). */
    static void encodeRef(MessageWriter w, int order, String kind, long index) {
        int n = w.beginNest(order);
        w.attrString(PktCls.TCA_ACT_KIND, kind);
        if (index != 0) w.attrU32(PktCls.TCA_ACT_INDEX, (int) index);
        w.endNest(n);
    }

    /**
     * The names of an action list for extended-ACK paths: each numbered nest holds TCA_ACT_*, and
     * TCA_ACT_OPTIONS the kind's (by TCA_ACT_KIND).
     */
    static AttrTable listNames() {
        AttrTable act = AttrTable.of(PktCls.class, "TCA_ACT_").nestBy(PktCls.TCA_ACT_OPTIONS, PktCls.TCA_ACT_KIND, kind -> switch (kind) {
            case "gact" -> AttrTable.of(PktCls.class, "TCA_GACT_");
            case "mirred" -> AttrTable.of(PktCls.class, "TCA_MIRRED_");
            case "skbedit" -> AttrTable.of(PktCls.class, "TCA_SKBEDIT_");
            case "police" -> AttrTable.of(PktCls.class, "TCA_POLICE_");
            case "pedit" -> AttrTable.of(PktCls.class, "TCA_PEDIT_", "TCA_PEDIT_KEY_EX_").nest(PktCls.TCA_PEDIT_KEYS_EX,
                    AttrTable.of(PktCls.class, "TCA_PEDIT_", "TCA_PEDIT_KEY_EX_").nest(PktCls.TCA_PEDIT_KEY_EX,
                            AttrTable.of(PktCls.class, "TCA_PEDIT_KEY_EX_", "TCA_PEDIT_KEY_EX_HDR_", "TCA_PEDIT_KEY_EX_CMD_")));
            default -> null;
        });
        AttrTable list = AttrTable.of(PktCls.class, "TCA_ACT_ORDER_");
        for (int i = 1; i <= MAX_ACTIONS; i++) list = list.nest(i, act);
        return list;
    }

    /** TCA_ACT_MAX_PRIO: the most actions a list holds. */
    static final int MAX_ACTIONS = 32;

    private static ByteBuffer gen(int size, int index, ActionControl control) {
        return ByteBuffer.allocate(size).order(ByteOrder.nativeOrder()).putInt(index).putInt(0).putInt(control.value()).putInt(0).putInt(0);
    }

    /** The actions of the list nest {@code list}, in its order. */
    static List<Action> decodeList(Attrs list) throws ProtocolException {
        List<Action> out = new ArrayList<>();
        while (list.next()) out.add(decode(list.type(), list.nestedAttrs("action " + list.type())));
        return out;
    }

    private static Action decode(int order, Attrs a) throws ProtocolException {
        String kind = null;
        Attrs opts = null, timeOpts = null;
        byte[] rawOpts = null;
        long index = 0;
        Optional<TcStats> stats = Optional.empty();
        List<RawAttribute> unknown = new ArrayList<>();
        while (a.next()) {
            switch (a.type()) {
                case PktCls.TCA_ACT_KIND -> kind = a.string();
                case PktCls.TCA_ACT_OPTIONS -> {
                    opts = a.nestedAttrs("TCA_ACT_OPTIONS");
                    timeOpts = a.nestedAttrs("TCA_ACT_OPTIONS");
                    rawOpts = a.bytes();
                }
                case PktCls.TCA_ACT_INDEX -> index = Integer.toUnsignedLong(a.u32());
                case PktCls.TCA_ACT_STATS -> stats = Optional.of(TcStatsCodec.decode(a.nestedAttrs("TCA_ACT_STATS")));
                case PktCls.TCA_ACT_PAD -> { }
                default -> unknown.add(RawAttribute.of(a.type(), a.bytes()));
            }
        }
        if (kind == null) throw new ProtocolException("action " + order + " without TCA_ACT_KIND");
        Parms p = new Parms(kind);
        ActionOptions options;
        if (opts != null && (kind.equals("police") || kind.equals("pedit"))) {
            long[] counts = new long[3];
            options = kind.equals("police") ? PoliceCodec.decode(opts, counts) : PeditCodec.decode(opts, counts);
            p.index = counts[0];
            p.refcnt = counts[1];
            p.bindcnt = counts[2];
        } else {
            options = opts == null ? new ActionOptions.Other(kind, ActionControl.PASS, Optional.empty()) : p.read(opts);
        }
        if (options instanceof ActionOptions.Other o && rawOpts != null) {
            options = new ActionOptions.Other(kind, o.control(), Optional.of(RawAttribute.of(PktCls.TCA_ACT_OPTIONS, rawOpts)));
        }
        Optional<ActionTimes> times = timeOpts == null ? Optional.empty() : times(kind, timeOpts);
        return new Action(order, options, p.index != 0 ? p.index : index, p.refcnt, p.bindcnt, stats, times, unknown);
    }

    /** {@code struct tcf_t}: install, lastuse, expires, firstuse, each a u64 of clock ticks. */
    private static final int TCF_T = 32;
    /** USER_HZ: the kernel reports tcf_t in clock ticks of 10 ms (jiffies_to_clock_t). */
    private static final long MILLIS_PER_TICK = 10;

    /** The kind's TCA_*_TM in its options, for the kinds the library decodes; empty for the rest or without one. */
    static Optional<ActionTimes> times(String kind, Attrs o) throws ProtocolException {
        int tm = switch (kind) {
            case "gact" -> PktCls.TCA_GACT_TM;
            case "mirred" -> PktCls.TCA_MIRRED_TM;
            case "skbedit" -> PktCls.TCA_SKBEDIT_TM;
            case "police" -> PktCls.TCA_POLICE_TM;
            case "pedit" -> PktCls.TCA_PEDIT_TM;
            default -> -1;
        };
        while (o.next()) {
            if (o.type() != tm) continue;
            if (o.payloadLength() < TCF_T) throw new ProtocolException(kind + " action's struct tcf_t of " + o.payloadLength() + " bytes");
            long at = o.payloadOffset();
            Duration firstUsed = ticks(o.u64At(at + 24)), expires = ticks(o.u64At(at + 16));
            return Optional.of(new ActionTimes(ticks(o.u64At(at)), ticks(o.u64At(at + 8)),
                    firstUsed.isZero() ? Optional.empty() : Optional.of(firstUsed), expires.isZero() ? Optional.empty() : Optional.of(expires)));
        }
        return Optional.empty();
    }

    private static Duration ticks(long n) throws ProtocolException {
        if (n < 0 || n > Long.MAX_VALUE / MILLIS_PER_TICK) throw new ProtocolException("tcf_t of " + Long.toUnsignedString(n) + " clock ticks");
        return Duration.ofMillis(n * MILLIS_PER_TICK);
    }

    /** Reads one kind's TCA_ACT_OPTIONS, and the index and counts of its {@code tc_gen} head. */
    private static final class Parms {
        final String kind;
        long index;
        long refcnt;
        long bindcnt;

        Parms(String kind) {
            this.kind = kind;
        }

        ActionOptions read(Attrs o) throws ProtocolException {
            int parms = switch (kind) {
                case "gact" -> PktCls.TCA_GACT_PARMS;
                case "mirred" -> PktCls.TCA_MIRRED_PARMS;
                case "skbedit" -> PktCls.TCA_SKBEDIT_PARMS;
                default -> -1;
            };
            ActionControl control = ActionControl.PASS;
            int eaction = 0;
            int ifindex = 0;
            Optional<TcHandle> priority = Optional.empty();
            OptionalLong mark = OptionalLong.empty();
            OptionalInt queue = OptionalInt.empty();
            while (o.next()) {
                int t = o.type();
                if (t == parms) {
                    if (o.payloadLength() < (kind.equals("mirred") ? TC_MIRRED : TC_GEN)) {
                        throw new ProtocolException(kind + " parameters of " + o.payloadLength() + " bytes");
                    }
                    long at = o.payloadOffset();
                    index = Integer.toUnsignedLong(o.s32At(at));
                    control = ActionControl.of(o.s32At(at + 8));
                    refcnt = Integer.toUnsignedLong(o.s32At(at + 12));
                    bindcnt = Integer.toUnsignedLong(o.s32At(at + 16));
                    if (kind.equals("mirred")) {
                        eaction = o.s32At(at + 20);
                        ifindex = o.s32At(at + 24);
                    }
                } else if (kind.equals("skbedit") && t == PktCls.TCA_SKBEDIT_PRIORITY) {
                    priority = Optional.of(TcHandle.of(o.u32()));
                } else if (kind.equals("skbedit") && t == PktCls.TCA_SKBEDIT_MARK) {
                    mark = OptionalLong.of(Integer.toUnsignedLong(o.u32()));
                } else if (kind.equals("skbedit") && t == PktCls.TCA_SKBEDIT_QUEUE_MAPPING) {
                    queue = OptionalInt.of(o.u16());
                }
            }
            try {
                return switch (kind) {
                    case "gact" -> new ActionOptions.Gact(control);
                    case "mirred" -> new ActionOptions.Mirred(MirredAction.of(eaction), ifindex, control);
                    case "skbedit" -> new ActionOptions.Skbedit(priority, mark, queue, control);
                    default -> new ActionOptions.Other(kind, control, Optional.empty());
                };
            } catch (IllegalArgumentException e) {
                throw new ProtocolException(kind + " action: " + e.getMessage());
            }
        }
    }
}
