package io.github.netlink4j.internal.codec;

import io.github.netlink4j.common.MacAddress;
import io.github.netlink4j.neighbour.NeighbourCacheInfo;
import io.github.netlink4j.neighbour.NeighbourSpec;
import io.github.netlink4j.neighbour.NeighbourState;
import io.github.netlink4j.route.RouteProtocol;
import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.internal.wire.Inet;
import io.github.netlink4j.internal.wire.LinkLayer;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.Nlmsg;
import io.github.netlink4j.internal.wire.uapi.Netlink;
import io.github.netlink4j.internal.wire.uapi.Neighbour;
import io.github.netlink4j.internal.wire.uapi.Rtnetlink;

import java.lang.foreign.MemorySegment;
import io.github.netlink4j.common.AddressFamily;

import java.net.InetAddress;
import java.util.Optional;
import java.util.OptionalLong;

/** RTM_*NEIGH messages (struct ndmsg + NDA_* attributes). */
public final class NeighbourCodec {
    private NeighbourCodec() {}

    static final int NDMSG = 12;
    /** The message type of a neighbour in a dump, echo or notification. */
    public static final int NEW = Rtnetlink.RTM_NEWNEIGH;

    /** Decodes the RTM_NEWNEIGH or RTM_DELNEIGH at {@code off}. */
    public static io.github.netlink4j.neighbour.Neighbour decode(MemorySegment s, long off, int len) throws ProtocolException {
        Attrs a = Attrs.ofMessage(s, off, len, NDMSG, "RTM_NEWNEIGH", "ndmsg");
        long h = off + Nlmsg.HDRLEN;
        int family = a.u8At(h);
        int index = a.s32At(h + 4);
        int state = a.u16At(h + 8);
        int flags = a.u8At(h + 10);
        Optional<InetAddress> dst = Optional.empty();
        Optional<MacAddress> ll = Optional.empty();
        Optional<RouteProtocol> protocol = Optional.empty();
        Optional<NeighbourCacheInfo> cache = Optional.empty();
        OptionalLong probes = OptionalLong.empty();
        while (a.next()) {
            if (a.type() == Neighbour.NDA_DST && (a.payloadLength() == 4 || a.payloadLength() == 16)) dst = Optional.of(Inet.decode(a));
            else if (a.type() == Neighbour.NDA_LLADDR) ll = LinkLayer.address(a);
            else if (a.type() == Neighbour.NDA_PROTOCOL && a.payloadLength() >= 1) protocol = Optional.of(RouteProtocol.of(a.u8()));
            else if (a.type() == Neighbour.NDA_CACHEINFO && a.payloadLength() >= CACHEINFO) cache = Optional.of(cacheInfo(a));
            else if (a.type() == Neighbour.NDA_PROBES && a.payloadLength() >= 4) probes = OptionalLong.of(Integer.toUnsignedLong(a.u32()));
        }
        return new io.github.netlink4j.neighbour.Neighbour(Enums.family(family, "RTM_NEWNEIGH"), index, dst, ll, state, NeighbourState.fromBits(state),
                flags, io.github.netlink4j.neighbour.NeighbourFlag.fromBits(flags), protocol, cache, probes);
    }

    /** struct nda_cacheinfo: ndm_confirmed, ndm_used, ndm_updated (clock ticks of USER_HZ), ndm_refcnt; u32 each. */
    private static final int CACHEINFO = 16;

    private static NeighbourCacheInfo cacheInfo(Attrs a) {
        long p = a.payloadOffset();
        return new NeighbourCacheInfo(ticks(a.s32At(p + 4)), ticks(a.s32At(p)), ticks(a.s32At(p + 8)), Integer.toUnsignedLong(a.s32At(p + 12)));
    }

    /** Clock ticks of USER_HZ, which is 100 on every architecture Linux has (the kernel's jiffies_to_clock_t). */
    private static java.time.Duration ticks(int t) {
        return java.time.Duration.ofMillis(Integer.toUnsignedLong(t) * 10);
    }

