package io.github.netlink4j.internal.wire;

import io.github.netlink4j.error.ProtocolException;

import java.lang.foreign.MemorySegment;
import java.util.ServiceLoader;

/**
 * Names the attribute of a request that an extended-ACK offset points at, as a path such as
 * {@code IFLA_LINKINFO › IFLA_INFO_DATA › VETH_INFO_PEER › IFLA_IFNAME}. Walks the request we sent
 * (still in our buffer) with the same bounds checks as every decoder, naming each attribute from the
 * {@link MessageLayout} of the request's type; nothing here knows a family or a link kind.
 */
public final class AttrNames {
    private AttrNames() {}

    /** Deepest nest followed: a path deeper than this is cut there (a message nests far less). */
    private static final int MAX_DEPTH = 16;

    /**
     * The rtnetlink layouts, described by the registry of object families above this layer and found as
     * a service the first time an error needs naming: the wire layer may not name that registry. Null
     * if the service is missing (a jar repackaged without META-INF/services): paths are then not named,
     * which AttrNamesTest catches for our own build.
     */
    private static final class Registered {
        static final MessageLayouts LAYOUTS = ServiceLoader.load(MessageLayouts.class, AttrNames.class.getClassLoader())
                .findFirst().orElse(null);
    }

    /** No layout for any type. */
    private static final MessageLayouts NONE = type -> null;

    /**
     * The path of the attribute at {@code offset} (relative to the message start) in the rtnetlink request
     * at {@code msg}, or null if the offset points at no attribute (a header field, or past the end) or the
     * message type is not one the library describes.
     */
    public static String pathAt(MemorySegment s, long msg, int offset) {
        MessageLayouts l = Registered.LAYOUTS;
        return pathAt(s, msg, offset, l != null ? l : NONE);
    }

    /** The same, with the message types laid out by {@code layouts}. */
    public static String pathAt(MemorySegment s, long msg, int offset, MessageLayouts layouts) {
        try {
            if (offset < Nlmsg.HDRLEN || msg + Nlmsg.HDRLEN > s.byteSize()) return null;
            int len = Nlmsg.len(s, msg);
            if (len < Nlmsg.HDRLEN || msg + len > s.byteSize() || offset >= len) return null;
            MessageLayout layout = layouts.of(Nlmsg.type(s, msg));
            if (layout == null) return null;
            long target = msg + offset;
            long start = msg + Nlmsg.HDRLEN + layout.header();
            if (target < start) return null;
            StringBuilder path = new StringBuilder();
            walk(s, start, msg + len, target, layout.attributes(), layout.attributes(), path, 0);
            return path.isEmpty() ? null : path.toString();
        } catch (RuntimeException | ProtocolException e) {
            return null;
        }
    }

    private static void walk(MemorySegment s, long start, long end, long target, AttrTable table, AttrTable root,
                             StringBuilder path, int depth) throws ProtocolException {
        Attrs a = new Attrs().reset(s, start, end, null);
        String selected = null;
        while (a.next()) {
            long attrStart = a.payloadOffset() - 4;
            long attrEnd = a.payloadOffset() + a.payloadLength();
            if (table.isSelector(a.type())) selected = a.string();
            if (target < attrStart || target >= Math.max(attrEnd, attrStart + 4)) continue;
            if (!path.isEmpty()) path.append(" › ");
            path.append(table.name(a.type()));
            if (target < a.payloadOffset()) return;
            AttrTable.Descent d = table.descent(a.type());
            if (d == null || depth >= MAX_DEPTH) return;
            AttrTable inner = d.inner(selected, root);
            long from = a.payloadOffset() + d.header();
            if (inner != null && target >= from) walk(s, from, attrEnd, target, inner, root, path, depth + 1);
            return;
        }
    }

    /**
     * The path of the attribute at {@code offset} in a request of a family whose names are not known
     * here, after a fixed family header of {@code header} bytes: attribute numbers, descending into
     * attributes flagged NLA_F_NESTED ({@code attribute 1 › attribute 2}); null if the offset points at
     * no attribute.
     */
    public static String numericPathAt(MemorySegment s, long msg, int offset, int header) {
        try {
            if (offset < Nlmsg.HDRLEN + header || msg + Nlmsg.HDRLEN > s.byteSize()) return null;
            int len = Nlmsg.len(s, msg);
            if (len < Nlmsg.HDRLEN || msg + len > s.byteSize() || offset >= len) return null;
            StringBuilder path = new StringBuilder();
            walkNumeric(s, msg + Nlmsg.HDRLEN + header, msg + len, msg + offset, path, 0);
            return path.isEmpty() ? null : path.toString();
        } catch (RuntimeException | ProtocolException e) {
            return null;
        }
    }

    private static void walkNumeric(MemorySegment s, long start, long end, long target, StringBuilder path, int depth)
            throws ProtocolException {
        Attrs a = new Attrs().reset(s, start, end, null);
        while (a.next()) {
            long attrStart = a.payloadOffset() - 4;
            long attrEnd = a.payloadOffset() + a.payloadLength();
            if (target < attrStart || target >= Math.max(attrEnd, attrStart + 4)) continue;
            if (!path.isEmpty()) path.append(" › ");
            path.append("attribute ").append(a.type());
            if (target >= a.payloadOffset() && a.nested() && depth < 16) walkNumeric(s, a.payloadOffset(), attrEnd, target, path, depth + 1);
            return;
        }
    }
}
