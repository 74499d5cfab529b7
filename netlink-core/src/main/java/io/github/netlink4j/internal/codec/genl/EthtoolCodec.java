package io.github.netlink4j.internal.codec.genl;

import io.github.netlink4j.genl.GenlFamily;
import io.github.netlink4j.genl.ethtool.ChannelsChange;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.uapi.Netlink;

import java.util.List;
import java.util.Map;

import static io.github.netlink4j.internal.wire.spec.gen.Ethtool.*;

/**
 * ethtool's generic netlink requests, written as ethtool(8) 6.1 writes them (the golden fixtures under
 * golden/ethtool are its own bytes): every request asks an ACK, names the device in a header nest
 * (ETHTOOL_A_HEADER_DEV_NAME) flagged NLA_F_NESTED, and asks compact bitsets where a reply carries
 * bitsets. Attribute and command numbers are the ones generated from the kernel's ethtool spec.
 */
public final class EthtoolCodec {
    private EthtoolCodec() {}

    /** The commands the typed handles send, as the spec numbers them (user space to kernel). */
    public static final int STRSET_GET = ETHTOOL_MSG_STRSET_GET, LINKINFO_GET = ETHTOOL_MSG_LINKINFO_GET,
            LINKSTATE_GET = ETHTOOL_MSG_LINKSTATE_GET, FEATURES_GET = ETHTOOL_MSG_FEATURES_GET, FEATURES_SET = ETHTOOL_MSG_FEATURES_SET,
            RINGS_GET = ETHTOOL_MSG_RINGS_GET, CHANNELS_GET = ETHTOOL_MSG_CHANNELS_GET, CHANNELS_SET = ETHTOOL_MSG_CHANNELS_SET;
    /** ETHTOOL_FLAG_COMPACT_BITSETS: bitsets in replies as value/mask words rather than one nest per bit. */
    public static final int COMPACT_BITSETS = ETHTOOL_FLAG_COMPACT_BITSETS;

    /** ETH_SS_FEATURES of linux/ethtool.h: the string set that names the offload features. */
    public static final int ETH_SS_FEATURES = 4;

    /** A "do" of {@code cmd} for device {@code link}: the header only, with {@code headerFlags} (ETHTOOL_FLAG_*) if any. */
    public static void encodeGet(MessageWriter w, GenlFamily f, int cmd, String link, int headerFlags) {
        int m = begin(w, f, cmd, Netlink.NLM_F_ACK);
        header(w, link, headerFlags);
        w.endMessage(m);
    }

    /** A dump of {@code cmd} over every device of the namespace; a header carries {@code headerFlags} if any. */
    public static void encodeDump(MessageWriter w, GenlFamily f, int cmd, int headerFlags) {
        int m = begin(w, f, cmd, Netlink.NLM_F_DUMP);
        if (headerFlags != 0) header(w, null, headerFlags);
        w.endMessage(m);
    }

    /** ETHTOOL_MSG_STRSET_GET of the kernel's own string set {@code set} (no device: an empty header). */
    public static void encodeStringSet(MessageWriter w, GenlFamily f, int set) {
        int m = begin(w, f, ETHTOOL_MSG_STRSET_GET, Netlink.NLM_F_ACK);
        header(w, null, 0);
        int sets = w.beginNest(ETHTOOL_A_STRSET_STRINGSETS | Netlink.NLA_F_NESTED);
        int one = w.beginNest(ETHTOOL_A_STRINGSETS_STRINGSET | Netlink.NLA_F_NESTED);
        w.attrU32(ETHTOOL_A_STRINGSET_ID, set);
        w.endNest(one);
        w.endNest(sets);
        w.endMessage(m);
    }

    /**
     * ETHTOOL_MSG_FEATURES_SET: the features of {@code changes} wanted on or off, by name, in a verbose
     * bitset whose mask is the bits listed (a bit without ETHTOOL_A_BITSET_BIT_VALUE is wanted off); the
     * reply is asked in compact form.
     */
    public static void encodeFeaturesSet(MessageWriter w, GenlFamily f, String link, List<Map.Entry<String, Boolean>> changes) {
        int m = begin(w, f, ETHTOOL_MSG_FEATURES_SET, Netlink.NLM_F_ACK);
        header(w, link, ETHTOOL_FLAG_COMPACT_BITSETS);
        int wanted = w.beginNest(ETHTOOL_A_FEATURES_WANTED | Netlink.NLA_F_NESTED);
        int bits = w.beginNest(ETHTOOL_A_BITSET_BITS | Netlink.NLA_F_NESTED);
        for (Map.Entry<String, Boolean> c : changes) {
            int bit = w.beginNest(ETHTOOL_A_BITSET_BITS_BIT | Netlink.NLA_F_NESTED);
            w.attrString(ETHTOOL_A_BITSET_BIT_NAME, c.getKey());
            if (c.getValue()) w.attrFlag(ETHTOOL_A_BITSET_BIT_VALUE);
            w.endNest(bit);
        }
        w.endNest(bits);
        w.endNest(wanted);
        w.endMessage(m);
    }

    /** ETHTOOL_MSG_CHANNELS_SET of the counts {@code change} sets. */
    public static void encodeChannelsSet(MessageWriter w, GenlFamily f, String link, ChannelsChange change) {
        int m = begin(w, f, ETHTOOL_MSG_CHANNELS_SET, Netlink.NLM_F_ACK);
        header(w, link, 0);
        if (change.rx().isPresent()) w.attrU32(ETHTOOL_A_CHANNELS_RX_COUNT, (int) change.rx().getAsLong());
        if (change.tx().isPresent()) w.attrU32(ETHTOOL_A_CHANNELS_TX_COUNT, (int) change.tx().getAsLong());
        if (change.other().isPresent()) w.attrU32(ETHTOOL_A_CHANNELS_OTHER_COUNT, (int) change.other().getAsLong());
        if (change.combined().isPresent()) w.attrU32(ETHTOOL_A_CHANNELS_COMBINED_COUNT, (int) change.combined().getAsLong());
        w.endMessage(m);
    }

    private static int begin(MessageWriter w, GenlFamily f, int cmd, int flags) {
        int m = w.beginMessage(f.id(), Netlink.NLM_F_REQUEST | flags);
        w.genlmsghdr(cmd, f.version());
        return m;
    }

    /** The request header every ethtool message starts with; attribute 1 in every request set (ETHTOOL_A_*_HEADER). */
    private static void header(MessageWriter w, String link, int flags) {
        int h = w.beginNest(ETHTOOL_A_LINKINFO_HEADER | Netlink.NLA_F_NESTED);
        if (link != null) w.attrString(ETHTOOL_A_HEADER_DEV_NAME, link);
        if (flags != 0) w.attrU32(ETHTOOL_A_HEADER_FLAGS, flags);
        w.endNest(h);
    }
}
