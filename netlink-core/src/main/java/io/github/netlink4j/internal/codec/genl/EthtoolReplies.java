package io.github.netlink4j.internal.codec.genl;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.genl.ethtool.Channels;
import io.github.netlink4j.genl.ethtool.Feature;
import io.github.netlink4j.genl.ethtool.Features;
import io.github.netlink4j.genl.ethtool.LinkInfo;
import io.github.netlink4j.genl.ethtool.LinkState;
import io.github.netlink4j.genl.ethtool.Rings;
import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.internal.wire.Nlmsg;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static io.github.netlink4j.internal.wire.spec.gen.Ethtool.*;

/**
 * ethtool's replies decoded into the records of {@code genl.ethtool}: pure functions over the bytes of
 * one message, attributes the records do not carry skipped, a message of another command refused.
 */
public final class EthtoolReplies {
    private EthtoolReplies() {}

    private static final int GENL_HDRLEN = GenlCodec.GENL_HDRLEN;

    /** The attributes of the reply at {@code off}, after checking that it is command {@code cmd}. */
    static Attrs attrs(MemorySegment s, long off, int len, int cmd, String what) throws ProtocolException {
        if (len < Nlmsg.HDRLEN + GENL_HDRLEN) throw new ProtocolException(what + " of " + len + " bytes has no genlmsghdr");
        int got = Nlmsg.u8(s, off + Nlmsg.HDRLEN);
        if (got != cmd) throw new ProtocolException("expected " + what + " (command " + cmd + "), got command " + got);
        return Attrs.ofMessage(s, off, len, GENL_HDRLEN, what, "genlmsghdr");
    }

    /** The device a reply's header names: its name and index. */
    record Device(String name, int index) {}

    static Device header(Attrs a, String what) throws ProtocolException {
        Attrs h = a.nestedAttrs(what + " header");
        String name = null;
        int index = 0;
        while (h.next()) {
            if (h.type() == ETHTOOL_A_HEADER_DEV_NAME) name = h.string();
            else if (h.type() == ETHTOOL_A_HEADER_DEV_INDEX) index = h.u32();
        }
        if (name == null) throw new ProtocolException(what + " without ETHTOOL_A_HEADER_DEV_NAME");
        return new Device(name, index);
    }

    /** ETHTOOL_MSG_LINKINFO_GET_REPLY. */
    public static LinkInfo linkInfo(MemorySegment s, long off, int len) throws ProtocolException {
        return linkInfo(s, off, len, ETHTOOL_MSG_LINKINFO_GET_REPLY, "ETHTOOL_MSG_LINKINFO_GET_REPLY");
    }

    /** The same attributes in message {@code cmd} (ETHTOOL_MSG_LINKINFO_NTF carries them too). */
    static LinkInfo linkInfo(MemorySegment s, long off, int len, int cmd, String what) throws ProtocolException {
        Attrs a = attrs(s, off, len, cmd, what);
        Device d = null;
        OptionalInt port = OptionalInt.empty(), phy = OptionalInt.empty(), xcvr = OptionalInt.empty(),
                mdix = OptionalInt.empty(), mdixCtrl = OptionalInt.empty();
        while (a.next()) {
            switch (a.type()) {
                case ETHTOOL_A_LINKINFO_HEADER -> d = header(a, what);
                case ETHTOOL_A_LINKINFO_PORT -> port = OptionalInt.of(a.u8());
                case ETHTOOL_A_LINKINFO_PHYADDR -> phy = OptionalInt.of(a.u8());
                case ETHTOOL_A_LINKINFO_TP_MDIX -> mdix = OptionalInt.of(a.u8());
                case ETHTOOL_A_LINKINFO_TP_MDIX_CTRL -> mdixCtrl = OptionalInt.of(a.u8());
                case ETHTOOL_A_LINKINFO_TRANSCEIVER -> xcvr = OptionalInt.of(a.u8());
                default -> { }
            }
        }
        Device dev = need(d, what);
        return LinkInfo.of(dev.name(), dev.index(), port, phy, xcvr, mdix, mdixCtrl);
    }

