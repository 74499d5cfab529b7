package io.github.netlink4j.internal.codec.tc;

import io.github.netlink4j.common.RawAttribute;
import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.internal.wire.uapi.GenStats;
import io.github.netlink4j.tc.Rate;
import io.github.netlink4j.tc.TcStats;

import java.util.Optional;

/**
 * TCA_STATS2 (linux/gen_stats.h): {@code struct gnet_stats_basic} (bytes, packets), {@code struct
 * gnet_stats_queue}, the rate estimate in 64 bits or 32, the kind's application counters and the 64-bit
 * packet count that replaces the basic one when present.
 */
final class TcStatsCodec {
    private TcStatsCodec() {}

    static TcStats decode(Attrs a) throws ProtocolException {
        long bytes = 0, packets = 0, drops = 0, overlimits = 0, requeues = 0, backlog = 0, qlen = 0;
        Long packets64 = null;
        Optional<TcStats.RateEstimate> est32 = Optional.empty(), est64 = Optional.empty();
        Optional<RawAttribute> app = Optional.empty();
        while (a.next()) {
            long p = a.payloadOffset();
            switch (a.type()) {
                case GenStats.TCA_STATS_BASIC -> {
                    need(a, 12, "TCA_STATS_BASIC");
                    bytes = a.u64At(p);
                    packets = Integer.toUnsignedLong(a.s32At(p + 8));
                }
                case GenStats.TCA_STATS_PKT64 -> packets64 = a.u64();
                case GenStats.TCA_STATS_QUEUE -> {
                    need(a, 20, "TCA_STATS_QUEUE");
                    qlen = Integer.toUnsignedLong(a.s32At(p));
                    backlog = Integer.toUnsignedLong(a.s32At(p + 4));
                    drops = Integer.toUnsignedLong(a.s32At(p + 8));
                    requeues = Integer.toUnsignedLong(a.s32At(p + 12));
                    overlimits = Integer.toUnsignedLong(a.s32At(p + 16));
                }
                case GenStats.TCA_STATS_RATE_EST -> {
                    need(a, 8, "TCA_STATS_RATE_EST");
                    est32 = Optional.of(estimate(Integer.toUnsignedLong(a.s32At(p)), Integer.toUnsignedLong(a.s32At(p + 4))));
                }
                case GenStats.TCA_STATS_RATE_EST64 -> {
                    need(a, 16, "TCA_STATS_RATE_EST64");
                    est64 = Optional.of(estimate(a.u64At(p), a.u64At(p + 8)));
                }
                case GenStats.TCA_STATS_APP -> app = Optional.of(RawAttribute.of(GenStats.TCA_STATS_APP, a.bytes()));
                default -> { }
            }
        }
        return new TcStats(bytes, packets64 != null ? packets64 : packets, drops, overlimits, requeues, backlog, qlen,
                est64.isPresent() ? est64 : est32, app);
    }

    private static void need(Attrs a, int n, String what) throws ProtocolException {
        if (a.payloadLength() < n) throw new ProtocolException(what + " of " + a.payloadLength() + " bytes, not " + n);
    }

    private static TcStats.RateEstimate estimate(long bytesPerSecond, long pps) throws ProtocolException {
        if (bytesPerSecond < 0 || bytesPerSecond > Long.MAX_VALUE / 8) throw new ProtocolException("rate estimate of " + Long.toUnsignedString(bytesPerSecond) + " bytes/s");
        return new TcStats.RateEstimate(Rate.ofBytesPerSecond(bytesPerSecond), pps);
    }
}
