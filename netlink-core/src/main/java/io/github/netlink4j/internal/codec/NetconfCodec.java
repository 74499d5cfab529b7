package io.github.netlink4j.internal.codec;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.link.Netconf;
import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.Nlmsg;
import io.github.netlink4j.internal.wire.uapi.Netlink;
import io.github.netlink4j.internal.wire.uapi.Rtnetlink;

import java.lang.foreign.MemorySegment;
import java.util.Optional;
import java.util.OptionalInt;

/** RTM_*NETCONF messages (struct netconfmsg, one family byte padded to 4, then NETCONFA_* attributes). */
public final class NetconfCodec {
    private NetconfCodec() {}

    /** struct netconfmsg: the family byte, padded to 4. */
    static final int NETCONFMSG = 4;
    /** The message type of a configuration in a dump or notification. */
    public static final int NEW = Rtnetlink.RTM_NEWNETCONF;

    /** Whether the netconf message at {@code off} is of a family the decoder knows (IPv4, IPv6). */
    public static boolean knownFamily(MemorySegment s, long off, int len) {
        if (len < Nlmsg.HDRLEN + NETCONFMSG) return true; // let decode report it
        int f = Nlmsg.u8(s, off + Nlmsg.HDRLEN);
        return f == 2 || f == 10;
    }

    /** RTM_GETNETCONF dump of {@code family}'s configurations: every link's, all and default. */
    public static void encodeDump(MessageWriter w, AddressFamily family) {
        int m = w.beginMessage(Rtnetlink.RTM_GETNETCONF, Netlink.NLM_F_REQUEST | Netlink.NLM_F_DUMP);
        w.rtgenmsg(family.value());
        w.endMessage(m);
    }

    /** Decodes the RTM_NEWNETCONF or RTM_DELNETCONF at {@code off}. */
    public static Netconf decode(MemorySegment s, long off, int len) throws ProtocolException {
        Attrs a = Attrs.ofMessage(s, off, len, NETCONFMSG, "RTM_NEWNETCONF", "netconfmsg");
        AddressFamily family = Enums.family(a.u8At(off + Nlmsg.HDRLEN), "RTM_NEWNETCONF");
        Integer index = null;
        Optional<Boolean> fwd = Optional.empty(), mc = Optional.empty(), proxy = Optional.empty(), ignore = Optional.empty(),
                input = Optional.empty(), bc = Optional.empty();
        OptionalInt rp = OptionalInt.empty();
        while (a.next()) {
            switch (a.type()) {
                case io.github.netlink4j.internal.wire.uapi.Netconf.NETCONFA_IFINDEX -> index = a.u32();
                case io.github.netlink4j.internal.wire.uapi.Netconf.NETCONFA_FORWARDING -> fwd = Optional.of(a.u32() != 0);
                case io.github.netlink4j.internal.wire.uapi.Netconf.NETCONFA_RP_FILTER -> rp = OptionalInt.of(a.u32());
                case io.github.netlink4j.internal.wire.uapi.Netconf.NETCONFA_MC_FORWARDING -> mc = Optional.of(a.u32() != 0);
                case io.github.netlink4j.internal.wire.uapi.Netconf.NETCONFA_PROXY_NEIGH -> proxy = Optional.of(a.u32() != 0);
                case io.github.netlink4j.internal.wire.uapi.Netconf.NETCONFA_IGNORE_ROUTES_WITH_LINKDOWN -> ignore = Optional.of(a.u32() != 0);
                case io.github.netlink4j.internal.wire.uapi.Netconf.NETCONFA_INPUT -> input = Optional.of(a.u32() != 0);
                case io.github.netlink4j.internal.wire.uapi.Netconf.NETCONFA_BC_FORWARDING -> bc = Optional.of(a.u32() != 0);
                default -> { }
            }
        }
        if (index == null) throw new ProtocolException("RTM_NEWNETCONF without NETCONFA_IFINDEX");
        return new Netconf(family, index, fwd, rp, mc, proxy, ignore, input, bc);
    }
}
