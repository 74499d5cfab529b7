package io.github.netlink4j.internal.wire;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.uapi.Netlink;

import java.lang.foreign.MemorySegment;

/**
 * A decoded {@code NLMSG_ERROR}: the error code (0 for an ACK) and the extended-ACK attributes.
 *
 * @param error       0 for an ACK, else a negative errno
 * @param message     NLMSGERR_ATTR_MSG, or null
 * @param offset      NLMSGERR_ATTR_OFFS (offset into the request, from its nlmsghdr), or -1
 * @param missingType NLMSGERR_ATTR_MISS_TYPE, or -1
 * @param missingNest NLMSGERR_ATTR_MISS_NEST, or -1
 */
public record NlError(int error, String message, int offset, int missingType, int missingNest) {
    /** The largest errno Linux has room for (MAX_ERRNO in include/linux/err.h). */
    static final int MAX_ERRNO = 4095;

    /** Decodes the NLMSG_ERROR (or NLMSG_DONE, whose payload starts with an int too) at {@code off}. */
    public static NlError decode(MemorySegment s, long off, int len) throws ProtocolException {
        int type = Nlmsg.type(s, off);
        int flags = Nlmsg.flags(s, off);
        if (len < Nlmsg.HDRLEN + 4) throw new ProtocolException("truncated " + (type == Netlink.NLMSG_DONE ? "NLMSG_DONE" : "NLMSG_ERROR") + ": " + len + " bytes");
        int error = Nlmsg.s32(s, off + Nlmsg.HDRLEN);
        if (error < -MAX_ERRNO || (error > 0 && type != Netlink.NLMSG_DONE)) {
            throw new ProtocolException((type == Netlink.NLMSG_DONE ? "NLMSG_DONE" : "NLMSG_ERROR") + " carries " + error + ", not an errno");
        }
        long tlvs;
        if (type == Netlink.NLMSG_DONE) {
            tlvs = off + Nlmsg.HDRLEN + 4;
        } else {
            if (len < Nlmsg.HDRLEN + 4 + Nlmsg.HDRLEN) throw new ProtocolException("NLMSG_ERROR without the request header: " + len + " bytes");
            long inner = off + Nlmsg.HDRLEN + 4;
            if ((flags & Netlink.NLM_F_CAPPED) != 0 || error == 0 && (flags & Netlink.NLM_F_ACK_TLVS) == 0) {
                tlvs = inner + Nlmsg.HDRLEN;
            } else {
                int innerLen = Nlmsg.len(s, inner);
                if (innerLen < Nlmsg.HDRLEN || innerLen > len - Nlmsg.HDRLEN - 4) {
                    throw new ProtocolException("NLMSG_ERROR echoes a request of length " + Integer.toUnsignedString(innerLen)
                            + " in " + len + " bytes");
                }
                tlvs = inner + Nlmsg.align(innerLen);
            }
        }
        String msg = null;
        int offs = -1, missType = -1, missNest = -1;
        long end = off + len;
        if ((flags & Netlink.NLM_F_ACK_TLVS) != 0 && tlvs <= end) {
            Attrs a = new Attrs().reset(s, tlvs, end, "extended ACK");
            while (a.next()) {
                switch (a.type()) {
                    case Netlink.NLMSGERR_ATTR_MSG -> msg = a.string();
                    case Netlink.NLMSGERR_ATTR_OFFS -> offs = a.u32();
                    case Netlink.NLMSGERR_ATTR_MISS_TYPE -> missType = a.u32();
                    case Netlink.NLMSGERR_ATTR_MISS_NEST -> missNest = a.u32();
                    default -> { }
                }
            }
        } else if ((flags & Netlink.NLM_F_ACK_TLVS) != 0) {
            throw new ProtocolException("NLMSG_ERROR says it carries extended ACK attributes but echoes more than its length");
        }
        return new NlError(error, msg, offs, missType, missNest);
    }

    /** The positive errno. */
    public int errno() {
        return -error;
    }
}
