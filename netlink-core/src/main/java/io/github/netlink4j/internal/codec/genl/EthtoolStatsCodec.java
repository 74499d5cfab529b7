package io.github.netlink4j.internal.codec.genl;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.genl.GenlFamily;
import io.github.netlink4j.genl.ethtool.StandardStats;
import io.github.netlink4j.genl.ethtool.StatsGroup;
import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.uapi.Netlink;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.IntFunction;

import static io.github.netlink4j.internal.wire.spec.gen.Ethtool.*;

/**
 * ethtool's standard statistics (ETHTOOL_MSG_STATS_GET): the request as ethtool(8) 6.1 writes it for
 * {@code -S DEV --groups NAME…} (a verbose bitset of names, no mask) and for {@code --all-groups} (a compact
 * bitset of every group of the ETH_SS_STATS_STD string set), and the reply decoded with the names of the
 * groups' string sets. A reply names its string sets by number (ETHTOOL_A_STATS_GRP_SS_ID), so a caller
 * reads them first with {@link #stringSets} and fetches those it lacks.
 */
public final class EthtoolStatsCodec {
    private EthtoolStatsCodec() {}

    /** ETHTOOL_MSG_STATS_GET (user space to kernel). */
    public static final int STATS_GET = ETHTOOL_MSG_STATS_GET;
    /** ETH_SS_STATS_STD of linux/ethtool.h: the string set that names the groups, by ETHTOOL_A_STATS_GRP_ID. */
    public static final int ETH_SS_STATS_STD = 16;
    private static final String REPLY = "ETHTOOL_MSG_STATS_GET_REPLY";

    /** ETHTOOL_MSG_STATS_GET of the groups named {@code groups} (names of ETH_SS_STATS_STD) on device {@code link}. */
    public static void encodeGet(MessageWriter w, GenlFamily f, String link, List<String> groups) {
        int m = begin(w, f, link);
        int set = w.beginNest(ETHTOOL_A_STATS_GROUPS | Netlink.NLA_F_NESTED);
        w.attrFlag(ETHTOOL_A_BITSET_NOMASK);
        int bits = w.beginNest(ETHTOOL_A_BITSET_BITS | Netlink.NLA_F_NESTED);
        for (String g : groups) {
            int bit = w.beginNest(ETHTOOL_A_BITSET_BITS_BIT | Netlink.NLA_F_NESTED);
            w.attrString(ETHTOOL_A_BITSET_BIT_NAME, g);
            w.endNest(bit);
        }
        w.endNest(bits);
        w.endNest(set);
        w.endMessage(m);
    }

    /** ETHTOOL_MSG_STATS_GET of every one of the {@code count} groups of ETH_SS_STATS_STD on device {@code link}. */
    public static void encodeGetAll(MessageWriter w, GenlFamily f, String link, int count) {
        if (count < 1) throw new IllegalArgumentException("no statistics group to ask for");
        int m = begin(w, f, link);
        allGroups(w, count);
        w.endMessage(m);
    }

    /**
     * A dump of ETHTOOL_MSG_STATS_GET over every device of the namespace, each asked every one of the {@code count}
     * groups as {@link #encodeGetAll} asks one device: no header (the kernel needs none in a dump), the groups bitset.
     */
    public static void encodeDumpAll(MessageWriter w, GenlFamily f, int count) {
        if (count < 1) throw new IllegalArgumentException("no statistics group to ask for");
        int m = w.beginMessage(f.id(), Netlink.NLM_F_REQUEST | Netlink.NLM_F_DUMP);
        w.genlmsghdr(ETHTOOL_MSG_STATS_GET, f.version());
        allGroups(w, count);
        w.endMessage(m);
    }

    /** ETHTOOL_A_STATS_GROUPS as a compact list of groups 0 to {@code count} - 1. */
    private static void allGroups(MessageWriter w, int count) {
        int set = w.beginNest(ETHTOOL_A_STATS_GROUPS | Netlink.NLA_F_NESTED);
        w.attrFlag(ETHTOOL_A_BITSET_NOMASK);
        w.attrU32(ETHTOOL_A_BITSET_SIZE, count);
        byte[] words = new byte[(count + 31) / 32 * 4];
        for (int bit = 0; bit < count; bit++) words[bit / 8] |= (byte) (1 << (bit % 8));
        w.attrBytes(ETHTOOL_A_BITSET_VALUE, words);
        w.endNest(set);
    }

    private static int begin(MessageWriter w, GenlFamily f, String link) {
        int m = w.beginMessage(f.id(), Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK);
        w.genlmsghdr(ETHTOOL_MSG_STATS_GET, f.version());
        int h = w.beginNest(ETHTOOL_A_STATS_HEADER | Netlink.NLA_F_NESTED);
        w.attrString(ETHTOOL_A_HEADER_DEV_NAME, link);
        w.endNest(h);
        return m;
    }

