package io.github.netlink4j.internal.codec.tc;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.uapi.Rtnetlink;
import io.github.netlink4j.tc.Prio;
import io.github.netlink4j.tc.QdiscOptions;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * prio and pfifo_fast: {@code struct tc_prio_qopt {int bands; __u8 priomap[16]}}. prio sends it as tc's
 * "compat nest" (q_prio.c, addattr_nest_compat): TCA_OPTIONS holding the struct and then an empty
 * TCA_OPTIONS nest, the outer length covering both. pfifo_fast has no options to send; the kernel reports
 * its fixed struct.
 */
final class PrioCodec {
    private PrioCodec() {}

    private static final int QOPT = 20;

    static void encode(MessageWriter w, Prio p) {
        int outer = w.beginNest(Rtnetlink.TCA_OPTIONS);
        ByteBuffer b = ByteBuffer.allocate(QOPT).order(ByteOrder.nativeOrder()).putInt(p.bands());
        for (int band : p.priomap()) b.put((byte) band);
        w.raw(b.array());
        w.endNest(w.beginNest(Rtnetlink.TCA_OPTIONS));
        w.endNest(outer);
    }

    static Prio decodePrio(TcArea a) throws ProtocolException {
        if (a == null) throw new ProtocolException("prio without TCA_OPTIONS");
        a.struct("struct tc_prio_qopt", QOPT);
        return new Prio(a.s32(0), map(a));
    }

    static QdiscOptions.PfifoFast decodePfifoFast(TcArea a) throws ProtocolException {
        if (a == null) return QdiscOptions.PfifoFast.FIXED;
        a.struct("struct tc_prio_qopt", QOPT);
        return new QdiscOptions.PfifoFast(a.s32(0), map(a));
    }

    private static List<Integer> map(TcArea a) {
        List<Integer> map = new ArrayList<>(16);
        for (int i = 0; i < 16; i++) map.add(a.u8(4 + i));
        return map;
    }
}
