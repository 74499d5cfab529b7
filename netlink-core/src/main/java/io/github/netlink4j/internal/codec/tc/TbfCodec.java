package io.github.netlink4j.internal.codec.tc;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.uapi.PktSched;
import io.github.netlink4j.internal.wire.uapi.Rtnetlink;
import io.github.netlink4j.tc.Rate;
import io.github.netlink4j.tc.Size;
import io.github.netlink4j.tc.Tbf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * tbf, as q_tbf.c writes it: TCA_TBF_PARMS ({@code struct tc_tbf_qopt}, the burst and MTU as ticks at their
 * rates), TCA_TBF_BURST, TCA_TBF_RATE64 from 4 GB/s, the rate table, and for a peak rate TCA_TBF_PRATE64,
 * TCA_TBF_PBURST and its table. The kernel reports PARMS (and the 64-bit rates) only, so a burst read back
 * is what its ticks come to, as tc prints it.
 */
final class TbfCodec {
    private TbfCodec() {}

    private static final int QOPT = 36;

    static void encode(MessageWriter w, Tbf t) {
        long rate = t.rate().bytesPerSecond(), rate32 = TcClock.rate32(t.rate());
        long peak = t.peakrate().map(Rate::bytesPerSecond).orElse(0L), peak32 = t.peakrate().map(TcClock::rate32).orElse(0L);
        long mtu = t.mtu().map(Size::bytes).orElse(0L);
        // tc sizes both tables' cells from the peak rate's MTU (0 without one: 2047).
        int cellLog = TcClock.cellLog(mtu);
        ByteBuffer q = ByteBuffer.allocate(QOPT).order(ByteOrder.nativeOrder());
        TcClock.ratespec(q, rate32, cellLog);
        TcClock.ratespec(q, peak32, cellLog);
        // q_tbf.c times the bursts at the ratespecs' 32-bit rates (htb at the 64-bit ones).
        q.putInt((int) t.limit().bytes()).putInt((int) TcClock.xmittime(rate32, t.burst().bytes()))
                .putInt(peak == 0 ? 0 : (int) TcClock.xmittime(peak32, mtu));
        int nest = w.beginNest(Rtnetlink.TCA_OPTIONS);
        w.attrBytes(PktSched.TCA_TBF_PARMS, q.array());
        w.attrU32(PktSched.TCA_TBF_BURST, (int) t.burst().bytes());
        if (rate >= 1L << 32) w.attrU64(PktSched.TCA_TBF_RATE64, rate);
        w.attrBytes(PktSched.TCA_TBF_RTAB, TcClock.rtable(rate32, cellLog));
        if (peak != 0) {
            if (peak >= 1L << 32) w.attrU64(PktSched.TCA_TBF_PRATE64, peak);
            w.attrU32(PktSched.TCA_TBF_PBURST, (int) mtu);
            w.attrBytes(PktSched.TCA_TBF_PTAB, TcClock.rtable(peak32, cellLog));
        }
        w.endNest(nest);
    }

    static Tbf decode(TcArea area) throws ProtocolException {
        if (area == null) throw new ProtocolException("tbf without TCA_OPTIONS");
        Attrs a = area.attrs(0);
        long parms = -1, rate = 0, peak = 0, limit = 0, buffer = 0, mtuTicks = 0;
        Long rate64 = null, peak64 = null, burst = null, pburst = null;
        while (a.next()) {
            switch (a.type()) {
                case PktSched.TCA_TBF_PARMS -> {
                    if (a.payloadLength() < QOPT) throw new ProtocolException("TCA_TBF_PARMS of " + a.payloadLength() + " bytes");
                    long p = parms = a.payloadOffset();
                    rate = Integer.toUnsignedLong(a.s32At(p + 8));
                    peak = Integer.toUnsignedLong(a.s32At(p + 20));
                    limit = Integer.toUnsignedLong(a.s32At(p + 24));
                    buffer = Integer.toUnsignedLong(a.s32At(p + 28));
                    mtuTicks = Integer.toUnsignedLong(a.s32At(p + 32));
                }
                case PktSched.TCA_TBF_RATE64 -> rate64 = a.u64();
                case PktSched.TCA_TBF_PRATE64 -> peak64 = a.u64();
                // A request carries the bytes as well (the kernel's reports do not): exact where the ticks round.
                case PktSched.TCA_TBF_BURST -> burst = Integer.toUnsignedLong(a.u32());
                case PktSched.TCA_TBF_PBURST -> pburst = Integer.toUnsignedLong(a.u32());
                default -> { }
            }
        }
        if (parms < 0) throw new ProtocolException("tbf without TCA_TBF_PARMS");
        long r = check(rate64 != null ? rate64 : rate), p = check(peak64 != null ? peak64 : peak);
        Size b = burst != null ? Size.ofBytes(burst) : TcClock.burst(r, buffer);
        Optional<Size> mtu = p == 0 ? Optional.empty() : Optional.of(pburst != null ? Size.ofBytes(pburst) : TcClock.burst(p, mtuTicks));
        return new Tbf(Rate.ofBytesPerSecond(r), b, Size.ofBytes(limit), p == 0 ? Optional.empty() : Optional.of(Rate.ofBytesPerSecond(p)), mtu);
    }

    private static long check(long bytes) throws ProtocolException {
        if (bytes < 0 || bytes > Long.MAX_VALUE / 8) throw new ProtocolException("tbf rate of " + Long.toUnsignedString(bytes) + " bytes/s");
        return bytes;
    }
}
