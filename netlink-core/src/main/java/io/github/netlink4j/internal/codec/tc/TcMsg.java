package io.github.netlink4j.internal.codec.tc;

import io.github.netlink4j.common.RawAttribute;
import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.AttrTable;
import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.Nlmsg;
import io.github.netlink4j.internal.wire.uapi.GenStats;
import io.github.netlink4j.internal.wire.uapi.Rtnetlink;
import io.github.netlink4j.tc.Estimator;
import io.github.netlink4j.tc.TcStats;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What qdisc and class messages share: {@code struct tcmsg} (family, two pads, ifindex, handle, parent,
 * info: 20 bytes) and the TCA_* around the kind's options, read into {@link Common} and written as tc
 * writes them (TCA_KIND with its NUL, then TCA_RATE).
 */
public final class TcMsg {
    private TcMsg() {}

    /** The length of {@code struct tcmsg}. */
    public static final int LEN = 20;

    /**
     * The header and the common attributes of one message.
     *
     * @param index     tcm_ifindex
     * @param handle    tcm_handle
     * @param parent    tcm_parent
     * @param info      tcm_info (a qdisc's reference count, a leaf class's qdisc)
     * @param kind      TCA_KIND
     * @param options   TCA_OPTIONS, or null
     * @param stats     TCA_STATS2
     * @param offloaded TCA_HW_OFFLOAD
     * @param chain     TCA_CHAIN (filters)
     * @param unknown   the other attributes, raw, less TCA_STATS and TCA_XSTATS (older copies of TCA_STATS2's)
     */
    record Common(int index, int handle, int parent, long info, String kind, TcArea options, Optional<TcStats> stats, boolean offloaded,
                  OptionalLong chain, List<RawAttribute> unknown) {}

    static Common decode(MemorySegment s, long off, int len, String message) throws ProtocolException {
        Attrs a = Attrs.ofMessage(s, off, len, LEN, message, "tcmsg");
        long h = off + Nlmsg.HDRLEN;
        int index = a.s32At(h + 4), handle = a.s32At(h + 8), parent = a.s32At(h + 12);
        long info = Integer.toUnsignedLong(a.s32At(h + 16));
        String kind = null;
        long optOff = -1;
        int optLen = 0;
        Optional<TcStats> stats = Optional.empty();
        boolean offloaded = false;
        OptionalLong chain = OptionalLong.empty();
        List<RawAttribute> unknown = new ArrayList<>();
        while (a.next()) {
            switch (a.type()) {
                case Rtnetlink.TCA_KIND -> kind = a.string();
                case Rtnetlink.TCA_OPTIONS -> {
                    optOff = a.payloadOffset();
                    optLen = a.payloadLength();
                }
                case Rtnetlink.TCA_STATS2 -> stats = Optional.of(TcStatsCodec.decode(a.nestedAttrs("TCA_STATS2")));
                case Rtnetlink.TCA_HW_OFFLOAD -> offloaded = a.u8() != 0;
                case Rtnetlink.TCA_CHAIN -> chain = OptionalLong.of(Integer.toUnsignedLong(a.u32()));
                case Rtnetlink.TCA_STATS, Rtnetlink.TCA_XSTATS -> { }
                default -> unknown.add(RawAttribute.of(a.type(), a.bytes()));
            }
        }
        if (kind == null) throw new ProtocolException(message + " without TCA_KIND");
        TcArea options = optOff < 0 ? null : new TcArea(s, optOff, optLen, kind);
        return new Common(index, handle, parent, info, kind, options, stats, offloaded, chain, unknown);
    }

    /** {@code struct tcmsg}: AF_UNSPEC, {@code ifindex}, {@code handle}, {@code parent}, info 0. */
    static void header(MessageWriter w, int ifindex, int handle, int parent) {
        header(w, ifindex, handle, parent, 0);
    }

    /** {@code struct tcmsg} with {@code info} (a filter's priority and protocol). */
    static void header(MessageWriter w, int ifindex, int handle, int parent, int info) {
        w.raw(ByteBuffer.allocate(LEN).order(ByteOrder.nativeOrder()).putInt(0).putInt(ifindex).putInt(handle).putInt(parent).putInt(info).array());
    }

    /** TCA_KIND (with its NUL, as tc sends it) and TCA_RATE ({@code struct tc_estimator}: interval, ewma_log) if any. */
    static void kindAndEstimator(MessageWriter w, String kind, Optional<Estimator> estimator) {
        w.attrString(Rtnetlink.TCA_KIND, kind);
        estimator.ifPresent(e -> w.attrBytes(Rtnetlink.TCA_RATE, new byte[] {(byte) e.intervalLog(), (byte) e.ewmaLog()}));
    }

    /**
     * The names of a qdisc or class request's attributes, for extended-ACK paths: TCA_*, inside
     * TCA_OPTIONS the kind's (by TCA_KIND, for the kinds whose options are attributes), inside TCA_STATS2
     * TCA_STATS_*.
     */
    public static AttrTable names() {
        return AttrTable.of(Rtnetlink.class, "TCA_").nestBy(Rtnetlink.TCA_OPTIONS, Rtnetlink.TCA_KIND, QdiscKinds::names)
                .nest(Rtnetlink.TCA_STATS2, AttrTable.of(GenStats.class, "TCA_STATS_"));
    }
}
