package io.github.netlink4j.internal.codec.tc;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.uapi.Rtnetlink;
import io.github.netlink4j.tc.QdiscOptions;
import io.github.netlink4j.tc.Size;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import java.util.OptionalLong;

/** pfifo and bfifo: TCA_OPTIONS is {@code struct tc_fifo_qopt {__u32 limit}}, sent only when tc is given a limit (q_fifo.c). */
final class FifoCodec {
    private FifoCodec() {}

    private static final int QOPT = 4;

    static void encode(MessageWriter w, OptionalLong limit) {
        if (limit.isPresent()) w.attrBytes(Rtnetlink.TCA_OPTIONS, u32(limit.getAsLong()));
    }

    static QdiscOptions.Pfifo decodePfifo(TcArea a) throws ProtocolException {
        return new QdiscOptions.Pfifo(a == null ? OptionalLong.empty() : OptionalLong.of(a.struct("struct tc_fifo_qopt", QOPT).u32(0)));
    }

    static QdiscOptions.Bfifo decodeBfifo(TcArea a) throws ProtocolException {
        return new QdiscOptions.Bfifo(a == null ? Optional.empty() : Optional.of(Size.ofBytes(a.struct("struct tc_fifo_qopt", QOPT).u32(0))));
    }

    static byte[] u32(long v) {
        return ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt((int) v).array();
    }
}
