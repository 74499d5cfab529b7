package io.github.netlink4j.internal.codec;

import io.github.netlink4j.link.Link;
import io.github.netlink4j.link.LinkData;
import io.github.netlink4j.link.LinkDetails;
import io.github.netlink4j.link.LinkFlag;
import io.github.netlink4j.link.LinkOptions;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.link.LinkStats;
import io.github.netlink4j.common.MacAddress;
import io.github.netlink4j.common.RawAttribute;
import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.codec.kind.LinkKind;
import io.github.netlink4j.internal.codec.kind.LinkKinds;
import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.internal.wire.LinkLayer;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.Nlmsg;
import io.github.netlink4j.internal.wire.RepeatedString;
import io.github.netlink4j.internal.wire.uapi.If;
import io.github.netlink4j.internal.wire.uapi.IfLink;
import io.github.netlink4j.internal.wire.uapi.Netlink;
import io.github.netlink4j.internal.wire.uapi.Rtnetlink;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/** RTM_*LINK messages: {@link Link} decoded from the kernel's bytes, and requests encoded from specs. */
public final class LinkCodec {
    private LinkCodec() {}

    static final int IFINFOMSG = 16;
    /** The message type of a link in a dump, echo or notification. */
    public static final int NEW = Rtnetlink.RTM_NEWLINK;
    private static final int CREATE_FLAGS = Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK | Netlink.NLM_F_EXCL | Netlink.NLM_F_CREATE;

    /** Decodes the RTM_NEWLINK at {@code off}. */
    public static Link decode(MemorySegment s, long off, int len) throws ProtocolException {
        Attrs a = Attrs.ofMessage(s, off, len, IFINFOMSG, "RTM_NEWLINK", "ifinfomsg");
        long h = off + Nlmsg.HDRLEN;
        int type = a.u16At(h + 2);
        int index = a.s32At(h + 4);
        int flags = a.s32At(h + 8);
        String name = null;
        int operstate = 0, linkmode = 0, mtu = 0;
        long group = 0;
        OptionalLong txqlen = OptionalLong.empty();
        OptionalInt minMtu = OptionalInt.empty(), maxMtu = OptionalInt.empty();
        OptionalInt master = OptionalInt.empty(), parent = OptionalInt.empty(), netnsid = OptionalInt.empty();
        Optional<MacAddress> addr = Optional.empty(), brd = Optional.empty();
        Optional<String> qdisc = Optional.empty(), alias = Optional.empty(), kind = Optional.empty();
        Optional<LinkData> data = Optional.empty();
        Optional<LinkStats> stats = Optional.empty();
        Optional<String> slaveKind = Optional.empty();
        Optional<LinkData> slaveData = Optional.empty();
        List<String> altNames = List.of();
        Details det = new Details();
        Spans undecoded = new Spans();
        while (a.next()) {
            switch (a.type()) {
                case IfLink.IFLA_IFNAME -> name = a.string();
                case IfLink.IFLA_MTU -> mtu = a.u32();
                case IfLink.IFLA_MIN_MTU -> minMtu = Optionals.ofInt(a.u32());
                case IfLink.IFLA_MAX_MTU -> maxMtu = Optionals.ofInt(a.u32());
                case IfLink.IFLA_OPERSTATE -> operstate = a.u8();
                case IfLink.IFLA_LINKMODE -> linkmode = a.u8();
                case IfLink.IFLA_TXQLEN -> txqlen = Optionals.u32(a.u32());
                case IfLink.IFLA_GROUP -> group = Integer.toUnsignedLong(a.u32());
                case IfLink.IFLA_MASTER -> master = Optionals.ofInt(a.u32());
                case IfLink.IFLA_LINK -> parent = Optionals.ofInt(a.u32());
                case IfLink.IFLA_LINK_NETNSID -> netnsid = Optionals.ofInt(a.u32());
                case IfLink.IFLA_ADDRESS -> addr = LinkLayer.address(a);
                case IfLink.IFLA_BROADCAST -> brd = LinkLayer.address(a);
                case IfLink.IFLA_QDISC -> qdisc = QDISC.optional(a);
                case IfLink.IFLA_IFALIAS -> alias = Optional.of(a.string());
                case IfLink.IFLA_STATS64 -> stats = Optional.of(stats64(a));
                case IfLink.IFLA_PROP_LIST -> altNames = altNames(a.nestedAttrs("IFLA_PROP_LIST"));
                case IfLink.IFLA_LINKINFO -> {
                    Attrs info = a.nestedAttrs("IFLA_LINKINFO");
                    String k = null, sk = null;
                    Attrs kindData = null, portData = null;
                    while (info.next()) {
                        switch (info.type()) {
                            case IfLink.IFLA_INFO_KIND -> k = KIND.get(info);
                            case IfLink.IFLA_INFO_DATA -> kindData = info.nestedAttrs("IFLA_INFO_DATA");
                            case IfLink.IFLA_INFO_SLAVE_KIND -> sk = SLAVE_KIND.get(info);
                            case IfLink.IFLA_INFO_SLAVE_DATA -> portData = info.nestedAttrs("IFLA_INFO_SLAVE_DATA");
                            default -> { }
                        }
                    }
                    kind = Optional.ofNullable(k);
                    if (k != null) data = Optional.of(LinkKinds.decodeData(k, kindData));
                    slaveKind = Optional.ofNullable(sk);
                    if (sk != null) slaveData = Optional.of(LinkKinds.decodePortData(sk, portData));
                }
                default -> {
                    if (!det.read(a)) undecoded.add(a.payloadOffset() - 4, Nlmsg.align(a.payloadLength() + 4), off + len);
                }
            }
        }
        if (name == null) throw new ProtocolException("RTM_NEWLINK for index " + index + " has no IFLA_IFNAME");
        return new Link(index, name, type, flags, LinkFlag.fromBits(flags), Enums.operState(operstate), Enums.linkMode(linkmode), mtu, minMtu, maxMtu,
                addr, brd, qdisc, txqlen, group, master, parent, netnsid, alias, kind, data, stats,
                undecoded.isEmpty() ? List.of() : RawAttribute.listOf(undecoded.copy(a)), det.done(), slaveKind, slaveData, altNames);
    }

