package io.github.netlink4j.internal.codec.tc;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.uapi.PktSched;
import io.github.netlink4j.internal.wire.uapi.Rtnetlink;
import io.github.netlink4j.tc.FqCodel;
import io.github.netlink4j.tc.Size;
import io.github.netlink4j.tc.TcTime;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/** fq_codel, as q_fq_codel.c writes it: a TCA_OPTIONS nest of u32 TCA_FQ_CODEL_*, times in microseconds, each only when set. */
final class FqCodelCodec {
    private FqCodelCodec() {}

    static void encode(MessageWriter w, FqCodel f) {
        int nest = w.beginNest(Rtnetlink.TCA_OPTIONS);
        u32(w, PktSched.TCA_FQ_CODEL_LIMIT, f.limit());
        u32(w, PktSched.TCA_FQ_CODEL_FLOWS, f.flows());
        u32(w, PktSched.TCA_FQ_CODEL_QUANTUM, f.quantum());
        time(w, PktSched.TCA_FQ_CODEL_INTERVAL, f.interval());
        time(w, PktSched.TCA_FQ_CODEL_TARGET, f.target());
        f.ecn().ifPresent(e -> w.attrU32(PktSched.TCA_FQ_CODEL_ECN, e ? 1 : 0));
        time(w, PktSched.TCA_FQ_CODEL_CE_THRESHOLD, f.ceThreshold());
        f.memoryLimit().ifPresent(m -> w.attrU32(PktSched.TCA_FQ_CODEL_MEMORY_LIMIT, (int) m.bytes()));
        u32(w, PktSched.TCA_FQ_CODEL_DROP_BATCH_SIZE, f.dropBatch());
        w.endNest(nest);
    }

    private static void u32(MessageWriter w, int type, OptionalLong v) {
        if (v.isPresent()) w.attrU32(type, (int) v.getAsLong());
    }

    private static void time(MessageWriter w, int type, Optional<Duration> d) {
        if (d.isPresent()) w.attrU32(type, (int) TcTime.micros(d.get()));
    }

    static FqCodel decode(TcArea area) throws ProtocolException {
        if (area == null) return FqCodel.DEFAULTS;
        Attrs a = area.attrs(0);
        OptionalLong limit = OptionalLong.empty(), flows = OptionalLong.empty(), quantum = OptionalLong.empty(), drop = OptionalLong.empty();
        Optional<Duration> target = Optional.empty(), interval = Optional.empty(), ce = Optional.empty();
        Optional<Boolean> ecn = Optional.empty();
        Optional<Size> memory = Optional.empty();
        while (a.next()) {
            switch (a.type()) {
                case PktSched.TCA_FQ_CODEL_LIMIT -> limit = OptionalLong.of(u32(a));
                case PktSched.TCA_FQ_CODEL_FLOWS -> flows = OptionalLong.of(u32(a));
                case PktSched.TCA_FQ_CODEL_QUANTUM -> quantum = OptionalLong.of(u32(a));
                case PktSched.TCA_FQ_CODEL_DROP_BATCH_SIZE -> drop = OptionalLong.of(u32(a));
                case PktSched.TCA_FQ_CODEL_TARGET -> target = Optional.of(Duration.ofNanos(u32(a) * 1000));
                case PktSched.TCA_FQ_CODEL_INTERVAL -> interval = Optional.of(Duration.ofNanos(u32(a) * 1000));
                case PktSched.TCA_FQ_CODEL_CE_THRESHOLD -> ce = Optional.of(Duration.ofNanos(u32(a) * 1000));
                case PktSched.TCA_FQ_CODEL_ECN -> ecn = Optional.of(u32(a) != 0);
                case PktSched.TCA_FQ_CODEL_MEMORY_LIMIT -> memory = Optional.of(Size.ofBytes(u32(a)));
                default -> { }
            }
        }
        return new FqCodel(limit, flows, quantum, target, interval, ecn, ce, memory, drop);
    }

    private static long u32(Attrs a) throws ProtocolException {
        return Integer.toUnsignedLong(a.u32());
    }
}