    /** ETHTOOL_MSG_LINKSTATE_GET_REPLY. */
    public static LinkState linkState(MemorySegment s, long off, int len) throws ProtocolException {
        Attrs a = attrs(s, off, len, ETHTOOL_MSG_LINKSTATE_GET_REPLY, "ETHTOOL_MSG_LINKSTATE_GET_REPLY");
        Device d = null;
        Optional<Boolean> link = Optional.empty();
        OptionalLong sqi = OptionalLong.empty(), sqiMax = OptionalLong.empty(), down = OptionalLong.empty();
        OptionalInt ext = OptionalInt.empty(), sub = OptionalInt.empty();
        while (a.next()) {
            switch (a.type()) {
                case ETHTOOL_A_LINKSTATE_HEADER -> d = header(a, "ETHTOOL_MSG_LINKSTATE_GET_REPLY");
                case ETHTOOL_A_LINKSTATE_LINK -> link = Optional.of(a.u8() != 0);
                case ETHTOOL_A_LINKSTATE_SQI -> sqi = OptionalLong.of(Integer.toUnsignedLong(a.u32()));
                case ETHTOOL_A_LINKSTATE_SQI_MAX -> sqiMax = OptionalLong.of(Integer.toUnsignedLong(a.u32()));
                case ETHTOOL_A_LINKSTATE_EXT_STATE -> ext = OptionalInt.of(a.u8());
                case ETHTOOL_A_LINKSTATE_EXT_SUBSTATE -> sub = OptionalInt.of(a.u8());
                case ETHTOOL_A_LINKSTATE_EXT_DOWN_CNT -> down = OptionalLong.of(Integer.toUnsignedLong(a.u32()));
                default -> { }
            }
        }
        Device dev = need(d, "ETHTOOL_MSG_LINKSTATE_GET_REPLY");
        return LinkState.of(dev.name(), dev.index(), link, sqi, sqiMax, ext, sub, down);
    }

    /** ETHTOOL_MSG_CHANNELS_GET_REPLY; a count the kernel left out reads 0, as ethtool reads it. */
    public static Channels channels(MemorySegment s, long off, int len) throws ProtocolException {
        return channels(s, off, len, ETHTOOL_MSG_CHANNELS_GET_REPLY, "ETHTOOL_MSG_CHANNELS_GET_REPLY");
    }

    /** The same attributes in message {@code cmd} (ETHTOOL_MSG_CHANNELS_NTF carries them too). */
    static Channels channels(MemorySegment s, long off, int len, int cmd, String what) throws ProtocolException {
        Attrs a = attrs(s, off, len, cmd, what);
        Device d = null;
        long[] v = new long[ETHTOOL_A_CHANNELS_COMBINED_COUNT + 1];
        while (a.next()) {
            int t = a.type();
            if (t == ETHTOOL_A_CHANNELS_HEADER) d = header(a, what);
            else if (t >= ETHTOOL_A_CHANNELS_RX_MAX && t <= ETHTOOL_A_CHANNELS_COMBINED_COUNT) v[t] = Integer.toUnsignedLong(a.u32());
        }
        Device dev = need(d, what);
        return new Channels(dev.name(), dev.index(), v[ETHTOOL_A_CHANNELS_RX_MAX], v[ETHTOOL_A_CHANNELS_TX_MAX],
                v[ETHTOOL_A_CHANNELS_OTHER_MAX], v[ETHTOOL_A_CHANNELS_COMBINED_MAX], v[ETHTOOL_A_CHANNELS_RX_COUNT],
                v[ETHTOOL_A_CHANNELS_TX_COUNT], v[ETHTOOL_A_CHANNELS_OTHER_COUNT], v[ETHTOOL_A_CHANNELS_COMBINED_COUNT]);
    }

    /** ETHTOOL_MSG_RINGS_GET_REPLY. */
    public static Rings rings(MemorySegment s, long off, int len) throws ProtocolException {
        return rings(s, off, len, ETHTOOL_MSG_RINGS_GET_REPLY, "ETHTOOL_MSG_RINGS_GET_REPLY");
    }

    /** The same attributes in message {@code cmd} (ETHTOOL_MSG_RINGS_NTF carries them too). */
    static Rings rings(MemorySegment s, long off, int len, int cmd, String what) throws ProtocolException {
        Attrs a = attrs(s, off, len, cmd, what);
        Device d = null;
        OptionalLong[] v = new OptionalLong[ETHTOOL_A_RINGS_CQE_SIZE + 1];
        java.util.Arrays.fill(v, OptionalLong.empty());
        while (a.next()) {
            int t = a.type();
            if (t == ETHTOOL_A_RINGS_HEADER) d = header(a, what);
            else if (t >= ETHTOOL_A_RINGS_RX_MAX && t <= ETHTOOL_A_RINGS_CQE_SIZE && t != ETHTOOL_A_RINGS_TCP_DATA_SPLIT) {
                v[t] = OptionalLong.of(Integer.toUnsignedLong(a.u32()));
            }
        }
        Device dev = need(d, what);
        return new Rings(dev.name(), dev.index(), v[ETHTOOL_A_RINGS_RX_MAX], v[ETHTOOL_A_RINGS_RX_MINI_MAX], v[ETHTOOL_A_RINGS_RX_JUMBO_MAX],
                v[ETHTOOL_A_RINGS_TX_MAX], v[ETHTOOL_A_RINGS_RX], v[ETHTOOL_A_RINGS_RX_MINI], v[ETHTOOL_A_RINGS_RX_JUMBO],
                v[ETHTOOL_A_RINGS_TX], v[ETHTOOL_A_RINGS_RX_BUF_LEN], v[ETHTOOL_A_RINGS_CQE_SIZE]);
    }

