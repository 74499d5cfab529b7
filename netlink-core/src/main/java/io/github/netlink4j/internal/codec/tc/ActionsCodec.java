package io.github.netlink4j.internal.codec.tc;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.AttrTable;
import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.uapi.Netlink;
import io.github.netlink4j.internal.wire.uapi.PktCls;
import io.github.netlink4j.internal.wire.uapi.Rtnetlink;
import io.github.netlink4j.tc.action.Action;
import io.github.netlink4j.tc.action.ActionSpec;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * RTM_*ACTION, the standalone actions of {@code tc actions}: {@code struct tcamsg} (family and two pads,
 * 4 bytes) and TCA_ROOT_* around the action list TCA_ROOT_TAB, as tc 6.1's m_action.c writes them.
 */
public final class ActionsCodec {
    private ActionsCodec() {}

    /** The length of {@code struct tcamsg}. */
    public static final int TCAMSG = 4;

    /** The request types laid out by {@link #names()}. */
    public static final int[] REQUEST_TYPES = {Rtnetlink.RTM_NEWACTION, Rtnetlink.RTM_DELACTION, Rtnetlink.RTM_GETACTION};

    /** The type of the messages of an action dump: RTM_GETACTION, as the kernel answers it. */
    public static final int DUMPED = Rtnetlink.RTM_GETACTION;

    /** TCA_ROOT_FLAGS' TCA_ACT_FLAG_LARGE_DUMP_ON: many actions per dump message, as tc asks. */
    private static final int LARGE_DUMP_ON = 1;

    /** RTM_NEWACTION as {@code tc actions add|replace action KIND … [index N]}; {@code replace}: NLM_F_REPLACE instead of NLM_F_EXCL. */
    public static void encodeAdd(MessageWriter w, List<ActionSpec> actions, ToIntFunction<String> ifindex, boolean replace) {
        int m = w.beginMessage(Rtnetlink.RTM_NEWACTION, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK | Netlink.NLM_F_CREATE
                | (replace ? Netlink.NLM_F_REPLACE : Netlink.NLM_F_EXCL));
        header(w);
        ActionCodec.encodeList(w, PktCls.TCA_ROOT_TAB, actions, ifindex);
        w.endMessage(m);
    }

    /** RTM_DELACTION of action {@code kind} {@code index} ({@code tc actions delete action KIND index N}). */
    public static void encodeDelete(MessageWriter w, String kind, long index) {
        int m = w.beginMessage(Rtnetlink.RTM_DELACTION, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK);
        header(w);
        int tab = w.beginNest(PktCls.TCA_ROOT_TAB);
        ActionCodec.encodeRef(w, 1, kind, index);
        w.endNest(tab);
        w.endMessage(m);
    }

    /**
     * RTM_DELACTION of every action of {@code kind} in one request ({@code tc actions flush action KIND}):
     * NLM_F_ROOT, the kind alone in TCA_ROOT_TAB, and TCA_ROOT_FLAGS as a listing sends them.
     */
    public static void encodeFlush(MessageWriter w, String kind) {
        int m = w.beginMessage(Rtnetlink.RTM_DELACTION, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK | Netlink.NLM_F_ROOT);
        kindAndFlags(w, kind);
        w.endMessage(m);
    }

    /** RTM_GETACTION dump of the actions of {@code kind} ({@code tc actions ls action KIND}). */
    public static void encodeDump(MessageWriter w, String kind) {
        int m = w.beginMessage(Rtnetlink.RTM_GETACTION, Netlink.NLM_F_REQUEST | Netlink.NLM_F_DUMP);
        kindAndFlags(w, kind);
        w.endMessage(m);
    }

    /** The tcamsg, TCA_ROOT_TAB naming {@code kind} alone, and TCA_ROOT_FLAGS, as tc_act_list_or_flush writes them. */
    private static void kindAndFlags(MessageWriter w, String kind) {
        header(w);
        int tab = w.beginNest(PktCls.TCA_ROOT_TAB);
        ActionCodec.encodeRef(w, 1, kind, 0);
        w.endNest(tab);
        // struct nla_bitfield32 {value, selector}
        w.attrBytes(PktCls.TCA_ROOT_FLAGS, ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putInt(LARGE_DUMP_ON).putInt(LARGE_DUMP_ON).array());
    }

    private static void header(MessageWriter w) {
        w.raw(new byte[TCAMSG]);
    }

    /** The actions of one RTM_GETACTION or RTM_NEWACTION message (its TCA_ROOT_TAB). */
    public static List<Action> decode(MemorySegment s, long off, int len) throws ProtocolException {
        Attrs a = Attrs.ofMessage(s, off, len, TCAMSG, "RTM_GETACTION", "tcamsg");
        List<Action> out = new ArrayList<>();
        while (a.next()) if (a.type() == PktCls.TCA_ROOT_TAB) out.addAll(ActionCodec.decodeList(a.nestedAttrs("TCA_ROOT_TAB")));
        return out;
    }

    /** The names of an action request: TCA_ROOT_*, inside TCA_ROOT_TAB the action list's. */
    public static AttrTable names() {
        return AttrTable.of(PktCls.class, "TCA_ROOT_").nest(PktCls.TCA_ROOT_TAB, ActionCodec.listNames());
    }
}
