package io.github.netlink4j.internal.codec;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.Nlmsg;
import io.github.netlink4j.internal.wire.uapi.NetNamespace;
import io.github.netlink4j.internal.wire.uapi.Netlink;
import io.github.netlink4j.internal.wire.uapi.Rtnetlink;

import java.lang.foreign.MemorySegment;

/** RTM_*NSID messages (struct rtgenmsg + NETNSA_* attributes): the ids a namespace gives others. */
public final class NsidCodec {
    private NsidCodec() {}

    /** struct rtgenmsg: the family byte, padded to 4. */
    static final int RTGENMSG = 4;
    /** The message type of an id in a reply, dump or notification. */
    public static final int NEW = Rtnetlink.RTM_NEWNSID;

    /** RTM_GETNSID asking the id of the namespace {@code nsFd} refers to. */
    public static void encodeGet(MessageWriter w, int nsFd) {
        int m = w.beginMessage(Rtnetlink.RTM_GETNSID, Netlink.NLM_F_REQUEST);
        w.rtgenmsg(0);
        w.attrU32(NetNamespace.NETNSA_FD, nsFd);
        w.endMessage(m);
    }

    /** RTM_NEWNSID assigning {@code id} (-1: the kernel picks) to the namespace {@code nsFd} refers to. */
    public static void encodeSet(MessageWriter w, int nsFd, int id) {
        int m = w.beginMessage(Rtnetlink.RTM_NEWNSID, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK);
        w.rtgenmsg(0);
        w.attrU32(NetNamespace.NETNSA_FD, nsFd);
        w.attrU32(NetNamespace.NETNSA_NSID, id);
        w.endMessage(m);
    }

    /** RTM_GETNSID dump: every id assigned. */
    public static void encodeDump(MessageWriter w) {
        int m = w.beginMessage(Rtnetlink.RTM_GETNSID, Netlink.NLM_F_REQUEST | Netlink.NLM_F_DUMP);
        w.rtgenmsg(0);
        w.endMessage(m);
    }

    /** Whether the message at {@code off} is RTM_DELNSID (a notification that an id went away). */
    public static boolean isDelete(MemorySegment s, long off) {
        return Nlmsg.type(s, off) == Rtnetlink.RTM_DELNSID;
    }

    /**
     * The NETNSA_NSID of the RTM_NEWNSID/RTM_DELNSID at {@code off}, or -1 when none is assigned
     * (NETNSA_NSID_NOT_ASSIGNED) or the message is of another type.
     */
    public static int decode(MemorySegment s, long off, int len) throws ProtocolException {
        int t = Nlmsg.type(s, off);
        if (t != Rtnetlink.RTM_NEWNSID && t != Rtnetlink.RTM_DELNSID) return NetNamespace.NETNSA_NSID_NOT_ASSIGNED;
        Attrs a = Attrs.ofMessage(s, off, len, RTGENMSG, "RTM_NEWNSID", "rtgenmsg");
        int id = NetNamespace.NETNSA_NSID_NOT_ASSIGNED;
        while (a.next()) if (a.type() == NetNamespace.NETNSA_NSID) id = a.u32();
        return id < 0 ? NetNamespace.NETNSA_NSID_NOT_ASSIGNED : id;
    }
}