    /** The strings of the one string set in ETHTOOL_MSG_STRSET_GET_REPLY, by index (a gap is null). */
    public static List<String> stringSet(MemorySegment s, long off, int len) throws ProtocolException {
        Attrs a = attrs(s, off, len, ETHTOOL_MSG_STRSET_GET_REPLY, "ETHTOOL_MSG_STRSET_GET_REPLY");
        List<String> out = new ArrayList<>();
        while (a.next()) {
            if (a.type() != ETHTOOL_A_STRSET_STRINGSETS) continue;
            Attrs sets = a.nestedAttrs("ETHTOOL_A_STRSET_STRINGSETS");
            while (sets.next()) {
                Attrs set = sets.nestedAttrs("ETHTOOL_A_STRINGSETS_STRINGSET");
                while (set.next()) {
                    if (set.type() != ETHTOOL_A_STRINGSET_STRINGS) continue;
                    Attrs strings = set.nestedAttrs("ETHTOOL_A_STRINGSET_STRINGS");
                    while (strings.next()) {
                        Attrs str = strings.nestedAttrs("ETHTOOL_A_STRINGS_STRING");
                        int index = -1;
                        String value = null;
                        while (str.next()) {
                            if (str.type() == ETHTOOL_A_STRING_INDEX) index = str.u32();
                            else if (str.type() == ETHTOOL_A_STRING_VALUE) value = str.string();
                        }
                        if (index < 0 || index > 0xffff || value == null) throw new ProtocolException("string set entry without index or value");
                        while (out.size() <= index) out.add(null);
                        out.set(index, value);
                    }
                }
            }
        }
        return out;
    }

    /** ETHTOOL_MSG_FEATURES_GET_REPLY, with the feature names of string set ETH_SS_FEATURES. */
    public static Features features(MemorySegment s, long off, int len, List<String> names) throws ProtocolException {
        return features(s, off, len, names, ETHTOOL_MSG_FEATURES_GET_REPLY, "ETHTOOL_MSG_FEATURES_GET_REPLY");
    }

    /** The same attributes in message {@code cmd} (ETHTOOL_MSG_FEATURES_NTF carries them too). */
    static Features features(MemorySegment s, long off, int len, List<String> names, int cmd, String what) throws ProtocolException {
        Attrs a = attrs(s, off, len, cmd, what);
        Device d = null;
        Bitset hw = Bitset.EMPTY, wanted = Bitset.EMPTY, active = Bitset.EMPTY, nochange = Bitset.EMPTY;
        while (a.next()) {
            switch (a.type()) {
                case ETHTOOL_A_FEATURES_HEADER -> d = header(a, what);
                case ETHTOOL_A_FEATURES_HW -> hw = Bitset.decode(a.nestedAttrs("ETHTOOL_A_FEATURES_HW"));
                case ETHTOOL_A_FEATURES_WANTED -> wanted = Bitset.decode(a.nestedAttrs("ETHTOOL_A_FEATURES_WANTED"));
                case ETHTOOL_A_FEATURES_ACTIVE -> active = Bitset.decode(a.nestedAttrs("ETHTOOL_A_FEATURES_ACTIVE"));
                case ETHTOOL_A_FEATURES_NOCHANGE -> nochange = Bitset.decode(a.nestedAttrs("ETHTOOL_A_FEATURES_NOCHANGE"));
                default -> { }
            }
        }
        Device dev = need(d, what);
        int size = Math.max(Math.max(hw.size(), wanted.size()), Math.max(active.size(), nochange.size()));
        List<Feature> out = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String name = i < names.size() && names.get(i) != null ? names.get(i) : active.name(i);
            if (name == null || name.isEmpty()) continue; // a bit no string names (ethtool leaves it out too)
            out.add(new Feature(name, active.value(i), wanted.value(i), hw.value(i), nochange.value(i)));
        }
        return new Features(dev.name(), dev.index(), out);
    }

    /**
     * What ETHTOOL_MSG_FEATURES_SET_REPLY says changed: each bit set in the mask of ETHTOOL_A_FEATURES_ACTIVE
     * (the old and new active features differ there), by name, with its new value, in the kernel's order.
     */
    public static java.util.Map<String, Boolean> featuresChanged(MemorySegment s, long off, int len, List<String> names) throws ProtocolException {
        Attrs a = attrs(s, off, len, ETHTOOL_MSG_FEATURES_SET_REPLY, "ETHTOOL_MSG_FEATURES_SET_REPLY");
        Bitset active = Bitset.EMPTY;
        while (a.next()) if (a.type() == ETHTOOL_A_FEATURES_ACTIVE) active = Bitset.decode(a.nestedAttrs("ETHTOOL_A_FEATURES_ACTIVE"));
        java.util.Map<String, Boolean> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < active.size(); i++) {
            if (!active.masked(i)) continue;
            String name = i < names.size() && names.get(i) != null ? names.get(i) : active.name(i);
            out.put(name != null ? name : "feature " + i, active.value(i));
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    private static Device need(Device d, String what) throws ProtocolException {
        if (d == null) throw new ProtocolException(what + " without ETHTOOL_A_*_HEADER");
        return d;
    }
}
