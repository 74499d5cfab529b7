package io.github.netlink4j.internal.codec.tc;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.uapi.PktSched;
import io.github.netlink4j.internal.wire.uapi.Rtnetlink;
import io.github.netlink4j.tc.ClassOptions;
import io.github.netlink4j.tc.QdiscOptions;
import io.github.netlink4j.tc.Rate;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * htb, as q_htb.c writes it: the qdisc's TCA_HTB_INIT ({@code struct tc_htb_glob}) and TCA_HTB_DIRECT_QLEN,
 * and a class's TCA_HTB_PARMS ({@code struct tc_htb_opt}) with the bursts as ticks, the rate and ceil
 * tables, and TCA_HTB_RATE64/CEIL64 from 4 GB/s.
 */
final class HtbCodec {
    private HtbCodec() {}

    private static final int GLOB = 20;
    private static final int OPT = 44;

    static void encodeQdisc(MessageWriter w, QdiscOptions.Htb h) {
        int nest = w.beginNest(Rtnetlink.TCA_OPTIONS);
        w.attrBytes(PktSched.TCA_HTB_INIT, ByteBuffer.allocate(GLOB).order(ByteOrder.nativeOrder())
                .putInt(PktSched.TC_HTB_PROTOVER).putInt((int) h.r2q()).putInt((int) h.defaultClass()).putInt(0).putInt(0).array());
        if (h.directQlen().isPresent()) w.attrU32(PktSched.TCA_HTB_DIRECT_QLEN, (int) h.directQlen().getAsLong());
        w.endNest(nest);
    }

    static QdiscOptions.Htb decodeQdisc(TcArea area) throws ProtocolException {
        if (area == null) throw new ProtocolException("htb qdisc without TCA_OPTIONS");
        Attrs a = area.attrs(0);
        long r2q = -1, defcls = 0;
        OptionalLong directQlen = OptionalLong.empty();
        while (a.next()) {
            switch (a.type()) {
                case PktSched.TCA_HTB_INIT -> {
                    if (a.payloadLength() < GLOB) throw new ProtocolException("TCA_HTB_INIT of " + a.payloadLength() + " bytes");
                    r2q = Integer.toUnsignedLong(a.s32At(a.payloadOffset() + 4));
                    defcls = Integer.toUnsignedLong(a.s32At(a.payloadOffset() + 8));
                }
                case PktSched.TCA_HTB_DIRECT_QLEN -> directQlen = OptionalLong.of(Integer.toUnsignedLong(a.u32()));
                default -> { }
            }
        }
        if (r2q < 0) throw new ProtocolException("htb qdisc without TCA_HTB_INIT");
        return new QdiscOptions.Htb(r2q, defcls, directQlen);
    }

    /**
     * direct_pkts, the last field of TCA_HTB_INIT's {@code struct tc_htb_glob}: a counter the kernel fills in
     * and ignores in a request, so it is read apart from the options a spec shares.
     */
    static OptionalLong directPackets(TcArea area) throws ProtocolException {
        if (area == null) return OptionalLong.empty();
        Attrs a = area.attrs(0);
        while (a.next()) {
            if (a.type() == PktSched.TCA_HTB_INIT && a.payloadLength() >= GLOB) {
                return OptionalLong.of(Integer.toUnsignedLong(a.s32At(a.payloadOffset() + 16)));
            }
        }
        return OptionalLong.empty();
    }

    static void encodeClass(MessageWriter w, ClassOptions.Htb c) {
        long rate = c.rate().bytesPerSecond(), ceil = c.ceil().bytesPerSecond();
        long burst = c.burst().map(b -> b.bytes()).orElse(rate / TcClock.HZ + TcClock.HTB_MTU);
        long cburst = c.cburst().map(b -> b.bytes()).orElse(ceil / TcClock.HZ + TcClock.HTB_MTU);
        int cellLog = TcClock.cellLog(TcClock.HTB_MTU);
        long rate32 = TcClock.rate32(c.rate()), ceil32 = TcClock.rate32(c.ceil());
        ByteBuffer opt = ByteBuffer.allocate(OPT).order(ByteOrder.nativeOrder());
        TcClock.ratespec(opt, rate32, cellLog);
        TcClock.ratespec(opt, ceil32, cellLog);
        opt.putInt((int) TcClock.xmittime(rate, burst)).putInt((int) TcClock.xmittime(ceil, cburst))
                .putInt((int) c.quantum().orElse(0)).putInt(0).putInt(c.prio());
        int nest = w.beginNest(Rtnetlink.TCA_OPTIONS);
        if (rate >= 1L << 32) w.attrU64(PktSched.TCA_HTB_RATE64, rate);
        if (ceil >= 1L << 32) w.attrU64(PktSched.TCA_HTB_CEIL64, ceil);
        w.attrBytes(PktSched.TCA_HTB_PARMS, opt.array());
        w.attrBytes(PktSched.TCA_HTB_RTAB, TcClock.rtable(rate32, cellLog));
        w.attrBytes(PktSched.TCA_HTB_CTAB, TcClock.rtable(ceil32, cellLog));
        w.endNest(nest);
    }

    static ClassOptions.Htb decodeClass(TcArea area) throws ProtocolException {
        if (area == null) throw new ProtocolException("htb class without TCA_OPTIONS");
        Attrs a = area.attrs(0);
        long parms = -1, rate = 0, ceil = 0, buffer = 0, cbuffer = 0, quantum = 0;
        Long rate64 = null, ceil64 = null;
        int prio = 0, level = 0;
        while (a.next()) {
            switch (a.type()) {
                case PktSched.TCA_HTB_PARMS -> {
                    if (a.payloadLength() < OPT) throw new ProtocolException("TCA_HTB_PARMS of " + a.payloadLength() + " bytes");
                    long p = parms = a.payloadOffset();
                    rate = Integer.toUnsignedLong(a.s32At(p + 8));
                    ceil = Integer.toUnsignedLong(a.s32At(p + 20));
                    buffer = Integer.toUnsignedLong(a.s32At(p + 24));
                    cbuffer = Integer.toUnsignedLong(a.s32At(p + 28));
                    quantum = Integer.toUnsignedLong(a.s32At(p + 32));
                    level = a.s32At(p + 36);
                    prio = a.s32At(p + 40);
                }
                case PktSched.TCA_HTB_RATE64 -> rate64 = a.u64();
                case PktSched.TCA_HTB_CEIL64 -> ceil64 = a.u64();
                default -> { }
            }
        }
        if (parms < 0) throw new ProtocolException("htb class without TCA_HTB_PARMS");
        Rate r = rate(rate64 != null ? rate64 : rate), c = rate(ceil64 != null ? ceil64 : ceil);
        return new ClassOptions.Htb(r, c, Optional.of(TcClock.burst(r.bytesPerSecond(), buffer)), Optional.of(TcClock.burst(c.bytesPerSecond(), cbuffer)),
                prio, quantum == 0 ? OptionalLong.empty() : OptionalLong.of(quantum), OptionalInt.of(level));
    }

    private static Rate rate(long bytes) throws ProtocolException {
        if (bytes < 0 || bytes > Long.MAX_VALUE / 8) throw new ProtocolException("rate of " + Long.toUnsignedString(bytes) + " bytes/s");
        return Rate.ofBytesPerSecond(bytes);
    }
}
