package io.github.netlink4j.internal.codec.tc;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.uapi.PktCls;
import io.github.netlink4j.tc.action.ActionControl;
import io.github.netlink4j.tc.action.ActionOptions;
import io.github.netlink4j.tc.action.PeditKey;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * act_pedit's options as tc 6.1's m_pedit.c writes them: {@code struct tc_pedit_sel} (the {@code tc_gen} head,
 * nkeys, flags, then 24 bytes per {@code struct tc_pedit_key}) in TCA_PEDIT_PARMS, or in the extended form
 * TCA_PEDIT_PARMS_EX followed by TCA_PEDIT_KEYS_EX, one TCA_PEDIT_KEY_EX (header type, command) per key.
 * A key's mask and value lie in the packet's byte order; its offset, at, offmask and shift in the host's.
 */
final class PeditCodec {
    private PeditCodec() {}

    /** {@code struct tc_pedit_sel} without its keys: tc_gen, nkeys, flags and the padding to the keys. */
    static final int TC_PEDIT_SEL = 24;
    /** {@code struct tc_pedit_key}. */
    static final int TC_PEDIT_KEY = 24;

    static void encode(MessageWriter w, ActionOptions.Pedit p, int index) {
        ByteBuffer b = ByteBuffer.allocate(TC_PEDIT_SEL + TC_PEDIT_KEY * p.keys().size()).order(ByteOrder.nativeOrder());
        b.putInt(index).putInt(0).putInt(p.control().value()).putInt(0).putInt(0);
        b.put((byte) p.keys().size()).put((byte) 0).putShort((short) 0);
        for (PeditKey k : p.keys()) {
            b.order(ByteOrder.BIG_ENDIAN).putInt((int) k.mask()).putInt((int) k.value()).order(ByteOrder.nativeOrder());
            b.putInt(k.offset()).putInt((int) k.at()).putInt((int) k.offmask()).putInt(k.shift());
        }
        w.attrBytes(p.extended() ? PktCls.TCA_PEDIT_PARMS_EX : PktCls.TCA_PEDIT_PARMS, b.array());
        if (!p.extended()) return;
        int list = w.beginNest(PktCls.TCA_PEDIT_KEYS_EX | io.github.netlink4j.internal.wire.uapi.Netlink.NLA_F_NESTED);
        for (PeditKey k : p.keys()) {
            int one = w.beginNest(PktCls.TCA_PEDIT_KEY_EX | io.github.netlink4j.internal.wire.uapi.Netlink.NLA_F_NESTED);
            w.attrU16(PktCls.TCA_PEDIT_KEY_EX_HTYPE, k.header().value());
            w.attrU16(PktCls.TCA_PEDIT_KEY_EX_CMD, k.command().value());
            w.endNest(one);
        }
        w.endNest(list);
    }

    /** The options, and {index, refcnt, bindcnt} into {@code counts}. */
    static ActionOptions.Pedit decode(Attrs o, long[] counts) throws ProtocolException {
        List<long[]> keys = new ArrayList<>();
        List<int[]> ex = new ArrayList<>();
        ActionControl control = ActionControl.PASS;
        boolean extended = false, parms = false;
        while (o.next()) {
            int t = o.type();
            if (t == PktCls.TCA_PEDIT_PARMS || t == PktCls.TCA_PEDIT_PARMS_EX) {
                parms = true;
                extended = t == PktCls.TCA_PEDIT_PARMS_EX;
                if (o.payloadLength() < TC_PEDIT_SEL) throw new ProtocolException("struct tc_pedit_sel of " + o.payloadLength() + " bytes");
                long at = o.payloadOffset();
                counts[0] = Integer.toUnsignedLong(o.s32At(at));
                control = ActionControl.of(o.s32At(at + 8));
                counts[1] = Integer.toUnsignedLong(o.s32At(at + 12));
                counts[2] = Integer.toUnsignedLong(o.s32At(at + 16));
                int n = o.bytes()[20] & 0xff;
                if (o.payloadLength() < TC_PEDIT_SEL + (long) n * TC_PEDIT_KEY) {
                    throw new ProtocolException("pedit parameters of " + o.payloadLength() + " bytes for " + n + " keys");
                }
                keys.clear();
                for (int i = 0; i < n; i++) {
                    long k = at + TC_PEDIT_SEL + (long) i * TC_PEDIT_KEY;
                    long[] key = new long[6];
                    keys.add(key);
                    key[0] = net(o.s32At(k));
                    key[1] = net(o.s32At(k + 4));
                    key[2] = o.s32At(k + 8);
                    key[3] = Integer.toUnsignedLong(o.s32At(k + 12));
                    key[4] = Integer.toUnsignedLong(o.s32At(k + 16));
                    key[5] = o.s32At(k + 20);
                }
            } else if (t == PktCls.TCA_PEDIT_KEYS_EX) {
                Attrs list = o.nestedAttrs("TCA_PEDIT_KEYS_EX");
                while (list.next()) {
                    if (list.type() != PktCls.TCA_PEDIT_KEY_EX) continue;
                    Attrs one = list.nestedAttrs("TCA_PEDIT_KEY_EX");
                    int[] hc = {0, 0};
                    while (one.next()) {
                        if (one.type() == PktCls.TCA_PEDIT_KEY_EX_HTYPE) hc[0] = one.u16();
                        else if (one.type() == PktCls.TCA_PEDIT_KEY_EX_CMD) hc[1] = one.u16();
                    }
                    ex.add(hc);
                }
            }
        }
        if (!parms) throw new ProtocolException("pedit action without TCA_PEDIT_PARMS");
        if (extended && ex.size() != keys.size()) throw new ProtocolException("pedit action with " + keys.size() + " keys and " + ex.size() + " TCA_PEDIT_KEY_EX");
        try {
            List<PeditKey> out = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                long[] k = keys.get(i);
                PeditKey.Header h = extended ? PeditKey.Header.of(ex.get(i)[0]) : PeditKey.Header.NETWORK;
                PeditKey.Command c = extended ? PeditKey.Command.of(ex.get(i)[1]) : PeditKey.Command.SET;
                out.add(new PeditKey(k[0], k[1], (int) k[2], k[3], k[4], (int) k[5], h, c));
            }
            return new ActionOptions.Pedit(out, extended, control);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("pedit action: " + e.getMessage());
        }
    }

    /** A u32 read in host order from bytes that lie in the packet's order, as the packet's word. */
    private static long net(int hostRead) {
        return Integer.toUnsignedLong(ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN ? hostRead : Integer.reverseBytes(hostRead));
    }
}
