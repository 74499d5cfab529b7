package io.github.netlink4j.internal.codec.tc;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.uapi.PktCls;
import io.github.netlink4j.tc.TcHandle;
import io.github.netlink4j.tc.action.Action;
import io.github.netlink4j.tc.filter.FilterOffload;
import io.github.netlink4j.tc.filter.FilterOptions;
import io.github.netlink4j.tc.filter.U32Handle;
import io.github.netlink4j.tc.filter.U32Key;
import io.github.netlink4j.tc.filter.U32Selector;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * u32's TCA_OPTIONS as tc 6.1's f_u32.c writes them: what it adds while reading the command line
 * (divisor, link, classid, actions), then TCA_U32_HASH and TCA_U32_SEL ({@code struct tc_u32_sel} and its
 * keys: masks, values, hmask and offmask in network order, offsets in the host's).
 */
final class U32Codec {
    private U32Codec() {}

    private static final int SEL = 16;
    private static final int KEY = 16;

    static void encode(MessageWriter w, FilterOptions.U32 u, boolean hasActions, Runnable actions) {
        u.divisor().ifPresent(d -> w.attrU32(PktCls.TCA_U32_DIVISOR, (int) d));
        u.link().ifPresent(l -> w.attrU32(PktCls.TCA_U32_LINK, (int) l.value()));
        u.classid().ifPresent(c -> w.attrU32(PktCls.TCA_U32_CLASSID, c.value()));
        if (hasActions) actions.run();
        u.hashTable().ifPresent(h -> w.attrU32(PktCls.TCA_U32_HASH, (int) h.value()));
        u.selector().ifPresent(s -> w.attrBytes(PktCls.TCA_U32_SEL, selector(s, u.classid().isPresent() || hasActions)));
        if (u.flags() != 0) w.attrU32(PktCls.TCA_U32_FLAGS, u.flags());
    }

    /** The struct; terminal when the filter decides (a classid or actions), as tc's parse_u32 makes it. */
    private static byte[] selector(U32Selector s, boolean terminal) {
        ByteBuffer b = ByteBuffer.allocate(SEL + KEY * s.keys().size()).order(ByteOrder.nativeOrder());
        b.put((byte) (s.flags() | (terminal ? U32Selector.TERMINAL : 0))).put((byte) s.offshift()).put((byte) s.keys().size()).put((byte) 0);
        b.order(ByteOrder.BIG_ENDIAN).putShort((short) s.offmask()).order(ByteOrder.nativeOrder());
        b.putShort((short) s.off()).putShort((short) s.offoff()).putShort((short) s.hoff());
        b.order(ByteOrder.BIG_ENDIAN).putInt((int) s.hmask());
        for (U32Key k : s.keys()) {
            b.order(ByteOrder.BIG_ENDIAN).putInt((int) k.mask()).putInt((int) k.value());
            b.order(ByteOrder.nativeOrder()).putInt(k.off()).putInt(k.offmask());
        }
        return b.array();
    }

    static FilterKinds.Decoded decode(TcArea area) throws ProtocolException {
        Optional<TcHandle> classid = Optional.empty();
        Optional<U32Selector> sel = Optional.empty();
        OptionalLong divisor = OptionalLong.empty();
        Optional<U32Handle> hash = Optional.empty();
        Optional<U32Handle> link = Optional.empty();
        int flags = 0;
        FilterOffload offload = FilterOffload.UNREPORTED;
        List<Action> actions = List.of();
        Attrs a = area == null ? null : area.attrs(0);
        while (a != null && a.next()) {
            switch (a.type()) {
                case PktCls.TCA_U32_CLASSID -> classid = Optional.of(TcHandle.of(a.u32()));
                case PktCls.TCA_U32_SEL -> sel = Optional.of(selector(a));
                case PktCls.TCA_U32_DIVISOR -> divisor = OptionalLong.of(Integer.toUnsignedLong(a.u32()));
                case PktCls.TCA_U32_HASH -> hash = Optional.of(new U32Handle(Integer.toUnsignedLong(a.u32())));
                case PktCls.TCA_U32_LINK -> link = Optional.of(new U32Handle(Integer.toUnsignedLong(a.u32())));
                case PktCls.TCA_U32_FLAGS -> {
                    flags = a.u32() & (PktCls.TCA_CLS_FLAGS_SKIP_HW | PktCls.TCA_CLS_FLAGS_SKIP_SW);
                    offload = FilterOffload.ofFlags(a.u32());
                }
                case PktCls.TCA_U32_ACT -> actions = ActionCodec.decodeList(a.nestedAttrs("TCA_U32_ACT"));
                default -> { } // TCA_U32_PCNT (counters), _MARK, _INDEV, _POLICE: not modelled
            }
        }
        return new FilterKinds.Decoded(new FilterOptions.U32(classid, sel, divisor, hash, link, flags), actions, offload);
    }

    private static U32Selector selector(Attrs a) throws ProtocolException {
        int len = a.payloadLength();
        long p = a.payloadOffset();
        if (len < SEL) throw new ProtocolException("TCA_U32_SEL of " + len + " bytes, struct tc_u32_sel needs " + SEL);
        int nkeys = a.u8At(p + 2);
        if (len < SEL + KEY * nkeys) throw new ProtocolException("TCA_U32_SEL of " + len + " bytes holds fewer than its " + nkeys + " keys");
        int offmask = Short.toUnsignedInt(Short.reverseBytes((short) a.u16At(p + 4)));
        if (ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN) offmask = a.u16At(p + 4);
        try {
            List<U32Key> keys = new ArrayList<>();
            for (int i = 0; i < nkeys; i++) {
                long k = p + SEL + (long) KEY * i;
                keys.add(new U32Key(be32(a, k + 4), be32(a, k), a.s32At(k + 8), a.s32At(k + 12)));
            }
            return new U32Selector(a.u8At(p), a.u8At(p + 1), offmask, a.u16At(p + 6), (short) a.u16At(p + 8), (short) a.u16At(p + 10),
                    be32(a, p + 12), keys);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("TCA_U32_SEL: " + e.getMessage());
        }
    }

    private static long be32(Attrs a, long off) {
        int v = a.s32At(off);
        return Integer.toUnsignedLong(ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN ? v : Integer.reverseBytes(v));
    }
}
