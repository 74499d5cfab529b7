package io.github.netlink4j;

import io.github.netlink4j.error.KernelException;
import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.transport.NetlinkSocket;
import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.internal.wire.Nlmsg;
import io.github.netlink4j.internal.wire.uapi.NetNamespace;
import io.github.netlink4j.internal.wire.uapi.Netlink;
import io.github.netlink4j.internal.wire.uapi.Rtnetlink;

import java.util.OptionalInt;

/**
 * Namespace ids (RTM_GETNSID/RTM_NEWNSID): the numbers by which the client's namespace refers to
 * other namespaces, e.g. in a veth's {@code IFLA_LINK_NETNSID} ({@code link-netnsid 0} in ip).
 */
public final class Nsids {
    private final NetlinkSocket socket;

    Nsids(NetlinkSocket socket) {
        this.socket = socket;
    }

    /** The id this namespace has for {@code ns}, if one is assigned ({@code ip netns list-id}). */
    public OptionalInt get(io.github.netlink4j.NetNamespace ns) throws NetlinkException {
        int fd = ns.fd();
        int[] id = {NetNamespace.NETNSA_NSID_NOT_ASSIGNED};
        socket.request(w -> {
            int m = w.beginMessage(Rtnetlink.RTM_GETNSID, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK);
            w.rtgenmsg(0);
            w.attrU32(NetNamespace.NETNSA_FD, fd);
            w.endMessage(m);
        }, (s, off, len) -> id[0] = nsid(s, off, len), "get nsid");
        return id[0] < 0 ? OptionalInt.empty() : OptionalInt.of(id[0]);
    }

    /** Assigns id {@code id} to {@code ns} ({@code ip netns set NAME ID}); -1 lets the kernel choose. */
    public void set(io.github.netlink4j.NetNamespace ns, int id) throws NetlinkException {
        if (id < -1) throw new IllegalArgumentException("nsid must be >= 0, or -1 for auto");
        int fd = ns.fd();
        try {
            socket.request(w -> {
                int m = w.beginMessage(Rtnetlink.RTM_NEWNSID, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK);
                w.rtgenmsg(0);
                w.attrU32(NetNamespace.NETNSA_FD, fd);
                w.attrU32(NetNamespace.NETNSA_NSID, id);
                w.endMessage(m);
            }, null, "set nsid");
        } catch (KernelException e) {
            throw Errors.specific(e, "nsid " + id, null, null);
        }
    }

    /** The id of {@code ns}, assigning one first if it has none. */
    public int getOrAssign(io.github.netlink4j.NetNamespace ns) throws NetlinkException {
        OptionalInt id = get(ns);
        if (id.isPresent()) return id.getAsInt();
        try {
            set(ns, -1);
        } catch (io.github.netlink4j.error.AlreadyExistsException raced) {
            // another process assigned one meanwhile: read it below
        }
        return get(ns).orElseThrow();
    }

    /** Every id this namespace has assigned to another namespace ({@code ip netns list-id}). */
    public java.util.List<Integer> list() throws NetlinkException {
        java.util.List<Integer> out = new java.util.ArrayList<>();
        socket.dump(w -> {
            int m = w.beginMessage(Rtnetlink.RTM_GETNSID, Netlink.NLM_F_REQUEST | Netlink.NLM_F_DUMP);
            w.rtgenmsg(0);
            w.endMessage(m);
        }, (s, off, len) -> {
            int id = nsid(s, off, len);
            if (id >= 0) out.add(id);
        }, out::clear, "nsids");
        return out;
    }

    static int nsidOf(java.lang.foreign.MemorySegment s, long off, int len) throws ProtocolException {
        return nsid(s, off, len);
    }

    private static int nsid(java.lang.foreign.MemorySegment s, long off, int len) throws ProtocolException {
        int t = Nlmsg.type(s, off);
        if (t != Rtnetlink.RTM_NEWNSID && t != Rtnetlink.RTM_DELNSID) return NetNamespace.NETNSA_NSID_NOT_ASSIGNED;
        if (len < Nlmsg.HDRLEN + 4) throw new ProtocolException("RTM_NEWNSID of " + len + " bytes");
        Attrs a = new Attrs().reset(s, off + Nlmsg.HDRLEN + 4, off + len, "RTM_NEWNSID");
        int id = NetNamespace.NETNSA_NSID_NOT_ASSIGNED;
        while (a.next()) if (a.type() == NetNamespace.NETNSA_NSID) id = a.u32();
        return id;
    }
}