    /** The IFLA_ALT_IFNAME strings of an IFLA_PROP_LIST nest, in order; the list's other properties, if a kernel adds any, are skipped. */
    private static List<String> altNames(Attrs props) throws ProtocolException {
        List<String> names = new ArrayList<>(2);
        while (props.next()) if (props.type() == IfLink.IFLA_ALT_IFNAME) names.add(props.string());
        return names;
    }

    // linux/rtnetlink.h: RTM_NEWLINKPROP 108, RTM_DELLINKPROP 109
    private static final int RTM_NEWLINKPROP = 108, RTM_DELLINKPROP = 109;

    /**
     * RTM_NEWLINKPROP (or, when {@code delete}, RTM_DELLINKPROP) for link {@code index}: its alternative names
     * in one IFLA_PROP_LIST, as {@code ip link property add|del dev NAME altname ALT …} sends them (an add with
     * NLM_F_EXCL, NLM_F_CREATE and NLM_F_APPEND).
     */
    public static void encodeAltNames(MessageWriter w, int index, List<String> names, boolean delete) {
        int m = w.beginMessage(delete ? RTM_DELLINKPROP : RTM_NEWLINKPROP, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK
                | (delete ? 0 : Netlink.NLM_F_EXCL | Netlink.NLM_F_CREATE | Netlink.NLM_F_APPEND));
        w.ifinfomsg(0, 0, index, 0, 0);
        int props = w.beginNest(IfLink.IFLA_PROP_LIST | Netlink.NLA_F_NESTED);
        for (String n : names) w.attrString(IfLink.IFLA_ALT_IFNAME, n);
        w.endNest(props);
        w.endMessage(m);
    }

    /**
     * Where the attributes {@link #decode} keeps raw lie in the message, as runs of adjacent
     * attributes (most of them are): copied into one array at the end, one copy per run.
     */
    private static final class Spans {
        private long[] starts = new long[8];
        private long[] ends = new long[8];
        private int n;
        private int bytes;

        /** An attribute at {@code at} taking {@code size} bytes with its padding, in a message ending at {@code limit}. */
        void add(long at, int size, long limit) {
            long end = Math.min(at + size, limit);
            bytes += size;
            if (n > 0 && ends[n - 1] == at) {
                ends[n - 1] = end;
                return;
            }
            if (n == starts.length) {
                starts = java.util.Arrays.copyOf(starts, n * 2);
                ends = java.util.Arrays.copyOf(ends, n * 2);
            }
            starts[n] = at;
            ends[n++] = end;
        }