    /** The object in an echo or reply message at {@code off}, or null if the message is not RTM_NEWNEIGH. */
    public static io.github.netlink4j.neighbour.Neighbour decodeEcho(MemorySegment s, long off, int len) throws ProtocolException {
        return Nlmsg.type(s, off) == Rtnetlink.RTM_NEWNEIGH ? decode(s, off, len) : null;
    }

    /** Whether the neighbour message at {@code off} is of a family the decoder knows (ARP, NDP, bridge FDB). */
    public static boolean knownFamily(MemorySegment s, long off, int len) {
        if (len < Nlmsg.HDRLEN + NDMSG) return true; // let decode report it
        int f = Nlmsg.u8(s, off + Nlmsg.HDRLEN);
        return f == 2 || f == 10 || f == 7;
    }

    /** RTM_GETNEIGH dump of {@code family}; with strict checking the link goes in NDA_IFINDEX, ndm_ifindex 0. */
    public static void encodeDump(MessageWriter w, AddressFamily family, int index) {
        encodeDump(w, family, index, false);
    }

    /** The same, for the proxy entries (ndm_flags NTF_PROXY) when {@code proxy}. */
    public static void encodeDump(MessageWriter w, AddressFamily family, int index, boolean proxy) {
        int m = w.beginMessage(Rtnetlink.RTM_GETNEIGH, Netlink.NLM_F_REQUEST | Netlink.NLM_F_DUMP);
        w.ndmsg(family.value(), 0, 0, proxy ? NTF_PROXY : 0, 0);
        if (index > 0) w.attrU32(Neighbour.NDA_IFINDEX, index);
        w.endMessage(m);
    }

    /** RTM_GETNEIGH for the one entry of {@code address} on link {@code index} ({@code ip neigh get}); no ACK: the entry or an error answers. */
    public static void encodeGet(MessageWriter w, InetAddress address, int index) {
        encodeGet(w, address, index, false);
    }

    /** The same for a proxy entry when {@code proxy}. */
    public static void encodeGet(MessageWriter w, InetAddress address, int index, boolean proxy) {
        int m = w.beginMessage(Rtnetlink.RTM_GETNEIGH, Netlink.NLM_F_REQUEST);
        w.ndmsg(AddressFamily.of(address).value(), index, 0, proxy ? NTF_PROXY : 0, 0);
        w.attrInet(Neighbour.NDA_DST, address);
        w.endMessage(m);
    }

    /** RTM_NEWNEIGH as {@code ip neigh add} (or {@code replace}) builds it; with {@code echo} the kernel sends it back. */
    public static void encodeAdd(MessageWriter w, NeighbourSpec n, int index, boolean replace, boolean echo) {
        encode(w, Rtnetlink.RTM_NEWNEIGH, (replace ? REPLACE : ADD) | (echo ? Netlink.NLM_F_ECHO : 0), n, index);
    }

    /** RTM_DELNEIGH as {@code ip neigh del} builds it. */
    public static void encodeDelete(MessageWriter w, NeighbourSpec n, int index) {
        encode(w, Rtnetlink.RTM_DELNEIGH, DELETE, n, index);
    }

    private static void encode(MessageWriter w, int type, int nlFlags, NeighbourSpec n, int index) {
        int m = w.beginMessage(type, nlFlags);
        w.ndmsg(n.family().value(), index, n.state().bit(), n.proxy() ? NTF_PROXY : 0, 0);
        w.attrInet(Neighbour.NDA_DST, n.address());
        if (n.lladdr().isPresent()) w.attrBytes(Neighbour.NDA_LLADDR, n.lladdr().get().bytes());
        if (n.protocol().isPresent()) w.attrU8(Neighbour.NDA_PROTOCOL, n.protocol().get().value());
        w.endMessage(m);
    }

    /** NTF_PROXY of linux/neighbour.h. */
    private static final int NTF_PROXY = 0x08;
    private static final int ADD = Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK | Netlink.NLM_F_CREATE | Netlink.NLM_F_EXCL;
    private static final int REPLACE = Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK | Netlink.NLM_F_CREATE | Netlink.NLM_F_REPLACE;
    private static final int DELETE = Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK;
}
