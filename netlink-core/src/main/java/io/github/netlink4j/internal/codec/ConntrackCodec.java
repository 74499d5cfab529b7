package io.github.netlink4j.internal.codec;

import io.github.netlink4j.conntrack.ConntrackEntry;
import io.github.netlink4j.conntrack.ConntrackFilter;
import io.github.netlink4j.conntrack.ConntrackTuple;
import io.github.netlink4j.internal.wire.AttrTable;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.uapi.Netlink;
import io.github.netlink4j.internal.wire.uapi.NfConntrack;

import java.net.Inet4Address;
import java.util.OptionalInt;

/**
 * The requests of nfnetlink_conntrack (linux/netfilter/nfnetlink_conntrack.h): a {@code struct nfgenmsg}
 * (family, version NFNETLINK_V0, res_id) and CTA_* attributes, written as conntrack-tools 1.4 writes them.
 * Nests carry NLA_F_NESTED and every number inside is big-endian, as the kernel's policy reads them.
 */
public final class ConntrackCodec {
    private ConntrackCodec() {}

    /** struct nfgenmsg: family, version, res_id (big-endian). */
    public static final int NFGENMSG = 4;
    private static final int SUBSYS = NfConntrack.NFNL_SUBSYS_CTNETLINK << 8;
    /** An entry in a dump, a get's reply or a new/update notification. */
    public static final int NEW = SUBSYS | NfConntrack.IPCTNL_MSG_CT_NEW;
    /** A get or dump request. */
    public static final int GET = SUBSYS | NfConntrack.IPCTNL_MSG_CT_GET;
    /** A delete request, and a destroy notification. */
    public static final int DELETE = SUBSYS | NfConntrack.IPCTNL_MSG_CT_DELETE;
    /** Per-CPU statistics (a dump, one message per CPU). */
    public static final int GET_STATS_CPU = SUBSYS | NfConntrack.IPCTNL_MSG_CT_GET_STATS_CPU;
    /** Global statistics: the number of entries. */
    public static final int GET_STATS = SUBSYS | NfConntrack.IPCTNL_MSG_CT_GET_STATS;
    private static final int NESTED = Netlink.NLA_F_NESTED;

    /**
     * The dump of the entries {@code f} selects in the kernel: its family in the nfgenmsg (0: both) and its
     * mark with the mask ({@code conntrack -L -m MARK/MASK}). The rest of the filter is the caller's to apply.
     */
    public static void encodeDump(MessageWriter w, ConntrackFilter f) {
        int m = w.beginMessage(GET, Netlink.NLM_F_REQUEST | Netlink.NLM_F_DUMP);
        w.rtgenmsg(f.family().map(a -> a.value()).orElse(0));
        if (f.mark().isPresent()) {
            be32(w, NfConntrack.CTA_MARK, (int) f.mark().getAsLong());
            be32(w, NfConntrack.CTA_MARK_MASK, (int) f.markMask());
        }
        w.endMessage(m);
    }

    /** The get of the entry whose original tuple is {@code t} in {@code zone} (0: the default zone). */
    public static void encodeGet(MessageWriter w, ConntrackTuple t, int zone) {
        int m = w.beginMessage(GET, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK);
        w.rtgenmsg(t.family().value());
        tuple(w, NfConntrack.CTA_TUPLE_ORIG, t);
        if (zone != 0) be16(w, NfConntrack.CTA_ZONE, zone);
        w.endMessage(m);
    }

    /**
     * The delete of the entry whose original tuple is {@code t} in {@code zone}; with an {@code id}, only
     * that entry (the kernel refuses with ENOENT one that was replaced meanwhile by another of the same tuple).
     */
    public static void encodeDelete(MessageWriter w, ConntrackTuple t, int zone, OptionalInt id) {
        int m = w.beginMessage(DELETE, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK);
        w.rtgenmsg(t.family().value());
        tuple(w, NfConntrack.CTA_TUPLE_ORIG, t);
        if (zone != 0) be16(w, NfConntrack.CTA_ZONE, zone);
        if (id.isPresent()) be32(w, NfConntrack.CTA_ID, id.getAsInt());
        w.endMessage(m);
    }

    /** The delete of {@code e}, by its original tuple, zone and id. */
    public static void encodeDelete(MessageWriter w, ConntrackEntry e) {
        encodeDelete(w, e.original(), e.zone().orElse(0), e.id().isPresent() ? OptionalInt.of((int) e.id().getAsLong()) : OptionalInt.empty());
    }