        boolean isEmpty() {
            return n == 0;
        }

        byte[] copy(Attrs a) {
            byte[] out = new byte[bytes];
            int pos = 0;
            for (int i = 0; i < n; i++) pos += Nlmsg.align(a.copyRange(starts[i], ends[i], out, pos));
            return out;
        }
    }

    /** The IFLA_* types {@link #decode} turns into fields (the rest stay in {@link Link#unknown()}). */
    public static boolean decodesAttribute(int type) {
        return switch (type) {
            case IfLink.IFLA_IFNAME, IfLink.IFLA_MTU, IfLink.IFLA_MIN_MTU, IfLink.IFLA_MAX_MTU, IfLink.IFLA_OPERSTATE, IfLink.IFLA_LINKMODE,
                 IfLink.IFLA_TXQLEN, IfLink.IFLA_GROUP, IfLink.IFLA_MASTER, IfLink.IFLA_LINK, IfLink.IFLA_LINK_NETNSID,
                 IfLink.IFLA_ADDRESS, IfLink.IFLA_BROADCAST, IfLink.IFLA_QDISC, IfLink.IFLA_IFALIAS, IfLink.IFLA_STATS64,
                 IfLink.IFLA_LINKINFO -> true;
            default -> false;
        };
    }

    private static LinkStats stats64(Attrs a) throws ProtocolException {
        if (a.payloadLength() < 80) throw new ProtocolException("IFLA_STATS64 of " + a.payloadLength() + " bytes, need 80");
        long p = a.payloadOffset();
        int n = Math.min(LinkStats.FIELDS, a.payloadLength() / 8);
        // read straight into the record: an array in between was copied once more by LinkStats.of
        return new LinkStats(c(a, p, n, 0), c(a, p, n, 1), c(a, p, n, 2), c(a, p, n, 3), c(a, p, n, 4), c(a, p, n, 5), c(a, p, n, 6),
                c(a, p, n, 7), c(a, p, n, 8), c(a, p, n, 9), c(a, p, n, 10), c(a, p, n, 11), c(a, p, n, 12), c(a, p, n, 13), c(a, p, n, 14),
                c(a, p, n, 15), c(a, p, n, 16), c(a, p, n, 17), c(a, p, n, 18), c(a, p, n, 19), c(a, p, n, 20), c(a, p, n, 21),
                c(a, p, n, 22), c(a, p, n, 23), c(a, p, n, 24));
    }

    /** Counter {@code i} of the {@code n} an IFLA_STATS64 at {@code p} holds; 0 for those an older kernel does not send. */
    private static long c(Attrs a, long p, int n, int i) {
        return i < n ? a.u64At(p + 8L * i) : 0;
    }

    /** RTM_GETLINK dump: every link, stats skipped unless asked, VF info never (RTEXT_FILTER_VF off). */
    public static void encodeDump(MessageWriter w, boolean stats) {
        encodeDump(w, stats, false, 0, null);
    }

    /**
     * RTM_GETLINK dump as {@code ip link show master M type K} asks it: IFLA_EXT_MASK (RTEXT_FILTER_SKIP_STATS
     * without {@code stats}, RTEXT_FILTER_VF with {@code vf}; no mask when neither), IFLA_MASTER when
     * {@code master} is not 0, IFLA_LINKINFO › IFLA_INFO_KIND when {@code kind} is not null. The kernel
     * selects by master and kind under NETLINK_GET_STRICT_CHK.
     */
    public static void encodeDump(MessageWriter w, boolean stats, boolean vf, int master, String kind) {
        int m = w.beginMessage(Rtnetlink.RTM_GETLINK, Netlink.NLM_F_REQUEST | Netlink.NLM_F_DUMP);
        w.ifinfomsg(0, 0, 0, 0, 0);
        int mask = (stats ? 0 : Rtnetlink.RTEXT_FILTER_SKIP_STATS) | (vf ? Rtnetlink.RTEXT_FILTER_VF : 0);
        if (mask != 0) w.attrU32(IfLink.IFLA_EXT_MASK, mask);
        if (master != 0) w.attrU32(IfLink.IFLA_MASTER, master);
        if (kind != null) {
            int info = w.beginNest(IfLink.IFLA_LINKINFO);
            w.attrStringNoNul(IfLink.IFLA_INFO_KIND, kind); // as ip sends it; the policy is NLA_STRING
            w.endNest(info);
        }
        w.endMessage(m);
    }

