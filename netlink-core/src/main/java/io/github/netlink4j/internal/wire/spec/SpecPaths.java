package io.github.netlink4j.internal.wire.spec;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.internal.wire.Nlmsg;

import java.lang.foreign.MemorySegment;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Names the attribute of a generic netlink request that an extended-ACK offset points at, with the C
 * names of the family's spec: {@code ETHTOOL_A_CHANNELS_HEADER › ETHTOOL_A_HEADER_DEV_NAME}. The request's
 * command picks the operation, the operation its attribute set, and each nest the set it holds.
 *
 * <p>Generic netlink family ids are given out by the kernel when a family registers, and one kernel
 * gives one id to a family in every namespace; the handle that resolves a family by name through nlctrl
 * tells this class the id ({@link #register}), and the socket's error path, which sees only the request's
 * bytes, finds the spec by the message type. A request of a family nobody registered is not named here
 * (null), and the socket falls back to attribute numbers.
 */
public final class SpecPaths {
    private SpecPaths() {}

    private static final Map<Integer, FamilySpec> BY_ID = new ConcurrentHashMap<>();
    /** Deepest nest followed. */
    private static final int MAX_DEPTH = 16;
    /** sizeof(struct genlmsghdr). */
    private static final int GENL_HDRLEN = 4;

    /** Remembers that generic netlink family id {@code id} is the family {@code spec} describes. */
    public static void register(int id, FamilySpec spec) {
        BY_ID.put(id, spec);
    }

    /** The path of the attribute at {@code offset} of the generic netlink request at {@code msg}, or null. */
    public static String pathAt(MemorySegment s, long msg, int offset) {
        try {
            if (msg + Nlmsg.HDRLEN > s.byteSize()) return null;
            FamilySpec spec = BY_ID.get(Nlmsg.type(s, msg));
            return spec == null ? null : pathAt(s, msg, offset, spec);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The same, with the family given: null when the offset points at no attribute or the command is not in the spec. */
    public static String pathAt(MemorySegment s, long msg, int offset, FamilySpec spec) {
        return path(s, msg, offset, spec, false);
    }

    /**
     * The same path in the spec's own attribute names, joined by dots as YNL writes a request's
     * ({@code header.dev-name}; an array's entry is {@code [2]}); null where {@link #pathAt} is.
     */
    public static String specPathAt(MemorySegment s, long msg, int offset, FamilySpec spec) {
        return path(s, msg, offset, spec, true);
    }

    private static String path(MemorySegment s, long msg, int offset, FamilySpec spec, boolean specNames) {
        try {
            int head = Nlmsg.HDRLEN + GENL_HDRLEN + spec.fixedHeader();
            if (offset < head || msg + head > s.byteSize()) return null;
            int len = Nlmsg.len(s, msg);
            if (len < head || msg + len > s.byteSize() || offset >= len) return null;
            int cmd = Nlmsg.u8(s, msg + Nlmsg.HDRLEN);
            OpSpec op = spec.opOfRequest(cmd).orElse(null);
            if (op == null || op.set() == null) return null;
            StringBuilder path = new StringBuilder();
            walk(s, msg + head, msg + len, msg + offset, spec, spec.set(op.set()), path, 0, specNames);
            return path.isEmpty() ? null : path.toString();
        } catch (RuntimeException | ProtocolException e) {
            return null;
        }
    }

    private static void walk(MemorySegment s, long start, long end, long target, FamilySpec spec, AttrSetSpec set,
                             StringBuilder path, int depth, boolean specNames) throws ProtocolException {
        Attrs a = new Attrs().reset(s, start, end, null);
        while (a.next()) {
            long attrStart = a.payloadOffset() - 4;
            long attrEnd = a.payloadOffset() + a.payloadLength();
            if (target < attrStart || target >= Math.max(attrEnd, attrStart + 4)) continue;
            if (!path.isEmpty()) path.append(specNames ? "." : " › ");
            AttrSpec at = set == null ? null : set.attr(a.type()).orElse(null);
            path.append(at == null ? "attribute " + a.type() : specNames ? at.name() : at.cName());
            if (target < a.payloadOffset() || at == null || at.nested() == null || depth >= MAX_DEPTH) return;
            AttrSetSpec inner = spec.set(at.nested());
            if (at.type() == AttrType.NEST) {
                walk(s, a.payloadOffset(), attrEnd, target, spec, inner, path, depth + 1, specNames);
            } else if (at.type() == AttrType.INDEXED_ARRAY || at.type() == AttrType.NEST_TYPE_VALUE) {
                walkEntries(s, a.payloadOffset(), attrEnd, target, spec, inner, path, depth + 1, specNames);
            }
            return;
        }
    }

    /** An array's entries are numbered, not named: {@code [2]}, then the element's attributes. */
    private static void walkEntries(MemorySegment s, long start, long end, long target, FamilySpec spec, AttrSetSpec inner,
                                    StringBuilder path, int depth, boolean specNames) throws ProtocolException {
        Attrs a = new Attrs().reset(s, start, end, null);
        while (a.next()) {
            long attrStart = a.payloadOffset() - 4;
            long attrEnd = a.payloadOffset() + a.payloadLength();
            if (target < attrStart || target >= Math.max(attrEnd, attrStart + 4)) continue;
            path.append(specNames ? "[" : " › [").append(a.type()).append(']');
            if (target >= a.payloadOffset()) walk(s, a.payloadOffset(), attrEnd, target, spec, inner, path, depth, specNames);
            return;
        }
    }
}
