package io.github.netlink4j.internal.codec.tc;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.AttrTable;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.Nlmsg;
import io.github.netlink4j.internal.wire.uapi.GenStats;
import io.github.netlink4j.internal.wire.uapi.Netlink;
import io.github.netlink4j.internal.wire.uapi.Rtnetlink;
import io.github.netlink4j.tc.Qdisc;
import io.github.netlink4j.tc.QdiscOptions;
import io.github.netlink4j.tc.TcHandle;
import io.github.netlink4j.tc.TrafficClass;
import io.github.netlink4j.tc.filter.Filter;
import io.github.netlink4j.tc.filter.FilterProtocol;
import io.github.netlink4j.tc.filter.FilterSpec;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.ToIntFunction;

/**
 * RTM_*TFILTER: {@code struct tcmsg} (priority and protocol in tcm_info) and TCA_*, as tc 6.1's
 * {@code tc filter} writes them (tc/tc_filter.c): TCA_CHAIN when not 0, TCA_KIND, TCA_OPTIONS.
 */
public final class FilterCodec {
    private FilterCodec() {}

    /** The message type of a filter in a dump, echo or notification. */
    public static final int NEW = Rtnetlink.RTM_NEWTFILTER;

    /** How a request treats a filter that exists: tc's add, replace and change. */
    public enum Mode {
        /** {@code tc filter add}: NLM_F_CREATE | NLM_F_EXCL. */
        ADD(Netlink.NLM_F_CREATE | Netlink.NLM_F_EXCL),
        /** {@code tc filter replace}: NLM_F_CREATE alone (tc_filter.c; the kernel changes the filter with the handle in place). */
        REPLACE(Netlink.NLM_F_CREATE),
        /** {@code tc filter change}: neither (the filter must exist). */
        CHANGE(0);

        final int flags;

        Mode(int flags) {
            this.flags = flags;
        }
    }

    /** Decodes the RTM_NEWTFILTER or RTM_DELTFILTER at {@code off}. */
    public static Filter decode(MemorySegment s, long off, int len) throws ProtocolException {
        TcMsg.Common c = TcMsg.decode(s, off, len, "RTM_NEWTFILTER");
        FilterKinds.Decoded d = FilterKinds.decode(c.kind(), c.options());
        int info = (int) c.info();
        return new Filter(c.index(), TcHandle.of(c.parent()), info >>> 16, FilterProtocol.of(ntohs(info & 0xffff)),
                Integer.toUnsignedLong(c.handle()), c.chain().orElse(0), d.options(), d.actions(), c.unknown(), d.offload());
    }

    /** The filter in an echo or reply at {@code off}, or null if the message is not RTM_NEWTFILTER. */
    public static Filter decodeEcho(MemorySegment s, long off, int len) throws ProtocolException {
        return Nlmsg.type(s, off) == NEW ? decode(s, off, len) : null;
    }

    /**
     * RTM_NEWTFILTER as {@code tc filter add|replace|change dev LINK parent P protocol PROTO prio N [handle H]
     * [chain C] KIND OPTIONS [action …]} builds it; {@code ifindex} resolves the links mirred actions name.
     */
    public static void encodeModify(MessageWriter w, FilterSpec spec, int linkIndex, ToIntFunction<String> ifindex, Mode mode, boolean echo) {
        int m = w.beginMessage(NEW, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK | mode.flags | (echo ? Netlink.NLM_F_ECHO : 0));
        TcMsg.header(w, linkIndex, (int) spec.handle().orElse(0), spec.parent().value(), info(spec.priority(), spec.protocol()));
        chain(w, spec.chain());
        w.attrString(Rtnetlink.TCA_KIND, spec.kind());
        FilterKinds.encode(w, spec, ifindex);
        w.endMessage(m);
    }

    /**
     * RTM_DELTFILTER, as {@code tc filter del dev LINK parent P [protocol PROTO] [prio N] [handle H KIND]}:
     * with a priority alone the kernel deletes every filter of it; a handle needs the kind.
     */
    public static void encodeDelete(MessageWriter w, int ifindex, TcHandle parent, int priority, FilterProtocol protocol, long handle,
                                    String kind, OptionalLong chain) {
        int m = w.beginMessage(Rtnetlink.RTM_DELTFILTER, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK);
        TcMsg.header(w, ifindex, (int) handle, parent.value(), info(priority, protocol));
        chain(w, chain);
        if (kind != null) w.attrString(Rtnetlink.TCA_KIND, kind);
        w.endMessage(m);
    }