    /**
     * RTM_GETLINK for one link by index (if > 0) or name. No NLM_F_ACK: the kernel answers with the
     * link or an error, never both, as iproute2 asks.
     */
    public static void encodeGet(MessageWriter w, int index, String name) {
        int m = w.beginMessage(Rtnetlink.RTM_GETLINK, Netlink.NLM_F_REQUEST);
        w.ifinfomsg(0, 0, Math.max(index, 0), 0, 0);
        if (index <= 0) w.attrString(IfLink.IFLA_IFNAME, name);
        w.attrU32(IfLink.IFLA_EXT_MASK, Rtnetlink.RTEXT_FILTER_SKIP_STATS);
        w.endMessage(m);
    }

    /** The ifi_index of the RTM_NEWLINK at {@code off}, or -1 for any other message; the attributes are not read. */
    public static int indexOf(MemorySegment s, long off, int len) {
        if (len < Nlmsg.HDRLEN + 16 || Nlmsg.type(s, off) != Rtnetlink.RTM_NEWLINK) return -1;
        return s.get(java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED, off + Nlmsg.HDRLEN + 4);
    }

    /** RTM_DELLINK by index, as {@code ip link del} sends it. */
    public static void encodeDelete(MessageWriter w, int index) {
        int m = w.beginMessage(Rtnetlink.RTM_DELLINK, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK);
        w.ifinfomsg(0, 0, index, 0, 0);
        w.endMessage(m);
    }

    /**
     * RTM_NEWLINK creating {@code spec}, attributes in iproute2's order: options, IFLA_LINK, IFLA_IFNAME,
     * IFLA_LINKINFO. {@code resolve} maps link names (parent, master, underlay) to indexes; {@code echo}
     * adds NLM_F_ECHO so the kernel returns the new link.
     */
    public static void encodeCreate(MessageWriter w, LinkSpec spec, ToIntFunction<String> resolve, boolean echo) {
        int m = w.beginMessage(Rtnetlink.RTM_NEWLINK, CREATE_FLAGS | (echo ? Netlink.NLM_F_ECHO : 0));
        LinkOptions o = spec.options();
        int up = o.up() ? If.IFF_UP : 0;
        w.ifinfomsg(0, 0, 0, up, up);
        encodeOptions(w, o, resolve);
        LinkKind<?> kind = LinkKinds.kindOf(spec);   // one registry lookup for the parent and the data
        String parent = kind.parentOf(spec);
        if (parent != null) w.attrU32(IfLink.IFLA_LINK, resolve.applyAsInt(parent));
        w.attrString(IfLink.IFLA_IFNAME, spec.name());
        int info = w.beginNest(IfLink.IFLA_LINKINFO);
        w.attrStringNoNul(IfLink.IFLA_INFO_KIND, spec.kind());
        kind.encode(w, spec, resolve);
        w.endNest(info);
        w.endMessage(m);
    }

    /** The names {@link #encodeCreate} will ask {@code resolve} for: master, then those of the kind (parent, underlay). */
    public static List<String> referencedLinks(LinkSpec spec) {
        List<String> names = new ArrayList<>(2);
        spec.options().master().ifPresent(names::add);
        names.addAll(LinkKinds.referencedLinks(spec));
        return names;
    }

    private static void encodeOptions(MessageWriter w, LinkOptions o, ToIntFunction<String> resolve) {
        if (o.mtu().isPresent()) w.attrU32(IfLink.IFLA_MTU, o.mtu().getAsInt());
        if (o.address().isPresent()) w.attrBytes(IfLink.IFLA_ADDRESS, o.address().get().bytes());
        if (o.txQueueLength().isPresent()) w.attrU32(IfLink.IFLA_TXQLEN, (int) o.txQueueLength().getAsLong());
        if (o.alias().isPresent()) w.attrString(IfLink.IFLA_IFALIAS, o.alias().get());
        if (o.master().isPresent()) w.attrU32(IfLink.IFLA_MASTER, resolve.applyAsInt(o.master().get()));
    }

    /** The attributes of a link change ({@code ip link set}). */
    @FunctionalInterface
    public interface Change extends Consumer<MessageWriter> {
    }

    /** IFLA_MTU. */
    public static Change mtu(int mtu) {
        return w -> w.attrU32(IfLink.IFLA_MTU, mtu);
    }

