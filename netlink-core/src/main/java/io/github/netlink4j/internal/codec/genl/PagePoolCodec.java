package io.github.netlink4j.internal.codec.genl;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.genl.netdev.NetdevPagePool;
import io.github.netlink4j.genl.netdev.PagePoolEvent;
import io.github.netlink4j.internal.wire.Nlmsg;
import io.github.netlink4j.internal.wire.spec.SpecValues;
import io.github.netlink4j.internal.wire.spec.gen.NetdevSpec;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static io.github.netlink4j.internal.wire.spec.gen.Netdev.NETDEV_CMD_PAGE_POOL_ADD_NTF;
import static io.github.netlink4j.internal.wire.spec.gen.Netdev.NETDEV_CMD_PAGE_POOL_CHANGE_NTF;
import static io.github.netlink4j.internal.wire.spec.gen.Netdev.NETDEV_CMD_PAGE_POOL_DEL_NTF;

/**
 * The netdev family's page pools (the {@code page-pool} attribute set) and the notifications of its
 * {@code page-pool} group, decoded through the spec's names.
 */
public final class PagePoolCodec {
    private PagePoolCodec() {}

    /** The multicast group of the page-pool notifications. */
    public static final String GROUP = "page-pool";
    /** Messages of one notification datagram decoded at most; the kernel packs far fewer. */
    private static final int MAX_MESSAGES = 4096;

    /** The page pool in the message at {@code off}. */
    public static NetdevPagePool decode(MemorySegment s, long off, int len) throws ProtocolException {
        if (len < Nlmsg.HDRLEN + GenlCodec.GENL_HDRLEN) throw new ProtocolException("netdev page-pool message of " + len + " bytes has no genlmsghdr");
        Map<String, Object> p = SpecValues.decode(s, off + Nlmsg.HDRLEN + GenlCodec.GENL_HDRLEN, off + len, NetdevSpec.SPEC, "page-pool");
        if (!(p.get("id") instanceof Long id)) throw new ProtocolException("netdev page-pool message without NETDEV_A_PAGE_POOL_ID");
        return new NetdevPagePool(id, positive(p.get("ifindex")), number(p.get("napi-id")), number(p.get("inflight")),
                number(p.get("inflight-mem")), number(p.get("detach-time")),
                p.get("dmabuf") instanceof Long d ? OptionalInt.of(d.intValue()) : OptionalInt.empty());
    }

    /**
     * The page-pool notifications of the datagram {@code [0, n)} of {@code s} (NETDEV_CMD_PAGE_POOL_ADD_NTF,
     * _DEL_NTF, _CHANGE_NTF of family {@code familyId}); other messages are skipped.
     */
    public static List<PagePoolEvent> decodeEvents(MemorySegment s, int n, int familyId) throws ProtocolException {
        List<PagePoolEvent> out = new ArrayList<>();
        long off = 0;
        for (int i = 0; i < MAX_MESSAGES && off + Nlmsg.HDRLEN <= n; i++) {
            int len = Nlmsg.len(s, off);
            if (len < Nlmsg.HDRLEN || off + len > n) throw new ProtocolException("netlink message of " + len + " bytes at offset " + off + " of a " + n + "-byte datagram");
            if (Nlmsg.type(s, off) == familyId && len >= Nlmsg.HDRLEN + GenlCodec.GENL_HDRLEN) {
                PagePoolEvent.Action action = switch (Nlmsg.u8(s, off + Nlmsg.HDRLEN)) {
                    case NETDEV_CMD_PAGE_POOL_ADD_NTF -> PagePoolEvent.Action.ADD;
                    case NETDEV_CMD_PAGE_POOL_DEL_NTF -> PagePoolEvent.Action.DELETE;
                    case NETDEV_CMD_PAGE_POOL_CHANGE_NTF -> PagePoolEvent.Action.CHANGE;
                    default -> null;
                };
                if (action != null) out.add(new PagePoolEvent(action, decode(s, off, len)));
            } else if (Nlmsg.type(s, off) == familyId) {
                throw new ProtocolException("netdev notification of " + len + " bytes has no genlmsghdr");
            }
            off += Nlmsg.align(len);
        }
        return out;
    }

    /** A device index of 0 is the kernel's word for a pool whose device is gone (orphaned pools move to loopback). */
    private static OptionalInt positive(Object v) {
        return v instanceof Long l && l > 0 ? OptionalInt.of(l.intValue()) : OptionalInt.empty();
    }

    private static OptionalLong number(Object v) {
        return v instanceof Long l ? OptionalLong.of(l) : OptionalLong.empty();
    }
}
