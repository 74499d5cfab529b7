package io.github.netlink4j.internal.codec.genl;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.genl.mptcp.MptcpEvent;
import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.internal.wire.Nlmsg;

import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static io.github.netlink4j.internal.wire.spec.gen.MptcpPm.*;

/**
 * The MPTCP path manager's event notifications (group {@code mptcp_pm_events}) decoded into {@link MptcpEvent}:
 * the genlmsghdr command is the event type, the attributes those of set {@code event-attr} (addresses and
 * ports in network order, the rest in host order).
 */
public final class MptcpEvents {
    private MptcpEvents() {}

    /** The multicast group of the events (MPTCP_PM_EV_GRP_NAME). */
    public static final String GROUP = "mptcp_pm_events";
    private static final int MAX_MESSAGES = 4096;

    /** The events of family {@code familyId} in the datagram {@code [0, n)} of {@code s}; other messages are skipped. */
    public static List<MptcpEvent> decodeAll(MemorySegment s, int n, int familyId) throws ProtocolException {
        List<MptcpEvent> out = new ArrayList<>();
        long off = 0;
        for (int i = 0; i < MAX_MESSAGES && off + Nlmsg.HDRLEN <= n; i++) {
            int len = Nlmsg.len(s, off);
            if (len < Nlmsg.HDRLEN || off + len > n) throw new ProtocolException("netlink message of " + len + " bytes at offset " + off + " of a " + n + "-byte datagram");
            if (Nlmsg.type(s, off) == familyId) out.add(decode(s, off, len));
            off += Nlmsg.align(len);
        }
        return out;
    }

    /** The event at {@code off}. */
    public static MptcpEvent decode(MemorySegment s, long off, int len) throws ProtocolException {
        if (len < Nlmsg.HDRLEN + GenlCodec.GENL_HDRLEN) throw new ProtocolException("mptcp_pm event of " + len + " bytes has no genlmsghdr");
        int type = Nlmsg.u8(s, off + Nlmsg.HDRLEN);
        Attrs a = Attrs.ofMessage(s, off, len, GenlCodec.GENL_HDRLEN, "mptcp_pm event " + type, "genlmsghdr");
        OptionalLong token = OptionalLong.empty(), timeout = OptionalLong.empty(), resetReason = OptionalLong.empty(), resetFlags = OptionalLong.empty();
        OptionalInt loc = OptionalInt.empty(), rem = OptionalInt.empty(), sport = OptionalInt.empty(), dport = OptionalInt.empty(),
                backup = OptionalInt.empty(), error = OptionalInt.empty(), flags = OptionalInt.empty(), ifindex = OptionalInt.empty();
        Optional<InetAddress> src = Optional.empty(), dst = Optional.empty();
        while (a.next()) {
            switch (a.type()) {
                case MPTCP_ATTR_TOKEN -> token = OptionalLong.of(Integer.toUnsignedLong(a.u32()));
                case MPTCP_ATTR_LOC_ID -> loc = OptionalInt.of(a.u8());
                case MPTCP_ATTR_REM_ID -> rem = OptionalInt.of(a.u8());
                case MPTCP_ATTR_SADDR4, MPTCP_ATTR_SADDR6 -> src = Optional.of(address(a, a.type() == MPTCP_ATTR_SADDR4 ? 4 : 16));
                case MPTCP_ATTR_DADDR4, MPTCP_ATTR_DADDR6 -> dst = Optional.of(address(a, a.type() == MPTCP_ATTR_DADDR4 ? 4 : 16));
                case MPTCP_ATTR_SPORT -> sport = OptionalInt.of(a.u16be());
                case MPTCP_ATTR_DPORT -> dport = OptionalInt.of(a.u16be());
                case MPTCP_ATTR_BACKUP -> backup = OptionalInt.of(a.u8());
                case MPTCP_ATTR_ERROR -> error = OptionalInt.of(a.u8());
                case MPTCP_ATTR_FLAGS -> flags = OptionalInt.of(a.u16());
                case MPTCP_ATTR_TIMEOUT -> timeout = OptionalLong.of(Integer.toUnsignedLong(a.u32()));
                case MPTCP_ATTR_IF_IDX -> ifindex = OptionalInt.of(a.u32());
                case MPTCP_ATTR_RESET_REASON -> resetReason = OptionalLong.of(Integer.toUnsignedLong(a.u32()));
                case MPTCP_ATTR_RESET_FLAGS -> resetFlags = OptionalLong.of(Integer.toUnsignedLong(a.u32()));
                default -> { }
            }
        }
        return new MptcpEvent(type, MptcpEvent.Type.of(type), token, loc, rem, src, dst, sport, dport, backup, error, flags, timeout,
                ifindex, resetReason, resetFlags);
    }

    private static InetAddress address(Attrs a, int size) throws ProtocolException {
        if (a.payloadLength() != size) throw new ProtocolException("MPTCP address attribute " + a.type() + " of " + a.payloadLength() + " bytes, not " + size);
        try {
            return InetAddress.getByAddress(a.bytes());
        } catch (UnknownHostException e) {
            throw new ProtocolException("MPTCP address of " + size + " bytes");
        }
    }
}
