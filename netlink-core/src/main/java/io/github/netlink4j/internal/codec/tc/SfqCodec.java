package io.github.netlink4j.internal.codec.tc;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.uapi.Rtnetlink;
import io.github.netlink4j.tc.Sfq;
import io.github.netlink4j.tc.Size;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * sfq, as q_sfq.c writes it without RED: TCA_OPTIONS is {@code struct tc_sfq_qopt_v1} (72 bytes), what is
 * not set 0, sent only when something is set. A 0 read back is the kernel's default, and reads as empty.
 */
final class SfqCodec {
    private SfqCodec() {}

    private static final int QOPT_V1 = 72;
    private static final int QOPT_V0 = 20;

    static void encode(MessageWriter w, Sfq s) {
        if (s.equals(Sfq.DEFAULTS)) return;
        ByteBuffer b = ByteBuffer.allocate(QOPT_V1).order(ByteOrder.nativeOrder());
        long quantum = s.quantum().map(Size::bytes).orElse(0L), perturb = s.perturb().map(Duration::toSeconds).orElse(0L);
        b.putInt((int) quantum).putInt((int) perturb)
                .putInt((int) s.limit().orElse(0)).putInt((int) s.divisor().orElse(0)).putInt((int) s.flows().orElse(0))
                .putInt((int) s.depth().orElse(0)).putInt(s.headdrop() ? 1 : 0);
        w.attrBytes(Rtnetlink.TCA_OPTIONS, b.array());
    }

    static Sfq decode(TcArea area) throws ProtocolException {
        if (area == null) return Sfq.DEFAULTS;
        area.struct("struct tc_sfq_qopt", QOPT_V0);
        boolean v1 = area.length() >= QOPT_V1;
        long quantum = area.u32(0), perturb = area.s32(4);
        return new Sfq(perturb <= 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(perturb)),
                quantum == 0 ? Optional.empty() : Optional.of(Size.ofBytes(quantum)), nonZero(area.u32(8)), nonZero(area.u32(12)),
                nonZero(area.u32(16)), v1 ? nonZero(area.u32(20)) : OptionalLong.empty(), v1 && area.u32(24) != 0);
    }

    private static OptionalLong nonZero(long v) {
        return v == 0 ? OptionalLong.empty() : OptionalLong.of(v);
    }
}
