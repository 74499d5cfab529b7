package io.github.netlink4j.internal.codec.tc;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.uapi.PktCls;
import io.github.netlink4j.tc.Rate;
import io.github.netlink4j.tc.action.ActionControl;
import io.github.netlink4j.tc.action.ActionOptions;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * act_police's options as tc 6.1's m_police.c writes them: TCA_POLICE_TBF ({@code struct tc_police}: index,
 * exceed action, limit, burst in ticks at the rate, mtu, rate and peak ratespecs, refcnt, bindcnt,
 * capab), the rate table TCA_POLICE_RATE the kernel still requires, TCA_POLICE_RESULT (the conform
 * verdict, when not pass) and TCA_POLICE_RATE64 from 4 GB/s.
 */
final class PoliceCodec {
    private PoliceCodec() {}

    /** {@code struct tc_police}. */
    static final int TC_POLICE = 56;

    static void encode(MessageWriter w, ActionOptions.Police p, int index) {
        long rate = p.rate().bytesPerSecond(), rate32 = TcClock.rate32(p.rate());
        int cellLog = TcClock.cellLog(0);
        ByteBuffer b = ByteBuffer.allocate(TC_POLICE).order(ByteOrder.nativeOrder());
        b.putInt(index).putInt(p.control().value()).putInt(0).putInt((int) TcClock.xmittime(rate, p.burst().bytes())).putInt(0);
        TcClock.ratespec(b, rate32, cellLog);
        TcClock.ratespec(b, 0, 0);
        b.putInt(0).putInt(0).putInt(0);
        w.attrBytes(PktCls.TCA_POLICE_TBF, b.array());
        w.attrBytes(PktCls.TCA_POLICE_RATE, TcClock.rtable(rate32, cellLog));
        if (!p.conform().equals(ActionControl.PASS)) w.attrU32(PktCls.TCA_POLICE_RESULT, p.conform().value());
        if (rate >= 1L << 32) w.attrU64(PktCls.TCA_POLICE_RATE64, rate);
    }

    /** The options, and {index, refcnt, bindcnt} into {@code counts}. */
    static ActionOptions.Police decode(Attrs o, long[] counts) throws ProtocolException {
        long rate = -1, burstTicks = 0, rate64 = -1;
        ActionControl exceed = ActionControl.DROP, conform = ActionControl.PASS;
        while (o.next()) {
            switch (o.type()) {
                case PktCls.TCA_POLICE_TBF -> {
                    if (o.payloadLength() < TC_POLICE) throw new ProtocolException("struct tc_police of " + o.payloadLength() + " bytes");
                    long at = o.payloadOffset();
                    counts[0] = Integer.toUnsignedLong(o.s32At(at));
                    exceed = ActionControl.of(o.s32At(at + 4));
                    burstTicks = Integer.toUnsignedLong(o.s32At(at + 12));
                    rate = Integer.toUnsignedLong(o.s32At(at + 28));
                    counts[1] = Integer.toUnsignedLong(o.s32At(at + 44));
                    counts[2] = Integer.toUnsignedLong(o.s32At(at + 48));
                }
                case PktCls.TCA_POLICE_RESULT -> conform = ActionControl.of(o.u32());
                case PktCls.TCA_POLICE_RATE64 -> rate64 = o.u64();
                default -> { } // the rate tables, TCA_POLICE_TM (timestamps), the peak and average rates: not modelled
            }
        }
        if (rate < 0) throw new ProtocolException("police action without TCA_POLICE_TBF");
        long r = rate64 >= 0 ? rate64 : rate;
        try {
            return new ActionOptions.Police(Rate.ofBytesPerSecond(r), TcClock.burst(r, burstTicks), exceed, conform);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("police action: " + e.getMessage());
        }
    }
}