    /** IFLA_IFNAME (a rename). */
    public static Change name(String name) {
        return w -> w.attrString(IfLink.IFLA_IFNAME, name);
    }

    /** IFLA_ADDRESS. */
    public static Change address(MacAddress mac) {
        return w -> w.attrBytes(IfLink.IFLA_ADDRESS, mac.bytes());
    }

    /** IFLA_BROADCAST. */
    public static Change broadcast(MacAddress mac) {
        return w -> w.attrBytes(IfLink.IFLA_BROADCAST, mac.bytes());
    }

    /** IFLA_MASTER (0: no master). */
    public static Change master(int index) {
        return w -> w.attrU32(IfLink.IFLA_MASTER, index);
    }

    /** IFLA_GROUP. */
    public static Change group(long group) {
        return w -> w.attrU32(IfLink.IFLA_GROUP, (int) group);
    }

    /** IFLA_IFALIAS. */
    public static Change alias(String alias) {
        return w -> w.attrString(IfLink.IFLA_IFALIAS, alias);
    }

    /** IFLA_TXQLEN. */
    public static Change txQueueLength(long qlen) {
        return w -> w.attrU32(IfLink.IFLA_TXQLEN, (int) qlen);
    }

    /** IFLA_NET_NS_FD: move to the namespace the fd refers to. */
    public static Change namespaceFd(int fd) {
        return w -> w.attrU32(IfLink.IFLA_NET_NS_FD, fd);
    }

    /** IFLA_NET_NS_PID: move to the namespace of a process. */
    public static Change namespacePid(int pid) {
        return w -> w.attrU32(IfLink.IFLA_NET_NS_PID, pid);
    }

    /** The link in an echo or reply message at {@code off}, or null if the message is not RTM_NEWLINK. */
    public static Link decodeEcho(MemorySegment s, long off, int len) throws ProtocolException {
        return Nlmsg.type(s, off) == Rtnetlink.RTM_NEWLINK ? decode(s, off, len) : null;
    }

    /** RTM_NEWLINK changing link {@code index}: ifi_flags/ifi_change plus whatever {@code attrs} writes. */
    public static void encodeChange(MessageWriter w, int index, int flags, int change, Change attrs) {
        int m = w.beginMessage(Rtnetlink.RTM_NEWLINK, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK);
        w.ifinfomsg(0, 0, index, flags, change);
        if (attrs != null) attrs.accept(w);
        w.endMessage(m);
    }

    /**
     * A link without the counters and volatile state that notifications carry and dumps skip
     * (statistics, per-family counters, XDP, carrier counts), so that equal means unchanged.
     */
    public static Link withoutCounters(Link l) {
        List<RawAttribute> kept = new ArrayList<>();
        for (RawAttribute a : l.unknown()) {
            switch (a.type()) {
                case IfLink.IFLA_STATS, IfLink.IFLA_AF_SPEC, IfLink.IFLA_XDP, IfLink.IFLA_CARRIER_CHANGES,
                     IfLink.IFLA_CARRIER_UP_COUNT, IfLink.IFLA_CARRIER_DOWN_COUNT -> { }
                default -> kept.add(a);
            }
        }
        return new Link(l.index(), l.name(), l.type(), l.rawFlags(), l.flags(), l.operState(), l.linkMode(), l.mtu(), l.minMtu(),
                l.maxMtu(), l.address(), l.broadcast(), l.qdisc(), l.txQueueLength(), l.group(), l.masterIndex(), l.parentIndex(),
                l.linkNetnsId(), l.alias(), l.kind(), l.data().map(d -> LinkKinds.withoutTimers(l.kind().orElse(null), d)),
                Optional.empty(), kept, l.details().withoutCounters(), l.slaveKind(),
                l.slaveData().map(d -> LinkKinds.withoutTimers(l.slaveKind().orElse(null), d)), l.altNames());
    }

    private static LinkDetails lastDetails = LinkDetails.NONE;
    // the qdisc and kinds of a dump's links repeat: each decoded once while it does
    private static final RepeatedString QDISC = new RepeatedString(), KIND = new RepeatedString(), SLAVE_KIND = new RepeatedString();

