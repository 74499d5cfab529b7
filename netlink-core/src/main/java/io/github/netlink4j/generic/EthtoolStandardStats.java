package io.github.netlink4j.generic;

import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.genl.GenlFamily;
import io.github.netlink4j.genl.ethtool.StandardStats;
import io.github.netlink4j.internal.codec.genl.EthtoolStatsCodec;
import io.github.netlink4j.internal.transport.RequestSocket;
import io.github.netlink4j.support.Validate;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A device's standard statistics over netlink, as {@code ethtool -S DEV --all-groups} and
 * {@code --groups NAME…} read them (ETHTOOL_MSG_STATS_GET): IEEE 802.3 PHY, MAC and MAC-control counters and
 * RMON's, by the kernel's names. Drivers that keep none of a group (a veth keeps none at all) report the
 * group with no counters, as ethtool shows it with none.
 *
 * {@snippet :
 * StandardStats st = nl.genl().ethtool().standardStats().get("eth0", List.of("eth-mac"));
 * long ok = st.group("eth-mac").orElseThrow().counters().getOrDefault("FramesTransmittedOK", 0L);
 * }
 *
 * <p>Round trips: the ETH_SS_STATS_STD string set (the group names), the statistics, then one string set per
 * group the kernel answered with (its counters' names), as ethtool asks them; {@link #list()} is one dump in
 * place of the statistics, and asks each counters' string set once for every device.
 */
public final class EthtoolStandardStats {
    private final Ethtool ethtool;

    EthtoolStandardStats(Ethtool ethtool) {
        this.ethtool = ethtool;
    }

    /** Every group the kernel knows, for device {@code link}; NoSuchLinkException when there is none. */
    public StandardStats get(String link) throws NetlinkException {
        Validate.ifName(link);
        List<String> groups = ethtool.stringSet(EthtoolStatsCodec.ETH_SS_STATS_STD);
        GenlFamily f = ethtool.family(EthtoolStatsCodec.STATS_GET);
        return fetch(link, w -> EthtoolStatsCodec.encodeGetAll(w, f, link, groups.size()), groups);
    }

    /**
     * The groups named {@code groups} ({@code "eth-phy"}, {@code "eth-mac"}, {@code "eth-ctrl"}, {@code "rmon"},
     * … as the kernel's ETH_SS_STATS_STD string set names them) for device {@code link}.
     *
     * @throws IllegalArgumentException if {@code groups} is empty or names a group the kernel does not have
     *                                  (before the statistics are asked)
     */
    public StandardStats get(String link, List<String> groups) throws NetlinkException {
        Validate.ifName(link);
        if (groups == null || groups.isEmpty()) throw new IllegalArgumentException("no statistics group to ask for");
        List<String> known = ethtool.stringSet(EthtoolStatsCodec.ETH_SS_STATS_STD);
        for (String g : groups) {
            if (!known.contains(g)) {
                throw new IllegalArgumentException("the kernel has no statistics group \"" + g + "\" (it has " + String.join(", ", known) + ")");
            }
        }
        GenlFamily f = ethtool.family(EthtoolStatsCodec.STATS_GET);
        List<String> asked = List.copyOf(groups);
        return fetch(link, w -> EthtoolStatsCodec.encodeGet(w, f, link, asked), known);
    }

    /**
     * Every group of every device of the namespace whose driver answers (ETHTOOL_MSG_STATS_GET with NLM_F_DUMP, the
     * groups asked as {@link #get(String)} asks them; a device whose driver refuses is left out by the kernel).
     */
    public List<StandardStats> list() throws NetlinkException {
        List<String> groups = ethtool.stringSet(EthtoolStatsCodec.ETH_SS_STATS_STD);
        GenlFamily f = ethtool.family(EthtoolStatsCodec.STATS_GET);
        List<byte[]> replies = ethtool.dump(EthtoolStatsCodec.STATS_GET, w -> EthtoolStatsCodec.encodeDumpAll(w, f, groups.size()), EthtoolStandardStats::copy);
        Map<Integer, List<String>> names = new HashMap<>();
        names.put(EthtoolStatsCodec.ETH_SS_STATS_STD, groups);
        List<StandardStats> out = new ArrayList<>(replies.size());
        for (byte[] reply : replies) out.add(decode(reply, names));
        return List.copyOf(out);
    }

    private StandardStats fetch(String link, RequestSocket.Encoder enc, List<String> groupNames) throws NetlinkException {
        byte[] reply = Ethtool.one(ethtool.request(EthtoolStatsCodec.STATS_GET, link, enc, EthtoolStandardStats::copy), "ethtool stats-get on " + link);
        Map<Integer, List<String>> names = new HashMap<>();
        names.put(EthtoolStatsCodec.ETH_SS_STATS_STD, groupNames);
        return decode(reply, names);
    }

    /** A reply kept as bytes: the counters' string sets are known only from it, and asked after it. */
    private static byte[] copy(MemorySegment s, long off, int len) {
        return s.asSlice(off, len).toArray(ValueLayout.JAVA_BYTE);
    }

    /** The reply, its counters named by the string sets in {@code names} and those it adds (each asked once). */
    private StandardStats decode(byte[] reply, Map<Integer, List<String>> names) throws NetlinkException {
        MemorySegment m = MemorySegment.ofArray(reply);
        for (int set : EthtoolStatsCodec.stringSets(m, 0, reply.length)) {
            if (!names.containsKey(set)) names.put(set, ethtool.stringSet(set));
        }
        return EthtoolStatsCodec.standard(m, 0, reply.length, names::get);
    }

    @Override
    public String toString() {
        return "EthtoolStandardStats[" + ethtool + "]";
    }
}