    /** The flush of every entry ({@code conntrack -F}): a delete with no tuple, of family 0. */
    public static void encodeFlush(MessageWriter w) {
        int m = w.beginMessage(DELETE, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK);
        w.rtgenmsg(0);
        w.endMessage(m);
    }

    /** The dump of the per-CPU statistics ({@code conntrack -S}). */
    public static void encodeDumpStatsCpu(MessageWriter w) {
        int m = w.beginMessage(GET_STATS_CPU, Netlink.NLM_F_REQUEST | Netlink.NLM_F_DUMP);
        w.rtgenmsg(0);
        w.endMessage(m);
    }

    /** The get of the global statistics ({@code conntrack -C}), answered with one message. */
    public static void encodeGetStats(MessageWriter w) {
        int m = w.beginMessage(GET_STATS, Netlink.NLM_F_REQUEST);
        w.rtgenmsg(0);
        w.endMessage(m);
    }

    /** A CTA_TUPLE_* nest: CTA_TUPLE_IP (the addresses) and CTA_TUPLE_PROTO (the protocol, ports or ICMP fields). */
    static void tuple(MessageWriter w, int type, ConntrackTuple t) {
        int n = w.beginNest(type | NESTED);
        int ip = w.beginNest(NfConntrack.CTA_TUPLE_IP | NESTED);
        boolean v4 = t.source() instanceof Inet4Address;
        w.attrBytes(v4 ? NfConntrack.CTA_IP_V4_SRC : NfConntrack.CTA_IP_V6_SRC, t.source().getAddress());
        w.attrBytes(v4 ? NfConntrack.CTA_IP_V4_DST : NfConntrack.CTA_IP_V6_DST, t.destination().getAddress());
        w.endNest(ip);
        int p = w.beginNest(NfConntrack.CTA_TUPLE_PROTO | NESTED);
        w.attrU8(NfConntrack.CTA_PROTO_NUM, t.protocol());
        if (t.sourcePort().isPresent()) be16(w, NfConntrack.CTA_PROTO_SRC_PORT, t.sourcePort().getAsInt());
        if (t.destinationPort().isPresent()) be16(w, NfConntrack.CTA_PROTO_DST_PORT, t.destinationPort().getAsInt());
        boolean v6 = t.protocol() == ConntrackTuple.ICMPV6;
        if (t.icmpId().isPresent()) be16(w, v6 ? NfConntrack.CTA_PROTO_ICMPV6_ID : NfConntrack.CTA_PROTO_ICMP_ID, t.icmpId().getAsInt());
        if (t.icmpType().isPresent()) w.attrU8(v6 ? NfConntrack.CTA_PROTO_ICMPV6_TYPE : NfConntrack.CTA_PROTO_ICMP_TYPE, t.icmpType().getAsInt());
        if (t.icmpCode().isPresent()) w.attrU8(v6 ? NfConntrack.CTA_PROTO_ICMPV6_CODE : NfConntrack.CTA_PROTO_ICMP_CODE, t.icmpCode().getAsInt());
        w.endNest(p);
        w.endNest(n);
    }

    private static void be16(MessageWriter w, int type, int v) {
        w.attrU16Be(type, v);
    }

    private static void be32(MessageWriter w, int type, int v) {
        w.attrBytes(type, new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v});
    }

    /** CTA_*, with the tuple's nests, for extended-ACK paths. */
    public static AttrTable names() {
        AttrTable proto = AttrTable.of(NfConntrack.class, "CTA_PROTO_");
        AttrTable ip = AttrTable.of(NfConntrack.class, "CTA_IP_");
        AttrTable tuple = AttrTable.of(NfConntrack.class, "CTA_TUPLE_").nest(NfConntrack.CTA_TUPLE_IP, ip).nest(NfConntrack.CTA_TUPLE_PROTO, proto);
        return AttrTable.of(NfConntrack.class, "CTA_", "CTA_TUPLE_", "CTA_IP_", "CTA_PROTO_", "CTA_PROTOINFO_", "CTA_COUNTERS_",
                        "CTA_TIMESTAMP_", "CTA_HELP_", "CTA_SECCTX_", "CTA_STATS_", "CTA_FILTER_")
                .nest(NfConntrack.CTA_TUPLE_ORIG, tuple).nest(NfConntrack.CTA_TUPLE_REPLY, tuple);
    }
}
