package io.github.netlink4j.internal.codec.view;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.uapi.GenStats;
import io.github.netlink4j.internal.wire.uapi.Rtnetlink;
import io.github.netlink4j.tc.TcHandle;
import io.github.netlink4j.tc.TcStatsView;

import java.lang.foreign.MemorySegment;

/**
 * What the qdisc, class and filter views share: {@code struct tcmsg} (family, pads, ifindex, handle, parent,
 * info) and the TCA_* around the kind's options, checked as {@code TcMsg.decode} and {@code TcStatsCodec} check
 * them: TCA_KIND must be there, TCA_STATS2's structs must be long enough, TCA_HW_OFFLOAD and TCA_CHAIN must
 * hold their numbers. TCA_OPTIONS is left unread.
 */
abstract class TcFlyweight extends DumpView implements TcStatsView {
    static final int TCMSG = 20;
    private long kindAt, basicAt, queueAt;
    private int kindLen;
    private boolean stats, offloaded;
    private long packets64, chain;
    private boolean hasPackets64;
    private final String message;

    TcFlyweight(String message) {
        this.message = message;
    }

    @Override
    final void scan() throws ProtocolException {
        kindAt = basicAt = queueAt = -1;
        kindLen = 0;
        stats = offloaded = hasPackets64 = false;
        packets64 = chain = 0;
        while (a.next()) {
            switch (a.type()) {
                case Rtnetlink.TCA_KIND -> {
                    kindAt = a.payloadOffset();
                    kindLen = a.payloadLength();
                }
                case Rtnetlink.TCA_STATS2 -> stats();
                case Rtnetlink.TCA_HW_OFFLOAD -> offloaded = a.u8() != 0;
                case Rtnetlink.TCA_CHAIN -> chain = Integer.toUnsignedLong(a.u32());
                default -> { }
            }
        }
        if (kindAt < 0) throw new ProtocolException(message + " without TCA_KIND");
    }

    private void stats() throws ProtocolException {
        stats = true;
        basicAt = queueAt = -1; // a second TCA_STATS2 replaces the first, as in the record
        hasPackets64 = false;
        a.nestedAttrs(nest, "TCA_STATS2");
        while (nest.next()) {
            switch (nest.type()) {
                case GenStats.TCA_STATS_BASIC -> basicAt = need(12, "TCA_STATS_BASIC");
                case GenStats.TCA_STATS_PKT64 -> {
                    packets64 = nest.u64();
                    hasPackets64 = true;
                }
                case GenStats.TCA_STATS_QUEUE -> queueAt = need(20, "TCA_STATS_QUEUE");
                case GenStats.TCA_STATS_RATE_EST -> need(8, "TCA_STATS_RATE_EST");
                case GenStats.TCA_STATS_RATE_EST64 -> {
                    long bps = nest.u64At(need(16, "TCA_STATS_RATE_EST64"));
                    if (bps < 0 || bps > Long.MAX_VALUE / 8) throw new ProtocolException("rate estimate of " + Long.toUnsignedString(bps) + " bytes/s");
                }
                default -> { }
            }
        }
    }

    private long need(int n, String what) throws ProtocolException {
        if (nest.payloadLength() < n) throw new ProtocolException(what + " of " + nest.payloadLength() + " bytes, not " + n);
        return nest.payloadOffset();
    }

    /** Points the view at the message at {@code off}; a malformed message fails here, as the record's decoder fails on it. */
    public final void open(MemorySegment s, long off, int len) throws ProtocolException {
        open(s, off, len, TCMSG, message);
    }

    /** Ends the callback. */
    public final void end() {
        close();
    }

    /** tcm_ifindex: the link's index, for every tc view. */
    public final int index() {
        check();
        return a.s32At(h + 4);
    }

    final TcHandle handle0() {
        return TcHandle.of(a.s32At(h + 8));
    }

    /** tcm_parent, for every tc view. */
    public final TcHandle parent() {
        check();
        return TcHandle.of(a.s32At(h + 12));
    }

    final int info0() {
        return a.s32At(h + 16);
    }

    /** TCA_KIND, for every tc view. */
    public final String kind() {
        check();
        return string(kindAt, kindLen);
    }

    /** Whether TCA_KIND is {@code kind}, without making a String. */
    public final boolean kindEquals(String kind) {
        check();
        return stringEquals(kindAt, kindLen, kind);
    }

    final boolean offloaded0() {
        return offloaded;
    }

    final long chain0() {
        return chain;
    }

    @Override
    public boolean hasStats() {
        check();
        return stats;
    }

    @Override
    public long bytes() {
        check();
        return basicAt < 0 ? 0 : a.u64At(basicAt);
    }

    @Override
    public long packets() {
        check();
        return hasPackets64 ? packets64 : basicAt < 0 ? 0 : u32(basicAt + 8);
    }

    @Override
    public long drops() {
        check();
        return queue(8);
    }

    @Override
    public long overlimits() {
        check();
        return queue(16);
    }

    @Override
    public long requeues() {
        check();
        return queue(12);
    }

    @Override
    public long backlog() {
        check();
        return queue(4);
    }

    @Override
    public long qlen() {
        check();
        return queue(0);
    }

    private long queue(int at) {
        return queueAt < 0 ? 0 : u32(queueAt + at);
    }

    private long u32(long at) {
        return Integer.toUnsignedLong(a.s32At(at));
    }
}
