package io.github.netlink4j.internal.codec.genl;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.genl.GenlFamily;
import io.github.netlink4j.genl.ethtool.Duplex;
import io.github.netlink4j.genl.ethtool.LinkModes;
import io.github.netlink4j.genl.ethtool.LinkModesChange;
import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.uapi.Netlink;

import java.lang.foreign.MemorySegment;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

import static io.github.netlink4j.internal.wire.spec.gen.Ethtool.*;

/**
 * ethtool's link modes: ETHTOOL_MSG_LINKMODES_SET written as ethtool(8) 6.1 writes it (golden/ethtool/linkmodes-*),
 * and the reply to ETHTOOL_MSG_LINKMODES_GET and ETHTOOL_MSG_LINKMODES_NTF decoded into {@link LinkModes}. The get is
 * the header alone ({@link EthtoolCodec#encodeGet} without flags, as ethtool asks it): its bitsets come verbose and
 * name their bits; a notification's come compact, named from the string set ETH_SS_LINK_MODES.
 */
public final class LinkModesCodec {
    private LinkModesCodec() {}

    /** The commands, as the spec numbers them (user space to kernel). */
    public static final int LINKMODES_GET = ETHTOOL_MSG_LINKMODES_GET, LINKMODES_SET = ETHTOOL_MSG_LINKMODES_SET;
    /** ETH_SS_LINK_MODES of linux/ethtool.h: the string set that names the link mode bits. */
    public static final int ETH_SS_LINK_MODES = 9;
    /** SPEED_UNKNOWN of linux/ethtool.h, as the u32 it is sent as. */
    static final int SPEED_UNKNOWN = -1;

    /**
     * ETHTOOL_MSG_LINKMODES_SET of what {@code c} changes, in ethtool's order (speed, lanes, duplex, autoneg,
     * advertised modes). A whole set of advertised modes is a compact list (NOMASK, SIZE one past the highest
     * bit, VALUE), as ethtool sends {@code advertise N}, its bits found by name in {@code names}
     * (ETH_SS_LINK_MODES); modes turned on and off are a verbose bitset by name, as ethtool sends
     * {@code advertise NAME on|off …}.
     *
     * @throws IllegalArgumentException if an advertised mode is not in {@code names}
     */
    public static void encodeSet(MessageWriter w, GenlFamily f, String link, LinkModesChange c, List<String> names) {
        int m = w.beginMessage(f.id(), Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK);
        w.genlmsghdr(ETHTOOL_MSG_LINKMODES_SET, f.version());
        int h = w.beginNest(ETHTOOL_A_LINKMODES_HEADER | Netlink.NLA_F_NESTED);
        w.attrString(ETHTOOL_A_HEADER_DEV_NAME, link);
        w.endNest(h);
        if (c.speed().isPresent()) w.attrU32(ETHTOOL_A_LINKMODES_SPEED, c.speed().getAsInt());
        if (c.lanes().isPresent()) w.attrU32(ETHTOOL_A_LINKMODES_LANES, c.lanes().getAsInt());
        if (c.duplex().isPresent()) w.attrU8(ETHTOOL_A_LINKMODES_DUPLEX, c.duplex().get().value());
        if (c.autoneg().isPresent()) w.attrU8(ETHTOOL_A_LINKMODES_AUTONEG, c.autoneg().get() ? 1 : 0);
        if (c.advertised().isPresent()) {
            java.util.BitSet bits = new java.util.BitSet();
            for (String mode : c.advertised().get()) bits.set(index(names, mode));
            int size = bits.length();
            long[] longs = bits.toLongArray();
            java.nio.ByteBuffer words = java.nio.ByteBuffer.allocate((size + 31) / 32 * 4).order(java.nio.ByteOrder.nativeOrder());
            for (int k = 0; k < words.capacity() / 4; k++) words.putInt((int) (longs[k / 2] >>> (32 * (k % 2))));
            int ours = w.beginNest(ETHTOOL_A_LINKMODES_OURS | Netlink.NLA_F_NESTED);
            w.attrFlag(ETHTOOL_A_BITSET_NOMASK);
            w.attrU32(ETHTOOL_A_BITSET_SIZE, size);
            w.attrBytes(ETHTOOL_A_BITSET_VALUE, words.array());
            w.endNest(ours);
        } else if (!c.advertisedChanges().isEmpty()) {
            int ours = w.beginNest(ETHTOOL_A_LINKMODES_OURS | Netlink.NLA_F_NESTED);
            int bits = w.beginNest(ETHTOOL_A_BITSET_BITS | Netlink.NLA_F_NESTED);
            for (Map.Entry<String, Boolean> e : c.advertisedChanges().entrySet()) {
                int bit = w.beginNest(ETHTOOL_A_BITSET_BITS_BIT | Netlink.NLA_F_NESTED);
                w.attrString(ETHTOOL_A_BITSET_BIT_NAME, e.getKey());
                if (e.getValue()) w.attrFlag(ETHTOOL_A_BITSET_BIT_VALUE);
                w.endNest(bit);
            }
            w.endNest(bits);
            w.endNest(ours);
        }
        w.endMessage(m);
    }

