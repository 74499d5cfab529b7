package io.github.netlink4j.internal.codec.tc;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.uapi.PktSched;
import io.github.netlink4j.internal.wire.uapi.Rtnetlink;
import io.github.netlink4j.tc.Netem;
import io.github.netlink4j.tc.TcTime;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;

/**
 * netem, as q_netem.c writes delay, jitter, loss and limit: TCA_OPTIONS holds {@code struct tc_netem_qopt}
 * (times in scheduler ticks, loss as a fraction of 2^32 - 1) and then the attributes its other options
 * add. A kernel reports the times in nanoseconds too (TCA_NETEM_LATENCY64, TCA_NETEM_JITTER64).
 */
final class NetemCodec {
    private NetemCodec() {}

    private static final int QOPT = 24;
    private static final double UINT32_MAX = 4294967295.0;

    static void encode(MessageWriter w, Netem n) {
        // tc's get_ticks checks the time against tc_core_time2big, which the record's range keeps within.
        long loss = (long) Math.rint(n.lossPercent() / 100. * UINT32_MAX);
        w.attrBytes(Rtnetlink.TCA_OPTIONS, ByteBuffer.allocate(QOPT).order(ByteOrder.nativeOrder())
                .putInt((int) TcClock.time2tick(TcTime.micros(n.delay()))).putInt((int) n.limit()).putInt((int) loss).putInt(0).putInt(0)
                .putInt((int) TcClock.time2tick(TcTime.micros(n.jitter()))).array());
    }

    static Netem decode(TcArea area) throws ProtocolException {
        if (area == null) throw new ProtocolException("netem without TCA_OPTIONS");
        area.struct("struct tc_netem_qopt", QOPT);
        Duration delay = ticks(area.u32(0)), jitter = ticks(area.u32(20));
        Attrs a = area.attrs(QOPT);
        while (a.next()) {
            switch (a.type()) {
                case PktSched.TCA_NETEM_LATENCY64 -> delay = nanos(a.u64());
                case PktSched.TCA_NETEM_JITTER64 -> jitter = nanos(a.u64());
                default -> { }
            }
        }
        return new Netem(delay, jitter, area.u32(8) / UINT32_MAX * 100, area.u32(4));
    }

    /** Ticks as the kernel keeps them, 64 ns each (PSCHED_TICKS2NS), not tc's whole microseconds: a 1 µs delay is 15 ticks, 960 ns. */
    private static Duration ticks(long ticks) {
        return Duration.ofNanos(ticks * 64);
    }

    private static Duration nanos(long ns) throws ProtocolException {
        if (ns < 0) throw new ProtocolException("netem time of " + ns + " ns");
        return Duration.ofNanos(ns);
    }
}