    /** The string sets (ETHTOOL_A_STATS_GRP_SS_ID) the groups of the reply at {@code off} name their counters by. */
    public static Set<Integer> stringSets(MemorySegment s, long off, int len) throws ProtocolException {
        Set<Integer> out = new LinkedHashSet<>();
        Attrs a = EthtoolReplies.attrs(s, off, len, ETHTOOL_MSG_STATS_GET_REPLY, REPLY);
        while (a.next()) {
            if (a.type() != ETHTOOL_A_STATS_GRP) continue;
            Attrs g = a.nestedAttrs("ETHTOOL_A_STATS_GRP");
            while (g.next()) {
                if (g.type() == ETHTOOL_A_STATS_GRP_SS_ID) out.add(g.u32());
            }
        }
        return out;
    }

    /**
     * ETHTOOL_MSG_STATS_GET_REPLY, its groups named by {@code names} (the string set of a number: ETH_SS_STATS_STD
     * for the groups, each group's ETHTOOL_A_STATS_GRP_SS_ID for its counters; null or too short where the
     * kernel gave none, and then a name is the number in text).
     */
    public static StandardStats standard(MemorySegment s, long off, int len, IntFunction<List<String>> names) throws ProtocolException {
        Attrs a = EthtoolReplies.attrs(s, off, len, ETHTOOL_MSG_STATS_GET_REPLY, REPLY);
        EthtoolReplies.Device d = null;
        OptionalInt source = OptionalInt.empty();
        List<StatsGroup> groups = new ArrayList<>();
        while (a.next()) {
            switch (a.type()) {
                case ETHTOOL_A_STATS_HEADER -> d = EthtoolReplies.header(a, REPLY);
                case ETHTOOL_A_STATS_SRC -> source = OptionalInt.of(a.u32());
                case ETHTOOL_A_STATS_GRP -> groups.add(group(a.nestedAttrs("ETHTOOL_A_STATS_GRP"), names));
                default -> { }
            }
        }
        if (d == null) throw new ProtocolException(REPLY + " without a header");
        return new StandardStats(d.name(), d.index(), source, groups);
    }

    private static StatsGroup group(Attrs g, IntFunction<List<String>> names) throws ProtocolException {
        int id = -1, ss = -1;
        Map<Integer, Long> raw = new LinkedHashMap<>();
        List<StatsGroup.Bucket> rx = new ArrayList<>(), tx = new ArrayList<>();
        while (g.next()) {
            switch (g.type()) {
                case ETHTOOL_A_STATS_GRP_ID -> id = g.u32();
                case ETHTOOL_A_STATS_GRP_SS_ID -> ss = g.u32();
                // one counter per nest, its attribute type the counter's index in the string set
                case ETHTOOL_A_STATS_GRP_STAT -> {
                    Attrs stat = g.nestedAttrs("ETHTOOL_A_STATS_GRP_STAT");
                    while (stat.next()) raw.put(stat.type(), stat.u64());
                }
                case ETHTOOL_A_STATS_GRP_HIST_RX -> rx.add(bucket(g.nestedAttrs("ETHTOOL_A_STATS_GRP_HIST_RX")));
                case ETHTOOL_A_STATS_GRP_HIST_TX -> tx.add(bucket(g.nestedAttrs("ETHTOOL_A_STATS_GRP_HIST_TX")));
                default -> { }
            }
        }
        if (id < 0 || ss < 0) throw new ProtocolException("ETHTOOL_A_STATS_GRP without ETHTOOL_A_STATS_GRP_ID or _SS_ID");
        List<String> counterNames = names.apply(ss);
        Map<String, Long> counters = new LinkedHashMap<>();
        for (Map.Entry<Integer, Long> e : raw.entrySet()) counters.put(name(counterNames, e.getKey()), e.getValue());
        return new StatsGroup(id, name(names.apply(ETH_SS_STATS_STD), id), ss, counters, rx, tx);
    }

    private static StatsGroup.Bucket bucket(Attrs b) throws ProtocolException {
        long low = 0, high = 0, value = 0;
        while (b.next()) {
            switch (b.type()) {
                case ETHTOOL_A_STATS_GRP_HIST_BKT_LOW -> low = Integer.toUnsignedLong(b.u32());
                case ETHTOOL_A_STATS_GRP_HIST_BKT_HI -> high = Integer.toUnsignedLong(b.u32());
                case ETHTOOL_A_STATS_GRP_HIST_VAL -> value = b.u64();
                default -> { }
            }
        }
        return new StatsGroup.Bucket(low, high, value);
    }

    private static String name(List<String> names, int index) {
        return names != null && index < names.size() && names.get(index) != null ? names.get(index) : Integer.toString(index);
    }
}