    /**
     * RTM_DELTFILTER of what {@code spec} names: with a handle, that filter (its kind sent, as tc must);
     * without, every filter of its priority and protocol.
     */
    public static void encodeDelete(MessageWriter w, FilterSpec s, int ifindex) {
        boolean one = s.handle().isPresent();
        encodeDelete(w, ifindex, s.parent(), s.priority(), s.protocol(), s.handle().orElse(0), one ? s.kind() : null, s.chain());
    }

    /**
     * RTM_GETTFILTER of one filter, as {@code tc filter get dev LINK parent P protocol PROTO pref N [chain C]
     * handle H KIND} sends it: NLM_F_ECHO and no ACK (the kernel answers with the filter or an error),
     * the chain before the kind, no options. {@code kind} null: none sent (the kernel then does not check it).
     */
    public static void encodeGet(MessageWriter w, int ifindex, TcHandle parent, int priority, FilterProtocol protocol, long handle,
                                 String kind, OptionalLong chain) {
        int m = w.beginMessage(Rtnetlink.RTM_GETTFILTER, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ECHO);
        TcMsg.header(w, ifindex, (int) handle, parent.value(), info(priority, protocol));
        chain(w, chain);
        if (kind != null) w.attrString(Rtnetlink.TCA_KIND, kind);
        w.endMessage(m);
    }

    /** RTM_GETTFILTER dump of the filters under {@code parent} of {@code ifindex} ({@code tc filter show dev LINK parent P [chain C]}). */
    public static void encodeDump(MessageWriter w, int ifindex, TcHandle parent, OptionalLong chain) {
        int m = w.beginMessage(Rtnetlink.RTM_GETTFILTER, Netlink.NLM_F_REQUEST | Netlink.NLM_F_DUMP);
        TcMsg.header(w, ifindex, 0, parent.value(), 0);
        chain(w, chain);
        w.endMessage(m);
    }

    /**
     * The parents of one link that can hold filters, in the order to dump them: each qdisc with a handle (clsact's and
     * ingress's as their hooks: ingress, and egress for clsact), then each class. {@code qdiscs} and {@code classes}
     * are the link's.
     */
    public static List<TcHandle> parents(List<Qdisc> qdiscs, List<TrafficClass> classes) {
        List<TcHandle> out = new ArrayList<>();
        for (Qdisc q : qdiscs) {
            if (q.options() instanceof QdiscOptions.Clsact) {
                out.add(FilterSpec.INGRESS);
                out.add(FilterSpec.EGRESS);
            } else if (q.options() instanceof QdiscOptions.Ingress) {
                out.add(FilterSpec.INGRESS);
            } else if (q.handle().major() != 0) {
                out.add(q.handle());
            }
        }
        for (TrafficClass c : classes) out.add(c.handle());
        return out;
    }

    private static void chain(MessageWriter w, OptionalLong chain) {
        if (chain.isPresent() && chain.getAsLong() != 0) w.attrU32(Rtnetlink.TCA_CHAIN, (int) chain.getAsLong());
    }

    /** tcm_info: {@code TC_H_MAKE(prio << 16, htons(protocol))}. */
    static int info(int priority, FilterProtocol protocol) {
        return priority << 16 | htons(protocol.value());
    }

    private static int htons(int v) {
        return ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN ? v : Short.toUnsignedInt(Short.reverseBytes((short) v));
    }

    private static int ntohs(int v) {
        return htons(v);
    }

    /** The names of a filter request's attributes: TCA_*, inside TCA_OPTIONS the kind's (by TCA_KIND) and its action list. */
    public static AttrTable names() {
        return AttrTable.of(Rtnetlink.class, "TCA_").nestBy(Rtnetlink.TCA_OPTIONS, Rtnetlink.TCA_KIND, FilterKinds::names)
                .nest(Rtnetlink.TCA_STATS2, AttrTable.of(GenStats.class, "TCA_STATS_"));
    }
}