    /** Checks that every advertised mode {@code c} names is one of {@code names}, before anything is sent. */
    public static void checkNames(LinkModesChange c, List<String> names) {
        for (String mode : c.advertised().orElse(Set.of())) index(names, mode);
        for (String mode : c.advertisedChanges().keySet()) index(names, mode);
    }

    private static int index(List<String> names, String mode) {
        int i = names.indexOf(mode);
        if (i < 0) throw new IllegalArgumentException("the kernel has no link mode \"" + mode + "\"");
        return i;
    }

    /** ETHTOOL_MSG_LINKMODES_GET_REPLY; bits a verbose bitset does not name are named from {@code names}. */
    public static LinkModes linkModes(MemorySegment s, long off, int len, List<String> names) throws ProtocolException {
        return linkModes(s, off, len, names, ETHTOOL_MSG_LINKMODES_GET_REPLY, "ETHTOOL_MSG_LINKMODES_GET_REPLY");
    }

    /** The same attributes in message {@code cmd} (ETHTOOL_MSG_LINKMODES_NTF carries them too, in compact bitsets). */
    static LinkModes linkModes(MemorySegment s, long off, int len, List<String> names, int cmd, String what) throws ProtocolException {
        Attrs a = EthtoolReplies.attrs(s, off, len, cmd, what);
        EthtoolReplies.Device d = null;
        Integer autoneg = null;
        OptionalInt speed = OptionalInt.empty(), lanes = OptionalInt.empty(), msCfg = OptionalInt.empty(),
                msState = OptionalInt.empty(), rate = OptionalInt.empty();
        Duplex duplex = Duplex.UNKNOWN;
        Bitset ours = Bitset.EMPTY, peer = Bitset.EMPTY;
        while (a.next()) {
            switch (a.type()) {
                case ETHTOOL_A_LINKMODES_HEADER -> d = EthtoolReplies.header(a, what);
                case ETHTOOL_A_LINKMODES_AUTONEG -> autoneg = a.u8();
                case ETHTOOL_A_LINKMODES_OURS -> ours = Bitset.decode(a.nestedAttrs("ETHTOOL_A_LINKMODES_OURS"));
                case ETHTOOL_A_LINKMODES_PEER -> peer = Bitset.decode(a.nestedAttrs("ETHTOOL_A_LINKMODES_PEER"));
                case ETHTOOL_A_LINKMODES_SPEED -> {
                    int v = a.u32();
                    speed = v == SPEED_UNKNOWN || v < 0 ? OptionalInt.empty() : OptionalInt.of(v);
                }
                case ETHTOOL_A_LINKMODES_DUPLEX -> duplex = duplex(a.u8());
                case ETHTOOL_A_LINKMODES_MASTER_SLAVE_CFG -> msCfg = OptionalInt.of(a.u8());
                case ETHTOOL_A_LINKMODES_MASTER_SLAVE_STATE -> msState = OptionalInt.of(a.u8());
                case ETHTOOL_A_LINKMODES_LANES -> lanes = OptionalInt.of(a.u32());
                case ETHTOOL_A_LINKMODES_RATE_MATCHING -> rate = OptionalInt.of(a.u8());
                default -> { }
            }
        }
        if (d == null) throw new ProtocolException(what + " without ETHTOOL_A_LINKMODES_HEADER");
        if (autoneg == null) throw new ProtocolException(what + " without ETHTOOL_A_LINKMODES_AUTONEG");
        Set<String> supported = new LinkedHashSet<>(), advertised = new LinkedHashSet<>(), partner = new LinkedHashSet<>();
        for (int i = 0; i < ours.size(); i++) {
            if (ours.masked(i)) supported.add(name(ours, names, i));
            if (ours.value(i)) advertised.add(name(ours, names, i));
        }
        for (int i = 0; i < peer.size(); i++) if (peer.value(i)) partner.add(name(peer, names, i));
        return new LinkModes(d.name(), d.index(), autoneg != 0, speed, duplex, lanes, supported, advertised, partner, msCfg, msState, rate);
    }

    /** Duplex {@code v}; a number of a newer kernel is UNKNOWN, as ethtool prints it. */
    private static Duplex duplex(int v) {
        for (Duplex x : Duplex.values()) if (x.value() == v) return x;
        return Duplex.UNKNOWN;
    }

    /** The name the bitset gave bit {@code i}, else the string set's, else its number ("bit 97"). */
    private static String name(Bitset b, List<String> names, int i) {
        String n = b.name(i);
        if (n == null || n.isEmpty()) n = i < names.size() ? names.get(i) : null;
        return n == null || n.isEmpty() ? "bit " + i : n;
    }
}