    /** The attributes of {@link LinkDetails}, collected while a link is decoded. */
    private static final class Details {
        private OptionalLong promiscuity = OptionalLong.empty(), allmulti = OptionalLong.empty(), txq = OptionalLong.empty();
        private OptionalLong rxq = OptionalLong.empty(), gsoSize = OptionalLong.empty(), gsoSegs = OptionalLong.empty();
        private OptionalLong tsoSize = OptionalLong.empty(), tsoSegs = OptionalLong.empty(), groSize = OptionalLong.empty();
        private OptionalInt genMode = OptionalInt.empty();
        private OptionalLong carrierChanges = OptionalLong.empty();
        private Optional<MacAddress> perm = Optional.empty();
        private Optional<String> bus = Optional.empty(), dev = Optional.empty();
        private Optional<Boolean> protoDown = Optional.empty();

        /** Takes {@code a} if it is one of the details; IFLA_AF_SPEC is read for its IPv6 mode and still kept raw. */
        boolean read(Attrs a) throws ProtocolException {
            switch (a.type()) {
                case IfLink.IFLA_PROMISCUITY -> promiscuity = Optionals.u32(a.u32());
                case IfLink.IFLA_ALLMULTI -> allmulti = Optionals.u32(a.u32());
                case IfLink.IFLA_NUM_TX_QUEUES -> txq = Optionals.u32(a.u32());
                case IfLink.IFLA_NUM_RX_QUEUES -> rxq = Optionals.u32(a.u32());
                case IfLink.IFLA_GSO_MAX_SIZE -> gsoSize = Optionals.u32(a.u32());
                case IfLink.IFLA_GSO_MAX_SEGS -> gsoSegs = Optionals.u32(a.u32());
                case IfLink.IFLA_TSO_MAX_SIZE -> tsoSize = Optionals.u32(a.u32());
                case IfLink.IFLA_TSO_MAX_SEGS -> tsoSegs = Optionals.u32(a.u32());
                case IfLink.IFLA_GRO_MAX_SIZE -> groSize = Optionals.u32(a.u32());
                case IfLink.IFLA_PERM_ADDRESS -> perm = LinkLayer.address(a);
                case IfLink.IFLA_PARENT_DEV_BUS_NAME -> bus = Optional.of(a.string());
                case IfLink.IFLA_PARENT_DEV_NAME -> dev = Optional.of(a.string());
                case IfLink.IFLA_CARRIER_CHANGES -> carrierChanges = Optionals.u32(a.u32());
                case IfLink.IFLA_PROTO_DOWN -> protoDown = Optionals.of(a.u8() != 0);
                case IfLink.IFLA_AF_SPEC -> {
                    Attrs families = a.nestedAttrs("IFLA_AF_SPEC");
                    while (families.next()) {
                        if (families.type() != 10) continue; // AF_INET6
                        Attrs inet6 = families.nestedAttrs("IFLA_AF_SPEC AF_INET6");
                        while (inet6.next()) if (inet6.type() == IFLA_INET6_ADDR_GEN_MODE) genMode = Optionals.ofInt(inet6.u8());
                    }
                    return false;
                }
                default -> {
                    return false;
                }
            }
            return true;
        }

        LinkDetails done() {
            // links of one dump mostly have the same details: the last one made is handed out again when
            // equal (immutable, compared by value; a race only makes one more)
            LinkDetails l = lastDetails;
            if (promiscuity.equals(l.promiscuity()) && allmulti.equals(l.allmulti()) && txq.equals(l.numTxQueues())
                    && rxq.equals(l.numRxQueues()) && gsoSize.equals(l.gsoMaxSize()) && gsoSegs.equals(l.gsoMaxSegs())
                    && tsoSize.equals(l.tsoMaxSize()) && tsoSegs.equals(l.tsoMaxSegs()) && groSize.equals(l.groMaxSize())
                    && genMode.equals(l.inet6AddrGenMode()) && perm.equals(l.permanentAddress()) && bus.equals(l.parentBus())
                    && dev.equals(l.parentDevice()) && carrierChanges.equals(l.carrierChanges()) && protoDown.equals(l.protoDown())) {
                return l;
            }
            return lastDetails = new LinkDetails(promiscuity, allmulti, txq, rxq, gsoSize, gsoSegs, tsoSize, tsoSegs, groSize, genMode, perm,
                    bus, dev, carrierChanges, protoDown);
        }
    }

    /** IFLA_INET6_ADDR_GEN_MODE of linux/if_link.h. */
    private static final int IFLA_INET6_ADDR_GEN_MODE = 8;
}
